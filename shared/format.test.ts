import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateLong,
  formatDifference,
  formatNumber,
  formatPercentX100,
  formatRatioParts,
  formatValue,
  formatX100,
  padCount,
} from './format';
import type { IndicatorDef } from './indicator';
import type { Value } from './value';

const def = (kind: IndicatorDef['kind']): IndicatorDef => ({
  code: kind.toUpperCase(),
  name: kind,
  unitLabel: kind === 'count' ? 'người' : '%',
  kind,
  direction: 'higher',
  timeAggregate: 'none',
  ...(kind === 'level' ? { levels: ['Hoàn thành nhiệm vụ', 'Hoàn thành tốt nhiệm vụ'] } : {}),
});

describe('numbers: a dot for thousands, a comma for decimals, no trailing zeros', () => {
  it.each([
    { x100: 123450, text: '1.234,5' },
    { x100: 150000, text: '1.500' },
    { x100: 6667, text: '66,67' },
    { x100: 0, text: '0' },
    { x100: 5, text: '0,05' },
    { x100: 99999, text: '999,99' },
    { x100: 100000, text: '1.000' },
    { x100: 100000000, text: '1.000.000' },
    { x100: 100_000_000_000_000, text: '1.000.000.000.000' },
    { x100: -250, text: '-2,5' },
  ])('$x100 hundredths -> $text', ({ x100, text }) => {
    expect(formatX100(x100)).toBe(text);
  });

  it.each([
    { n: 1234.5, text: '1.234,5' },
    { n: 1500, text: '1.500' },
    { n: 66.67, text: '66,67' },
    { n: 0.29, text: '0,29' },
    { n: 1.15, text: '1,15' },
    { n: 111.11, text: '111,11' },
    { n: 0, text: '0' },
    { n: -3.5, text: '-3,5' },
    { n: 1.005, text: '1,01' },
    { n: 0.1 + 0.2, text: '0,3' },
    { n: 1e21, text: '1.000.000.000.000.000.000.000' },
    { n: 1e-7, text: '0' },
  ])('$n -> $text', ({ n, text }) => {
    expect(formatNumber(n)).toBe(text);
  });

  it('refuses to print a fraction of a hundredth as hundredths', () => {
    expect(() => formatX100(0.5)).toThrow(RangeError);
  });
});

describe('percentages', () => {
  it.each([
    { x100: 8182, text: '81,82%' },
    { x100: 9000, text: '90%' },
    { x100: 10300, text: '103%' },
    { x100: 11111, text: '111,11%' },
    { x100: 2500, text: '25%' },
  ])('$x100 -> $text', ({ x100, text }) => {
    expect(formatPercentX100(x100)).toBe(text);
  });
});

describe('values as people read them', () => {
  it.each<{ name: string; kind: IndicatorDef['kind']; v: Value; text: string; parts: string | null }>([
    { name: 'a count', kind: 'count', v: { type: 'number', x100: 150000 }, text: '1.500', parts: null },
    { name: 'a percent', kind: 'percent', v: { type: 'number', x100: 10300 }, text: '103%', parts: null },
    { name: 'a ratio target', kind: 'ratio', v: { type: 'number', x100: 9000 }, text: '90%', parts: null },
    {
      name: 'a ratio result: 18/20',
      kind: 'ratio',
      v: { type: 'ratio', numerator: 18, denominator: 20 },
      text: '90%',
      parts: '18/20',
    },
    {
      name: 'a ratio result: 2/3 shows the rounded percentage',
      kind: 'ratio',
      v: { type: 'ratio', numerator: 2, denominator: 3 },
      text: '66,67%',
      parts: '2/3',
    },
    {
      name: 'a ratio with thousands',
      kind: 'ratio',
      v: { type: 'ratio', numerator: 1234, denominator: 2000 },
      text: '61,7%',
      parts: '1.234/2.000',
    },
    {
      name: 'a level',
      kind: 'level',
      v: { type: 'level', level: 'Hoàn thành tốt nhiệm vụ' },
      text: 'Hoàn thành tốt nhiệm vụ',
      parts: null,
    },
  ])('$name -> $text', ({ kind, v, text, parts }) => {
    expect(formatValue(def(kind), v)).toBe(text);
    expect(formatRatioParts(v)).toBe(parts);
  });
});

describe('dates', () => {
  it.each([
    { iso: '2025-02-05', short: '05/02/2025', long: 'ngày 05 tháng 02 năm 2025' },
    { iso: '2021-12-31', short: '31/12/2021', long: 'ngày 31 tháng 12 năm 2021' },
    { iso: 'not a date', short: 'not a date', long: 'not a date' },
  ])('$iso -> $short, "$long"', ({ iso, short, long }) => {
    expect(formatDate(iso)).toBe(short);
    expect(formatDateLong(iso)).toBe(long);
  });
});

describe('small counts in formal reports have two digits', () => {
  it.each([
    { n: 0, text: '00' },
    { n: 1, text: '01' },
    { n: 3, text: '03' },
    { n: 9, text: '09' },
    { n: 12, text: '12' },
    { n: 1500, text: '1.500' },
  ])('$n -> $text', ({ n, text }) => {
    expect(padCount(n)).toBe(text);
  });
});

describe('the difference between an entered result and what the units add up to', () => {
  it('is signed and exact, in points for a percentage', () => {
    expect(formatDifference(7, 6, false)).toBe('+1');
    expect(formatDifference(21.43, 25, true)).toBe('−3,57 điểm %');
    expect(formatDifference(1560, 1560, false)).toBe('±0');
  });

  it('is not computed for levels', () => {
    expect(formatDifference('Khá', 'Vững mạnh', false)).toBeNull();
  });
});
