import { z } from 'zod';
import { formatNumber, formatPercentX100 } from './format';
import type { MemberRatingShare } from './indicator';
import { ratioPercentX100 } from './value';
import { plainText } from './zod-vi';

// docs/rules.md, "Member ratings": a cell reports how many of its members fall in each of the
// four levels of the yearly rating; the share rated good or better and the share rated
// excellent follow from it. The number rated excellent may not pass 20% (25% for a unit with
// outstanding results) of those rated good or better: a report that does is saved with a
// warning, never refused (docs/decisions/003-entry-batches-lines-ratings.md says why "good or better").

export const RATING_LEVELS = ['excellent', 'good', 'complete', 'notComplete'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

export const RATING_LEVEL_LABELS: Record<RatingLevel, string> = {
  excellent: 'Hoàn thành xuất sắc nhiệm vụ',
  good: 'Hoàn thành tốt nhiệm vụ',
  complete: 'Hoàn thành nhiệm vụ',
  notComplete: 'Không hoàn thành nhiệm vụ',
};

export const RATING_LEVEL_SHORT: Record<RatingLevel, string> = {
  excellent: 'HTXSNV',
  good: 'HTTNV',
  complete: 'HTNV',
  notComplete: 'KHTNV',
};

export interface RatingCounts {
  excellent: number;
  good: number;
  complete: number;
  notComplete: number;
  /**
   * Members not rated this year (miễn đánh giá, mới kết nạp chưa đủ thời gian…): kept, and
   * left out of both shares' denominators and of the total rated. Absent: none.
   */
  unrated?: number;
  /** A unit with outstanding results may rate up to 25% excellent. */
  outstanding: boolean;
}

/** The four counts of several units added up, as a committee's are when it has no report of its own. */
export function sumRatings(all: readonly RatingCounts[]): RatingCounts {
  const sum = { excellent: 0, good: 0, complete: 0, notComplete: 0, unrated: 0, outstanding: false };
  for (const r of all) {
    sum.excellent += r.excellent;
    sum.good += r.good;
    sum.complete += r.complete;
    sum.notComplete += r.notComplete;
    sum.unrated += r.unrated ?? 0;
  }
  return sum;
}

export const CAP_PERCENT = 20;
export const OUTSTANDING_CAP_PERCENT = 25;

/** The members rated: the four levels, without those not rated. */
export function ratingTotal(r: RatingCounts): number {
  return r.excellent + r.good + r.complete + r.notComplete;
}

/** The two ratios a rating gives: numerator and denominator, as the ratio indicators store them. */
export function ratingShares(
  r: RatingCounts,
): Record<MemberRatingShare, { numerator: number; denominator: number }> {
  const total = ratingTotal(r);
  return {
    good_or_better: { numerator: r.excellent + r.good, denominator: total },
    excellent: { numerator: r.excellent, denominator: total },
  };
}

export interface CapCheck {
  percent: number;
  /** Those rated good or better: what the cap is a share of. */
  base: number;
  /** The most that may be rated excellent. */
  allowed: number;
  broken: boolean;
}

/** The cap on "Hoàn thành xuất sắc nhiệm vụ", in integers: allowed = ⌊percent × base / 100⌋. */
export function excellentCap(r: RatingCounts): CapCheck {
  const percent = r.outstanding ? OUTSTANDING_CAP_PERCENT : CAP_PERCENT;
  const base = r.excellent + r.good;
  const allowed = Math.floor((percent * base) / 100);
  return { percent, base, allowed, broken: r.excellent > allowed };
}

export interface RatingWarning {
  code: 'excellent_cap';
  message: string;
}

export function ratingWarnings(r: RatingCounts): RatingWarning[] {
  const cap = excellentCap(r);
  if (!cap.broken) return [];
  // Broken means excellent > 0, so the base (excellent + good) is never 0 here.
  const share = formatPercentX100(ratioPercentX100(r.excellent, cap.base));
  return [
    {
      code: 'excellent_cap',
      message:
        `Số đảng viên hoàn thành xuất sắc nhiệm vụ (${formatNumber(r.excellent)}, bằng ${share} số hoàn thành tốt nhiệm vụ trở lên) ` +
        `vượt quá mức ${cap.percent}% theo quy định: nhiều nhất ${formatNumber(cap.allowed)} trên ${formatNumber(cap.base)} đảng viên.`,
    },
  ];
}

/** The evidence written beside the two results: where they come from. */
export function ratingNote(r: RatingCounts, extra: string | null): string {
  const counts = RATING_LEVELS.map((l) => `${formatNumber(r[l])} ${RATING_LEVEL_SHORT[l]}`).join(', ');
  const unrated = r.unrated ? `; ${formatNumber(r.unrated)} đảng viên chưa xếp loại` : '';
  const base = `Theo xếp loại ${formatNumber(ratingTotal(r))} đảng viên: ${counts}${unrated}.`;
  return extra ? `${base} ${extra}` : base;
}

const memberCount = (label: string) =>
  z
    .number({ error: `Số đảng viên ${label} phải là một số nguyên không âm.` })
    .int({ error: `Số đảng viên ${label} phải là một số nguyên không âm.` })
    .min(0, { error: `Số đảng viên ${label} phải là một số nguyên không âm.` })
    .max(1_000_000, { error: `Số đảng viên ${label} quá lớn.` });

export const memberRatingBody = z
  .strictObject({
    excellent: memberCount('hoàn thành xuất sắc nhiệm vụ'),
    good: memberCount('hoàn thành tốt nhiệm vụ'),
    complete: memberCount('hoàn thành nhiệm vụ'),
    notComplete: memberCount('không hoàn thành nhiệm vụ'),
    unrated: memberCount('chưa xếp loại').optional(),
    outstanding: z.boolean({ error: '"outstanding" phải là true hoặc false.' }).optional(),
    note: plainText(z.string().trim().max(2000, { error: 'Ghi chú dài quá 2.000 ký tự.' }), 'Ghi chú', {
      lines: true,
      required: false,
    }).optional(),
    version: z.number().int().min(0, { error: 'Phiên bản phải là số nguyên không âm.' }).optional(),
  })
  .refine((b) => b.excellent + b.good + b.complete + b.notComplete > 0, {
    error: 'Tổng số đảng viên được xếp loại phải lớn hơn 0.',
    path: ['excellent'],
  });

export type MemberRatingBody = z.infer<typeof memberRatingBody>;

export const memberRatingSchema = z.object({
  unitId: z.string(),
  period: z.string(),
  excellent: z.number(),
  good: z.number(),
  complete: z.number(),
  notComplete: z.number(),
  /** Members not rated this year, left out of `total` and of both shares. */
  unrated: z.number().optional(),
  outstanding: z.boolean(),
  note: z.string().nullable(),
  /** The members rated. */
  total: z.number(),
  /** 0 for a sum of the units below, which is not stored. */
  version: z.number(),
  updatedAt: z.string(),
  /** `entered`: the unit's own report; `units`: the sum of its units' (their own, else theirs). */
  source: z.enum(['entered', 'units']).optional(),
  /** With `units`: how many units below reported, out of those the ratings concern. */
  coverage: z.object({ reported: z.number(), total: z.number() }).optional(),
});

export type MemberRatingDto = z.infer<typeof memberRatingSchema>;
