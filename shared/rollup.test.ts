import { describe, expect, it } from 'vitest';
import type { IndicatorDef } from './indicator';
import { parsePeriod } from './period';
import { periodsBeneath, Rollup } from './rollup';
import type { Value } from './value';

// A tree: root 1 with cells 2 and 3; cell 3 has a group 4.
const CHILDREN: Record<number, number[]> = { 1: [2, 3], 3: [4] };

const def = (
  kind: IndicatorDef['kind'],
  timeAggregate: IndicatorDef['timeAggregate'] = 'none',
): IndicatorDef => ({
  code: 'X',
  name: 'X',
  unitLabel: '',
  kind,
  direction: 'higher',
  timeAggregate,
  ...(kind === 'level' ? { levels: ['Khá', 'Tốt'] } : {}),
});
const n = (v: number): Value => ({ type: 'number', x100: v * 100 });
const r = (numerator: number, denominator: number): Value => ({ type: 'ratio', numerator, denominator });
const P = (code: string) => parsePeriod(code)!;

function rollup(entered: Record<string, Value>) {
  return new Rollup({
    children: (id) => CHILDREN[id] ?? [],
    entered: (u, c, p) => entered[`${u}|${c}|${p}`],
  });
}

describe('roll-up across units', () => {
  it('adds ratios as sums of numerators over sums of denominators, not an average of percentages', () => {
    const up = rollup({ '3|X|2023': r(1, 30), '2|X|2023': r(9, 10) });
    expect(up.result(1, def('ratio'), P('2023'))).toEqual({
      value: r(10, 40),
      source: 'units',
      coverage: { reported: 2, total: 2 },
    });
  });

  it('finds each child by the same rules, down the tree', () => {
    const up = rollup({ '2|X|2023': n(2), '4|X|2023': n(5) });
    expect(up.result(3, def('count'), P('2023'))).toMatchObject({ value: n(5), source: 'units' });
    expect(up.result(1, def('count'), P('2023'))).toMatchObject({
      value: n(7),
      coverage: { reported: 2, total: 2 },
    });
  });

  it('counts the children that reported', () => {
    const up = rollup({ '2|X|2023': n(0) });
    expect(up.result(1, def('count'), P('2023'))).toMatchObject({
      value: n(0),
      coverage: { reported: 1, total: 2 },
    });
  });

  it('lets an entered result win, while still telling what the units add up to', () => {
    const up = rollup({ '1|X|2023': n(9), '2|X|2023': n(2), '3|X|2023': n(3) });
    expect(up.result(1, def('count'), P('2023'))).toEqual({ value: n(9), source: 'entered' });
    expect(up.fromUnits(1, def('count'), P('2023'))).toMatchObject({ value: n(5) });
  });

  it.each(['percent', 'level'] as const)('never adds up %s results across units', (kind) => {
    const v: Value = kind === 'level' ? { type: 'level', level: 'Tốt' } : n(90);
    const up = rollup({ '2|X|2023': v, '3|X|2023': v });
    expect(up.result(1, def(kind), P('2023'))).toBeNull();
  });
});

describe('roll-up across periods', () => {
  it('sums the halves into the year and the quarters into the halves', () => {
    const up = rollup({ '2|X|2023-H1': n(1), '2|X|2023-Q3': n(2), '2|X|2023-Q4': n(4) });
    expect(up.result(2, def('count', 'sum'), P('2023'))).toEqual({ value: n(7), source: 'periods' });
  });

  it('sums the numerators and denominators of a ratio', () => {
    const up = rollup({ '2|X|2023-H1': r(1, 2), '2|X|2023-H2': r(3, 4) });
    expect(up.result(2, def('ratio', 'sum'), P('2023'))?.value).toEqual(r(4, 6));
  });

  it('takes the latest period inside that has a result, for "last"', () => {
    const up = rollup({ '2|X|2021': n(3), '2|X|2023-H1': n(5) });
    expect(up.result(2, def('count', 'last'), P('NK2020-2025'))).toEqual({ value: n(5), source: 'periods' });
  });

  it('does nothing for "none"', () => {
    const up = rollup({ '2|X|2023-H1': n(1) });
    expect(up.result(2, def('count', 'none'), P('2023'))).toBeNull();
  });

  it('prefers the units over the periods', () => {
    const up = rollup({ '1|X|2023-H1': n(100), '2|X|2023': n(1) });
    expect(up.result(1, def('count', 'sum'), P('2023'))).toMatchObject({ value: n(1), source: 'units' });
  });

  it('reads every period beneath a term', () => {
    expect(periodsBeneath(P('NK2020-2025')).map((p) => p.code)).toHaveLength(1 + 6 + 12 + 24);
    expect(periodsBeneath(P('NH2022-2023')).map((p) => p.code)).toEqual(['NH2022-2023']);
  });
});
