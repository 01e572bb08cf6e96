import { and, eq, inArray } from 'drizzle-orm';
import type { LockDto } from '../../shared/accounts';
import { contains, type Period, parsePeriod } from '../../shared/period';
import { chainUp } from '../../shared/rights';
import { vietnamDate } from '../../shared/vietnam-time';
import type { Db, DbOrTx } from '../db/client';
import { type LockRow, locks, type UnitRow, type UserRow, users } from '../db/schema';
import { AppError, notFound } from '../lib/errors';
import { type Catalogue, catalogue, parentIn, subtreeIds } from './catalogue';
import { recordChange } from './history';

// A lock of period P on unit U closes, for every unit in U's subtree, the values of P and of
// every period inside P: the year's figures are made of its halves, so judging the year
// fixes them too. A longer period holding P (the term) stays open.

/** Whether a lock of `lockedPeriod` closes `period`: the same period, or one inside it. */
export function closes(lockedPeriod: string, period: Period): boolean {
  const locked = parsePeriod(lockedPeriod);
  return locked !== null && (locked.code === period.code || contains(locked, period));
}

/** The lock that closes `period` for `unitId`, if any: the one highest in the tree first. */
export function lockCovering(db: DbOrTx, cat: Catalogue, unitId: number, period: Period): LockRow | null {
  const chain = chainUp(parentIn(cat), unitId);
  const candidates = db.select().from(locks).where(inArray(locks.unitId, chain)).all();
  const covering = candidates.filter((l) => closes(l.period, period));
  covering.sort((a, b) => chain.indexOf(b.unitId) - chain.indexOf(a.unitId));
  return covering[0] ?? null;
}

export function lockDto(db: DbOrTx, cat: Catalogue, row: LockRow): LockDto {
  const by = db.select({ username: users.username, displayName: users.displayName }).from(users);
  const user = by.where(inArray(users.id, [row.lockedBy])).get();
  return {
    unit: { id: String(row.unitId), name: cat.units.get(row.unitId)?.name ?? '' },
    period: { code: row.period, label: parsePeriod(row.period)?.label ?? row.period },
    note: row.note,
    lockedAt: row.lockedAt,
    lockedBy: user?.displayName ?? user?.username ?? '',
  };
}

/** Refuses with 423 `period_locked`, naming the lock, when `period` is closed for `unitId`. */
export function assertUnlocked(db: DbOrTx, cat: Catalogue, unitId: number, period: Period) {
  const lock = lockCovering(db, cat, unitId, period);
  if (!lock) return;
  const dto = lockDto(db, cat, lock);
  const lower = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);
  const here = `${lower(period.label)} của ${cat.units.get(unitId)?.name ?? dto.unit.name}`;
  const closed =
    lock.unitId === unitId && lock.period === period.code
      ? 'đã được khóa'
      : `đã được khóa cùng ${lower(dto.period.label)} của ${dto.unit.name}`;
  const who = `${dto.lockedBy}, ngày ${vietnamDate(dto.lockedAt)}`;
  throw new AppError(
    423,
    'period_locked',
    `Số liệu ${here} ${closed} sau hội nghị đánh giá (${who}); muốn sửa, hãy đề nghị cấp ủy cấp trên mở khóa.`,
    undefined,
    { lock: dto },
  );
}

/** The locks a unit's screens show: on the unit, on every unit below it and above it. */
export function locksAround(db: Db, unit: UnitRow): LockDto[] {
  const cat = catalogue(db);
  const ids = [...subtreeIds(cat, unit.id), ...chainUp(parentIn(cat), unit.id).slice(1)];
  const rows = db.select().from(locks).where(inArray(locks.unitId, ids)).all();
  return rows.map((r) => lockDto(db, cat, r));
}

const lockOf = (db: DbOrTx, unit: UnitRow, period: Period) =>
  db
    .select()
    .from(locks)
    .where(and(eq(locks.unitId, unit.id), eq(locks.period, period.code)))
    .get();

/** Locks a unit's period after its review conference; a period already locked stays as it was. */
export function lockPeriod(db: Db, by: UserRow, unit: UnitRow, period: Period, note: string | null): LockDto {
  const row = db.transaction((tx) => {
    const existing = lockOf(tx, unit, period);
    if (existing) return existing;
    const created = tx
      .insert(locks)
      .values({
        unitId: unit.id,
        period: period.code,
        note,
        lockedBy: by.id,
        lockedAt: new Date().toISOString(),
      })
      .returning()
      .get();
    recordChange(tx, by, {
      type: 'lock',
      action: 'create',
      unitId: unit.id,
      period: period.code,
      after: { locked: true, note },
      note,
    });
    return created;
  });
  return lockDto(db, catalogue(db), row);
}

/** Takes a lock off, with the reason recorded; 404 when the period is not locked on this unit. */
export function unlockPeriod(db: Db, by: UserRow, unit: UnitRow, period: Period, reason: string) {
  db.transaction((tx) => {
    const existing = lockOf(tx, unit, period);
    if (!existing) throw notFound('lock_not_found', `${period.label} của "${unit.name}" chưa bị khóa.`);
    tx.delete(locks).where(eq(locks.id, existing.id)).run();
    recordChange(tx, by, {
      type: 'lock',
      action: 'delete',
      unitId: unit.id,
      period: period.code,
      before: { locked: true, note: existing.note, lockedAt: existing.lockedAt },
      after: { locked: false },
      note: reason,
    });
  });
}
