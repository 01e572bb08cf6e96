import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { ChangeDto } from '../../shared/accounts';
import type { Db } from '../db/client';
import { type HistoryRow, history, type UserRow } from '../db/schema';

type Tx = Pick<Db, 'insert'>;

export interface Change {
  type: HistoryRow['type'];
  action: HistoryRow['action'];
  unitId?: number | null;
  code?: string | null;
  period?: string | null;
  before?: unknown;
  after?: unknown;
  note?: string | null;
}

/** Appends one change, in the caller's transaction so that it exists exactly when the change does. */
export function recordChange(tx: Tx, by: Pick<UserRow, 'id' | 'username'> | null, change: Change) {
  tx.insert(history)
    .values({
      at: new Date().toISOString(),
      userId: by?.id ?? null,
      username: by?.username ?? null,
      type: change.type,
      action: change.action,
      unitId: change.unitId ?? null,
      code: change.code ?? null,
      period: change.period ?? null,
      before: change.before ?? null,
      after: change.after ?? null,
      note: change.note ?? null,
    })
    .run();
}

export function listChanges(
  db: Db,
  filter: { unitId: number; code?: string; period?: string },
  limit = 500,
): ChangeDto[] {
  const where: SQL[] = [eq(history.unitId, filter.unitId)];
  if (filter.code) where.push(eq(history.code, filter.code));
  if (filter.period) where.push(eq(history.period, filter.period));
  return db
    .select()
    .from(history)
    .where(and(...where))
    .orderBy(desc(history.id))
    .limit(limit)
    .all()
    .map((h) => ({
      id: String(h.id),
      at: h.at,
      user: h.username,
      type: h.type,
      action: h.action,
      unitId: h.unitId === null ? null : String(h.unitId),
      code: h.code,
      period: h.period,
      before: h.before,
      after: h.after,
      note: h.note,
    }));
}
