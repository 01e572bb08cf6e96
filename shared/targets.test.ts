import { describe, expect, it } from 'vitest';
import type { IndicatorDef } from './indicator';
import { changeText, checkChangeInput, relativeTarget, termStatus } from './targets';
import type { Value } from './value';

// docs/rules.md, "Targets relative to last year" and "Yearly targets in a term".

const ind = (kind: IndicatorDef['kind'], direction: IndicatorDef['direction'] = 'higher'): IndicatorDef => ({
  code: 'X',
  name: 'Chỉ tiêu thử',
  unitLabel: kind === 'count' ? 'đảng viên' : '%',
  kind,
  direction,
  timeAggregate: 'none',
  ...(kind === 'level' ? { levels: ['Khá', 'Tốt'] } : {}),
});
const n = (x: number): Value => ({ type: 'number', x100: Math.round(x * 100) });

describe('targets relative to last year', () => {
  it.each([
    ['a count to reach, rounded up: 23 + 10% = 25,3 → 26', ind('count'), n(23), { percent: 10 }, 2600],
    [
      'a count to stay under, rounded down: 3 − 5% = 2,85 → 2',
      ind('count', 'lower'),
      n(3),
      { percent: -5 },
      200,
    ],
    ['a count plus an amount', ind('count'), n(4), { amount: 2 }, 600],
    ['a count exactly reached is not rounded: 20 + 10% = 22', ind('count'), n(20), { percent: 10 }, 2200],
    ['a percent plus points, half up: 88,5% + 2 = 90,5%', ind('percent'), n(88.5), { amount: 2 }, 9050],
    ['a percent grown by 10%: 66,67% → 73,34%', ind('percent'), n(66.67), { percent: 10 }, 7334],
    [
      'a ratio from its shown percentage: 2/3 + 5 points = 71,67%',
      ind('ratio'),
      { type: 'ratio', numerator: 2, denominator: 3 } as Value,
      { amount: 5 },
      7167,
    ],
    [
      'a ratio never above 100%',
      ind('ratio'),
      { type: 'ratio', numerator: 19, denominator: 20 } as Value,
      { percent: 10 },
      10000,
    ],
    ['never below zero', ind('count', 'lower'), n(1), { amount: -3 }, 0],
  ])('%s', (_, def, base, input, x100) => {
    const checked = checkChangeInput(def, input);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(relativeTarget(def, base, checked.value)).toEqual({ type: 'number', x100 });
  });

  it.each([
    ['a level', ind('level'), { percent: 10 }],
    ['a fall of more than 100%', ind('count'), { percent: -101 }],
    ['a count changed by a fraction', ind('count'), { amount: 1.5 }],
    ['three decimals', ind('percent'), { amount: 1.125 }],
    ['text', ind('percent'), { percent: '10' }],
  ])('refuses a change of %s with one Vietnamese sentence', (_, def, input) => {
    const checked = checkChangeInput(def, input);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.message).toMatch(/^[^\n]+\.$/);
  });

  it('words the rule as a resolution does', () => {
    expect(changeText(ind('count'), { kind: 'percent', x100: 1000 })).toBe('tăng 10%');
    expect(changeText(ind('count', 'lower'), { kind: 'percent', x100: -500 })).toBe('giảm 5%');
    expect(changeText(ind('percent'), { kind: 'amount', x100: 200 })).toBe('tăng 2 điểm %');
    expect(changeText(ind('count'), { kind: 'amount', x100: 200 })).toBe('tăng 2 đảng viên');
  });
});

describe('a term judged over its years', () => {
  const y = (status: any, open = false) => ({ status, open });
  it.each([
    ['one year missed makes it missed', [y('exceeded'), y('missed'), y('met')], true, 'missed'],
    [
      'open, all met or exceeded so far: its worst year',
      [y('exceeded'), y('met'), y('no_data', true)],
      true,
      'met',
    ],
    ['open, all exceeded so far', [y('exceeded'), y('exceeded')], true, 'exceeded'],
    ['the running year not yet met', [y('exceeded'), y('not_yet', true)], true, 'not_yet'],
    ['a year over without a result', [y('exceeded'), y('no_data')], false, 'no_data'],
    ['over, by the group rule', [y('exceeded'), y('met')], false, 'exceeded'],
    ['nothing begun yet', [], true, 'no_data'],
  ])('%s', (_, years, open, status) => {
    expect(termStatus(years as any, open)).toBe(status);
  });
});
