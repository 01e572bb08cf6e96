import { count, eq } from 'drizzle-orm';
import type { UnitDto } from '../../../shared/schemas';
import { results, targets, type UnitRow, units } from '../../db/schema';
import { catalogue, invalidateCatalogue, isInSubtree } from '../../domain/catalogue';
import { AppError, conflict } from '../../lib/errors';
import { requireUnit } from '../../lib/lookups';
import { createRouter } from '../../lib/router';
import * as routes from './units.routes';

export const unitDto = (u: UnitRow): UnitDto => ({
  id: String(u.id),
  parentId: u.parentId === null ? null : String(u.parentId),
  name: u.name,
  kind: u.kind,
  position: u.position,
});

export const unitsRouter = createRouter()
  .openapi(routes.list, (c) => {
    const cat = catalogue(c.var.db);
    // Parents before children, siblings in their order: the order a tree is drawn in.
    const ordered: UnitDto[] = [];
    const walk = (parentId: number | null) => {
      for (const id of cat.children.get(parentId) ?? []) {
        ordered.push(unitDto(cat.units.get(id)!));
        walk(id);
      }
    };
    walk(null);
    return c.json({ units: ordered }, 200);
  })
  .openapi(routes.create, (c) => {
    const db = c.var.db;
    const body = c.req.valid('json');
    const cat = catalogue(db);
    const parent = body.parentId === null ? null : requireUnit(cat, body.parentId, 'parentId');
    const siblings = cat.children.get(parent?.id ?? null) ?? [];
    const lastPosition = siblings.reduce((m, id) => Math.max(m, cat.units.get(id)?.position ?? 0), 0);
    const row = db
      .insert(units)
      .values({ parentId: parent?.id ?? null, name: body.name, kind: body.kind, position: lastPosition + 1 })
      .returning()
      .get();
    invalidateCatalogue(db);
    return c.json({ unit: unitDto(row) }, 201);
  })
  .openapi(routes.patch, (c) => {
    const db = c.var.db;
    const body = c.req.valid('json');
    const cat = catalogue(db);
    const unit = requireUnit(cat, c.req.valid('param').id, 'id');
    let parentId = unit.parentId;
    if (body.parentId !== undefined) {
      const parent = body.parentId === null ? null : requireUnit(cat, body.parentId, 'parentId');
      if (parent && isInSubtree(cat, unit.id, parent.id))
        throw new AppError(
          409,
          'cycle',
          `Không thể chuyển "${unit.name}" vào "${parent.name}" vì đơn vị đó nằm trong chính nó.`,
          'parentId',
        );
      parentId = parent?.id ?? null;
    }
    const row = db
      .update(units)
      .set({
        parentId,
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.kind !== undefined ? { kind: body.kind } : {}),
        ...(body.position !== undefined ? { position: body.position } : {}),
        updatedAt: new Date().toISOString(),
      })
      .where(eq(units.id, unit.id))
      .returning()
      .get();
    invalidateCatalogue(db);
    return c.json({ unit: unitDto(row) }, 200);
  })
  .openapi(routes.remove, (c) => {
    const db = c.var.db;
    const cat = catalogue(db);
    const unit = requireUnit(cat, c.req.valid('param').id, 'id');
    const kids = cat.children.get(unit.id)?.length ?? 0;
    if (kids > 0)
      throw conflict(
        'unit_has_children',
        `Không thể xóa "${unit.name}" vì còn ${kids} đơn vị trực thuộc; hãy chuyển hoặc xóa chúng trước.`,
      );
    const held =
      db.select({ n: count() }).from(targets).where(eq(targets.unitId, unit.id)).get()!.n +
      db.select({ n: count() }).from(results).where(eq(results.unitId, unit.id)).get()!.n;
    if (held > 0)
      throw conflict(
        'unit_has_values',
        `Không thể xóa "${unit.name}" vì đơn vị còn ${held} chỉ tiêu và kết quả đã nhập; hãy xóa số liệu trước.`,
      );
    db.delete(units).where(eq(units.id, unit.id)).run();
    invalidateCatalogue(db);
    return c.json({ deleted: true as const }, 200);
  });
