import { and, eq } from 'drizzle-orm';
import { formatPercentX100 } from '../../shared/format';
import { MEMBER_RATING_SHARES } from '../../shared/indicator';
import type { Period } from '../../shared/period';
import {
  type MemberRatingBody,
  type MemberRatingDto,
  type RatingCounts,
  ratingNote,
  ratingShares,
  ratingTotal,
  ratingWarnings,
} from '../../shared/ratings';
import type { ResultDto } from '../../shared/schemas/values';
import { ratioPercentX100 } from '../../shared/value';
import type { Db, DbOrTx } from '../db/client';
import { type MemberRatingRow, memberRatings, type UnitRow, type UserRow } from '../db/schema';
import { assertVersion, putVersioned } from '../db/versioned';
import { type Catalogue, catalogue, toIndicatorDef } from './catalogue';
import { recordChange } from './history';
import { assertUnlocked } from './locks';
import { applyWrite, currentResult, writeOver } from './value-writes';
import { resultDto } from './values';

// The member ratings of a chi bộ (docs/rules.md, "Member ratings"): its members counted by
// rating level, stored as entered, and the two shares that follow written as the results of
// the ratio indicators bound to them.

const ratingDto = (r: MemberRatingRow): MemberRatingDto => ({
  unitId: String(r.unitId),
  period: r.period,
  excellent: r.excellent,
  good: r.good,
  complete: r.complete,
  notComplete: r.notComplete,
  outstanding: r.outstanding,
  note: r.note,
  total: ratingTotal(r),
  version: r.version,
  updatedAt: r.updatedAt,
});

const storedRating = (db: DbOrTx, unitId: number, period: string) =>
  db
    .select()
    .from(memberRatings)
    .where(and(eq(memberRatings.unitId, unitId), eq(memberRatings.period, period)))
    .get();

/** The indicators that receive each share, if the catalogue binds them. */
const boundIndicators = (cat: Catalogue) =>
  MEMBER_RATING_SHARES.map((share) => ({
    share,
    indicator: cat.indicators.find((i) => i.memberRating === share && i.kind === 'ratio') ?? null,
  }));

function sharesOut(cat: Catalogue, counts: RatingCounts) {
  const ratios = ratingShares(counts);
  const out = Object.fromEntries(
    boundIndicators(cat).map(({ share, indicator }) => {
      const { numerator, denominator } = ratios[share];
      return [
        share,
        {
          code: indicator?.code ?? null,
          numerator,
          denominator,
          display: formatPercentX100(ratioPercentX100(numerator, denominator)),
        },
      ];
    }),
  );
  return out as Record<(typeof MEMBER_RATING_SHARES)[number], (typeof out)[string]>;
}

function warningsOf(cat: Catalogue, counts: RatingCounts) {
  const warnings: { code: string; message: string }[] = ratingWarnings(counts);
  if (boundIndicators(cat).some((b) => b.indicator === null))
    warnings.push({
      code: 'indicator_not_bound',
      message:
        'Danh mục chưa có chỉ tiêu tỷ lệ nào nhận kết quả xếp loại đảng viên; số liệu xếp loại được lưu nhưng chưa ghi vào chỉ tiêu.',
    });
  return warnings;
}

/** GET /api/member-ratings: what is stored for the unit and period, with the shares it gives. */
export function memberRatingOf(db: Db, unit: UnitRow, period: Period) {
  const cat = catalogue(db);
  const row = storedRating(db, unit.id, period.code);
  const results: ResultDto[] = [];
  for (const { indicator } of boundIndicators(cat)) {
    if (!indicator) continue;
    const def = toIndicatorDef(indicator);
    const r = currentResult(db, { unitId: unit.id, indicator, def, period });
    const dto = r ? resultDto(def, r) : null;
    if (dto) results.push(dto);
  }
  return {
    rating: row ? ratingDto(row) : null,
    shares: row ? sharesOut(cat, row) : null,
    results,
    warnings: row ? warningsOf(cat, row) : [],
  };
}

/**
 * PUT /api/member-ratings/…: stores the counts and writes the two shares as results, in one
 * transaction; refused when the period is locked or `version` is not the stored one.
 */
export function saveMemberRating(db: Db, by: UserRow, unit: UnitRow, period: Period, body: MemberRatingBody) {
  const cat = catalogue(db);
  const counts: RatingCounts = {
    excellent: body.excellent,
    good: body.good,
    complete: body.complete,
    notComplete: body.notComplete,
    outstanding: body.outstanding ?? false,
  };
  const note = body.note?.trim() ? body.note.trim() : null;
  const { row, results } = db.transaction((tx) => {
    assertUnlocked(tx, cat, unit.id, period);
    const current = storedRating(tx, unit.id, period.code);
    assertVersion(
      body.version,
      current,
      'Kết quả xếp loại của đơn vị này vừa được người khác sửa; hãy xem số hiện tại rồi lưu lại.',
      () => (current ? ratingDto(current) : null),
    );
    const set = { ...counts, note, updatedAt: new Date().toISOString() };
    const row = putVersioned(tx, memberRatings, current, { unitId: unit.id, period: period.code }, set);
    recordChange(tx, by, {
      type: 'member_rating',
      action: current ? 'update' : 'create',
      unitId: unit.id,
      period: period.code,
      before: current ? ratingDto(current) : null,
      after: ratingDto(row),
      note,
    });
    // The two shares are results like any other: versioned, recorded, rolled up the tree.
    const ratios = ratingShares(counts);
    const results: ResultDto[] = [];
    for (const { share, indicator } of boundIndicators(cat)) {
      if (!indicator) continue;
      const key = { unitId: unit.id, indicator, def: toIndicatorDef(indicator), period };
      const value = { type: 'ratio' as const, ...ratios[share] };
      const saved = applyWrite(tx, by, writeOver(tx, 'result', key, value, ratingNote(counts, note)));
      if (saved) results.push(saved as ResultDto);
    }
    return { row, results };
  });
  return {
    rating: ratingDto(row),
    shares: sharesOut(cat, counts),
    results,
    warnings: warningsOf(cat, counts),
  };
}
