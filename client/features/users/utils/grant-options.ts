import { useMemo } from 'react';
import { ROLES, type Role } from '../../../../shared/accounts';
import type { UnitDto } from '../../../../shared/schemas/units';
import { useRights } from '../../auth/utils/use-rights';
import { useUnits } from '../../units/api/get-units';
import { depths } from '../../units/utils/unit-tree';

/** Where a role may be given: a unit, or everywhere (null). */
export interface PlaceOption {
  unitId: string | null;
  name: string;
  depth: number;
}

export const EVERYWHERE = 'Mọi đơn vị';

/** The units as a tree in a plain <select>: each level indented by two spaces that do not collapse. */
export const indentedName = (o: PlaceOption) => `${'\u00a0\u00a0\u00a0'.repeat(o.depth)}${o.name}`;

export function placesFor(
  units: UnitDto[],
  canGrant: (role: Role, unitId: string | null) => boolean,
  role: Role,
): PlaceOption[] {
  const depthOf = depths(units);
  const out: PlaceOption[] = [];
  if (canGrant(role, null)) out.push({ unitId: null, name: EVERYWHERE, depth: 0 });
  for (const u of units)
    if (canGrant(role, u.id)) out.push({ unitId: u.id, name: u.name, depth: depthOf.get(u.id) ?? 0 });
  return out;
}

/**
 * For each role, where the signed-in user may give it (shared/rights.ts `canGrant`), in the
 * tree's order; a role given nowhere is left out. Undefined while the units load.
 */
export function useGrantPlaces(): Map<Role, PlaceOption[]> | undefined {
  const rights = useRights();
  const units = useUnits().data?.units;
  return useMemo(() => {
    if (!units || !rights.me) return undefined;
    const out = new Map<Role, PlaceOption[]>();
    for (const role of ROLES) {
      const places = placesFor(units, rights.canGrant, role);
      if (places.length > 0) out.set(role, places);
    }
    return out;
  }, [units, rights]);
}
