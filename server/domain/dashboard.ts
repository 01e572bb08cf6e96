import type { IndicatorDef } from '../../shared/indicator';
import { achievementX100, judge, type Status, summarize } from '../../shared/judgement';
import { isOpen, type Period } from '../../shared/period';
import { cumulative, elapsedX100, enclosingPeriods, pace, piecesSoFar } from '../../shared/progress';
import type { Rolled } from '../../shared/rollup';
import type {
  DashboardDto,
  DashboardRowDto,
  DashboardUnitsDto,
  ProgressDto,
  RowResultDto,
} from '../../shared/schemas/dashboard';
import { termStatus } from '../../shared/targets';
import { comparable, type Value } from '../../shared/value';
import type { Db } from '../db/client';
import type { IndicatorRow, UnitRow } from '../db/schema';
import { catalogue, toIndicatorDef } from './catalogue';
import { lockCovering, lockDto } from './locks';
import { type RollupView, rollupOf } from './rollup-store';
import { judgedLines } from './target-lines';
import { type PlannedTarget, plannedTargets, termYears } from './targets';
import { resultOut, targetOut, valueOut } from './values';

// How a dashboard is read (docs/decisions/007-rollup-cubes.md): one query for the targets
// asked about (targets.ts, with relative targets computed and the terms' yearly targets
// carried into their years); every result, entered or rolled up, is a lookup in the roll-up
// kept in memory (rollup-store.ts). No query per unit, indicator or period, at the root as at
// a cell.

/**
 * Progress of a shorter period inside the longer one holding it (docs/rules.md, "Progress inside
 * a longer period"): the first enclosing period with a target for this indicator.
 */
function progressOf(
  def: IndicatorDef,
  unitId: number,
  viewed: Period,
  asOf: string,
  rollup: RollupView,
  enclosing: Period[],
  targetOf: (period: string) => Value | undefined,
): ProgressDto | undefined {
  if (def.timeAggregate === 'none') return undefined;
  for (const enc of enclosing) {
    const target = targetOf(enc.code);
    if (!target) continue;
    const pieces = piecesSoFar(enc, viewed).map((p) => rollup.result(unitId, def, p)?.value ?? null);
    const soFar = cumulative(def, pieces);
    const a = achievementX100(def, target, soFar);
    const elapsed = elapsedX100(enc, viewed, asOf);
    return {
      period: { code: enc.code, label: enc.label },
      target: targetOut(def, target),
      result: soFar ? valueOut(def, soFar) : null,
      achievement: a === null ? null : a / 100,
      elapsed: elapsed / 100,
      pace: pace(def, target, soFar, a, elapsed),
    };
  }
  return undefined;
}

export function indicatorOut(i: IndicatorRow): DashboardRowDto['indicator'] {
  return {
    code: i.code,
    name: i.name,
    unitLabel: i.unitLabel,
    kind: i.kind,
    direction: i.direction,
    timeAggregate: i.timeAggregate,
    ...(i.kind === 'level' ? { levels: i.levels ?? [] } : {}),
    ...(i.derived ? { derived: i.derived } : {}),
  };
}

export function periodOut(period: Period, asOf: string) {
  return {
    code: period.code,
    label: period.label,
    start: period.start,
    end: period.end,
    open: isOpen(period, asOf),
  };
}

/** A result as the dashboard shows it, with what the units add up to when that differs. */
function rowResult(def: IndicatorDef, rolled: Rolled | null, fromUnits: Rolled | null): RowResultDto {
  if (!rolled) return null;
  const out = resultOut(def, rolled);
  if (rolled.source === 'entered' && fromUnits?.coverage) {
    const entered = comparable(def, rolled.value);
    const added = comparable(def, fromUnits.value);
    const sameParts =
      rolled.value.type !== 'ratio' ||
      fromUnits.value.type !== 'ratio' ||
      (rolled.value.numerator === fromUnits.value.numerator &&
        rolled.value.denominator === fromUnits.value.denominator);
    if (entered !== added || !sameParts)
      out.fromUnits = { ...valueOut(def, fromUnits.value), coverage: fromUnits.coverage };
  }
  return out;
}

