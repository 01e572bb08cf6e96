import { describe, expect, it } from 'vitest';
import type { IndicatorDef } from '../../../../shared/indicator';
import { readRelative, relativeText, sameChange } from './relative-target';

const count: IndicatorDef = {
  code: 'KET_NAP',
  name: 'Số đảng viên kết nạp',
  unitLabel: 'đảng viên',
  kind: 'count',
  direction: 'higher',
  timeAggregate: 'sum',
};
const ratio: IndicatorDef = { ...count, code: 'DV_HTT', name: 'Tỷ lệ HTTNV', unitLabel: '%', kind: 'ratio' };
const level: IndicatorDef = {
  ...count,
  code: 'XL',
  name: 'Xếp loại chi bộ',
  kind: 'level',
  levels: ['Hoàn thành nhiệm vụ', 'Hoàn thành tốt nhiệm vụ'],
};

describe('a target written as a change from last year', () => {
  it('reads "tăng 10%", "giảm 5%" as a percent of last year, with or without diacritics', () => {
    expect(readRelative(count, 'tăng 10%')).toEqual({ ok: true, change: { percent: 10 } });
    expect(readRelative(count, 'Giảm 5 %')).toEqual({ ok: true, change: { percent: -5 } });
    expect(readRelative(count, 'tang 1,5%')).toEqual({ ok: true, change: { percent: 1.5 } });
    expect(readRelative(count, 'tăng 10% so với năm trước')).toEqual({ ok: true, change: { percent: 10 } });
    expect(readRelative(count, '+10%')).toEqual({ ok: true, change: { percent: 10 } });
  });

  it('reads "tăng 2", "tăng 2 đảng viên", "tăng 2 điểm %" as an amount', () => {
    expect(readRelative(count, 'tăng 2')).toEqual({ ok: true, change: { amount: 2 } });
    expect(readRelative(count, 'tăng 2 đảng viên')).toEqual({ ok: true, change: { amount: 2 } });
    expect(readRelative(ratio, 'tăng 2 điểm %')).toEqual({ ok: true, change: { amount: 2 } });
    expect(readRelative(ratio, 'giảm 1,25 điểm')).toEqual({ ok: true, change: { amount: -1.25 } });
    expect(readRelative(count, 'không đổi')).toEqual({ ok: true, change: { amount: 0 } });
  });

  it('leaves a plain value to be read as one', () => {
    expect(readRelative(count, '12')).toBeNull();
    expect(readRelative(ratio, '90%')).toBeNull();
    expect(readRelative(level, 'Hoàn thành tốt nhiệm vụ')).toBeNull();
  });

  it('refuses, in Vietnamese, a change it cannot read or that the rules refuse', () => {
    expect(readRelative(count, 'tăng nhiều')).toMatchObject({
      ok: false,
      message: expect.stringContaining('tăng 10%'),
    });
    expect(readRelative(count, 'tăng 10.5%')).toMatchObject({ ok: false });
    expect(readRelative(count, 'tăng 1,5')).toMatchObject({
      ok: false,
      message: expect.stringContaining('số nguyên'),
    });
    expect(readRelative(level, 'tăng 1')).toMatchObject({
      ok: false,
      message: expect.stringContaining('xếp loại'),
    });
    expect(readRelative(count, 'giảm 120%')).toMatchObject({ ok: false });
  });
});

describe('a stored change as the cell shows it', () => {
  it('reads back as the same change', () => {
    for (const [ind, json] of [
      [count, { percent: 10 }],
      [count, { percent: -5 }],
      [count, { amount: 2 }],
      [ratio, { amount: 2.5 }],
    ] as const) {
      const text = relativeText(ind, json);
      const read = readRelative(ind, text);
      expect(read, text).toMatchObject({ ok: true });
      expect(sameChange((read as { change: { percent?: number; amount?: number } }).change, json)).toBe(true);
    }
    expect(relativeText(count, { percent: 10 })).toBe('tăng 10%');
    expect(relativeText(ratio, { amount: -2 })).toBe('giảm 2 điểm %');
  });
});
