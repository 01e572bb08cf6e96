import { catalogue } from '../../domain/catalogue';
import { setTargetsBelow } from '../../domain/targets-below';
import { writeBatch } from '../../domain/value-batch';
import { removeValue, saveResult, saveTarget } from '../../domain/value-edits';
import { storedValues } from '../../domain/values';
import {
  requireIndicator,
  requirePeriod,
  requireUnit,
  requireUnitPeriod,
  requireValueKey,
} from '../../lib/lookups';
import { accessOf, createRouter } from '../../lib/router';
import * as routes from './values.routes';

export const valuesRouter = createRouter()
  .openapi(routes.putTarget, (c) => {
    const { key, access } = requireValueKey(c, 'plan', c.req.valid('param'));
    return c.json({ target: saveTarget(c.get('db'), access.user, key, c.req.valid('json')) }, 200);
  })
  .openapi(routes.deleteTarget, (c) => {
    const { key, access } = requireValueKey(c, 'plan', c.req.valid('param'));
    removeValue(c.get('db'), access.user, 'target', key);
    return c.json({ deleted: true as const }, 200);
  })
  .openapi(routes.putResult, (c) => {
    const { key, access } = requireValueKey(c, 'report', c.req.valid('param'));
    return c.json({ result: saveResult(c.get('db'), access.user, key, c.req.valid('json')) }, 200);
  })
  .openapi(routes.deleteResult, (c) => {
    const { key, access } = requireValueKey(c, 'report', c.req.valid('param'));
    removeValue(c.get('db'), access.user, 'result', key);
    return c.json({ deleted: true as const }, 200);
  })
  .openapi(routes.targetsBelow, (c) => {
    const access = accessOf(c);
    const body = c.req.valid('json');
    const cat = catalogue(c.get('db'));
    const at = {
      unit: requireUnit(cat, body.unitId, 'unitId'),
      indicator: requireIndicator(cat, body.code, 'code'),
      period: requirePeriod(body.period, 'period'),
    };
    const dryRun = c.req.valid('query').dryRun === '1';
    return c.json(setTargetsBelow(c.get('db'), access, at, body, dryRun), 200);
  })
  .openapi(routes.batchValues, (c) => c.json(writeBatch(c.get('db'), accessOf(c), c.req.valid('json')), 200))
  .openapi(routes.listValues, (c) => {
    const q = c.req.valid('query');
    const { unit, period } = requireUnitPeriod(c, 'read', q.unit, q.period);
    return c.json(storedValues(c.get('db'), unit, period), 200);
  });
