import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { type GrantRow, grants, sessions, type UserRow, users } from '../db/schema';

export const SESSION_COOKIE = 'chitieu_session';
/** A session ends after this long without use; each use moves the end forward. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** …and, used or not, this long after the sign-in: a stolen cookie does not live for ever. */
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;
/** …but only once this much has passed, so that reading pages does not write on every request. */
const RENEW_AFTER_MS = 10 * 60 * 1000;

const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

export interface Session {
  id: string;
  user: UserRow;
  grants: GrantRow[];
  expiresAt: string;
}

export function createSession(db: Db, userId: number, now = new Date()): { token: string; expiresAt: Date } {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
  db.insert(sessions)
    .values({ id: digest(token), userId, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString() })
    .run();
  // Expired sessions of anyone are swept as new ones are made: the table stays small.
  db.delete(sessions).where(lt(sessions.expiresAt, now.toISOString())).run();
  return { token, expiresAt };
}

/** The live session of a cookie's token, renewed when due; null when unknown, expired or its user inactive. */
export function readSession(db: Db, token: string, now = new Date()): Session | null {
  const id = digest(token);
  const row = db
    .select()
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now.toISOString())))
    .get();
  if (!row?.users.active) return null;
  const endOfLife = Date.parse(row.sessions.createdAt) + SESSION_MAX_MS;
  if (endOfLife <= now.getTime()) return null;
  let expiresAt = row.sessions.expiresAt;
  const remaining = Date.parse(expiresAt) - now.getTime();
  if (SESSION_IDLE_MS - remaining > RENEW_AFTER_MS) {
    const renewed = Math.min(now.getTime() + SESSION_IDLE_MS, endOfLife);
    // Near its end of life a session cannot be moved further: nothing to write then.
    if (renewed > Date.parse(expiresAt)) {
      expiresAt = new Date(renewed).toISOString();
      db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id)).run();
    }
  }
  const userGrants = db.select().from(grants).where(eq(grants.userId, row.users.id)).all();
  return { id, user: row.users, grants: userGrants, expiresAt };
}

/** Whether a session read earlier must be read again: it is about to expire or to be renewed. */
export function sessionDue(session: Session, now = new Date()): boolean {
  const remaining = Date.parse(session.expiresAt) - now.getTime();
  return remaining <= 0 || SESSION_IDLE_MS - remaining > RENEW_AFTER_MS;
}

/** Until when a session read now may be taken as it is without reading it again (`sessionDue`). */
export function sessionValidUntil(session: Session): number {
  return Date.parse(session.expiresAt) - SESSION_IDLE_MS + RENEW_AFTER_MS;
}

export function deleteSession(db: Db, id: string) {
  db.delete(sessions).where(eq(sessions.id, id)).run();
}

export function deleteSessionsOf(db: DbOrTx, userId: number) {
  db.delete(sessions).where(eq(sessions.userId, userId)).run();
}
