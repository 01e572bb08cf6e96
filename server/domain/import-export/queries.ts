import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Period } from '../../../shared/period';
import type { Db, DbOrTx } from '../../db/client';
import { type LockRow, locks, type ResultRow, results, type TargetRow, targets } from '../../db/schema';
import type { PlannedRow } from './check';

// What the import and the export read from the database: the targets and results of a subtree
// for the export and the template, the values a file's rows would overwrite, and the locks.

function readPeriod<T extends TargetRow | ResultRow>(
  db: Db,
  table: typeof targets | typeof results,
  unitIds: number[],
  period: Period,
): T[] {
  const inTree = new Set(unitIds);
  // A long IN list costs more than scanning the period's rows (decision 001).
  const where =
    unitIds.length <= 500
      ? and(eq(table.period, period.code), inArray(table.unitId, unitIds))
      : eq(table.period, period.code);
  return (db.select().from(table).where(where).all() as T[]).filter((r) => inTree.has(r.unitId));
}

export interface Stored {
  /** unit id → indicator id → row */
  targets: Map<number, Map<number, TargetRow>>;
  results: Map<number, Map<number, ResultRow>>;
  /** The latest change among them; the start of 2000 when there is none. */
  latest: Date;
}

export function readSubtree(db: Db, order: number[], period: Period): Stored {
  const group = <T extends TargetRow | ResultRow>(rows: T[]) => {
    const out = new Map<number, Map<number, T>>();
    for (const r of rows) {
      const inner = out.get(r.unitId) ?? new Map<number, T>();
      inner.set(r.indicatorId, r);
      out.set(r.unitId, inner);
    }
    return out;
  };
  const t = readPeriod<TargetRow>(db, targets, order, period);
  const r = readPeriod<ResultRow>(db, results, order, period);
  let latest = '2000-01-01T00:00:00.000Z';
  for (const row of [...t, ...r]) if (row.updatedAt > latest) latest = row.updatedAt;
  return { targets: group(t), results: group(r), latest: new Date(latest) };
}

/** Every lock, by the unit it is on: read once for a whole file. */
export function locksByUnit(db: DbOrTx): Map<number, LockRow[]> {
  const byUnit = new Map<number, LockRow[]>();
  for (const l of db.select().from(locks).all()) {
    const list = byUnit.get(l.unitId);
    if (list) list.push(l);
    else byUnit.set(l.unitId, [l]);
  }
  return byUnit;
}

/** The values stored now for the planned rows, by `unit|indicator|period`. */
export function readStored<T extends TargetRow | ResultRow>(
  db: DbOrTx,
  table: typeof targets | typeof results,
  rows: PlannedRow[],
): Map<string, T> {
  const out = new Map<string, T>();
  if (rows.length === 0) return out;
  // One lookup by the unique key per row: a province's file touches a sliver of each
  // period's rows, and reading whole periods to find them cost more than the rest together.
  const ph = sql.placeholder;
  const lookup = db
    .select()
    .from(table)
    .where(
      and(
        eq(table.unitId, ph('unitId')),
        eq(table.indicatorId, ph('indicatorId')),
        eq(table.period, ph('period')),
      ),
    )
    .prepare();
  for (const r of rows) {
    const id = `${r.key.unitId}|${r.key.indicator.id}|${r.key.period.code}`;
    if (out.has(id)) continue;
    const found = lookup.get({
      unitId: r.key.unitId,
      indicatorId: r.key.indicator.id,
      period: r.key.period.code,
    }) as T | undefined;
    if (found) out.set(id, found);
  }
  return out;
}
