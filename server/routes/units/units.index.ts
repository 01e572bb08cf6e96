import { forbidden } from '../../auth/rights';
import { catalogue } from '../../domain/catalogue';
import { createUnit, removeUnit, updateUnit, visibleUnits } from '../../domain/units';
import { requireUnit } from '../../lib/lookups';
import { accessOf, createRouter } from '../../lib/router';
import * as routes from './units.routes';

export const unitsRouter = createRouter()
  .openapi(routes.list, (c) => c.json({ units: visibleUnits(c.get('db'), accessOf(c)) }, 200))
  .openapi(routes.create, (c) => {
    const body = c.req.valid('json');
    const access = accessOf(c);
    const parent =
      body.parentId === null ? null : requireUnit(catalogue(c.get('db')), body.parentId, 'parentId');
    if (parent) access.demand('manage', parent.id);
    else if (!access.isGlobalAdmin)
      throw forbidden('Chỉ người quản trị toàn hệ thống mới thêm được đơn vị cấp cao nhất.');
    return c.json({ unit: createUnit(c.get('db'), access.user, parent, body) }, 201);
  })
  .openapi(routes.patch, (c) => {
    const body = c.req.valid('json');
    const cat = catalogue(c.get('db'));
    const access = accessOf(c);
    const unit = requireUnit(cat, c.req.valid('param').id, 'id');
    access.demand('manage', unit.id);
    let parent: typeof unit | null | undefined;
    if (body.parentId !== undefined) {
      parent = body.parentId === null ? null : requireUnit(cat, body.parentId, 'parentId');
      if (parent) access.demand('manage', parent.id);
      else if (body.parentId !== unit.parentId && !access.isGlobalAdmin)
        throw forbidden('Chỉ người quản trị toàn hệ thống mới đưa được một đơn vị lên cấp cao nhất.');
    }
    return c.json({ unit: updateUnit(c.get('db'), access.user, unit, parent, body) }, 200);
  })
  .openapi(routes.remove, (c) => {
    const access = accessOf(c);
    const unit = requireUnit(catalogue(c.get('db')), c.req.valid('param').id, 'id');
    // Removing a unit is the business of the level above it.
    if (unit.parentId !== null) access.demand('manage', unit.parentId);
    else if (!access.isGlobalAdmin)
      throw forbidden(`Chỉ người quản trị toàn hệ thống mới xóa được "${unit.name}".`);
    removeUnit(c.get('db'), access.user, unit);
    return c.json({ deleted: true as const }, 200);
  });
