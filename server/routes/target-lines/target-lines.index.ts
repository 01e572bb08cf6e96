import { judgedLines, saveTargetLines } from '../../domain/target-lines';
import { requireUnitPeriod } from '../../lib/lookups';
import { keptView } from '../../lib/response-cache';
import { createRouter } from '../../lib/router';
import * as routes from './target-lines.routes';

export const targetLinesRouter = createRouter()
  .openapi(routes.getTargetLines, (c) =>
    keptView(c, c.req.valid('query'), (unit, period, asOf) => judgedLines(c.get('db'), unit, period, asOf)),
  )
  .openapi(routes.putTargetLines, (c) => {
    const params = c.req.valid('param');
    const { unit, period, access } = requireUnitPeriod(c, 'plan', params.unitId, params.period, 'unitId');
    return c.json(saveTargetLines(c.get('db'), access.user, unit, period, c.req.valid('json')), 200);
  });
