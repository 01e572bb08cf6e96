import { catalogue } from '../../domain/catalogue';
import { dashboard, dashboardUnits } from '../../domain/dashboard';
import { lockCovering, lockDto } from '../../domain/locks';
import { requireIndicator, requirePeriod, requireUnit } from '../../lib/lookups';
import { accessOf, createRouter } from '../../lib/router';
import { resolveAsOf } from '../../lib/today';
import * as routes from './dashboard.routes';

export const dashboardRouter = createRouter()
  .openapi(routes.dashboard, (c) => {
    const q = c.req.valid('query');
    const cat = catalogue(c.var.db);
    const unit = requireUnit(cat, q.unit, 'unit');
    const period = requirePeriod(q.period, 'period');
    accessOf(c).demand('read', unit.id);
    const asOf = resolveAsOf(q.asOf);
    const lock = lockCovering(c.var.db, cat, unit.id, period);
    return c.json(
      { ...dashboard(c.var.db, unit, period, asOf), lock: lock ? lockDto(c.var.db, cat, lock) : null },
      200,
    );
  })
  .openapi(routes.dashboardUnits, (c) => {
    const q = c.req.valid('query');
    const cat = catalogue(c.var.db);
    const parent = requireUnit(cat, q.parent, 'parent');
    accessOf(c).demand('read', parent.id);
    const ind = requireIndicator(cat, q.code, 'code');
    const period = requirePeriod(q.period, 'period');
    return c.json(dashboardUnits(c.var.db, parent, ind, period, resolveAsOf(q.asOf)), 200);
  });