function judgeRow(def: IndicatorDef, target: Value | null, rolled: Rolled | null, open: boolean) {
  const result = rolled?.value ?? null;
  const status: Status = judge(def, target, result, open);
  const a = achievementX100(def, target, result);
  return { status, achievement: a === null ? null : a / 100 };
}

export interface UnitCell {
  target: DashboardRowDto['target'];
  pendingTarget?: DashboardRowDto['pendingTarget'];
  result: RowResultDto;
  status: Status;
  achievement: number | null;
  years?: DashboardRowDto['years'];
}

/** What every cell of one read shares: the database, the roll-up, the period and the day. */
interface CellContext {
  db: Db;
  rollup: RollupView;
  period: Period;
  asOf: string;
  open: boolean;
}

/**
 * A unit's cell on one indicator and period: its target and result as shown, judged. A term
 * whose target is each year's is judged over its years (docs/rules.md, "Yearly targets in a term").
 */
function cellOf(
  ctx: CellContext,
  ind: IndicatorRow,
  def: IndicatorDef,
  unitId: number,
  planned: PlannedTarget | undefined,
): UnitCell {
  const { rollup, period } = ctx;
  const rolled = rollup.result(unitId, def, period);
  const target = planned?.value ?? null;
  const cell: UnitCell = {
    target: planned?.out ?? null,
    ...(planned?.pending ? { pendingTarget: planned.pending } : {}),
    result: rowResult(
      def,
      rolled,
      rolled?.source === 'entered' ? rollup.fromUnits(unitId, def, period) : null,
    ),
    ...judgeRow(def, target, rolled, ctx.open),
  };
  if (planned?.eachYear && period.kind === 'term') {
    const years = termYears(ctx.db, rollup, def, ind.id, unitId, period, ctx.asOf);
    cell.status = termStatus(years, ctx.open);
    cell.years = years.map(({ period: p, status }) => ({ period: p, status }));
  }
  return cell;
}

/**
 * The dashboard rows of one unit and period for the given indicators, in their order. Only
 * indicators with a target or a result get a row, unless `keepEmpty` (a target line binds
 * an indicator whatever it holds).
 */
export function unitRows(
  db: Db,
  unit: UnitRow,
  period: Period,
  asOf: string,
  wanted: readonly IndicatorRow[],
  keepEmpty = false,
): DashboardRowDto[] {
  const cat = catalogue(db);
  const all = wanted.length === cat.indicators.length;
  const ids = all ? undefined : wanted.map((i) => i.id);
  const enclosing = enclosingPeriods(period);
  const rollup = rollupOf(db);
  const planned = plannedTargets(db, rollup, [unit.id], [period, ...enclosing], ids);
  const ctx: CellContext = { db, rollup, period, asOf, open: isOpen(period, asOf) };
  const rows: DashboardRowDto[] = [];
  for (const ind of wanted) {
    const def = toIndicatorDef(ind);
    const own = planned.get(`${unit.id}|${ind.id}|${period.code}`);
    const cell = cellOf(ctx, ind, def, unit.id, own);
    if (!own && !cell.result && !keepEmpty) continue;
    // Only where the indicator applies, or above units where it does, unless something was set here.
    if (!keepEmpty && !own && cell.result?.source !== 'entered' && !rollup.concerns(unit.id, def)) continue;
    const progress = progressOf(
      def,
      unit.id,
      period,
      asOf,
      rollup,
      enclosing,
      (p) => planned.get(`${unit.id}|${ind.id}|${p}`)?.value ?? undefined,
    );
    rows.push({ indicator: indicatorOut(ind), ...cell, ...(progress ? { progress } : {}) });
  }
  return rows;
}

/** The dashboard of a unit and period, with the lock that closes it, if any. */
export function dashboardWithLock(db: Db, unit: UnitRow, period: Period, asOf: string): DashboardDto {
  const cat = catalogue(db);
  const lock = lockCovering(db, cat, unit.id, period);
  return { ...dashboard(db, unit, period, asOf), lock: lock ? lockDto(db, cat, lock) : null };
}

