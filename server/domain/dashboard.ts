import { and, inArray } from 'drizzle-orm';
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
import { comparable, type Value } from '../../shared/value';
import type { Db } from '../db/client';
import { type IndicatorRow, targets, type UnitRow } from '../db/schema';
import { catalogue, toIndicatorDef } from './catalogue';
import { lockCovering, lockDto } from './locks';
import { type RollupView, rollupOf } from './rollup-store';
import { columnsToValue, resultOut, targetOut, valueOut } from './values';

// How a dashboard is read (docs/decisions/007-rollup-cubes.md): one query for the targets
// asked about; every result, entered or rolled up, is a lookup in the roll-up kept in memory
// (rollup-store.ts). No query per unit, indicator or period, at the root as at a cell.

/** Targets by `unit|indicator` for one period, or by `unit|indicator|period` for several. */
function loadTargets(db: Db, unitIds: number[], period: Period | Period[], indicatorIds?: number[]) {
  const several = Array.isArray(period);
  const codes = [period].flat().map((p) => p.code);
  const conditions = [inArray(targets.period, codes), inArray(targets.unitId, unitIds)];
  if (indicatorIds) conditions.push(inArray(targets.indicatorId, indicatorIds));
  const out = new Map<string, Value>();
  for (const t of db
    .select()
    .from(targets)
    .where(and(...conditions))
    .all()) {
    const v = columnsToValue(t);
    if (v) out.set(several ? `${t.unitId}|${t.indicatorId}|${t.period}` : `${t.unitId}|${t.indicatorId}`, v);
  }
  return out;
}

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
    ...(i.kind === 'level' ? { levels: i.levels ?? [] } : {}),
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
  result: RowResultDto;
  status: Status;
  achievement: number | null;
}

/** A unit's cell on one indicator and period: its target and result as shown, judged. */
function cellOf(
  rollup: RollupView,
  def: IndicatorDef,
  unitId: number,
  target: Value | null,
  period: Period,
  open: boolean,
): UnitCell {
  const rolled = rollup.result(unitId, def, period);
  return {
    target: target ? targetOut(def, target) : null,
    result: rowResult(
      def,
      rolled,
      rolled?.source === 'entered' ? rollup.fromUnits(unitId, def, period) : null,
    ),
    ...judgeRow(def, target, rolled, open),
  };
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
  const tgt = loadTargets(db, [unit.id], period, ids);
  const encTargets = enclosing.length ? loadTargets(db, [unit.id], enclosing, ids) : new Map<string, Value>();
  const open = isOpen(period, asOf);
  const rows: DashboardRowDto[] = [];
  for (const ind of wanted) {
    const def = toIndicatorDef(ind);
    const target = tgt.get(`${unit.id}|${ind.id}`) ?? null;
    const cell = cellOf(rollup, def, unit.id, target, period, open);
    if (!target && !cell.result && !keepEmpty) continue;
    const progress = progressOf(def, unit.id, period, asOf, rollup, enclosing, (p) =>
      encTargets.get(`${unit.id}|${ind.id}|${p}`),
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
  const tgt = kids.length > 0 ? loadTargets(db, kids, period, [ind.id]) : new Map<string, Value>();
  const open = isOpen(period, asOf);
  return {
    parent: { id: String(parent.id), name: parent.name },
    indicator: indicatorOut(ind),
    period: periodOut(period, asOf),
    rows: kids.map((id) => {
      const unit = cat.units.get(id)!;
      return {
        unit: { id: String(id), name: unit.name, kind: unit.kind },
        ...cellOf(rollup, def, id, tgt.get(`${id}|${ind.id}`) ?? null, period, open),
      };
    }),
  };
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
  const tgt = loadTargets(db, kids, period, ids);
  const open = isOpen(period, asOf);
  const defs = wanted.map((ind) => [ind, toIndicatorDef(ind)] as const);
  return kids.map((id) => {
    const cells = new Map<string, UnitCell>();
    for (const [ind, def] of defs)
      cells.set(ind.code, cellOf(rollup, def, id, tgt.get(`${id}|${ind.id}`) ?? null, period, open));
    return { unit: cat.units.get(id)!, cells };
  });
}
