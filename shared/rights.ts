import type { Role } from './accounts';

// Who may do what where, once for both sides: the server refuses with it, the client hides
// with it what would be refused. A grant gives a role on a unit and reaches the unit's whole
// subtree; a grant with no unit reaches everywhere (admins only).
//
// - read: see units, values, dashboards, history (every role);
// - report: enter results (reporter, committee, admin);
// - plan: set targets and target lines, lock periods (committee, admin);
// - manage: add, rename, move and remove units below, and give roles inside (committee, admin).

export type Capability = 'read' | 'report' | 'plan' | 'manage';

export const CAPABILITIES: Record<Role, readonly Capability[]> = {
  admin: ['read', 'report', 'plan', 'manage'],
  committee: ['read', 'report', 'plan', 'manage'],
  reporter: ['read', 'report'],
  viewer: ['read'],
};

/** A grant as both sides hold it; ids as the side has them (numbers on the server, strings in JSON). */
export interface GrantLike<Id> {
  role: Role;
  unitId: Id | null;
}

/** The parent of a unit, null at a root, undefined when the unit is unknown. */
export type ParentOf<Id> = (id: Id) => Id | null | undefined;

/** The unit and the units above it, nearest first, up to its root. */
export function chainUp<Id>(parentOf: ParentOf<Id>, unitId: Id): Id[] {
  const out: Id[] = [];
  for (let cur: Id | null | undefined = unitId; cur != null && out.length < 10_000; cur = parentOf(cur))
    out.push(cur);
  return out;
}

/** Whether `ancestorId` is `unitId` or above it. */
export function isUnder<Id>(parentOf: ParentOf<Id>, ancestorId: Id, unitId: Id): boolean {
  let cur: Id | null | undefined = unitId;
  for (let guard = 0; cur != null && guard < 10_000; guard++) {
    if (cur === ancestorId) return true;
    cur = parentOf(cur);
  }
  return false;
}

const reaches = <Id>(parentOf: ParentOf<Id>, g: GrantLike<Id>, unitId: Id) =>
  g.unitId === null || isUnder(parentOf, g.unitId, unitId);

export function can<Id>(
  grants: readonly GrantLike<Id>[],
  parentOf: ParentOf<Id>,
  capability: Capability,
  unitId: Id,
): boolean {
  return grants.some((g) => CAPABILITIES[g.role].includes(capability) && reaches(parentOf, g, unitId));
}

/** Whether one holds `capability` on some unit at least: whether a screen for it has anything to offer. */
export function holds<Id>(grants: readonly GrantLike<Id>[], capability: Capability): boolean {
  return grants.some((g) => CAPABILITIES[g.role].includes(capability));
}

/** Unlocking needs an admin reaching the unit, or a committee granted strictly above it. */
export function canUnlock<Id>(grants: readonly GrantLike<Id>[], parentOf: ParentOf<Id>, unitId: Id): boolean {
  return grants.some(
    (g) =>
      (g.role === 'admin' && reaches(parentOf, g, unitId)) ||
      (g.role === 'committee' && g.unitId !== null && g.unitId !== unitId && reaches(parentOf, g, unitId)),
  );
}

/** Whether one may give `role` on `unitId` (null: everywhere). */
export function canGrant<Id>(
  grants: readonly GrantLike<Id>[],
  parentOf: ParentOf<Id>,
  role: Role,
  unitId: Id | null,
): boolean {
  if (unitId === null) return grants.some((g) => g.role === 'admin' && g.unitId === null);
  if (role === 'admin') return grants.some((g) => g.role === 'admin' && reaches(parentOf, g, unitId));
  return can(grants, parentOf, 'manage', unitId);
}

/**
 * Whether one may change another user (name, password, roles, locked or not): only when one's
 * rights cover every grant that user holds, so that nobody reaches a power above their own by
 * taking over an account that has it. A global admin covers everyone; a user with no grant at
 * all is covered by global admins only. Having made the user gives nothing.
 */
export function canManageUser<Id>(
  grants: readonly GrantLike<Id>[],
  parentOf: ParentOf<Id>,
  held: readonly GrantLike<Id>[],
): boolean {
  if (grants.some((g) => g.role === 'admin' && g.unitId === null)) return true;
  return held.length > 0 && held.every((g) => canGrant(grants, parentOf, g.role, g.unitId));
}