export function dashboard(db: Db, unit: UnitRow, period: Period, asOf: string): Omit<DashboardDto, 'lock'> {
  const rows = unitRows(db, unit, period, asOf, catalogue(db).indicators);
  const s = summarize(rows.map((r) => r.status));
  // One headline (docs/rules.md): the lines' count, the same as the target lines' and the report's.
  const lines = judgedLines(db, unit, period, asOf);
  return {
    unit: { id: String(unit.id), name: unit.name, kind: unit.kind },
    period: periodOut(period, asOf),
    asOf,
    rows,
    summary: {
      total: s.total,
      exceeded: s.exceeded,
      met: s.met,
      not_yet: s.not_yet,
      missed: s.missed,
      no_data: s.no_data,
      no_target: s.no_target,
      withTarget: s.withTarget,
      achieved: s.achieved,
      share: s.shareX100 === null ? null : s.shareX100 / 100,
      lines: lines.lines.length > 0 ? lines.summary : null,
    },
  };
}

export function dashboardUnits(
  db: Db,
  parent: UnitRow,
  ind: IndicatorRow,
  period: Period,
  asOf: string,
): DashboardUnitsDto {
  const cat = catalogue(db);
  const def = toIndicatorDef(ind);
  const kids = cat.children.get(parent.id) ?? [];
  const rollup = rollupOf(db);
  const planned = plannedTargets(db, rollup, kids, [period], [ind.id]);
  const ctx: CellContext = { db, rollup, period, asOf, open: isOpen(period, asOf) };
  return {
    parent: { id: String(parent.id), name: parent.name },
    indicator: indicatorOut(ind),
    period: periodOut(period, asOf),
    rows: kids.map((id) => {
      const unit = cat.units.get(id)!;
      return {
        unit: { id: String(id), name: unit.name, kind: unit.kind },
        ...cellOf(ctx, ind, def, id, planned.get(`${id}|${ind.id}|${period.code}`)),
      };
    }),
  };
}

/**
 * Some units on one indicator and period, each with its cell: the units below a committee
 * that a part of its target line binds (target-lines.ts). `open` overrides the period's.
 */
export function unitsCells(
  db: Db,
  unitIds: number[],
  ind: IndicatorRow,
  period: Period,
  asOf: string,
  open = isOpen(period, asOf),
): { unit: UnitRow; cell: UnitCell }[] {
  const cat = catalogue(db);
  const rollup = rollupOf(db);
  const def = toIndicatorDef(ind);
  const planned = plannedTargets(db, rollup, unitIds, [period], [ind.id]);
  const ctx: CellContext = { db, rollup, period, asOf, open };
  return unitIds.map((id) => ({
    unit: cat.units.get(id)!,
    cell: cellOf(ctx, ind, def, id, planned.get(`${id}|${ind.id}|${period.code}`)),
  }));
}

/**
 * Every child of `parent` on every indicator given, for one period: one read of the
 * subtree's results and one of the children's targets, whatever the number of children.
 */
export function childrenCells(
  db: Db,
  parent: UnitRow,
  wanted: readonly IndicatorRow[],
  period: Period,
  asOf: string,
): { unit: UnitRow; cells: Map<string, UnitCell> }[] {
  const cat = catalogue(db);
  const kids = cat.children.get(parent.id) ?? [];
  if (kids.length === 0 || wanted.length === 0)
    return kids.map((id) => ({ unit: cat.units.get(id)!, cells: new Map() }));
  const ids = wanted.map((i) => i.id);
  const rollup = rollupOf(db);
  const planned = plannedTargets(db, rollup, kids, [period], ids);
  const ctx: CellContext = { db, rollup, period, asOf, open: isOpen(period, asOf) };
  const defs = wanted.map((ind) => [ind, toIndicatorDef(ind)] as const);
  return kids.map((id) => {
    const cells = new Map<string, UnitCell>();
    for (const [ind, def] of defs)
      cells.set(ind.code, cellOf(ctx, ind, def, id, planned.get(`${id}|${ind.id}|${period.code}`)));
    return { unit: cat.units.get(id)!, cells };
  });
}
