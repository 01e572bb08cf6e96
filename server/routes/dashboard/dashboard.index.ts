import { catalogue } from '../../domain/catalogue';
import { dashboard, dashboardUnits } from '../../domain/dashboard';
import { requireIndicator, requirePeriod, requireUnit } from '../../lib/lookups';
import { createRouter } from '../../lib/router';
import { resolveAsOf } from '../../lib/today';
import * as routes from './dashboard.routes';

export const dashboardRouter = createRouter()
  .openapi(routes.dashboard, (c) => {
    const q = c.req.valid('query');
    const cat = catalogue(c.var.db);
    const unit = requireUnit(cat, q.unit, 'unit');
    const period = requirePeriod(q.period, 'period');
    return c.json(dashboard(c.var.db, unit, period, resolveAsOf(q.asOf)), 200);
  })
  .openapi(routes.dashboardUnits, (c) => {
    const q = c.req.valid('query');
    const cat = catalogue(c.var.db);
    const parent = requireUnit(cat, q.parent, 'parent');
    const ind = requireIndicator(cat, q.code, 'code');
    const period = requirePeriod(q.period, 'period');
    return c.json(dashboardUnits(c.var.db, parent, ind, period, resolveAsOf(q.asOf)), 200);
  });
