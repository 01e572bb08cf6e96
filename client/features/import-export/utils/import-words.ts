import { formatNumber } from '../../../../shared/format';
import {
  COLUMN_LABELS,
  type ImportAction,
  type ImportChange,
  type ImportProblem,
  type ImportResponse,
} from '../../../../shared/import-export';

// The words of the import screen: sizes, counts and values as a person reads them.

/** 850 B, 12 KB, 1,2 MB. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${formatNumber(n)} B`;
  if (n < 1024 * 1024) return `${formatNumber(Math.round(n / 1024))} KB`;
  return `${formatNumber(Math.round((n / 1024 / 1024) * 10) / 10)} MB`;
}

export const ACTION_WORDS: Record<ImportAction, string> = {
  create: 'thêm mới',
  update: 'sửa',
  delete: 'xóa',
  same: 'không đổi',
};

/** "5 thêm mới, 6 sửa, 1 xóa": the changes only, in that order; "" when there is none. */
export function changeCounts(counts: ImportResponse['counts']): string {
  return (['create', 'update', 'delete'] as const)
    .filter((a) => counts[a] > 0)
    .map((a) => `${formatNumber(counts[a])} ${ACTION_WORDS[a]}`)
    .join(', ');
}

/** The sentence after a real import. */
export function writtenSentence(answer: ImportResponse, fileName: string): string {
  if (answer.written === 0)
    return `Đã đọc ${formatNumber(answer.rows)} dòng của "${fileName}": không có gì khác với số liệu đang lưu.`;
  return `Đã ghi ${formatNumber(answer.written)} thay đổi từ "${fileName}" (${changeCounts(answer.counts)}).`;
}

export function columnWords(column: ImportProblem['column']): string {
  return column === null ? 'cả dòng' : COLUMN_LABELS[column];
}

export const TYPE_WORDS: Record<ImportChange['type'], string> = { target: 'Kế hoạch', result: 'Kết quả' };

type Shown = ImportChange['before'];

/** "90%", "9/10 (90%)", with the note after a dash when there is one. */
export function shownValue(v: Shown): string {
  if (!v) return '—';
  const parts =
    v.numerator !== undefined && v.denominator !== undefined
      ? `${formatNumber(v.numerator)}/${formatNumber(v.denominator)} (${v.display})`
      : v.display;
  return parts;
}
