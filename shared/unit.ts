export const UNIT_KINDS = ['dang_bo', 'chi_bo', 'don_vi', 'doan_the'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  dang_bo: 'Đảng bộ',
  chi_bo: 'Chi bộ',
  don_vi: 'Khoa, phòng, trung tâm',
  doan_the: 'Đoàn thể',
};

/** A unit kind as a sentence says it: "chi bộ", "đoàn thể"; a kind of another project as it is. */
export function kindText(kind: string): string {
  const label = (UNIT_KIND_LABELS as Record<string, string>)[kind];
  return label ? label.toLowerCase() : kind;
}

/** Several kinds as a sentence says them: "chi bộ và đảng bộ", "chi bộ, đoàn thể và đảng bộ". */
export function kindsText(kinds: readonly string[]): string {
  const words = kinds.map(kindText);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} và ${words.at(-1)}`;
}
