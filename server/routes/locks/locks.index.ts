import { and, eq, inArray } from 'drizzle-orm';
import { forbidden } from '../../auth/rights';
import { locks } from '../../db/schema';
import { catalogue, subtreeIds } from '../../domain/catalogue';
import { recordChange } from '../../domain/history';
import { lockDto } from '../../domain/locks';
import { AppError, notFound } from '../../lib/errors';
import { requirePeriod, requireUnit } from '../../lib/lookups';
import { accessOf, createRouter } from '../../lib/router';
import * as routes from './locks.routes';

export const locksRouter = createRouter()
  .openapi(routes.list, (c) => {
    const access = accessOf(c);
    const db = c.get('db');
    const cat = catalogue(db);
    const { unit: unitParam } = c.req.valid('query');
    if (!unitParam) throw new AppError(400, 'missing_unit', 'Hãy cho biết đơn vị (tham số unit).', 'unit');
    const unit = requireUnit(cat, unitParam, 'unit');
    access.demand('read', unit.id);
    const ids = subtreeIds(cat, unit.id);
    for (let p = unit.parentId; p !== null; p = cat.units.get(p)?.parentId ?? null) ids.push(p);
    const rows = db.select().from(locks).where(inArray(locks.unitId, ids)).all();
    return c.json({ locks: rows.map((r) => lockDto(db, cat, r)) }, 200);
  })
  .openapi(routes.lock, async (c) => {
    const access = accessOf(c);
    const db = c.get('db');
    const cat = catalogue(db);
    const params = c.req.valid('param');
    const unit = requireUnit(cat, params.unitId, 'unitId');
    const period = requirePeriod(params.period, 'period');
    access.demand('plan', unit.id);
    const body = c.req.valid('json') ?? {};
    const note = body.note?.trim() || null;
    const row = db.transaction((tx) => {
      const key = and(eq(locks.unitId, unit.id), eq(locks.period, period.code));
      const existing = tx.select().from(locks).where(key).get();
      if (existing) return existing;
      const created = tx
        .insert(locks)
        .values({
          unitId: unit.id,
          period: period.code,
          note,
          lockedBy: access.user.id,
          lockedAt: new Date().toISOString(),
        })
        .returning()
        .get();
      recordChange(tx, access.user, {
        type: 'lock',
        action: 'create',
        unitId: unit.id,
        period: period.code,
        after: { locked: true, note },
        note,
      });
      return created;
    });
    return c.json({ lock: lockDto(db, cat, row) }, 200);
  })
  .openapi(routes.unlock, (c) => {
    const access = accessOf(c);
    const db = c.get('db');
    const cat = catalogue(db);
    const params = c.req.valid('param');
    const unit = requireUnit(cat, params.unitId, 'unitId');
    const period = requirePeriod(params.period, 'period');
    const { reason } = c.req.valid('json');
    access.demand('read', unit.id);
    if (!access.canUnlock(unit.id))
      throw forbidden(
        `Chỉ cấp ủy cấp trên của "${unit.name}" hoặc người quản trị mới mở khóa được ${period.label.toLowerCase()}.`,
      );
    db.transaction((tx) => {
      const key = and(eq(locks.unitId, unit.id), eq(locks.period, period.code));
      const existing = tx.select().from(locks).where(key).get();
      if (!existing) throw notFound('lock_not_found', `${period.label} của "${unit.name}" chưa bị khóa.`);
      tx.delete(locks).where(eq(locks.id, existing.id)).run();
      recordChange(tx, access.user, {
        type: 'lock',
        action: 'delete',
        unitId: unit.id,
        period: period.code,
        before: { locked: true, note: existing.note, lockedAt: existing.lockedAt },
        after: { locked: false },
        note: reason,
      });
    });
    return c.json({ unlocked: true as const }, 200);
  });
