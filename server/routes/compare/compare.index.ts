import { catalogue } from '../../domain/catalogue';
import { compareOverview, comparePeriods, compareUnits } from '../../domain/compare';
import { requireIndicator, requirePeriods, requireUnit, requireUnitPeriod } from '../../lib/lookups';
import { cachedJson, requestKey } from '../../lib/response-cache';
import { accessOf, createRouter } from '../../lib/router';
import { resolveAsOf } from '../../lib/today';
import * as routes from './compare.routes';

export const compareRouter = createRouter()
  .openapi(routes.comparePeriods, (c) => {
    const q = c.req.valid('query');
    const cat = catalogue(c.get('db'));
    const unit = requireUnit(cat, q.unit, 'unit');
    const ind = requireIndicator(cat, q.code, 'code');
    const periods = requirePeriods(q.periods);
    accessOf(c).demand('read', unit.id);
    return c.json(comparePeriods(c.get('db'), unit, ind, periods, resolveAsOf(q.asOf)), 200);
  })
  .openapi(routes.compareOverview, (c) => {
    const q = c.req.valid('query');
    const unit = requireUnit(catalogue(c.get('db')), q.unit, 'unit');
    const periods = requirePeriods(q.periods);
    accessOf(c).demand('read', unit.id);
    return c.json(compareOverview(c.get('db'), unit, periods, resolveAsOf(q.asOf)), 200);
  })
  .openapi(routes.compareUnits, (c) => {
    const q = c.req.valid('query');
    const { unit: parent, period } = requireUnitPeriod(c, 'read', q.parent, q.period, 'parent');
    const asOf = resolveAsOf(q.asOf);
    return cachedJson(c, requestKey(c, asOf), () => compareUnits(c.get('db'), parent, period, asOf));
  });
