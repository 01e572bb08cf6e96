import { useMemo } from 'react';
import type { GrantDto, MeDto, Role } from '../../../../shared/accounts';
import { type Capability, can, canGrant, canManageUser, canUnlock } from '../../../../shared/rights';
import { useUnits } from '../../units/api/get-units';
import { useMe } from '../api/get-me';

export interface Rights {
  me: MeDto | null | undefined;
  can(capability: Capability, unitId: string): boolean;
  canUnlock(unitId: string): boolean;
  canGrant(role: Role, unitId: string | null): boolean;
  /** Whether the signed-in user covers every role this user holds, and so may change them. */
  canManageUser(held: readonly GrantDto[]): boolean;
}

/**
 * What the signed-in user may do where, by the same rules the server refuses with
 * (shared/rights.ts): the client hides what would be refused. False while loading.
 */
export function useRights(): Rights {
  const me = useMe().data;
  const units = useUnits().data?.units;

  return useMemo(() => {
    const parents = new Map((units ?? []).map((u) => [u.id, u.parentId]));
    // A unit whose parent the user may not read is a root of their forest; the rules only
    // walk up to the grant's unit, which is always readable, so stopping there is safe.
    const parentOf = (id: string) => parents.get(id);
    const grants = me?.grants ?? [];
    return {
      me,
      can: (capability, unitId) => can(grants, parentOf, capability, unitId),
      canUnlock: (unitId) => canUnlock(grants, parentOf, unitId),
      canGrant: (role, unitId) => canGrant(grants, parentOf, role, unitId),
      canManageUser: (held) => canManageUser(grants, parentOf, held),
    };
  }, [me, units]);
}
