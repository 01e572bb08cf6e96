import type { Access } from '../../auth/rights';
import { forbidden } from '../../auth/rights';
import { catalogue } from '../../domain/catalogue';
import { createIndicator, indicatorDto, updateIndicator } from '../../domain/indicators';
import { requireIndicator } from '../../lib/lookups';
import { accessOf, createRouter } from '../../lib/router';
import * as routes from './indicators.routes';

function demandCatalogue(access: Access): Access {
  if (!access.canManageIndicators)
    throw forbidden('Chỉ người quản trị hoặc cấp ủy cấp cao nhất mới sửa được danh mục chỉ tiêu.');
  return access;
}

export const indicatorsRouter = createRouter()
  .openapi(routes.list, (c) => {
    accessOf(c);
    return c.json({ indicators: catalogue(c.get('db')).indicators.map(indicatorDto) }, 200);
  })
  .openapi(routes.create, (c) => {
    const access = demandCatalogue(accessOf(c));
    return c.json({ indicator: createIndicator(c.get('db'), access.user, c.req.valid('json')) }, 201);
  })
  .openapi(routes.patch, (c) => {
    const access = demandCatalogue(accessOf(c));
    const ind = requireIndicator(catalogue(c.get('db')), c.req.valid('param').code);
    return c.json({ indicator: updateIndicator(c.get('db'), access.user, ind, c.req.valid('json')) }, 200);
  });
