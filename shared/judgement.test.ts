import { describe, expect, it } from 'vitest';
import type { IndicatorDef } from './indicator';
import { achievementX100, judge, type Status } from './judgement';
import type { Value } from './value';

const def = (kind: IndicatorDef['kind'], direction: IndicatorDef['direction'] = 'higher'): IndicatorDef => ({
  code: `${kind.toUpperCase()}_${direction.toUpperCase()}`,
  name: kind,
  unitLabel: kind === 'count' ? 'người' : '%',
  kind,
  direction,
  timeAggregate: 'none',
  ...(kind === 'level' ? { levels: ['Vững mạnh', 'Vững mạnh tiêu biểu'] } : {}),
});

const count = def('count');
const percent = def('percent');
const ratio = def('ratio');
const level = def('level');
const disciplined = def('count', 'lower');

// Values as people write them: 15 -> 1500 hundredths, 66.67 -> 6667.
const n = (x100: number): Value => ({ type: 'number', x100 });
const r = (numerator: number, denominator: number): Value => ({ type: 'ratio', numerator, denominator });
const lv = (name: string): Value => ({ type: 'level', level: name });

interface Case {
  name: string;
  ind: IndicatorDef;
  target: Value | null;
  result: Value | null;
  /** Status once the period is over, and while it is still open. */
  over: Status;
  open: Status;
  achievement: number | null;
}

