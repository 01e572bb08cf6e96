import { and, eq } from 'drizzle-orm';
import type { IndicatorDef } from '../../shared/indicator';
import type { Period } from '../../shared/period';
import type { ResultDto, TargetDto } from '../../shared/schemas';
import type { Value } from '../../shared/value';
import type { DbOrTx } from '../db/client';
import {
  type IndicatorRow,
  type ResultRow,
  results,
  type TargetRow,
  targets,
  type UserRow,
} from '../db/schema';
import { recordChange } from './history';
import { resultDto, targetDto, valueColumns } from './values';

// Writing one target or one result, with its history, inside the caller's transaction. The
// single routes (PUT /api/targets/…, PUT /api/results/…), the batch route, the member
// ratings and the import all write through here, so a value is stored, versioned and
// recorded the same way whichever screen or program sent it.

export interface ValueKey {
  unitId: number;
  indicator: IndicatorRow;
  def: IndicatorDef;
  period: Period;
}

type By = Pick<UserRow, 'id' | 'username'> | null;

const now = () => new Date().toISOString();

const targetWhere = (k: ValueKey) =>
  and(
    eq(targets.unitId, k.unitId),
    eq(targets.indicatorId, k.indicator.id),
    eq(targets.period, k.period.code),
  );

const resultWhere = (k: ValueKey) =>
  and(
    eq(results.unitId, k.unitId),
    eq(results.indicatorId, k.indicator.id),
    eq(results.period, k.period.code),
  );

export function currentTarget(tx: DbOrTx, k: ValueKey): TargetRow | undefined {
  return tx.select().from(targets).where(targetWhere(k)).get();
}

export function currentResult(tx: DbOrTx, k: ValueKey): ResultRow | undefined {
  return tx.select().from(results).where(resultWhere(k)).get();
}

/**
 * Sets (value) or removes (null) a target. Returns what is stored afterwards; writes nothing
 * and records nothing when the value is already stored or there is nothing to remove.
 */
export function applyTarget(
  tx: DbOrTx,
  by: By,
  k: ValueKey,
  current: TargetRow | undefined,
  value: Value | null,
): TargetDto | null {
  const before = current ? targetDto(k.def, current) : null;
  const base = { type: 'target' as const, unitId: k.unitId, code: k.indicator.code, period: k.period.code };
  if (value === null) {
    if (!current) return null;
    tx.delete(targets).where(eq(targets.id, current.id)).run();
    recordChange(tx, by, { ...base, action: 'delete', before });
    return null;
  }
  const cols = valueColumns(value);
  if (current && current.valueX100 === cols.valueX100 && current.level === cols.level) return before;
  const set = { valueX100: cols.valueX100, level: cols.level, updatedAt: now() };
  const row = current
    ? tx
        .update(targets)
        .set({ ...set, version: current.version + 1 })
        .where(eq(targets.id, current.id))
        .returning()
        .get()
    : tx
        .insert(targets)
        .values({ unitId: k.unitId, indicatorId: k.indicator.id, period: k.period.code, ...set })
        .returning()
        .get();
  const after = targetDto(k.def, row);
  recordChange(tx, by, { ...base, action: current ? 'update' : 'create', before, after });
  return after;
}

/**
 * Sets (value) or removes (null) a result with its note. Returns what is stored afterwards;
 * writes nothing when value and note are already stored.
 */
export function applyResult(
  tx: DbOrTx,
  by: By,
  k: ValueKey,
  current: ResultRow | undefined,
  value: Value | null,
  note: string | null,
): ResultDto | null {
  const before = current ? resultDto(k.def, current) : null;
  const base = { type: 'result' as const, unitId: k.unitId, code: k.indicator.code, period: k.period.code };
  if (value === null) {
    if (!current) return null;
    tx.delete(results).where(eq(results.id, current.id)).run();
    recordChange(tx, by, { ...base, action: 'delete', before });
    return null;
  }
  const cols = valueColumns(value);
  if (
    current &&
    current.valueX100 === cols.valueX100 &&
    current.numerator === cols.numerator &&
    current.denominator === cols.denominator &&
    current.level === cols.level &&
    current.note === note
  )
    return before;
  const set = { ...cols, note, updatedAt: now() };
  const row = current
    ? tx
        .update(results)
        .set({ ...set, version: current.version + 1 })
        .where(eq(results.id, current.id))
        .returning()
        .get()
    : tx
        .insert(results)
        .values({ unitId: k.unitId, indicatorId: k.indicator.id, period: k.period.code, ...set })
        .returning()
        .get();
  const after = resultDto(k.def, row);
  recordChange(tx, by, { ...base, action: current ? 'update' : 'create', before, after, note });
  return after;
}
