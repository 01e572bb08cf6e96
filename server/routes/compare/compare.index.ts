import type { Period } from '../../../shared/period';
import type { CompareUnitsDto } from '../../../shared/schemas/compare';
import type { RowResultDto } from '../../../shared/schemas/dashboard';
import { catalogue, toIndicatorDef } from '../../domain/catalogue';
import { changeOf, splitPeriods } from '../../domain/compare';
import { childrenCells, indicatorOut, periodOut, unitRows } from '../../domain/dashboard';
import { badRequest } from '../../lib/errors';
import { requireIndicator, requirePeriod, requireUnit } from '../../lib/lookups';
import { cachedJson, requestKey } from '../../lib/response-cache';
import { accessOf, createRouter } from '../../lib/router';
import { resolveAsOf } from '../../lib/today';
import * as routes from './compare.routes';

const MAX_PERIODS = 20;

function requirePeriods(list: string | undefined): Period[] {
  const codes = splitPeriods(list ?? '');
  if (codes.length === 0)
    throw badRequest(
      'invalid_period',
      'Hãy cho biết các kỳ cần so sánh, ví dụ periods=2023,2024,2025.',
      'periods',
    );
  if (codes.length > MAX_PERIODS)
    throw badRequest('invalid_period', `Chỉ so sánh được nhiều nhất ${MAX_PERIODS} kỳ một lần.`, 'periods');
  return codes.map((c) => requirePeriod(c, 'periods'));
}

export const compareRouter = createRouter()
  .openapi(routes.comparePeriods, (c) => {
    const db = c.get('db');
    const q = c.req.valid('query');
    const cat = catalogue(db);
    const unit = requireUnit(cat, q.unit, 'unit');
    const ind = requireIndicator(cat, q.code, 'code');
    const periods = requirePeriods(q.periods);
    accessOf(c).demand('read', unit.id);
    const asOf = resolveAsOf(q.asOf);
    const def = toIndicatorDef(ind);
    let previous: RowResultDto | undefined;
    const rows = periods.map((period) => {
      const row = unitRows(db, unit, period, asOf, [ind], true)[0]!;
      const change = previous === undefined ? null : changeOf(def, previous, row.result);
      previous = row.result;
      return {
        period: periodOut(period, asOf),
        target: row.target,
        result: row.result,
        status: row.status,
        achievement: row.achievement,
        change,
      };
    });
    return c.json(
      { unit: { id: String(unit.id), name: unit.name }, indicator: indicatorOut(ind), rows },
      200,
    );
  })
  .openapi(routes.compareOverview, (c) => {
    const db = c.get('db');
    const q = c.req.valid('query');
    const cat = catalogue(db);
    const unit = requireUnit(cat, q.unit, 'unit');
    const periods = requirePeriods(q.periods);
    accessOf(c).demand('read', unit.id);
    const asOf = resolveAsOf(q.asOf);
    const byPeriod = periods.map(
      (p) => new Map(unitRows(db, unit, p, asOf, cat.indicators).map((r) => [r.indicator.code, r])),
    );
    // The indicators that hold a target or a result in at least one of the periods.
    const shown = cat.indicators.filter((i) => byPeriod.some((m) => m.has(i.code)));
    return c.json(
      {
        unit: { id: String(unit.id), name: unit.name },
        periods: periods.map((p) => periodOut(p, asOf)),
        indicators: shown.map((ind) => ({
          indicator: indicatorOut(ind),
          cells: periods.map((p, i) => {
            const row = byPeriod[i]!.get(ind.code);
            return {
              period: p.code,
              target: row?.target ?? null,
              result: row?.result ?? null,
              status: row?.status ?? 'no_target',
              achievement: row?.achievement ?? null,
            };
          }),
        })),
      },
      200,
    );
  })
  .openapi(routes.compareUnits, (c) => {
    const db = c.get('db');
    const q = c.req.valid('query');
    const cat = catalogue(db);
    const parent = requireUnit(cat, q.parent, 'parent');
    const period = requirePeriod(q.period, 'period');
    accessOf(c).demand('read', parent.id);
    const asOf = resolveAsOf(q.asOf);
    return cachedJson(c, requestKey(c, asOf), () => {
      const all = childrenCells(db, parent, cat.indicators, period, asOf);
      const shown = cat.indicators.filter((i) =>
        all.some(({ cells }) => {
          const cell = cells.get(i.code);
          return cell && (cell.target || cell.result);
        }),
      );
      const body: CompareUnitsDto = {
        parent: { id: String(parent.id), name: parent.name },
        period: periodOut(period, asOf),
        indicators: shown.map(indicatorOut),
        rows: all.map(({ unit, cells }) => ({
          unit: { id: String(unit.id), name: unit.name, kind: unit.kind },
          hasChildren: (cat.children.get(unit.id)?.length ?? 0) > 0,
          cells: shown.map((i) => ({ code: i.code, ...cells.get(i.code)! })),
        })),
      };
      return body;
    });
  });
