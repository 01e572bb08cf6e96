import { type GrantDto, ROLE_LABELS } from '../../../../shared/accounts';

/** "Cấp ủy · Chi bộ Khoa Toán", or "Quản trị · Mọi đơn vị" for a grant that reaches everywhere. */
export function grantLabel(grant: Pick<GrantDto, 'role' | 'unitId' | 'unitName'>): string {
  const where = grant.unitId === null ? 'Mọi đơn vị' : (grant.unitName ?? `Đơn vị mã ${grant.unitId}`);
  return `${ROLE_LABELS[grant.role]} · ${where}`;
}

/** The roles of a user in a few words: the first grant, and how many more. */
export function grantsSummary(grants: readonly Pick<GrantDto, 'role' | 'unitId' | 'unitName'>[]): string {
  const [first, ...rest] = grants;
  if (!first) return 'Chưa được giao vai trò';
  return rest.length === 0 ? grantLabel(first) : `${grantLabel(first)} và ${rest.length} vai trò khác`;
}
