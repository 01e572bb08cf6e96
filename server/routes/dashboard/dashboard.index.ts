import { catalogue } from '../../domain/catalogue';
import { dashboardUnits, dashboardWithLock } from '../../domain/dashboard';
import { requireIndicator, requirePeriod, requireUnit } from '../../lib/lookups';
import { cachedJson, keptView, requestKey } from '../../lib/response-cache';
import { accessOf, createRouter } from '../../lib/router';
import { resolveAsOf } from '../../lib/today';
import * as routes from './dashboard.routes';

export const dashboardRouter = createRouter()
  .openapi(routes.dashboard, (c) =>
    keptView(c, c.req.valid('query'), (unit, period, asOf) =>
      dashboardWithLock(c.get('db'), unit, period, asOf),
    ),
  )
  .openapi(routes.dashboardUnits, (c) => {
    const q = c.req.valid('query');
    const cat = catalogue(c.get('db'));
    const parent = requireUnit(cat, q.parent, 'parent');
    accessOf(c).demand('read', parent.id);
    const ind = requireIndicator(cat, q.code, 'code');
    const period = requirePeriod(q.period, 'period');
    const asOf = resolveAsOf(q.asOf);
    return cachedJson(c, requestKey(c, asOf), () => dashboardUnits(c.get('db'), parent, ind, period, asOf));
  });
