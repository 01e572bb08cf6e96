import type { UnitDto } from '../../../../shared/schemas/units';

// "Giao cho từng đơn vị trực thuộc" (docs/rules.md, "One target for each unit below"): which
// units below a committee, at any depth, of the kinds chosen, get the target, and which keep
// their own. The server decides the same way; this shows it before anything is sent.

type Unit = Pick<UnitDto, 'id' | 'parentId' | 'name' | 'kind'>;

/** The units below `id`, at any depth, in the tree's order (a unit before its own). */
export function unitsBelow<U extends Unit>(units: readonly U[], id: string): U[] {
  const children = new Map<string, U[]>();
  for (const u of units) {
    if (u.parentId === null) continue;
    const list = children.get(u.parentId) ?? [];
    list.push(u);
    children.set(u.parentId, list);
  }
  const out: U[] = [];
  const walk = (at: string) => {
    for (const c of children.get(at) ?? []) {
      out.push(c);
      walk(c.id);
    }
  };
  walk(id);
  return out;
}

/** The kinds found below `id`, each once, in the order first met. */
export function kindsBelow(units: readonly Unit[], id: string): string[] {
  return [...new Set(unitsBelow(units, id).map((u) => u.kind))];
}

export interface BelowPlan<U> {
  /** Units without a target of their own, or all of them when replacing: they get this one. */
  written: { unit: U; replaces: string | null }[];
  /** Units keeping the target they have (not replacing), with it as shown. */
  kept: { unit: U; display: string }[];
}

/**
 * Who gets the target and who keeps their own: `current` gives a unit's present target as
 * shown ("02 đảng viên"), or null; undefined while it is not known yet.
 */
export function planBelow<U extends Unit>(
  below: readonly U[],
  kinds: readonly string[],
  current: (unitId: string) => string | null | undefined,
  replace: boolean,
): BelowPlan<U> {
  const plan: BelowPlan<U> = { written: [], kept: [] };
  for (const unit of below) {
    if (!kinds.includes(unit.kind)) continue;
    const own = current(unit.id) ?? null;
    if (own !== null && !replace) plan.kept.push({ unit, display: own });
    else plan.written.push({ unit, replaces: own });
  }
  return plan;
}
