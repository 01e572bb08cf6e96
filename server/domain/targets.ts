import { and, eq, inArray } from 'drizzle-orm';
import { formatValue } from '../../shared/format';
import type { IndicatorDef } from '../../shared/indicator';
import { judge, type Status } from '../../shared/judgement';
import {
  contains,
  directChildren,
  isOpen,
  type Period,
  parsePeriod,
  samePeriodLastYear,
} from '../../shared/period';
import type { Rolled } from '../../shared/rollup';
import type { DashboardRowDto } from '../../shared/schemas/dashboard';
import type { TargetDto } from '../../shared/schemas/values';
import { changeJson, changeText, relativeTarget } from '../../shared/targets';
import type { Value } from '../../shared/value';
import type { Db } from '../db/client';
import { type TargetRow, targets } from '../db/schema';
import { catalogue, toIndicatorDef } from './catalogue';
import type { RollupView } from './rollup-store';
import { changeDisplay, columnsToValue, jsonValue, storedChange, targetOut } from './values';

// The targets a unit is judged against (docs/rules.md, "Targets relative to last year" and
// "Yearly targets in a term"): its own, a value or a change from last year's result computed
// now from the kept roll-up, so that it follows every write; for a year without one of its
// own, the target of the term holding it that is marked as each year's.

/** The target of one unit, indicator and period, as judged and shown. */
export interface PlannedTarget {
  /** What the result is judged against; null: no target yet. */
  value: Value | null;
  /** As a row shows it; null when there is no value. */
  out: DashboardRowDto['target'];
  /** A relative target without last year's result: what was set, and why it has no value. */
  pending?: NonNullable<DashboardRowDto['pendingTarget']>;
  /** A term's target that is also each year's: the term is judged over its years. */
  eachYear?: boolean;
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** A stored target as judged: its value, or for a relative one, last year's result plus the change. */
function planned(def: IndicatorDef, row: TargetRow, period: Period, rollup: RollupView): PlannedTarget {
  const change = storedChange(row);
  if (!change) {
    const value = columnsToValue(row);
    return {
      value,
      out: value ? { ...targetOut(def, value), ...(row.eachYear ? { eachYear: true } : {}) } : null,
      ...(row.eachYear ? { eachYear: true } : {}),
    };
  }
  const basePeriod = samePeriodLastYear(period);
  const base: Rolled | null = rollup.result(row.unitId, def, basePeriod);
  const value = base ? relativeTarget(def, base.value, change) : null;
  const baseOut = {
    period: basePeriod.code,
    value: base ? jsonValue(base.value) : null,
    display: base ? formatValue(def, base.value) : null,
  };
  if (!value)
    return {
      value: null,
      out: null,
      pending: {
        display: changeDisplay(def, change),
        change: changeJson(change),
        base: baseOut,
        reason: `Chưa có kết quả ${lower(basePeriod.label)} để tính chỉ tiêu ${changeText(def, change)} so với cùng kỳ năm trước.`,
      },
    };
  return { value, out: { ...targetOut(def, value), change: changeJson(change), base: baseOut } };
}

const key = (unitId: number, indicatorId: number, period: string) => `${unitId}|${indicatorId}|${period}`;

/**
 * The targets of some units for some periods, by `unit|indicator|period`: one query for the
 * stored ones, and one for the terms' yearly targets when a year is asked for.
 */
export function plannedTargets(
  db: Db,
  rollup: RollupView,
  unitIds: number[],
  periods: Period[],
  indicatorIds?: number[],
): Map<string, PlannedTarget> {
  const cat = catalogue(db);
  const out = new Map<string, PlannedTarget>();
  if (unitIds.length === 0 || periods.length === 0) return out;
  const byCode = new Map(periods.map((p) => [p.code, p]));
  const defOf = (id: number) => toIndicatorDef(cat.indicatorsById.get(id)!);
  const conditions = [inArray(targets.period, [...byCode.keys()]), inArray(targets.unitId, unitIds)];
  if (indicatorIds) conditions.push(inArray(targets.indicatorId, indicatorIds));
  for (const row of db
    .select()
    .from(targets)
    .where(and(...conditions))
    .all()) {
    if (!cat.indicatorsById.has(row.indicatorId)) continue;
    out.set(
      key(row.unitId, row.indicatorId, row.period),
      planned(defOf(row.indicatorId), row, byCode.get(row.period)!, rollup),
    );
  }

  const years = periods.filter((p) => p.kind === 'year');
  if (years.length === 0) return out;
  const yearly = [eq(targets.eachYear, true), inArray(targets.unitId, unitIds)];
  if (indicatorIds) yearly.push(inArray(targets.indicatorId, indicatorIds));
  const terms = db
    .select()
    .from(targets)
    .where(and(...yearly))
    .all()
    .map((row) => ({ row, term: parsePeriod(row.period) }))
    .filter((t) => t.term?.kind === 'term' && cat.indicatorsById.has(t.row.indicatorId))
    // A year in two terms (2025 in 2020–2025 and 2025–2030) takes the one it closes first.
    .sort((a, b) => (a.term!.end < b.term!.end ? -1 : a.term!.end > b.term!.end ? 1 : 0));
  for (const year of years)
    for (const { row, term } of terms) {
      const k = key(row.unitId, row.indicatorId, year.code);
      if (out.has(k) || !contains(term!, year)) continue;
      const value = columnsToValue(row);
      if (!value) continue;
      out.set(k, { value, out: { ...targetOut(defOf(row.indicatorId), value), from: term!.code } });
    }
  return out;
}

/** The years of a term begun by `asOf`, each judged against its target (its own, or the term's). */
export function termYears(
  db: Db,
  rollup: RollupView,
  def: IndicatorDef,
  indicatorId: number,
  unitId: number,
  term: Period,
  asOf: string,
): { period: string; status: Status; open: boolean }[] {
  const years = directChildren(term).filter((y) => y.start <= asOf);
  const planned = plannedTargets(db, rollup, [unitId], years, [indicatorId]);
  return years.map((y) => {
    const open = isOpen(y, asOf);
    const target = planned.get(key(unitId, indicatorId, y.code))?.value ?? null;
    const result = rollup.result(unitId, def, y)?.value ?? null;
    return { period: y.code, status: judge(def, target, result, open), open };
  });
}

/** A stored target as the API shows it, with its value computed now when it is relative. */
export function targetNow(db: Db, rollup: RollupView, dto: TargetDto, def: IndicatorDef): TargetDto {
  if (!dto.change) return dto;
  const period = parsePeriod(dto.period)!;
  const row = db
    .select()
    .from(targets)
    .where(
      and(
        eq(targets.unitId, Number(dto.unitId)),
        eq(targets.period, dto.period),
        eq(targets.indicatorId, catalogue(db).indicatorsByCode.get(dto.code)!.id),
      ),
    )
    .get();
  if (!row) return dto;
  const p = planned(def, row, period, rollup);
  return p.out
    ? { ...dto, value: p.out.value, display: p.out.display, ...(p.out.base ? { base: p.out.base } : {}) }
    : { ...dto, ...(p.pending ? { base: p.pending.base, reason: p.pending.reason } : {}) };
}
