import { and, eq } from 'drizzle-orm';
import { formatPercentX100 } from '../../../shared/format';
import { MEMBER_RATING_SHARES } from '../../../shared/indicator';
import {
  type MemberRatingDto,
  type RatingCounts,
  ratingNote,
  ratingShares,
  ratingTotal,
  ratingWarnings,
} from '../../../shared/ratings';
import type { ResultDto } from '../../../shared/schemas/values';
import { ratioPercentX100 } from '../../../shared/value';
import type { DbOrTx } from '../../db/client';
import { type MemberRatingRow, memberRatings } from '../../db/schema';
import { type Catalogue, catalogue, toIndicatorDef } from '../../domain/catalogue';
import { recordChange } from '../../domain/history';
import { assertUnlocked } from '../../domain/locks';
import { applyResult, currentResult } from '../../domain/value-writes';
import { resultDto } from '../../domain/values';
import { conflict } from '../../lib/errors';
import { requirePeriod, requireUnit } from '../../lib/lookups';
import { accessOf, createRouter } from '../../lib/router';
import * as routes from './member-ratings.routes';

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

const stored = (db: DbOrTx, unitId: number, period: string) =>
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

export const memberRatingsRouter = createRouter()
  .openapi(routes.getMemberRating, (c) => {
    const db = c.get('db');
    const q = c.req.valid('query');
    const cat = catalogue(db);
    const unit = requireUnit(cat, q.unit, 'unit');
    const period = requirePeriod(q.period, 'period');
    accessOf(c).demand('read', unit.id);
    const row = stored(db, unit.id, period.code);
    const results: ResultDto[] = [];
    for (const { indicator } of boundIndicators(cat)) {
      if (!indicator) continue;
      const def = toIndicatorDef(indicator);
      const r = currentResult(db, { unitId: unit.id, indicator, def, period });
      const dto = r ? resultDto(def, r) : null;
      if (dto) results.push(dto);
    }
    return c.json(
      {
        rating: row ? ratingDto(row) : null,
        shares: row ? sharesOut(cat, row) : null,
        results,
        warnings: row ? warningsOf(cat, row) : [],
      },
      200,
    );
  })
  .openapi(routes.putMemberRating, (c) => {
    const db = c.get('db');
    const params = c.req.valid('param');
    const body = c.req.valid('json');
    const cat = catalogue(db);
    const unit = requireUnit(cat, params.unitId, 'unitId');
    const period = requirePeriod(params.period, 'period');
    const access = accessOf(c);
    access.demand('report', unit.id);
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
      const current = stored(tx, unit.id, period.code);
      if (body.version !== undefined && (current?.version ?? 0) !== body.version)
        throw conflict(
          'version_conflict',
          'Kết quả xếp loại của đơn vị này vừa được người khác sửa; hãy xem số hiện tại rồi lưu lại.',
          { current: current ? ratingDto(current) : null },
        );
      const set = { ...counts, note, updatedAt: new Date().toISOString() };
      const row = current
        ? tx
            .update(memberRatings)
            .set({ ...set, version: current.version + 1 })
            .where(eq(memberRatings.id, current.id))
            .returning()
            .get()
        : tx
            .insert(memberRatings)
            .values({ unitId: unit.id, period: period.code, ...set })
            .returning()
            .get();
      recordChange(tx, access.user, {
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
        const saved = applyResult(
          tx,
          access.user,
          key,
          currentResult(tx, key),
          value,
          ratingNote(counts, note),
        );
        if (saved) results.push(saved);
      }
      return { row, results };
    });
    return c.json(
      { rating: ratingDto(row), shares: sharesOut(cat, counts), results, warnings: warningsOf(cat, counts) },
      200,
    );
  });
