import { catalogue } from '../../domain/catalogue';
import { listChanges } from '../../domain/history';
import { requireIndicator, requireNamedUnit, requirePeriod } from '../../lib/lookups';
import { accessOf, createRouter } from '../../lib/router';
import * as routes from './history.routes';

export const historyRouter = createRouter().openapi(routes.list, (c) => {
  const access = accessOf(c);
  const cat = catalogue(c.get('db'));
  const q = c.req.valid('query');
  const unit = requireNamedUnit(cat, q.unit);
  access.demand('read', unit.id);
  const code = q.code ? requireIndicator(cat, q.code, 'code').code : undefined;
  const period = q.period ? requirePeriod(q.period, 'period').code : undefined;
  return c.json({ changes: listChanges(c.get('db'), { unitId: unit.id, code, period }) }, 200);
});
