import { and, eq } from 'drizzle-orm';
import { formatPercentX100 } from '../../shared/format';
import { appliesAt, MEMBER_RATING_SHARES, notApplicableMessage } from '../../shared/indicator';
import type { Period } from '../../shared/period';
import {
  excellentCap,
  type MemberRatingBody,
  type MemberRatingDto,
  type RatingCounts,
  ratingNote,
  ratingShares,
  ratingTotal,
  ratingWarnings,
  sumRatings,
} from '../../shared/ratings';
import type { ResultDto } from '../../shared/schemas/values';
import { ratioPercentX100 } from '../../shared/value';
import type { Db, DbOrTx } from '../db/client';
import { type MemberRatingRow, memberRatings, type UnitRow, type UserRow } from '../db/schema';
import { assertVersion, putVersioned } from '../db/versioned';
import { AppError } from '../lib/errors';
import { type Catalogue, catalogue, subtreeIds, toIndicatorDef } from './catalogue';
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
  unrated: r.unrated,
  outstanding: r.outstanding,
  note: r.note,
  total: ratingTotal(r),
  version: r.version,
  updatedAt: r.updatedAt,
  source: 'entered',
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

/**
 * Whether the member ratings concern a unit: where the indicator of the good-or-better share
 * (else the excellent one) applies, or a unit below it is of such a kind; every unit when it
 * applies everywhere (docs/rules.md, "Where an indicator applies").
 */
function concernsOf(cat: Catalogue) {
  const bound = boundIndicators(cat).find((b) => b.indicator)?.indicator ?? null;
  const kinds = bound?.appliesTo ?? null;
  const memo = new Map<number, boolean>();
  const concerns = (id: number): boolean => {
    if (!kinds) return true;
    let known = memo.get(id);
    if (known === undefined) {
      known =
        kinds.includes(cat.units.get(id)?.kind ?? '') ||
        (cat.children.get(id) ?? []).some((c) => concerns(c));
      memo.set(id, known);
    }
    return known;
  };
  return concerns;
}

type Counted = { counts: RatingCounts; dto: MemberRatingDto } | null;

/**
 * A unit's member ratings by the order of results (docs/rules.md, "Member ratings"): its own
 * report, else the sum of its units' (each found the same way), with how many reported out of
 * the units the ratings concern; null when none below reported either.
 */
function ratingsUp(db: Db, cat: Catalogue, rootId: number, period: Period) {
  const ids = new Set(subtreeIds(cat, rootId));
  const own = new Map<number, MemberRatingRow>();
  for (const r of db.select().from(memberRatings).where(eq(memberRatings.period, period.code)).all())
    if (ids.has(r.unitId)) own.set(r.unitId, r);
  const concerns = concernsOf(cat);
  const memo = new Map<number, Counted>();
  const at = (id: number): Counted => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    let found: Counted = null;
    const row = own.get(id);
    if (row) found = { counts: row, dto: ratingDto(row) };
    else {
      const kids = cat.children.get(id) ?? [];
      const reported = kids.map((k) => [k, at(k)] as const).filter(([, r]) => r !== null);
      if (reported.length > 0) {
        const counts = sumRatings(reported.map(([, r]) => r!.counts));
        const latest = reported
          .map(([, r]) => r!.dto.updatedAt)
          .sort()
          .at(-1)!;
        const total = kids.filter((k) => concerns(k) || reported.some(([r]) => r === k)).length;
        found = {
          counts,
          dto: {
            unitId: String(id),
            period: period.code,
            excellent: counts.excellent,
            good: counts.good,
            complete: counts.complete,
            notComplete: counts.notComplete,
            unrated: counts.unrated ?? 0,
            outstanding: false,
            note: null,
            total: ratingTotal(counts),
            version: 0,
            updatedAt: latest,
            source: 'units',
            coverage: { reported: reported.length, total },
          },
        };
      }
    }
    memo.set(id, found);
    return found;
  };
  return at;
}

/**
 * GET /api/member-ratings: the unit's ratings (its own report, else the sum of its units'),
 * the shares they give, whether the cap is broken, and each unit directly below with its own.
 */
export function memberRatingOf(db: Db, unit: UnitRow, period: Period) {
  const cat = catalogue(db);
  const at = ratingsUp(db, cat, unit.id, period);
  const here = at(unit.id);
  const results: ResultDto[] = [];
  for (const { indicator } of boundIndicators(cat)) {
    if (!indicator) continue;
    const def = toIndicatorDef(indicator);
    const r = currentResult(db, { unitId: unit.id, indicator, def, period });
    const dto = r ? resultDto(def, r) : null;
    if (dto) results.push(dto);
  }
  const warnings = !here
    ? []
    : here.dto.source === 'entered'
      ? warningsOf(cat, here.counts)
      : ratingWarnings(here.counts);
  return {
    rating: here?.dto ?? null,
    shares: here ? sharesOut(cat, here.counts) : null,
    capExceeded: here ? excellentCap(here.counts).broken : false,
    results,
    warnings,
    units: (cat.children.get(unit.id) ?? []).map((id) => {
      const u = cat.units.get(id)!;
      const r = at(id);
      return {
        unit: { id: String(id), name: u.name, kind: u.kind },
        rating: r?.dto ?? null,
        capExceeded: r ? excellentCap(r.counts).broken : false,
      };
    }),
  };
}

/**
 * PUT /api/member-ratings/…: stores the counts and writes the two shares as results, in one
 * transaction; refused when the period is locked or `version` is not the stored one.
 */
export function saveMemberRating(db: Db, by: UserRow, unit: UnitRow, period: Period, body: MemberRatingBody) {
  const cat = catalogue(db);
  // The shares are not entered at a unit of a kind their indicators do not apply to.
  for (const { indicator } of boundIndicators(cat))
    if (indicator && !appliesAt(toIndicatorDef(indicator), unit.kind))
      throw new AppError(
        422,
        'not_applicable',
        notApplicableMessage(toIndicatorDef(indicator), unit),
        'unitId',
      );
  const counts: RatingCounts = {
    excellent: body.excellent,
    good: body.good,
    complete: body.complete,
    notComplete: body.notComplete,
    unrated: body.unrated ?? 0,
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
    capExceeded: excellentCap(counts).broken,
    results,
    warnings: warningsOf(cat, counts),
  };
}