const cases: Case[] = [
  // Step 1: no target, then no result.
  {
    name: 'no target is Chưa giao chỉ tiêu',
    ind: count,
    target: null,
    result: null,
    over: 'no_target',
    open: 'no_target',
    achievement: null,
  },
  {
    name: 'no target is Chưa giao chỉ tiêu even with a result',
    ind: count,
    target: null,
    result: n(500),
    over: 'no_target',
    open: 'no_target',
    achievement: null,
  },
  {
    name: 'a missing result is Chưa có số liệu',
    ind: count,
    target: n(500),
    result: null,
    over: 'no_data',
    open: 'no_data',
    achievement: null,
  },
  {
    name: 'zero is a value: 0 against 5 is Không đạt, not Chưa có số liệu',
    ind: count,
    target: n(500),
    result: n(0),
    over: 'missed',
    open: 'not_yet',
    achievement: 0,
  },
  // Counts and percents, exactly.
  {
    name: 'count: 4 against 3 is Vượt',
    ind: count,
    target: n(300),
    result: n(400),
    over: 'exceeded',
    open: 'exceeded',
    achievement: 13333,
  },
  {
    name: 'count: 1 against 1 is Đạt',
    ind: count,
    target: n(100),
    result: n(100),
    over: 'met',
    open: 'met',
    achievement: 10000,
  },
  {
    name: 'count: 2 against 3 is Không đạt once over, Chưa đạt while open',
    ind: count,
    target: n(300),
    result: n(200),
    over: 'missed',
    open: 'not_yet',
    achievement: 6667,
  },
  {
    name: 'count: a target of 0 reached is Đạt, with no achievement',
    ind: count,
    target: n(0),
    result: n(0),
    over: 'met',
    open: 'met',
    achievement: null,
  },
  {
    name: 'percent: 103 against 100 is Vượt',
    ind: percent,
    target: n(10000),
    result: n(10300),
    over: 'exceeded',
    open: 'exceeded',
    achievement: 10300,
  },
  {
    name: 'percent: 100 against 100 is Đạt',
    ind: percent,
    target: n(10000),
    result: n(10000),
    over: 'met',
    open: 'met',
    achievement: 10000,
  },
  {
    name: 'percent: 0,3 against 0,3 is Đạt, no float error',
    ind: percent,
    target: n(30),
    result: n(30),
    over: 'met',
    open: 'met',
    achievement: 10000,
  },
  // Ratios, by the percentage shown.
  {
    name: 'ratio: 3/10 against 30 is Đạt',
    ind: ratio,
    target: n(3000),
    result: r(3, 10),
    over: 'met',
    open: 'met',
    achievement: 10000,
  },
  {
    name: 'ratio: 29/100 against 29 is Đạt',
    ind: ratio,
    target: n(2900),
    result: r(29, 100),
    over: 'met',
    open: 'met',
    achievement: 10000,
  },
  {
    name: 'ratio: 2/3 against 66,67 is Đạt',
    ind: ratio,
    target: n(6667),
    result: r(2, 3),
    over: 'met',
    open: 'met',
    achievement: 10000,
  },
  {
    name: 'ratio: 2/3 against 66,68 is Không đạt once over, Chưa đạt while open',
    ind: ratio,
    target: n(6668),
    result: r(2, 3),
    over: 'missed',
    open: 'not_yet',
    achievement: 9999,
  },
  {
    name: 'ratio: 23/160 (14,38%) against 14,38 is Đạt',
    ind: ratio,
    target: n(1438),
    result: r(23, 160),
    over: 'met',
    open: 'met',
    achievement: 10000,
  },
  {
    name: 'ratio: 201/20000 (1,01%) against 1 is Vượt',
    ind: ratio,
    target: n(100),
    result: r(201, 20000),
    over: 'exceeded',
    open: 'exceeded',
    achievement: 10100,
  },
  {
    name: 'ratio: 100/100 against 100% is Đạt, it cannot be exceeded',
    ind: ratio,
    target: n(10000),
    result: r(100, 100),
    over: 'met',
    open: 'met',
    achievement: 10000,
  },
  {
    name: 'ratio: 30/30 against 90 is Vượt, achievement 111,11',
    ind: ratio,
    target: n(9000),
    result: r(30, 30),
    over: 'exceeded',
    open: 'exceeded',
    achievement: 11111,
  },
  {
    name: 'ratio: 18/20 against 90 is Đạt',
    ind: ratio,
    target: n(9000),
    result: r(18, 20),
    over: 'met',
    open: 'met',
    achievement: 10000,
  },
  {
    name: 'ratio: chi bộ A and B together, 10/40, against 46,67 is Không đạt',
    ind: ratio,
    target: n(4667),
    result: r(10, 40),
    over: 'missed',
    open: 'not_yet',
    achievement: 5357,
  },
  {
    name: 'ratio: a target of 0% with 0/5 is Đạt, with no achievement',
    ind: ratio,
    target: n(0),
    result: r(0, 5),
    over: 'met',
    open: 'met',
    achievement: null,
  },
  // Lower is better: the mirror.
  {
    name: 'lower: target 0, result 0 is Đạt',
    ind: disciplined,
    target: n(0),
    result: n(0),
    over: 'met',
    open: 'met',
    achievement: null,
  },
  {
    name: 'lower: target 0, result 1 is Không đạt once over, Chưa đạt while open',
    ind: disciplined,
    target: n(0),
    result: n(100),
    over: 'missed',
    open: 'not_yet',
    achievement: null,
  },
  {
    name: 'lower: target 2, result 1 is Vượt',
    ind: disciplined,
    target: n(200),
    result: n(100),
    over: 'exceeded',
    open: 'exceeded',
    achievement: null,
  },
  {
    name: 'lower: target 2, result 2 is Đạt',
    ind: disciplined,
    target: n(200),
    result: n(200),
    over: 'met',
    open: 'met',
    achievement: null,
  },
  // Levels, by position on the scale.
  {
    name: 'level: Vững mạnh tiêu biểu against Vững mạnh is Vượt',
    ind: level,
    target: lv('Vững mạnh'),
    result: lv('Vững mạnh tiêu biểu'),
    over: 'exceeded',
    open: 'exceeded',
    achievement: null,
  },
  {
    name: 'level: equal is Đạt',
    ind: level,
    target: lv('Vững mạnh'),
    result: lv('Vững mạnh'),
    over: 'met',
    open: 'met',
    achievement: null,
  },
  {
    name: 'level: lower is Không đạt once over, Chưa đạt while open',
    ind: level,
    target: lv('Vững mạnh tiêu biểu'),
    result: lv('Vững mạnh'),
    over: 'missed',
    open: 'not_yet',
    achievement: null,
  },
  {
    name: 'level: a result no longer on the scale counts as no result',
    ind: level,
    target: lv('Vững mạnh'),
    result: lv('Khá'),
    over: 'no_data',
    open: 'no_data',
    achievement: null,
  },
  {
    name: 'level: a target no longer on the scale counts as no target',
    ind: level,
    target: lv('Khá'),
    result: lv('Vững mạnh'),
    over: 'no_target',
    open: 'no_target',
    achievement: null,
  },
];

describe('the judgement of docs/rules.md', () => {
  it.each(cases)('$name (period over)', ({ ind, target, result, over }) => {
    expect(judge(ind, target, result, false)).toBe(over);
  });

  it.each(cases)('$name (period open)', ({ ind, target, result, open }) => {
    expect(judge(ind, target, result, true)).toBe(open);
  });

  it.each(cases)('$name: achievement $achievement', ({ ind, target, result, achievement }) => {
    expect(achievementX100(ind, target, result)).toBe(achievement);
  });
});

describe('achievement: result / target × 100, half up to two decimals', () => {
  it.each([
    { name: '100 against 90 is 111,11%', target: n(9000), result: n(10000), x100: 11111 },
    { name: '2 against 3 is 66,67%', target: n(300), result: n(200), x100: 6667 },
    { name: '1 against 8 is 12,50%', target: n(800), result: n(100), x100: 1250 },
    { name: 'huge counts stay exact', target: n(3 * 10 ** 14), result: n(10 ** 14), x100: 3333 },
  ])('$name', ({ target, result, x100 }) => {
    expect(achievementX100(count, target, result)).toBe(x100);
  });
});
