import { and, count, eq, ne } from 'drizzle-orm';
import { isUnder } from '../../../shared/rights';
import type { UnitDto } from '../../../shared/schemas/units';
import { forbidden } from '../../auth/rights';
import {
  grants,
  locks,
  memberRatings,
  results,
  targetLines,
  targets,
  type UnitRow,
  units,
} from '../../db/schema';
import { catalogue, invalidateCatalogue, parentIn } from '../../domain/catalogue';
import { recordChange } from '../../domain/history';
import { AppError, conflict } from '../../lib/errors';
import { requireUnit } from '../../lib/lookups';
import { accessOf, createRouter } from '../../lib/router';
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
    const access = accessOf(c);
    const cat = catalogue(c.get('db'));
    // Parents before children, siblings in their order: the order a tree is drawn in.
    const ordered: UnitDto[] = [];
    // Only the subtrees granted to the user: a unit whose parent is not listed heads its own.
    const walk = (parentId: number | null) => {
      for (const id of cat.children.get(parentId) ?? []) {
        if (access.can('read', id)) ordered.push(unitDto(cat.units.get(id)!));
        walk(id);
      }
    };
    walk(null);
    return c.json({ units: ordered }, 200);
  })
  .openapi(routes.create, (c) => {
    const db = c.get('db');
    const body = c.req.valid('json');
    const cat = catalogue(db);
    const access = accessOf(c);
    const parent = body.parentId === null ? null : requireUnit(cat, body.parentId, 'parentId');
    if (parent) access.demand('manage', parent.id);
    else if (!access.isGlobalAdmin)
      throw forbidden('Chỉ người quản trị toàn hệ thống mới thêm được đơn vị cấp cao nhất.');
    const siblings = cat.children.get(parent?.id ?? null) ?? [];
    const lastPosition = siblings.reduce((m, id) => Math.max(m, cat.units.get(id)?.position ?? 0), 0);
    const row = db.transaction((tx) => {
      const created = tx
        .insert(units)
        .values({
          parentId: parent?.id ?? null,
          name: body.name,
          kind: body.kind,
          position: lastPosition + 1,
        })
        .returning()
        .get();
      recordChange(tx, access.user, {
        type: 'unit',
        action: 'create',
        unitId: created.id,
        after: unitDto(created),
      });
      return created;
    });
    invalidateCatalogue(db);
    return c.json({ unit: unitDto(row) }, 201);
  })
  .openapi(routes.patch, (c) => {
    const db = c.get('db');
    const body = c.req.valid('json');
    const cat = catalogue(db);
    const access = accessOf(c);
    const unit = requireUnit(cat, c.req.valid('param').id, 'id');
    access.demand('manage', unit.id);
    let parentId = unit.parentId;
    if (body.parentId !== undefined) {
      const parent = body.parentId === null ? null : requireUnit(cat, body.parentId, 'parentId');
      if (parent) access.demand('manage', parent.id);
      else if (body.parentId !== unit.parentId && !access.isGlobalAdmin)
        throw forbidden('Chỉ người quản trị toàn hệ thống mới đưa được một đơn vị lên cấp cao nhất.');
      if (parent && isUnder(parentIn(cat), unit.id, parent.id))
        throw new AppError(
          409,
          'cycle',
          `Không thể chuyển "${unit.name}" vào "${parent.name}" vì đơn vị đó nằm trong chính nó.`,
          'parentId',
        );
      parentId = parent?.id ?? null;
    }
    const row = db.transaction((tx) => {
      const updated = tx
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
      recordChange(tx, access.user, {
        type: 'unit',
        action: 'update',
        unitId: unit.id,
        before: unitDto(unit),
        after: unitDto(updated),
      });
      return updated;
    });
    invalidateCatalogue(db);
    return c.json({ unit: unitDto(row) }, 200);
  })
  .openapi(routes.remove, (c) => {
    const db = c.get('db');
    const cat = catalogue(db);
    const access = accessOf(c);
    const unit = requireUnit(cat, c.req.valid('param').id, 'id');
    // Removing a unit is the business of the level above it.
    if (unit.parentId !== null) access.demand('manage', unit.parentId);
    else if (!access.isGlobalAdmin)
      throw forbidden(`Chỉ người quản trị toàn hệ thống mới xóa được "${unit.name}".`);
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
    const lines = db
      .select({ n: count() })
      .from(targetLines)
      .where(and(eq(targetLines.unitId, unit.id), ne(targetLines.lines, [])))
      .get()!.n;
    const ratings = db
      .select({ n: count() })
      .from(memberRatings)
      .where(eq(memberRatings.unitId, unit.id))
      .get()!.n;
    if (lines + ratings > 0)
      throw conflict(
        'unit_has_values',
        `Không thể xóa "${unit.name}" vì đơn vị còn ${lines > 0 ? `chỉ tiêu chủ yếu của ${lines} kỳ` : `kết quả xếp loại đảng viên của ${ratings} kỳ`}; hãy xóa chúng trước.`,
      );
    const granted = db.select({ n: count() }).from(grants).where(eq(grants.unitId, unit.id)).get()!.n;
    if (granted > 0)
      throw conflict(
        'unit_has_grants',
        `Không thể xóa "${unit.name}" vì còn ${granted} vai trò của người dùng giao trên đơn vị này; hãy thu hồi trước.`,
      );
    db.transaction((tx) => {
      // Its locks go with it: they closed values that no longer exist.
      tx.delete(locks).where(eq(locks.unitId, unit.id)).run();
      tx.delete(targetLines).where(eq(targetLines.unitId, unit.id)).run();
      tx.delete(units).where(eq(units.id, unit.id)).run();
      recordChange(tx, access.user, {
        type: 'unit',
        action: 'delete',
        unitId: unit.id,
        before: unitDto(unit),
      });
    });
    invalidateCatalogue(db);
    return c.json({ deleted: true as const }, 200);
  });
