import { eq } from 'drizzle-orm';
import { conflict } from '../lib/errors';
import type { DbOrTx } from './client';
import type { memberRatings, results, targetLines, targets } from './schema';

// The tables whose rows carry a version, counted up by every change, so that a screen can say
// which one it saw (a 409 when someone changed it meanwhile).

type Versioned = typeof targets | typeof results | typeof memberRatings | typeof targetLines;

/**
 * Stores `set` over the current row with its version one up, or as a new row of `key` (version
 * 1, the column's default). Returns the row as stored.
 */
export function putVersioned<T extends Versioned>(
  tx: DbOrTx,
  table: T,
  current: { id: number; version: number } | undefined,
  key: Partial<T['$inferInsert']>,
  set: Partial<T['$inferInsert']>,
): T['$inferSelect'] {
  // Every versioned table has the same `id` and `version` columns: one of them stands for all,
  // which drizzle's types cannot say of a generic table.
  const t = table as typeof targets;
  return current
    ? tx
        .update(t)
        .set({ ...set, version: current.version + 1 } as typeof t.$inferInsert)
        .where(eq(t.id, current.id))
        .returning()
        .get()
    : tx
        .insert(t)
        .values({ ...key, ...set } as typeof t.$inferInsert)
        .returning()
        .get();
}

/** Whether a screen that saw version `seen` (0: nothing stored) saw something else than `current`. */
export const isStale = (seen: number | undefined, current: { version: number } | undefined) =>
  seen !== undefined && (current?.version ?? 0) !== seen;

/** Refuses with 409 `version_conflict`, what is stored now in `current`, when the screen saw another version. */
export function assertVersion(
  seen: number | undefined,
  current: { version: number } | undefined,
  message: string,
  shown: () => unknown,
) {
  if (isStale(seen, current)) throw conflict('version_conflict', message, { current: shown() });
}
