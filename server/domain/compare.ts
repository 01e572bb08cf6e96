import type { IndicatorDef } from '../../shared/indicator';
import type { Period } from '../../shared/period';
import type { CompareOverviewDto, ComparePeriodsDto, CompareUnitsDto } from '../../shared/schemas/compare';
import type { DashboardRowDto, RowResultDto } from '../../shared/schemas/dashboard';
import { comparable, parseDecimalX100 } from '../../shared/value';
import type { Db } from '../db/client';
import type { IndicatorRow, UnitRow } from '../db/schema';
import { catalogue, toIndicatorDef } from './catalogue';
import { childrenCells, indicatorOut, periodOut, unitRows } from './dashboard';

// Comparing periods (how much a result moved from one period to the next) and the units below
// a unit (docs/rules.md, "Comparisons").

type Shown = DashboardRowDto['result'];

/** The value a row's result is compared by, back from its JSON form. */
function comparedOf(def: IndicatorDef, result: Shown): number | null {
  if (!result) return null;
  if (def.kind === 'level')
    return typeof result.value === 'string' ? comparable(def, { type: 'level', level: result.value }) : null;
  // Counts, percents and a ratio's rounded percentage: hundredths, exactly.
  return parseDecimalX100(result.value, 2);
}

/**
 * The change from the previous period's result: a difference of counts, of percentage
 * points for percents and ratios (of the percentages shown), of steps on the scale for a
 * level. Null without both results.
 */
export function changeOf(def: IndicatorDef, previous: Shown, current: Shown): number | null {
  const a = comparedOf(def, previous);
  const b = comparedOf(def, current);
  if (a === null || b === null) return null;
  return def.kind === 'level' ? b - a : (b - a) / 100;
}

/** One indicator of a unit across periods, each with its change from the one before. */
export function comparePeriods(
  db: Db,
  unit: UnitRow,
  ind: IndicatorRow,
  periods: Period[],
  asOf: string,
): ComparePeriodsDto {
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
  return { unit: { id: String(unit.id), name: unit.name }, indicator: indicatorOut(ind), rows };
}

/** Every indicator of a unit across periods, those with a target or a result in one of them. */
export function compareOverview(db: Db, unit: UnitRow, periods: Period[], asOf: string): CompareOverviewDto {
  const cat = catalogue(db);
  const byPeriod = periods.map(
    (p) => new Map(unitRows(db, unit, p, asOf, cat.indicators).map((r) => [r.indicator.code, r])),
  );
  const shown = cat.indicators.filter((i) => byPeriod.some((m) => m.has(i.code)));
  return {
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
  };
}

/** The units below `parent` on every indicator that holds something for one of them. */
export function compareUnits(db: Db, parent: UnitRow, period: Period, asOf: string): CompareUnitsDto {
  const cat = catalogue(db);
  const all = childrenCells(db, parent, cat.indicators, period, asOf);
  const shown = cat.indicators.filter((i) =>
    all.some(({ cells }) => {
      const cell = cells.get(i.code);
      return cell && (cell.target || cell.result);
    }),
  );
  return {
    parent: { id: String(parent.id), name: parent.name },
    period: periodOut(period, asOf),
    indicators: shown.map(indicatorOut),
    rows: all.map(({ unit, cells }) => ({
      unit: { id: String(unit.id), name: unit.name, kind: unit.kind },
      hasChildren: (cat.children.get(unit.id)?.length ?? 0) > 0,
      cells: shown.map((i) => ({ code: i.code, ...cells.get(i.code)! })),
    })),
  };
}
