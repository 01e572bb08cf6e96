import { and, eq, sql } from 'drizzle-orm';
import {
  appliesAt,
  derivedResultMessage,
  type IndicatorDef,
  notApplicableMessage,
} from '../../shared/indicator';
import type { Period } from '../../shared/period';
import type { ResultDto, TargetDto } from '../../shared/schemas/values';
import type { TargetChange } from '../../shared/targets';
import type { Value } from '../../shared/value';
import type { DbOrTx } from '../db/client';
import {
  history,
  type IndicatorRow,
  type ResultRow,
  results,
  type TargetRow,
  targets,
  type UserRow,
} from '../db/schema';
import { putVersioned } from '../db/versioned';
import { AppError } from '../lib/errors';
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

/**
 * Why a value may not be written at its key whatever it is, or null: a result of an indicator
 * computed from the units below (409 `derived_result`), or a unit of a kind the indicator does
 * not apply to (422 `not_applicable`). Removing stays possible, to clear what was entered before.
 */
export function unwritable(
  type: 'target' | 'result',
  def: IndicatorDef,
  unit: { name: string; kind: string },
): AppError | null {
  if (type === 'result' && def.derived)
    return new AppError(409, 'derived_result', derivedResultMessage(def), 'code');
  if (!appliesAt(def, unit.kind))
    return new AppError(422, 'not_applicable', notApplicableMessage(def, unit), 'unitId');
  return null;
}

const now = () => new Date().toISOString();

/** The columns that name a value's row. */
const rowKey = (k: ValueKey) => ({ unitId: k.unitId, indicatorId: k.indicator.id, period: k.period.code });

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
 * Sets (value) or removes (null) a target, or a result with its note. Returns what is stored
 * afterwards; writes and records nothing when it is already stored or there is nothing to
 * remove. `current` must be what is stored now, read in the same transaction (writeOver).
 */
export function applyWrite(tx: DbOrTx, by: By, w: BulkWrite): TargetDto | ResultDto | null {
  const k = w.key;
  const before = storedDto(w);
  const base = { type: w.type, unitId: k.unitId, code: k.indicator.code, period: k.period.code };
  if (isRemoval(w)) {
    if (!w.current) return null;
    if (w.type === 'target') tx.delete(targets).where(eq(targets.id, w.current.id)).run();
    else tx.delete(results).where(eq(results.id, w.current.id)).run();
    recordChange(tx, by, { ...base, action: 'delete', before });
    return null;
  }
  if (writeUnchanged(w)) return before;
  // A relative target stores no value: only its change (the value is computed when read).
  const cols = w.value ? valueColumns(w.value) : null;
  const updatedAt = now();
  const after =
    w.type === 'target'
      ? targetDto(
          k.def,
          putVersioned(tx, targets, w.current, rowKey(k), {
            valueX100: cols?.valueX100 ?? null,
            level: cols?.level ?? null,
            changeKind: w.change?.kind ?? null,
            changeX100: w.change?.x100 ?? null,
            ...(w.eachYear !== undefined ? { eachYear: w.eachYear } : {}),
            updatedAt,
          }),
        )
      : resultDto(
          k.def,
          putVersioned(tx, results, w.current, rowKey(k), { ...cols!, note: w.note, updatedAt }),
        );
  const note = w.type === 'result' ? w.note : null;
  recordChange(tx, by, { ...base, action: w.current ? 'update' : 'create', before, after, note });
  return after;
}

// Many values at once (the import): the same rules as applyWrite (a value
// already stored is not rewritten, a change bumps the version and is recorded with the DTOs
// before and after), with statements prepared once and one timestamp for the whole batch,
// so that a hundred thousand rows cost a few hundred milliseconds instead of a query each.

/**
 * Whether storing `value` (or a `change` from last year) over `current` would change nothing
 * (applyWrite's test of a target); `eachYear` undefined leaves the stored flag as it is.
 */
export function targetUnchanged(
  current: TargetRow | undefined,
  value: Value | null,
  change?: TargetChange | null,
  eachYear?: boolean,
): boolean {
  if (value === null && !change) return current === undefined;
  if (!current) return false;
  const cols = value ? valueColumns(value) : { valueX100: null, level: null };
  return (
    current.valueX100 === cols.valueX100 &&
    current.level === cols.level &&
    current.changeKind === (change?.kind ?? null) &&
    current.changeX100 === (change?.x100 ?? null) &&
    (eachYear === undefined || current.eachYear === eachYear)
  );
}

/** Whether storing `value` and `note` over `current` would change nothing (applyWrite's test of a result). */
export function resultUnchanged(current: ResultRow | undefined, value: Value | null, note: string | null) {
  if (value === null) return current === undefined;
  if (!current) return false;
  const cols = valueColumns(value);
  return (
    current.valueX100 === cols.valueX100 &&
    current.numerator === cols.numerator &&
    current.denominator === cols.denominator &&
    current.level === cols.level &&
    current.note === note
  );
}

export type BulkWrite =
  | {
      type: 'target';
      key: ValueKey;
      current: TargetRow | undefined;
      /** Null with no `change`: remove what is stored. */
      value: Value | null;
      /** A target relative to last year's result: the value is computed when read. */
      change?: TargetChange | null;
      /** On a term: also each year's target; undefined keeps what is stored. */
      eachYear?: boolean;
    }
  | {
      type: 'result';
      key: ValueKey;
      current: ResultRow | undefined;
      value: Value | null;
      note: string | null;
    };

