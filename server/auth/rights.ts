import type { Role } from '../../shared/accounts';
import type { GrantRow, UserRow } from '../db/schema';
import { type Catalogue, isInSubtree } from '../domain/catalogue';
import { AppError } from '../lib/errors';

/**
 * What one signed-in user may do where. Each grant gives a role on a unit and reaches the
 * unit's whole subtree; a grant with no unit reaches everywhere (admins only).
 *
 * - read: see units, values, dashboards, history (every role);
 * - report: enter results (reporter, committee, admin);
 * - plan: set targets and target lines, lock periods (committee, admin);
 * - manage: add, rename, move and remove units below, and give roles inside (committee, admin).
 */
export type Capability = 'read' | 'report' | 'plan' | 'manage';

const CAPABILITIES: Record<Role, readonly Capability[]> = {
  admin: ['read', 'report', 'plan', 'manage'],
  committee: ['read', 'report', 'plan', 'manage'],
  reporter: ['read', 'report'],
  viewer: ['read'],
};

const ACTION_WORDS: Record<Capability, string> = {
  read: 'xem số liệu của',
  report: 'báo cáo kết quả cho',
  plan: 'giao chỉ tiêu hay khóa kỳ cho',
  manage: 'quản lý đơn vị và người dùng của',
};

export class Access {
  constructor(
    readonly user: UserRow,
    readonly grants: readonly GrantRow[],
    private readonly cat: Catalogue,
  ) {}

  private reaches(g: GrantRow, unitId: number): boolean {
    return g.unitId === null || isInSubtree(this.cat, g.unitId, unitId);
  }

  get isGlobalAdmin(): boolean {
    return this.grants.some((g) => g.role === 'admin' && g.unitId === null);
  }

  can(capability: Capability, unitId: number): boolean {
    return this.grants.some((g) => CAPABILITIES[g.role].includes(capability) && this.reaches(g, unitId));
  }

  /** Throws the contract's 403, naming what and where, unless the user may. */
  demand(capability: Capability, unitId: number): void {
    if (this.can(capability, unitId)) return;
    const name = this.cat.units.get(unitId)?.name ?? `đơn vị ${unitId}`;
    throw forbidden(`Bạn không có quyền ${ACTION_WORDS[capability]} "${name}".`);
  }

  /** Unlocking needs an admin reaching the unit, or a committee granted strictly above it. */
  canUnlock(unitId: number): boolean {
    return this.grants.some(
      (g) =>
        (g.role === 'admin' && this.reaches(g, unitId)) ||
        (g.role === 'committee' && g.unitId !== null && g.unitId !== unitId && this.reaches(g, unitId)),
    );
  }

  /** The catalogue of indicators serves the whole tree: admins and root committees keep it. */
  get canManageIndicators(): boolean {
    return this.grants.some(
      (g) =>
        (g.role === 'admin' || g.role === 'committee') &&
        (g.unitId === null || this.cat.units.get(g.unitId)?.parentId === null),
    );
  }

  get canManageUsers(): boolean {
    return this.grants.some((g) => g.role === 'admin' || g.role === 'committee');
  }

  /** Whether this user may give `role` on `unitId` (null: everywhere). */
  canGrant(role: Role, unitId: number | null): boolean {
    if (unitId === null) return this.isGlobalAdmin;
    if (role === 'admin') return this.grants.some((g) => g.role === 'admin' && this.reaches(g, unitId));
    return this.can('manage', unitId);
  }

  /** Whether a grant held by someone lies inside what this user manages. */
  manages(grant: Pick<GrantRow, 'role' | 'unitId'>): boolean {
    return this.canGrant(grant.role, grant.unitId);
  }
}

export const forbidden = (message: string) => new AppError(403, 'forbidden', message);
