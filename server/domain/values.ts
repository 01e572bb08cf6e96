import { and, eq } from 'drizzle-orm';
import { formatValue } from '../../shared/format';
import type { IndicatorDef } from '../../shared/indicator';
import type { Period } from '../../shared/period';
import type { Rolled } from '../../shared/rollup';
import type { RowResultDto } from '../../shared/schemas/dashboard';
import type { ResultDto, TargetDto } from '../../shared/schemas/values';
import { changeJson, changeText, type TargetChange } from '../../shared/targets';
import { ratioPercentX100, type Value } from '../../shared/value';
import type { Db } from '../db/client';
import { results, targets, type UnitRow } from '../db/schema';
import { catalogue, toIndicatorDef } from './catalogue';
import { rollupOf } from './rollup-store';
import { targetNow } from './targets';

/** The columns a stored value occupies (targets and results share the layout). */
export interface ValueColumns {
  valueX100: number | null;
  numerator?: number | null;
  denominator?: number | null;
  level: string | null;
}

export function valueColumns(v: Value): Required<ValueColumns> {
  switch (v.type) {
    case 'number':
      return { valueX100: v.x100, numerator: null, denominator: null, level: null };
    case 'ratio':
      return { valueX100: null, numerator: v.numerator, denominator: v.denominator, level: null };
    case 'level':
      return { valueX100: null, numerator: null, denominator: null, level: v.level };
  }
}

export function columnsToValue(c: ValueColumns): Value | null {
  if (c.level != null) return { type: 'level', level: c.level };
  if (c.numerator != null && c.denominator != null)
    return { type: 'ratio', numerator: c.numerator, denominator: c.denominator };
  if (c.valueX100 != null) return { type: 'number', x100: c.valueX100 };
  return null;
}

/** The value as the API writes it: a number (a ratio as its rounded percentage) or a level's name. */
export function jsonValue(v: Value): number | string {
  switch (v.type) {
    case 'number':
      return v.x100 / 100;
    case 'ratio':
      return ratioPercentX100(v.numerator, v.denominator) / 100;
    case 'level':
      return v.level;
  }
}

export function targetOut(ind: IndicatorDef, v: Value) {
  return { value: jsonValue(v), display: formatValue(ind, v) };
}

export function resultOut(ind: IndicatorDef, r: Rolled): NonNullable<RowResultDto> {
  return {
    ...valueOut(ind, r.value),
    source: r.source,
    ...(r.coverage ? { coverage: r.coverage } : {}),
  };
}

export function valueOut(ind: IndicatorDef, v: Value) {
  const out: { value: number | string; display: string; numerator?: number; denominator?: number } = {
    value: jsonValue(v),
    display: formatValue(ind, v),
  };
  if (v.type === 'ratio') {
    out.numerator = v.numerator;
    out.denominator = v.denominator;
  }
  return out;
}

/** The columns of a stored target or result beside its value. */
interface StoredRow extends ValueColumns {
  unitId: number;
  period: string;
  version: number;
  updatedAt: string;
  changeKind?: 'percent' | 'amount' | null;
  changeX100?: number | null;
  eachYear?: boolean;
}

/** The change of a target relative to last year, if it is one. */
export function storedChange(row: Pick<StoredRow, 'changeKind' | 'changeX100'>): TargetChange | null {
  return row.changeKind && row.changeX100 != null ? { kind: row.changeKind, x100: row.changeX100 } : null;
}

/** "tăng 10% so với cùng kỳ năm trước": a relative target's rule, shown where its value would be. */
export const changeDisplay = (ind: IndicatorDef, change: TargetChange) =>
  `${changeText(ind, change)} so với cùng kỳ năm trước`;

/**
 * A stored target as the API shows it. A relative target's value depends on last year's
 * result: here it is null with its rule; reads that know the result fill it (targets.ts).
 */
export function targetDto(ind: IndicatorDef, row: StoredRow): TargetDto | null {
  const change = storedChange(row);
  if (change)
    return {
      ...rowKeyOut(ind, row),
      value: null,
      display: changeDisplay(ind, change),
      change: changeJson(change),
      ...versionOut(row),
    };
  const v = columnsToValue(row);
  if (!v) return null;
  return {
    ...rowKeyOut(ind, row),
    ...targetOut(ind, v),
    ...(row.eachYear ? { eachYear: true } : {}),
    ...versionOut(row),
  };
}

export function resultDto(ind: IndicatorDef, row: StoredRow & { note: string | null }): ResultDto | null {
  const v = columnsToValue(row);
  if (!v) return null;
  return { ...rowKeyOut(ind, row), ...valueOut(ind, v), note: row.note, ...versionOut(row) };
}

const rowKeyOut = (ind: IndicatorDef, row: StoredRow) => ({
  unitId: String(row.unitId),
  code: ind.code,
  period: row.period,
});

const versionOut = (row: StoredRow) => ({ version: row.version, updatedAt: row.updatedAt });

/** GET /api/values: the targets and results entered for a unit and period, in the catalogue's order. */
export function storedValues(db: Db, unit: UnitRow, period: Period) {
  const cat = catalogue(db);
  const order = (a: { indicatorId: number }, b: { indicatorId: number }) =>
    (cat.indicatorsById.get(a.indicatorId)?.position ?? 0) -
    (cat.indicatorsById.get(b.indicatorId)?.position ?? 0);
  const ofUnit = <T extends typeof targets | typeof results>(table: T) =>
    and(eq(table.unitId, unit.id), eq(table.period, period.code));
  const tRows = db.select().from(targets).where(ofUnit(targets)).all().sort(order);
  const rRows = db.select().from(results).where(ofUnit(results)).all().sort(order);
  const defOf = (id: number) => toIndicatorDef(cat.indicatorsById.get(id)!);
  const rollup = tRows.some((t) => t.changeKind) ? rollupOf(db) : null;
  return {
    targets: tRows
      .map((t) => {
        const dto = targetDto(defOf(t.indicatorId), t);
        // A relative target's value: last year's result plus the change, as of now.
        return dto && rollup ? targetNow(db, rollup, dto, defOf(t.indicatorId)) : dto;
      })
      .filter((t): t is TargetDto => t !== null),
    results: rRows.map((r) => resultDto(defOf(r.indicatorId), r)).filter((r): r is ResultDto => r !== null),
  };
}
