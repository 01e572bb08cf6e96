import { describe, expect, it } from 'vitest';
import type { RollupRule } from './rollup-words';
import { coverageWords, sourceLine, sourceWords } from './rollup-words';

const sum: RollupRule = { timeAggregate: 'sum' };
const last: RollupRule = { timeAggregate: 'last' };
const chiBo: RollupRule = {
  timeAggregate: 'none',
  derived: { countUnits: { indicator: 'XL_CHI_BO', atLeast: 'Hoàn thành tốt nhiệm vụ', kinds: ['chi_bo'] } },
};

describe('the words of a result nobody entered', () => {
  it('says nothing of an entered result', () => {
    expect(sourceWords({ source: 'entered' }, sum)).toBeNull();
    expect(sourceLine({ source: 'entered' }, last)).toBeNull();
  });

  it('counts the units a result is added up from, or names them without a coverage', () => {
    expect(sourceWords({ source: 'units', coverage: { reported: 5, total: 10 } }, sum)).toBe(
      'tổng hợp từ 5/10 đơn vị',
    );
    expect(sourceWords({ source: 'units', coverage: { reported: 1200, total: 1500 } }, last)).toBe(
      'tổng hợp từ 1.200/1.500 đơn vị',
    );
    expect(sourceWords({ source: 'units' }, sum)).toBe('tổng hợp từ các đơn vị trực thuộc');
  });

  it('follows the indicator over periods: added up for sum, the latest for last', () => {
    expect(sourceWords({ source: 'periods' }, sum)).toBe('cộng dồn các kỳ');
    expect(sourceWords({ source: 'periods' }, last)).toBe('lấy kỳ gần nhất có số liệu');
    expect(sourceWords({ source: 'periods' }, last)).not.toMatch(/cộng dồn/);
    expect(sourceWords({ source: 'periods' }, { timeAggregate: 'none' })).not.toMatch(/cộng dồn/);
  });

  it('names the kinds of units a derived result counts by their rating', () => {
    expect(sourceWords({ source: 'derived', coverage: { reported: 5, total: 5 } }, chiBo)).toBe(
      'tính từ xếp loại của 5/5 chi bộ',
    );
    const two: RollupRule = {
      timeAggregate: 'none',
      derived: { countUnits: { indicator: 'XL', atLeast: 'Khá', kinds: ['chi_bo', 'dang_bo'] } },
    };
    expect(sourceWords({ source: 'derived', coverage: { reported: 3, total: 4 } }, two)).toBe(
      'tính từ xếp loại của 3/4 chi bộ và đảng bộ',
    );
    expect(sourceWords({ source: 'derived' }, chiBo)).toBe('tính từ xếp loại của các chi bộ');
    expect(sourceWords({ source: 'derived', coverage: { reported: 2, total: 3 } }, sum)).toBe(
      'tính từ xếp loại của 2/3 đơn vị trực thuộc',
    );
  });

  it('opens a line of its own with a capital', () => {
    expect(sourceLine({ source: 'periods' }, last)).toBe('Lấy kỳ gần nhất có số liệu');
    expect(sourceLine({ source: 'units', coverage: { reported: 1, total: 10 } }, sum)).toBe(
      'Tổng hợp từ 1/10 đơn vị',
    );
  });

  it('writes a coverage with the units it counts', () => {
    expect(coverageWords({ reported: 2, total: 3 })).toBe('2/3 đơn vị');
    expect(coverageWords({ reported: 4, total: 5 }, 'chi bộ')).toBe('4/5 chi bộ');
  });
});
