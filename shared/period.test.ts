import { describe, expect, it } from 'vitest';
import {
  contains,
  directChildren,
  elapsedShare,
  enclosingYear,
  isOpen,
  isValidIsoDate,
  type Period,
  parsePeriod,
  periodError,
  periodsOfKind,
  samePeriodLastYear,
} from './period';

const p = (code: string): Period => {
  const period = parsePeriod(code);
  if (!period) throw new Error(`test period ${code} should parse`);
  return period;
};

const codes = (periods: Period[]) => periods.map((x) => x.code);

describe('the period table of docs/rules.md', () => {
  it.each([
    { code: '2023', kind: 'year', label: 'Năm 2023', start: '2023-01-01', end: '2023-12-31' },
    { code: '2023-H1', kind: 'half', label: '6 tháng đầu năm 2023', start: '2023-01-01', end: '2023-06-30' },
    { code: '2023-H2', kind: 'half', label: '6 tháng cuối năm 2023', start: '2023-07-01', end: '2023-12-31' },
    { code: '2023-Q1', kind: 'quarter', label: 'Quý I/2023', start: '2023-01-01', end: '2023-03-31' },
    { code: '2023-Q2', kind: 'quarter', label: 'Quý II/2023', start: '2023-04-01', end: '2023-06-30' },
    { code: '2023-Q3', kind: 'quarter', label: 'Quý III/2023', start: '2023-07-01', end: '2023-09-30' },
    { code: '2023-Q4', kind: 'quarter', label: 'Quý IV/2023', start: '2023-10-01', end: '2023-12-31' },
    {
      code: 'NH2022-2023',
      kind: 'school_year',
      label: 'Năm học 2022–2023',
      start: '2022-09-01',
      end: '2023-08-31',
    },
    {
      code: 'NK2020-2025',
      kind: 'term',
      label: 'Nhiệm kỳ 2020–2025',
      start: '2020-01-01',
      end: '2025-12-31',
    },
  ])('$code is "$label", $start to $end', (row) => {
    expect(parsePeriod(row.code)).toEqual(row);
    expect(periodError(row.code)).toBeNull();
  });

  it.each([
    { name: 'a two-year term is the shortest allowed', code: 'NK2020-2022' },
    { name: 'a ten-year term is the longest allowed', code: 'NK2020-2030' },
    { name: 'the first year of the range', code: '1900' },
    { name: 'the last year of the range', code: '2199-Q4' },
  ])('$name: $code is valid', ({ code }) => {
    expect(parsePeriod(code)?.code).toBe(code);
  });
});

describe('any other code is refused with a clear message', () => {
  const usage = 'dùng dạng 2023, 2023-H1, 2023-Q1, NH2022-2023 hoặc NK2020-2025.';
  it.each([
    { name: 'a third half', code: '2023-H3', because: usage },
    { name: 'a fifth quarter', code: '2023-Q5', because: usage },
    {
      name: 'a school year of two years',
      code: 'NH2022-2024',
      because: 'năm học gồm đúng hai năm liền nhau',
    },
    { name: 'a one-year term', code: 'NK2020-2021', because: 'nhiệm kỳ phải kéo dài từ 2 đến 10 năm' },
    { name: 'an eleven-year term', code: 'NK2020-2031', because: 'nhiệm kỳ phải kéo dài từ 2 đến 10 năm' },
    { name: 'a backwards term', code: 'NK2025-2020', because: 'nhiệm kỳ phải kéo dài từ 2 đến 10 năm' },
    { name: 'a two-digit year', code: '23', because: usage },
    { name: 'a leading space', code: ' 2023', because: usage },
    { name: 'a trailing space', code: '2023 ', because: usage },
    { name: 'words', code: 'abc', because: usage },
    { name: 'lowercase letters', code: '2023-h1', because: usage },
    { name: 'a lowercase school year', code: 'nh2022-2023', because: usage },
    { name: 'the empty string', code: '', because: usage },
    { name: 'a year before 1900', code: '1899', because: 'năm phải từ 1900 đến 2199' },
    { name: 'a year after 2199', code: '2200-H1', because: 'năm phải từ 1900 đến 2199' },
  ])('$name ("$code")', ({ code, because }) => {
    expect(parsePeriod(code)).toBeNull();
    const message = periodError(code);
    expect(message).toMatch(/^Mã kỳ ".*" không hợp lệ: /);
    expect(message).toContain(because);
    expect(message?.endsWith('.')).toBe(true);
  });

  it('the message for 2023-H3 is one sentence naming the accepted forms', () => {
    expect(periodError('2023-H3')).toBe(
      'Mã kỳ "2023-H3" không hợp lệ: dùng dạng 2023, 2023-H1, 2023-Q1, NH2022-2023 hoặc NK2020-2025.',
    );
  });
});

