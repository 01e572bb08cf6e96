import { UNIT_KIND_LABELS, UNIT_KINDS, type UnitKind } from '../../../../shared/unit';

export const isUnitKind = (kind: string): kind is UnitKind =>
  (UNIT_KINDS as readonly string[]).includes(kind);

/** The Vietnamese name of a unit's kind; an unknown kind is shown as stored. */
export const unitKindLabel = (kind: string): string => (isUnitKind(kind) ? UNIT_KIND_LABELS[kind] : kind);

/** What a new unit under `parentKind` most likely is: chi bộ under a Đảng bộ, else a department. */
export function defaultChildKind(parentKind: string | null): UnitKind {
  if (parentKind === null) return 'dang_bo';
  return parentKind === 'dang_bo' ? 'chi_bo' : 'don_vi';
}
