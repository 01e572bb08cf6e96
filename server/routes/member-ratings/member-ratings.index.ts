import { memberRatingOf, saveMemberRating } from '../../domain/member-ratings';
import { requireUnitPeriod } from '../../lib/lookups';
import { createRouter } from '../../lib/router';
import * as routes from './member-ratings.routes';

export const memberRatingsRouter = createRouter()
  .openapi(routes.getMemberRating, (c) => {
    const q = c.req.valid('query');
    const { unit, period } = requireUnitPeriod(c, 'read', q.unit, q.period);
    return c.json(memberRatingOf(c.get('db'), unit, period), 200);
  })
  .openapi(routes.putMemberRating, (c) => {
    const params = c.req.valid('param');
    const { unit, period, access } = requireUnitPeriod(c, 'report', params.unitId, params.period, 'unitId');
    return c.json(saveMemberRating(c.get('db'), access.user, unit, period, c.req.valid('json')), 200);
  });