describe('open and over', () => {
  it.each([
    { name: 'open before its last day', code: '2023', asOf: '2023-06-15', open: true },
    { name: 'open on its last day itself', code: '2023', asOf: '2023-12-31', open: true },
    { name: 'over the day after its last day', code: '2023', asOf: '2024-01-01', open: false },
    { name: 'open before it starts', code: '2023', asOf: '2022-05-01', open: true },
    { name: 'a half is over after 30 June', code: '2023-H1', asOf: '2023-07-01', open: false },
    { name: 'a school year is open on 31 August', code: 'NH2022-2023', asOf: '2023-08-31', open: true },
    { name: 'a term is open in its last year', code: 'NK2020-2025', asOf: '2025-11-30', open: true },
  ])('$name: $code on $asOf', ({ code, asOf, open }) => {
    expect(isOpen(p(code), asOf)).toBe(open);
  });
});

describe('containment: quarters in halves, halves in years, years in terms', () => {
  it.each([
    { name: 'a quarter is in its half', outer: '2023-H1', inner: '2023-Q2', inside: true },
    { name: 'a quarter is not in the other half', outer: '2023-H1', inner: '2023-Q3', inside: false },
    { name: 'a half is in its year', outer: '2023', inner: '2023-H2', inside: true },
    { name: 'a quarter is in its year', outer: '2023', inner: '2023-Q4', inside: true },
    { name: 'a half is not in another year', outer: '2024', inner: '2023-H2', inside: false },
    { name: 'a year is in its term', outer: 'NK2020-2025', inner: '2023', inside: true },
    { name: 'the first year is in the term', outer: 'NK2020-2025', inner: '2020', inside: true },
    { name: 'the last year is in the term', outer: 'NK2020-2025', inner: '2025', inside: true },
    {
      name: 'a year shared by two terms is in the earlier',
      outer: 'NK2015-2020',
      inner: '2020',
      inside: true,
    },
    {
      name: 'a quarter is in the term, through its year',
      outer: 'NK2020-2025',
      inner: '2021-Q3',
      inside: true,
    },
    {
      name: 'a year is not in a term that does not cover it',
      outer: 'NK2020-2025',
      inner: '2026',
      inside: false,
    },
    { name: 'a period does not contain itself', outer: '2023', inner: '2023', inside: false },
    { name: 'a year is not in a half', outer: '2023-H1', inner: '2023', inside: false },
    { name: 'a term is not in a term', outer: 'NK2020-2030', inner: 'NK2020-2025', inside: false },
    { name: 'a school year contains nothing', outer: 'NH2022-2023', inner: '2023-Q1', inside: false },
    { name: 'a school year is in no year', outer: '2023', inner: 'NH2022-2023', inside: false },
    { name: 'a school year is in no term', outer: 'NK2020-2025', inner: 'NH2022-2023', inside: false },
  ])('$name: $inner in $outer is $inside', ({ outer, inner, inside }) => {
    expect(contains(p(outer), p(inner))).toBe(inside);
  });
});

describe('the periods directly inside', () => {
  it.each([
    { code: '2023', children: ['2023-H1', '2023-H2'] },
    { code: '2023-H1', children: ['2023-Q1', '2023-Q2'] },
    { code: '2023-H2', children: ['2023-Q3', '2023-Q4'] },
    { code: 'NK2020-2025', children: ['2020', '2021', '2022', '2023', '2024', '2025'] },
    { code: 'NK2020-2022', children: ['2020', '2021', '2022'] },
    { code: '2023-Q1', children: [] },
    { code: 'NH2022-2023', children: [] },
  ])('$code', ({ code, children }) => {
    expect(codes(directChildren(p(code)))).toEqual(children);
    for (const child of directChildren(p(code))) expect(contains(p(code), child)).toBe(true);
  });
});

describe('same period last year', () => {
  it.each([
    { kind: 'year', code: '2023', last: '2022' },
    { kind: 'half', code: '2023-H1', last: '2022-H1' },
    { kind: 'second half', code: '2023-H2', last: '2022-H2' },
    { kind: 'quarter', code: '2023-Q3', last: '2022-Q3' },
    { kind: 'school year', code: 'NH2022-2023', last: 'NH2021-2022' },
    { kind: 'term: the previous term of the same length', code: 'NK2020-2025', last: 'NK2015-2020' },
    { kind: 'short term', code: 'NK2020-2023', last: 'NK2017-2020' },
  ])('$kind: $code -> $last', ({ code, last }) => {
    expect(samePeriodLastYear(p(code))).toEqual(p(last));
  });
});

