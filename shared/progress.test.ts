import { describe, expect, it } from 'vitest';
import type { IndicatorDef } from './indicator';
import { parsePeriod } from './period';
import { cumulative, elapsedX100, enclosingPeriods, pace, piecesSoFar } from './progress';
import type { Value } from './value';

const P = (c: string) => parsePeriod(c)!;
const ind = (over: Partial<IndicatorDef> = {}): IndicatorDef => ({
  code: 'X',
  name: 'X',
  unitLabel: 'người',
  kind: 'count',
  direction: 'higher',
  timeAggregate: 'sum',
  ...over,
});
const n = (v: number): Value => ({ type: 'number', x100: v * 100 });

describe('progress inside a longer period', () => {
  it('measures a half or a quarter against its year, and a year against the terms holding it', () => {
    expect(enclosingPeriods(P('2025-H1')).map((p) => p.code)).toEqual(['2025']);
    expect(enclosingPeriods(P('2025-Q3')).map((p) => p.code)).toEqual(['2025']);
    expect(enclosingPeriods(P('2023')).map((p) => p.code)).toEqual(['NK2020-2025']);
    // 2025 closes NK2020-2025 before it opens NK2025-2030.
    expect(enclosingPeriods(P('2025')).map((p) => p.code)).toEqual(['NK2020-2025', 'NK2025-2030']);
    expect(enclosingPeriods(P('NH2024-2025'))).toEqual([]);
    expect(enclosingPeriods(P('NK2020-2025'))).toEqual([]);
  });

  it('adds up the pieces so far: H1 alone, Q1 to Q3, the term’s years to this one', () => {
    const codes = (a: string, b: string) => piecesSoFar(P(a), P(b)).map((p) => p.code);
    expect(codes('2025', '2025-H1')).toEqual(['2025-H1']);
    expect(codes('2025', '2025-H2')).toEqual(['2025-H1', '2025-H2']);
    expect(codes('2025', '2025-Q3')).toEqual(['2025-Q1', '2025-Q2', '2025-Q3']);
    expect(codes('NK2020-2025', '2023')).toEqual(['2020', '2021', '2022', '2023']);
  });

  it('sums counts and ratios part by part, takes the latest for "last", and knows "nothing yet"', () => {
    expect(cumulative(ind(), [n(2), null, n(3)])).toEqual(n(5));
    expect(
      cumulative(ind({ kind: 'ratio' }), [
        { type: 'ratio', numerator: 9, denominator: 10 },
        { type: 'ratio', numerator: 1, denominator: 30 },
      ]),
    ).toEqual({ type: 'ratio', numerator: 10, denominator: 40 });
    expect(cumulative(ind({ timeAggregate: 'last' }), [n(48), n(56), null])).toEqual(n(56));
    expect(cumulative(ind(), [null, null])).toBeNull();
    expect(cumulative(ind({ timeAggregate: 'none' }), [n(1)])).toBeNull();
  });

  it('counts the days passed by the end of the viewed period, or by today if sooner', () => {
    // 181 of 365 days of 2025: 49,59%.
    expect(elapsedX100(P('2025'), P('2025-H1'), '2026-11-24')).toBe(4959);
    // Seen on 31/03/2025, the first quarter of 2025 has passed: 90 days.
    expect(elapsedX100(P('2025'), P('2025-H1'), '2025-03-31')).toBe(2466);
    // A leap year: 182 of 366 days.
    expect(elapsedX100(P('2024'), P('2024-H1'), '2026-01-01')).toBe(4973);
    // Three years of NK2020-2025's six: 1.096 of 2.192 days.
    expect(elapsedX100(P('NK2020-2025'), P('2022'), '2026-01-01')).toBe(5000);
  });

  it('is on track when the achievement keeps up with the days passed, behind otherwise', () => {
    expect(pace(ind(), n(1500), n(750), 5000, 4959)).toBe('on_track');
    expect(pace(ind(), n(1500), n(740), 4933, 4959)).toBe('behind');
    expect(pace(ind(), n(2), null, null, 4959)).toBe('behind');
    expect(pace(ind(), n(2), null, null, 0)).toBe('on_track');
  });

  it('holds fewer-is-better to its target so far, and a level to the level required', () => {
    const lower = ind({ direction: 'lower' });
    expect(pace(lower, n(0), n(0), null, 5000)).toBe('on_track');
    expect(pace(lower, n(0), n(1), null, 5000)).toBe('behind');
    const level = ind({ kind: 'level', timeAggregate: 'last', levels: ['Khá', 'Tốt', 'Xuất sắc'] });
    expect(
      pace(level, { type: 'level', level: 'Tốt' }, { type: 'level', level: 'Xuất sắc' }, null, 5000),
    ).toBe('on_track');
    expect(pace(level, { type: 'level', level: 'Tốt' }, { type: 'level', level: 'Khá' }, null, 5000)).toBe(
      'behind',
    );
  });
});
