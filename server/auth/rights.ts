import type { Role } from '../../shared/accounts';
import { type Capability, can, canGrant, canManageUser, canUnlock, type ParentOf } from '../../shared/rights';
import type { GrantRow, UserRow } from '../db/schema';
import { type Catalogue, parentIn } from '../domain/catalogue';
import { AppError } from '../lib/errors';

export type { Capability };

const ACTION_WORDS: Record<Capability, string> = {
  read: 'xem số liệu của',
  report: 'báo cáo kết quả cho',
  plan: 'giao chỉ tiêu hay khóa kỳ cho',
  manage: 'quản lý đơn vị và người dùng của',
};

/** What one signed-in user may do where: the rules of shared/rights.ts on the live tree. */
export class Access {
  private readonly parentOf: ParentOf<number>;

  constructor(
    readonly user: UserRow,
    readonly grants: readonly GrantRow[],
    private readonly cat: Catalogue,
  ) {
    this.parentOf = parentIn(cat);
  }

  get isGlobalAdmin(): boolean {
    return this.grants.some((g) => g.role === 'admin' && g.unitId === null);
  }

  can(capability: Capability, unitId: number): boolean {
    return can(this.grants, this.parentOf, capability, unitId);
  }

  /** Throws the contract's 403, naming what and where, unless the user may. */
  demand(capability: Capability, unitId: number): void {
    if (this.can(capability, unitId)) return;
    const name = this.cat.units.get(unitId)?.name ?? `đơn vị ${unitId}`;
    throw forbidden(`Bạn không có quyền ${ACTION_WORDS[capability]} "${name}".`);
  }

  canUnlock(unitId: number): boolean {
    return canUnlock(this.grants, this.parentOf, unitId);
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
    return canGrant(this.grants, this.parentOf, role, unitId);
  }

  /** Whether a grant held by someone lies inside what this user manages. */
  manages(grant: Pick<GrantRow, 'role' | 'unitId'>): boolean {
    return this.canGrant(grant.role, grant.unitId);
  }

  /** Whether this user may change someone holding these grants: they must cover every one. */
  managesUser(held: readonly Pick<GrantRow, 'role' | 'unitId'>[]): boolean {
    return canManageUser(this.grants, this.parentOf, held);
  }
}

export const forbidden = (message: string) => new AppError(403, 'forbidden', message);
