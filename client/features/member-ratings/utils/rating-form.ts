import { formatPercentX100 } from '../../../../shared/format';
import type { MemberRatingShare } from '../../../../shared/indicator';
import {
  type CapCheck,
  excellentCap,
  type MemberRatingBody,
  type MemberRatingDto,
  memberRatingBody,
  RATING_LEVEL_LABELS,
  RATING_LEVELS,
  type RatingCounts,
  type RatingLevel,
  type RatingWarning,
  ratingShares,
  ratingTotal,
  ratingWarnings,
} from '../../../../shared/ratings';
import { parseDecimalX100, ratioPercentX100 } from '../../../../shared/value';
import { readVietnameseDecimal, toVietnameseInput } from '../../values/utils/vietnamese-number';

// The ratings form as typed: four counts written the Vietnamese way ("1.234"), the box for a
// unit with outstanding results and a note. Read by the same rules the server applies
// (shared/ratings.ts), so the percentages and the cap warning shown while typing are those
// the server will store and send back.

export interface RatingFormState {
  excellent: string;
  good: string;
  complete: string;
  notComplete: string;
  /** Members not rated this year: kept, left out of both shares. */
  unrated: string;
  outstanding: boolean;
  note: string;
}

export type RatingField = RatingLevel | 'unrated' | 'note';

export function formFromRating(r: MemberRatingDto | null): RatingFormState {
  const shown = (n: number | undefined) => (n === undefined ? '' : toVietnameseInput(n));
  return {
    excellent: shown(r?.excellent),
    good: shown(r?.good),
    complete: shown(r?.complete),
    notComplete: shown(r?.notComplete),
    unrated: r?.unrated ? shown(r.unrated) : '',
    outstanding: r?.outstanding ?? false,
    note: r?.note ?? '',
  };
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** A count as typed; an empty field is 0, as on the paper form. */
export function readCount(text: string): number | null {
  if (text.trim() === '') return 0;
  const plain = readVietnameseDecimal(text);
  const x100 = plain === null ? null : parseDecimalX100(plain, 0);
  return x100 === null ? null : x100 / 100;
}

export interface SharePreview {
  numerator: number;
  denominator: number;
  /** "92,86%", as the server formats it; null while nobody is counted. */
  display: string | null;
}

export interface RatingCheck {
  /** The counts when all four can be read, for the live preview. */
  counts: RatingCounts | null;
  total: number | null;
  shares: Record<MemberRatingShare, SharePreview> | null;
  cap: CapCheck | null;
  warnings: RatingWarning[];
  /** What is wrong, by field ('excellent' also carries "the total must be above 0"). */
  problems: Partial<Record<RatingField, string>>;
  /** The body to send, when nothing is wrong. */
  body: MemberRatingBody | null;
}

/** Reads the form and checks it with the schema of the server, for the preview and the save. */
export function checkRatingForm(form: RatingFormState, version: number): RatingCheck {
  const problems: Partial<Record<RatingField, string>> = {};
  const read: Partial<Record<RatingLevel, number>> = {};
  for (const level of RATING_LEVELS) {
    const n = readCount(form[level]);
    if (n === null)
      problems[level] =
        `Số đảng viên ${lowerFirst(RATING_LEVEL_LABELS[level])} phải là một số nguyên không âm, ví dụ 12.`;
    else read[level] = n;
  }
  const unrated = readCount(form.unrated);
  if (unrated === null)
    problems.unrated = 'Số đảng viên chưa xếp loại phải là một số nguyên không âm, ví dụ 2.';
  const complete = RATING_LEVELS.every((l) => read[l] !== undefined);
  const counts: RatingCounts | null = complete
    ? {
        excellent: read.excellent!,
        good: read.good!,
        complete: read.complete!,
        notComplete: read.notComplete!,
        unrated: unrated ?? 0,
        outstanding: form.outstanding,
      }
    : null;

  let body: MemberRatingBody | null = null;
  if (counts) {
    const parsed = memberRatingBody.safeParse({
      excellent: counts.excellent,
      good: counts.good,
      complete: counts.complete,
      notComplete: counts.notComplete,
      ...(counts.unrated ? { unrated: counts.unrated } : {}),
      outstanding: counts.outstanding,
      note: form.note,
      version,
    });
    if (parsed.success) body = parsed.data;
    else
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        const at: RatingField =
          typeof field === 'string' && (RATING_LEVELS as readonly string[]).includes(field)
            ? (field as RatingLevel)
            : field === 'note' || field === 'unrated'
              ? field
              : 'excellent';
        problems[at] ??= issue.message;
      }
  }

  const total = counts ? ratingTotal(counts) : null;
  const shares = counts
    ? (Object.fromEntries(
        Object.entries(ratingShares(counts)).map(([share, { numerator, denominator }]) => [
          share,
          {
            numerator,
            denominator,
            display: denominator > 0 ? formatPercentX100(ratioPercentX100(numerator, denominator)) : null,
          },
        ]),
      ) as Record<MemberRatingShare, SharePreview>)
    : null;
  return {
    counts,
    total,
    shares,
    cap: counts ? excellentCap(counts) : null,
    warnings: counts ? ratingWarnings(counts) : [],
    problems,
    body,
  };
}

/** Whether the form differs from what is stored (nothing stored: whether anything was typed). */
export function formChanged(form: RatingFormState, stored: MemberRatingDto | null): boolean {
  const base = formFromRating(stored);
  const same = (a: string, b: string) => (readCount(a) ?? a) === (readCount(b) ?? b);
  if (
    !stored &&
    [...RATING_LEVELS, 'unrated' as const].every((l) => form[l].trim() === '') &&
    !form.outstanding &&
    !form.note.trim()
  )
    return false;
  return (
    !stored ||
    [...RATING_LEVELS, 'unrated' as const].some((l) => !same(form[l], base[l])) ||
    form.outstanding !== base.outstanding ||
    form.note.trim() !== base.note.trim()
  );
}
