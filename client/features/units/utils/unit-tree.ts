import type { UnitDto } from '../../../../shared/schemas/units';
import { matchesSearch } from '../../../../shared/text';

export interface TreeItem {
  unit: UnitDto;
  depth: number;
  /** False for an ancestor shown only so that a match keeps its place in the tree. */
  matches: boolean;
}

/**
 * The roots of the forest the user may read: a unit with no parent, or whose parent is not
 * in the list (the server lists only the units the signed-in user may read).
 */
export function rootUnits(units: UnitDto[]): UnitDto[] {
  const ids = new Set(units.map((u) => u.id));
  return units.filter((u) => u.parentId === null || !ids.has(u.parentId));
}

/** Depth of every unit, 0 at each root; the list comes parents first, so one pass is enough. */
export function depths(units: UnitDto[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const u of units) {
    const parentDepth = u.parentId === null ? undefined : out.get(u.parentId);
    out.set(u.id, parentDepth === undefined ? 0 : parentDepth + 1);
  }
  return out;
}

/**
 * The units whose name matches the query, each with its ancestors so the tree stays
 * readable, in the tree's order. An empty query keeps every unit.
 */
export function filterTree(units: UnitDto[], query: string): TreeItem[] {
  const depthOf = depths(units);
  const byId = new Map(units.map((u) => [u.id, u]));
  const matching = new Set(units.filter((u) => matchesSearch(u.name, query)).map((u) => u.id));
  const shown = new Set<string>();
  for (const id of matching) {
    let cur = byId.get(id);
    while (cur && !shown.has(cur.id)) {
      shown.add(cur.id);
      cur = cur.parentId === null ? undefined : byId.get(cur.parentId);
    }
  }
  return units
    .filter((u) => shown.has(u.id))
    .map((u) => ({ unit: u, depth: depthOf.get(u.id) ?? 0, matches: matching.has(u.id) }));
}

/**
 * "Đảng bộ … › Chi bộ …": the names from the root down to the unit's parent, as far up as
 * the list goes.
 */
export function ancestorNames(units: UnitDto[], id: string): string[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const names: string[] = [];
  let cur = byId.get(id);
  while (cur?.parentId) {
    cur = byId.get(cur.parentId);
    if (cur) names.unshift(cur.name);
  }
  return names;
}
