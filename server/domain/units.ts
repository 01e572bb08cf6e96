import { and, count, eq, ne } from 'drizzle-orm';
import { appliesAt } from '../../shared/indicator';
import { isUnder } from '../../shared/rights';
import type { CreateUnitBody, PatchUnitBody, UnitDto } from '../../shared/schemas/units';
import { kindsText, kindText } from '../../shared/unit';
import type { Access } from '../auth/rights';
import type { Db } from '../db/client';
import {
  grants,
  locks,
  memberRatings,
  reportSettings,
  results,
  targetLines,
  targets,
  type UnitRow,
  type UserRow,
  units,
} from '../db/schema';
import { AppError, conflict } from '../lib/errors';
import { catalogue, changeCatalogue, parentIn } from './catalogue';

// The organisation tree (docs/rules.md, "Units"): the units a user sees, and adding, changing,
// moving and removing one.

export const unitDto = (u: UnitRow): UnitDto => ({
  id: String(u.id),
  parentId: u.parentId === null ? null : String(u.parentId),
  name: u.name,
  kind: u.kind,
  position: u.position,
});

/**
 * The units a user may read, parents before children and siblings in their order, the order a
 * tree is drawn in; a unit whose parent is not listed heads its own subtree.
 */
export function visibleUnits(db: Db, access: Access): UnitDto[] {
  const cat = catalogue(db);
  const ordered: UnitDto[] = [];
  const walk = (parentId: number | null) => {
    for (const id of cat.children.get(parentId) ?? []) {
      if (access.can('read', id)) ordered.push(unitDto(cat.units.get(id)!));
      walk(id);
    }
  };
  walk(null);
  return ordered;
}

/** Adds a unit after its siblings, under `parent` (null: a root). */
export function createUnit(db: Db, by: UserRow, parent: UnitRow | null, body: CreateUnitBody): UnitDto {
  const cat = catalogue(db);
  const siblings = cat.children.get(parent?.id ?? null) ?? [];
  const lastPosition = siblings.reduce((m, id) => Math.max(m, cat.units.get(id)?.position ?? 0), 0);
  return changeCatalogue(
    db,
    by,
    (tx) =>
      tx
        .insert(units)
        .values({
          parentId: parent?.id ?? null,
          name: body.name,
          kind: body.kind,
          position: lastPosition + 1,
        })
        .returning()
        .get(),
    unitDto,
    (after, row) => ({ type: 'unit', action: 'create', unitId: row.id, after }),
  );
}

/** Renames, reorders or moves a unit (`parent` undefined: it stays where it is); never into itself. */
export function updateUnit(
  db: Db,
  by: UserRow,
  unit: UnitRow,
  parent: UnitRow | null | undefined,
  body: PatchUnitBody,
): UnitDto {
  if (parent && isUnder(parentIn(catalogue(db)), unit.id, parent.id))
    throw new AppError(
      409,
      'cycle',
      `Không thể chuyển "${unit.name}" vào "${parent.name}" vì đơn vị đó nằm trong chính nó.`,
      'parentId',
    );
  if (body.kind !== undefined && body.kind !== unit.kind) assertKindFits(db, unit, body.kind);
  const parentId = parent === undefined ? unit.parentId : (parent?.id ?? null);
  return changeCatalogue(
    db,
    by,
    (tx) =>
      tx
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
        .get(),
    unitDto,
    (after) => ({ type: 'unit', action: 'update', unitId: unit.id, before: unitDto(unit), after }),
  );
}

/** A unit keeps a kind its values' indicators apply to (docs/rules.md, "Where an indicator applies"). */
function assertKindFits(db: Db, unit: UnitRow, kind: string) {
  const cat = catalogue(db);
  for (const table of [targets, results] as const) {
    const held = db
      .selectDistinct({ indicatorId: table.indicatorId })
      .from(table)
      .where(eq(table.unitId, unit.id))
      .all();
    for (const { indicatorId } of held) {
      const ind = cat.indicatorsById.get(indicatorId);
      if (ind?.appliesTo && !appliesAt({ appliesTo: ind.appliesTo }, kind))
        throw conflict(
          'unit_has_values',
          `Không thể đổi "${unit.name}" thành ${kindText(kind)} vì đơn vị đã có số liệu của chỉ tiêu "${ind.name}", chỉ áp dụng cho ${kindsText(ind.appliesTo)}; hãy xóa số liệu đó trước.`,
        );
    }
  }
}

const countOf = (
  db: Db,
  table: typeof targets | typeof results | typeof memberRatings | typeof grants,
  unitId: number,
) => db.select({ n: count() }).from(table).where(eq(table.unitId, unitId)).get()!.n;

/**
 * Removes a unit with nothing left in it: no units below, no values, target lines, member
 * ratings or roles. Its locks and emptied target lines go with it.
 */
export function removeUnit(db: Db, by: UserRow, unit: UnitRow) {
  const kids = catalogue(db).children.get(unit.id)?.length ?? 0;
  if (kids > 0)
    throw conflict(
      'unit_has_children',
      `Không thể xóa "${unit.name}" vì còn ${kids} đơn vị trực thuộc; hãy chuyển hoặc xóa chúng trước.`,
    );
  const held = countOf(db, targets, unit.id) + countOf(db, results, unit.id);
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
  const ratings = countOf(db, memberRatings, unit.id);
  if (lines + ratings > 0)
    throw conflict(
      'unit_has_values',
      `Không thể xóa "${unit.name}" vì đơn vị còn ${lines > 0 ? `chỉ tiêu chủ yếu của ${lines} kỳ` : `kết quả xếp loại đảng viên của ${ratings} kỳ`}; hãy xóa chúng trước.`,
    );
  const granted = countOf(db, grants, unit.id);
  if (granted > 0)
    throw conflict(
      'unit_has_grants',
      `Không thể xóa "${unit.name}" vì còn ${granted} vai trò của người dùng giao trên đơn vị này; hãy thu hồi trước.`,
    );
  changeCatalogue(
    db,
    by,
    (tx) => {
      // Its locks go with it: they closed values that no longer exist.
      tx.delete(locks).where(eq(locks.unitId, unit.id)).run();
      tx.delete(targetLines).where(eq(targetLines.unitId, unit.id)).run();
      tx.delete(reportSettings).where(eq(reportSettings.unitId, unit.id)).run();
      tx.delete(units).where(eq(units.id, unit.id)).run();
      return unit;
    },
    unitDto,
    (before) => ({ type: 'unit', action: 'delete', unitId: unit.id, before }),
  );
}
