import { catalogue } from '../../domain/catalogue';
import { dashboard, dashboardUnits } from '../../domain/dashboard';
import { lockCovering, lockDto } from '../../domain/locks';
import { requireIndicator, requirePeriod, requireUnit } from '../../lib/lookups';
import { cachedJson, requestKey } from '../../lib/response-cache';
import { accessOf, createRouter } from '../../lib/router';
import { resolveAsOf } from '../../lib/today';
import * as routes from './dashboard.routes';

export const dashboardRouter = createRouter()
  .openapi(routes.dashboard, (c) => {
    const q = c.req.valid('query');
    const cat = catalogue(c.get('db'));
    const unit = requireUnit(cat, q.unit, 'unit');
    const period = requirePeriod(q.period, 'period');
    accessOf(c).demand('read', unit.id);
    const asOf = resolveAsOf(q.asOf);
    return cachedJson(c, requestKey(c, asOf), () => {
      const lock = lockCovering(c.get('db'), cat, unit.id, period);
      return {
        ...dashboard(c.get('db'), unit, period, asOf),
        lock: lock ? lockDto(c.get('db'), cat, lock) : null,
      };
    });
  })
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
