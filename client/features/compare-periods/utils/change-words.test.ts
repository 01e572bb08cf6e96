import { describe, expect, it } from 'vitest';
import { changeDirection, changeInWords } from './change-words';

const members = { kind: 'count', unitLabel: 'đảng viên' } as const;
const percent = { kind: 'percent', unitLabel: '%' } as const;
const ratio = { kind: 'ratio', unitLabel: '%' } as const;
const level = { kind: 'level', unitLabel: 'mức' } as const;

describe('the change from the period before, in words', () => {
  it('counts in the indicator’s own unit', () => {
    expect(changeInWords(2, members)).toBe('tăng 2 đảng viên');
    expect(changeInWords(-1, members)).toBe('giảm 1 đảng viên');
    expect(changeInWords(-150, { kind: 'count', unitLabel: 'học sinh' })).toBe('giảm 150 học sinh');
    expect(changeInWords(1200, { kind: 'count', unitLabel: 'học sinh' })).toBe('tăng 1.200 học sinh');
  });

  it('percentages and ratios in percentage points, Vietnamese decimals', () => {
    expect(changeInWords(-13.33, ratio)).toBe('giảm 13,33 điểm %');
    expect(changeInWords(3.5, percent)).toBe('tăng 3,5 điểm %');
    expect(changeInWords((9857 - 9333) / 100, ratio)).toBe('tăng 5,24 điểm %');
  });

  it('a level in steps of its scale', () => {
    expect(changeInWords(1, level)).toBe('tăng 1 mức');
    expect(changeInWords(-2, level)).toBe('giảm 2 mức');
  });

  it('no change is "không đổi", and nothing to compare is a dash', () => {
    expect(changeInWords(0, members)).toBe('không đổi');
    expect(changeInWords(0, ratio, true)).toBe('không đổi so với cùng kỳ');
    expect(changeInWords(null, members)).toBe('—');
    expect(changeInWords(null, members, true)).toBe('—');
  });

  it('after the same half or quarter of the year before, "so với cùng kỳ"', () => {
    expect(changeInWords(3.5, percent, true)).toBe('tăng 3,5 điểm % so với cùng kỳ');
    expect(changeInWords(-1, members, true)).toBe('giảm 1 đảng viên so với cùng kỳ');
  });

  it('a count without a unit label is just the number', () => {
    expect(changeInWords(4, { kind: 'count', unitLabel: ' ' })).toBe('tăng 4');
  });

  it('the arrow follows the sign', () => {
    expect(changeDirection(2)).toBe('up');
    expect(changeDirection(-0.5)).toBe('down');
    expect(changeDirection(0)).toBe('same');
    expect(changeDirection(null)).toBeNull();
  });
});
