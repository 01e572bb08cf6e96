import { describe, expect, it } from 'vitest';
import { countUnits, type RatedUnit } from './derived';

// docs/rules.md, "Units counted by their rating".

const LEVELS = [
  'Không hoàn thành nhiệm vụ',
  'Hoàn thành nhiệm vụ',
  'Hoàn thành tốt nhiệm vụ',
  'Hoàn thành xuất sắc nhiệm vụ',
];
const rule = { indicator: 'XL', atLeast: 'Hoàn thành tốt nhiệm vụ', kinds: ['chi_bo'] };
const cb = (position: number | null): RatedUnit => ({ kind: 'chi_bo', position });

describe('units counted by their rating', () => {
  it('counts those at the level or above, with how many were rated out of all of those kinds', () => {
    const below = [cb(3), cb(2), cb(2), cb(1), cb(null), { kind: 'doan_the', position: 3 }];
    expect(countUnits({ kind: 'count' }, rule, LEVELS, below)).toEqual({
      value: { type: 'number', x100: 300 },
      source: 'derived',
      coverage: { reported: 4, total: 5 },
    });
  });

  it('makes a ratio over the units rated, not over all of them', () => {
    expect(countUnits({ kind: 'ratio' }, rule, LEVELS, [cb(3), cb(2), cb(1), cb(null)])).toMatchObject({
      value: { type: 'ratio', numerator: 2, denominator: 3 },
    });
  });

  it('counts zero when none reaches the level, and has nothing when none was rated', () => {
    expect(countUnits({ kind: 'count' }, rule, LEVELS, [cb(0), cb(1)])?.value).toEqual({
      type: 'number',
      x100: 0,
    });
    expect(countUnits({ kind: 'count' }, rule, LEVELS, [cb(null)])).toBeNull();
    expect(countUnits({ kind: 'count' }, rule, LEVELS, [])).toBeNull();
    expect(countUnits({ kind: 'count' }, { ...rule, atLeast: 'Vững mạnh' }, LEVELS, [cb(3)])).toBeNull();
  });
});