/** Whether a write removes what is stored. */
export const isRemoval = (w: BulkWrite) => w.value === null && !(w.type === 'target' && w.change);

/** Whether a write would change nothing. */
export function writeUnchanged(w: BulkWrite): boolean {
  return w.type === 'target'
    ? targetUnchanged(w.current, w.value, w.change, w.eachYear)
    : resultUnchanged(w.current, w.value, w.note);
}

/** What a write would replace, as the API shows it; null when nothing is stored. */
export function storedDto(w: BulkWrite): TargetDto | ResultDto | null {
  if (!w.current) return null;
  return w.type === 'target' ? targetDto(w.key.def, w.current) : resultDto(w.key.def, w.current);
}

/** The write of `value` over what is stored under `key` now, read in the caller's transaction. */
export function writeOver(
  tx: DbOrTx,
  type: BulkWrite['type'],
  key: ValueKey,
  value: Value | null,
  note: string | null,
  target: { change?: TargetChange | null; eachYear?: boolean } = {},
): BulkWrite {
  return type === 'target'
    ? { type, key, current: currentTarget(tx, key), value, ...target }
    : { type, key, current: currentResult(tx, key), value, note };
}

/**
 * Writes many targets and results inside the caller's transaction and returns how many
 * changed. `current` must be what is stored now, read in the same transaction.
 */
export function applyValuesBulk(tx: DbOrTx, by: By, writes: readonly BulkWrite[]): number {
  const at = now();
  const p = sql.placeholder;
  // UPDATE … SET takes SQL rather than bare placeholders.
  const set = (name: string) => sql`${p(name)}`;
  const who = { userId: by?.id ?? null, username: by?.username ?? null };

  const insertTarget = tx
    .insert(targets)
    .values({
      unitId: p('unitId'),
      indicatorId: p('indicatorId'),
      period: p('period'),
      valueX100: p('valueX100'),
      level: p('level'),
      updatedAt: at,
    })
    .prepare();
  const updateTarget = tx
    .update(targets)
    // A value replaces a change from last year; whether it is each year's stays as it was.
    .set({
      valueX100: set('valueX100'),
      level: set('level'),
      changeKind: null,
      changeX100: null,
      version: set('version'),
      updatedAt: at,
    })
    .where(eq(targets.id, p('id')))
    .prepare();
  const deleteTarget = tx
    .delete(targets)
    .where(eq(targets.id, p('id')))
    .prepare();
  const resultCols = ['valueX100', 'numerator', 'denominator', 'level', 'note'] as const;
  const insertResult = tx
    .insert(results)
    .values({
      unitId: p('unitId'),
      indicatorId: p('indicatorId'),
      period: p('period'),
      ...Object.fromEntries(resultCols.map((c) => [c, p(c)])),
      updatedAt: at,
    })
    .prepare();
  const updateResult = tx
    .update(results)
    .set({
      ...Object.fromEntries(resultCols.map((c) => [c, set(c)])),
      version: set('version'),
      updatedAt: at,
    })
    .where(eq(results.id, p('id')))
    .prepare();
  const deleteResult = tx
    .delete(results)
    .where(eq(results.id, p('id')))
    .prepare();
  // A JSON column would store a bound null as the text 'null'; recordChange stores SQL NULL,
  // so each action has its own statement with the absent side left NULL.
  const historyBase = {
    at,
    ...who,
    type: p('type'),
    unitId: p('unitId'),
    code: p('code'),
    period: p('period'),
    note: p('note'),
  };
  const recordCreate = tx
    .insert(history)
    .values({ ...historyBase, action: 'create', after: p('after') })
    .prepare();
  const recordUpdate = tx
    .insert(history)
    .values({ ...historyBase, action: 'update', before: p('before'), after: p('after') })
    .prepare();
  const recordDelete = tx
    .insert(history)
    .values({ ...historyBase, action: 'delete', before: p('before') })
    .prepare();

  let changed = 0;
  for (const w of writes) {
    const k = w.key;
    const where = { unitId: k.unitId, code: k.indicator.code, period: k.period.code };
    if (writeUnchanged(w)) continue;
    changed++;
    const before = storedDto(w);
    if (isRemoval(w) || w.value === null) {
      (w.type === 'target' ? deleteTarget : deleteResult).run({ id: w.current!.id });
      recordDelete.run({ type: w.type, ...where, before, note: null });
      continue;
    }
    const cols = valueColumns(w.value);
    const version = w.current ? w.current.version + 1 : 1;
    const stored = {
      unitId: k.unitId,
      indicatorId: k.indicator.id,
      period: k.period.code,
      version,
      updatedAt: at,
      ...cols,
      note: w.type === 'result' ? w.note : null,
    };
    if (w.type === 'target') {
      const params = { valueX100: cols.valueX100, level: cols.level };
      if (w.current) updateTarget.run({ ...params, version, id: w.current.id });
      else
        insertTarget.run({ ...params, unitId: k.unitId, indicatorId: k.indicator.id, period: k.period.code });
    } else {
      const params = { ...cols, note: w.note };
      if (w.current) updateResult.run({ ...params, version, id: w.current.id });
      else
        insertResult.run({ ...params, unitId: k.unitId, indicatorId: k.indicator.id, period: k.period.code });
    }
    const after = w.type === 'target' ? targetDto(k.def, stored) : resultDto(k.def, stored);
    const note = w.type === 'result' ? w.note : null;
    if (w.current) recordUpdate.run({ type: w.type, ...where, before, after, note });
    else recordCreate.run({ type: w.type, ...where, after, note });
  }
  return changed;
}
