import { describe, expect, it } from 'vitest';
import type { MemberRatingDto } from '../../../../shared/ratings';
import { checkRatingForm, formChanged, formFromRating, readCount } from './rating-form';

const form = (excellent: string, good: string, complete = '', notComplete = '', outstanding = false) => ({
  excellent,
  good,
  complete,
  notComplete,
  unrated: '',
  outstanding,
  note: '',
});

const stored: MemberRatingDto = {
  unitId: '2',
  period: '2023',
  excellent: 3,
  good: 12,
  complete: 1,
  notComplete: 0,
  outstanding: false,
  note: null,
  total: 16,
  version: 2,
  updatedAt: '2023-12-20T02:00:00.000Z',
};

describe('the counts as typed', () => {
  it('reads Vietnamese numbers, and an empty field as 0', () => {
    expect(readCount('1.234')).toBe(1234);
    expect(readCount(' 12 ')).toBe(12);
    expect(readCount('')).toBe(0);
    expect(readCount('12,5')).toBeNull();
    expect(readCount('-1')).toBeNull();
    expect(readCount('mười')).toBeNull();
  });

  it('says which count is wrong, in Vietnamese', () => {
    const check = checkRatingForm(form('2', 'mười'), 0);
    expect(check.problems.good).toBe(
      'Số đảng viên hoàn thành tốt nhiệm vụ phải là một số nguyên không âm, ví dụ 12.',
    );
    expect(check.body).toBeNull();
    expect(check.shares).toBeNull();
  });

  it('refuses a report of nobody, with the server’s sentence', () => {
    const check = checkRatingForm(form('', ''), 0);
    expect(check.problems.excellent).toBe('Tổng số đảng viên được xếp loại phải lớn hơn 0.');
  });
});

describe('the live preview', () => {
  it('shows the two shares as the server formats them: 13 of 14 is 92,86%', () => {
    const check = checkRatingForm(form('3', '10', '1'), 4);
    expect(check.total).toBe(14);
    expect(check.shares?.good_or_better).toEqual({ numerator: 13, denominator: 14, display: '92,86%' });
    expect(check.shares?.excellent).toEqual({ numerator: 3, denominator: 14, display: '21,43%' });
    expect(check.body).toMatchObject({ excellent: 3, good: 10, complete: 1, notComplete: 0, version: 4 });
  });

  it('warns when the excellent pass 20% of those rated good or better, and allows 25% when outstanding', () => {
    // 3 of 13 good or better: at most ⌊20% × 13⌋ = 2, or ⌊25% × 13⌋ = 3.
    expect(checkRatingForm(form('3', '10'), 0).warnings.map((w) => w.code)).toEqual(['excellent_cap']);
    expect(checkRatingForm(form('3', '10', '', '', true), 0).warnings).toEqual([]);
    // The seed's 2021: 12 of 60, exactly at the cap.
    expect(checkRatingForm(form('12', '48'), 0).warnings).toEqual([]);
  });
});

describe('unsaved changes', () => {
  it('are none on the stored counts, whatever way they are written', () => {
    expect(formChanged(formFromRating(stored), stored)).toBe(false);
    expect(formChanged({ ...formFromRating(stored), complete: '01' }, stored)).toBe(false);
    expect(formChanged({ ...formFromRating(stored), good: '11' }, stored)).toBe(true);
  });

  it('are none on an empty form when nothing is stored', () => {
    expect(formChanged(formFromRating(null), null)).toBe(false);
    expect(formChanged({ ...formFromRating(null), good: '4' }, null)).toBe(true);
  });
});

describe('members not rated this year', () => {
  it('are sent, and left out of the total and of both shares', () => {
    const check = checkRatingForm({ ...form('2', '8'), unrated: '3' }, 0);
    expect(check.total).toBe(10);
    expect(check.shares?.good_or_better).toEqual({ numerator: 10, denominator: 10, display: '100%' });
    expect(check.body).toMatchObject({ excellent: 2, good: 8, unrated: 3 });
  });

  it('are not sent when none, and a wrong count is named', () => {
    expect(checkRatingForm(form('2', '8'), 0).body).not.toHaveProperty('unrated');
    expect(checkRatingForm({ ...form('2', '8'), unrated: 'hai' }, 0).problems.unrated).toBe(
      'Số đảng viên chưa xếp loại phải là một số nguyên không âm, ví dụ 2.',
    );
  });

  it('count as a change', () => {
    expect(formChanged({ ...formFromRating(stored), unrated: '1' }, stored)).toBe(true);
    expect(formChanged({ ...formFromRating(stored), unrated: '0' }, stored)).toBe(false);
  });
});
