export const UNIT_KINDS = ['dang_bo', 'chi_bo', 'don_vi', 'doan_the'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  dang_bo: 'Đảng bộ',
  chi_bo: 'Chi bộ',
  don_vi: 'Khoa, phòng, trung tâm',
  doan_the: 'Đoàn thể',
};
