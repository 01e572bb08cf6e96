import { describe, expect, it } from 'vitest';
import { fileNameOf } from '../api/download-file';
import { changeCounts, formatBytes, shownValue, writtenSentence } from './import-words';

describe('the words of the import screen', () => {
  it('writes sizes the Vietnamese way', () => {
    expect(formatBytes(850)).toBe('850 B');
    expect(formatBytes(12_500)).toBe('12 KB');
    expect(formatBytes(1_258_291)).toBe('1,2 MB');
  });

  it('counts only what changes, and says when nothing does', () => {
    const counts = { create: 5, update: 1200, delete: 0, same: 3, skipped: 2 };
    expect(changeCounts(counts)).toBe('5 thêm mới, 1.200 sửa');
    const answer = { rows: 1210, written: 1205, dryRun: false, counts, changes: [], changesTotal: 1205 };
    expect(writtenSentence(answer, 'ket-qua.xlsx')).toBe(
      'Đã ghi 1.205 thay đổi từ "ket-qua.xlsx" (5 thêm mới, 1.200 sửa).',
    );
    expect(writtenSentence({ ...answer, written: 0 }, 'a.csv')).toBe(
      'Đã đọc 1.210 dòng của "a.csv": không có gì khác với số liệu đang lưu.',
    );
  });

  it('shows a ratio with its counts', () => {
    expect(shownValue({ value: 90, display: '90%', numerator: 18, denominator: 20 })).toBe('18/20 (90%)');
    expect(shownValue(null)).toBe('—');
  });

  it('takes the Vietnamese file name the server gives', () => {
    const header = `attachment; filename="so-lieu-chi-bo-a-nam-2025.csv"; filename*=UTF-8''${encodeURIComponent('Số liệu - Chi bộ A - Năm 2025.csv')}`;
    expect(fileNameOf(header, 'x.csv')).toBe('Số liệu - Chi bộ A - Năm 2025.csv');
    expect(fileNameOf('attachment; filename="a.csv"', 'x.csv')).toBe('a.csv');
    expect(fileNameOf(null, 'x.csv')).toBe('x.csv');
  });
});