describe('the enclosing year', () => {
  it.each([
    { code: '2023-H2', year: '2023' },
    { code: '2023-Q1', year: '2023' },
    { code: '2023', year: null },
    { code: 'NH2022-2023', year: null },
    { code: 'NK2020-2025', year: null },
  ])('$code -> $year', ({ code, year }) => {
    expect(enclosingYear(p(code))?.code ?? null).toBe(year);
  });
});

describe('the share of a period that has passed', () => {
  it.each([
    { name: 'before it starts', code: '2023', asOf: '2022-12-31', passedDays: 0, totalDays: 365 },
    { name: 'its first day counts', code: '2023', asOf: '2023-01-01', passedDays: 1, totalDays: 365 },
    { name: 'the first half at mid-year', code: '2023', asOf: '2023-06-30', passedDays: 181, totalDays: 365 },
    { name: 'its last day', code: '2023', asOf: '2023-12-31', passedDays: 365, totalDays: 365 },
    { name: 'after it ends', code: '2023', asOf: '2030-01-01', passedDays: 365, totalDays: 365 },
    { name: 'a leap year', code: '2024', asOf: '2024-03-01', passedDays: 61, totalDays: 366 },
    { name: 'a school year', code: 'NH2023-2024', asOf: '2023-09-30', passedDays: 30, totalDays: 366 },
    { name: 'a term', code: 'NK2020-2025', asOf: '2022-12-31', passedDays: 1096, totalDays: 2192 },
  ])('$name: $code on $asOf', ({ code, asOf, passedDays, totalDays }) => {
    expect(elapsedShare(p(code), asOf)).toEqual({ passedDays, totalDays });
  });
});

describe('periods for the pickers', () => {
  it.each([
    { kind: 'year' as const, from: 2021, to: 2023, expected: ['2021', '2022', '2023'] },
    { kind: 'half' as const, from: 2021, to: 2022, expected: ['2021-H1', '2021-H2', '2022-H1', '2022-H2'] },
    {
      kind: 'quarter' as const,
      from: 2023,
      to: 2023,
      expected: ['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4'],
    },
    {
      kind: 'school_year' as const,
      from: 2022,
      to: 2024,
      expected: ['NH2021-2022', 'NH2022-2023', 'NH2023-2024'],
    },
    { kind: 'term' as const, from: 2020, to: 2025, expected: ['NK2015-2020', 'NK2020-2025', 'NK2025-2030'] },
    { kind: 'term' as const, from: 2021, to: 2024, expected: ['NK2020-2025'] },
    { kind: 'term' as const, from: 2018, to: 2027, expected: ['NK2015-2020', 'NK2020-2025', 'NK2025-2030'] },
    { kind: 'year' as const, from: 2025, to: 2021, expected: [] },
  ])('$kind from $from to $to', ({ kind, from, to, expected }) => {
    const list = periodsOfKind(kind, from, to);
    expect(codes(list)).toEqual(expected);
    for (const period of list) expect(parsePeriod(period.code)).toEqual(period);
  });

  it('every half from 2021-H1 to 2025-H2', () => {
    const list = codes(periodsOfKind('half', 2021, 2025));
    expect(list).toHaveLength(10);
    expect(list[0]).toBe('2021-H1');
    expect(list.at(-1)).toBe('2025-H2');
  });
});

describe('strict ISO dates', () => {
  it.each([
    { s: '2025-02-05', valid: true },
    { s: '2024-02-29', valid: true },
    { s: '2000-02-29', valid: true },
    { s: '2023-02-29', valid: false },
    { s: '1900-02-29', valid: false },
    { s: '2023-04-31', valid: false },
    { s: '2023-13-01', valid: false },
    { s: '2023-00-10', valid: false },
    { s: '2023-01-00', valid: false },
    { s: '2023-1-5', valid: false },
    { s: '05/02/2025', valid: false },
    { s: '2023-01-01T00:00:00Z', valid: false },
    { s: ' 2023-01-01', valid: false },
    { s: '', valid: false },
  ])('"$s" is valid: $valid', ({ s, valid }) => {
    expect(isValidIsoDate(s)).toBe(valid);
  });
});
