import { forbidden } from '../../auth/rights';
import { catalogue } from '../../domain/catalogue';
import { lockPeriod, locksAround, unlockPeriod } from '../../domain/locks';
import { requireNamedUnit, requireUnitPeriod } from '../../lib/lookups';
import { accessOf, createRouter } from '../../lib/router';
import * as routes from './locks.routes';

export const locksRouter = createRouter()
  .openapi(routes.list, (c) => {
    const access = accessOf(c);
    const unit = requireNamedUnit(catalogue(c.get('db')), c.req.valid('query').unit);
    access.demand('read', unit.id);
    return c.json({ locks: locksAround(c.get('db'), unit) }, 200);
  })
  .openapi(routes.lock, (c) => {
    const params = c.req.valid('param');
    const { unit, period, access } = requireUnitPeriod(c, 'plan', params.unitId, params.period, 'unitId');
    const note = c.req.valid('json')?.note?.trim() || null;
    return c.json({ lock: lockPeriod(c.get('db'), access.user, unit, period, note) }, 200);
  })
  .openapi(routes.unlock, (c) => {
    const params = c.req.valid('param');
    const { unit, period, access } = requireUnitPeriod(c, 'read', params.unitId, params.period, 'unitId');
    if (!access.canUnlock(unit.id))
      throw forbidden(
        `Chỉ cấp ủy cấp trên của "${unit.name}" hoặc người quản trị mới mở khóa được ${period.label.toLowerCase()}.`,
      );
    unlockPeriod(c.get('db'), access.user, unit, period, c.req.valid('json').reason);
    return c.json({ unlocked: true as const }, 200);
  });
