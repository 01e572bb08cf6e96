import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../../../shared/period';
import {
  comparedPeriods,
  describeChoice,
  isSameTimeLastYear,
  periodNote,
  readChoice,
  shortPeriodName,
  yearOptions,
} from './compare-choice';

const codes = (kind: Parameters<typeof comparedPeriods>[0]['kind'], from: number, to: number) =>
  comparedPeriods({ kind, from, to }).map((p) => p.code);

describe('the choice in the address', () => {
  it('defaults to every year from four years ago to this one', () => {
    expect(readChoice({}, 2026)).toEqual({ kind: 'year', from: 2022, to: 2026 });
  });

  it('reads the kind and the range as given', () => {
    expect(readChoice({ kind: 'h1', from: '2021', to: '2025' }, 2026)).toEqual({
      kind: 'h1',
      from: 2021,
      to: 2025,
    });
  });

  it('turns a range given backwards the right way round', () => {
    expect(readChoice({ from: '2025', to: '2021' }, 2026)).toEqual({ kind: 'year', from: 2021, to: 2025 });
  });

  it('ignores a kind or a year it does not know', () => {
    expect(readChoice({ kind: 'month', from: 'abc', to: '99999' }, 2026)).toEqual({
      kind: 'year',
      from: 2022,
      to: 2026,
    });
  });

  it('with only a start, runs to this year; with only an end, covers the five years before it', () => {
    expect(readChoice({ from: '2019' }, 2026)).toEqual({ kind: 'year', from: 2019, to: 2026 });
    expect(readChoice({ to: '2023' }, 2026)).toEqual({ kind: 'year', from: 2019, to: 2023 });
  });
});

describe('the periods of a choice', () => {
  it('years, oldest first', () => {
    expect(codes('year', 2021, 2025)).toEqual(['2021', '2022', '2023', '2024', '2025']);
  });

  it('the same half of every year', () => {
    expect(codes('h1', 2022, 2024)).toEqual(['2022-H1', '2023-H1', '2024-H1']);
    expect(codes('h2', 2022, 2023)).toEqual(['2022-H2', '2023-H2']);
  });

  it('the same quarter of every year', () => {
    expect(codes('q3', 2023, 2025)).toEqual(['2023-Q3', '2024-Q3', '2025-Q3']);
  });

  it('school years ending in a year of the range', () => {
    expect(codes('school_year', 2023, 2025)).toEqual(['NH2022-2023', 'NH2023-2024', 'NH2024-2025']);
  });

  it('the congress terms overlapping the range', () => {
    expect(codes('term', 2022, 2026)).toEqual(['NK2020-2025', 'NK2025-2030']);
    expect(codes('term', 2018, 2026)).toEqual(['NK2015-2020', 'NK2020-2025', 'NK2025-2030']);
  });

  it('a single year is one period', () => {
    expect(codes('year', 2024, 2024)).toEqual(['2024']);
  });
});

describe('"so với cùng kỳ"', () => {
  const p = (code: string) => parsePeriod(code);

  it('is said after the same half or quarter of the year before', () => {
    expect(isSameTimeLastYear(p('2022-H1'), p('2023-H1'))).toBe(true);
    expect(isSameTimeLastYear(p('2022-Q4'), p('2023-Q4'))).toBe(true);
  });

  it('is not said between years, after a gap, or on the first row', () => {
    expect(isSameTimeLastYear(p('2022'), p('2023'))).toBe(false);
    expect(isSameTimeLastYear(p('2021-H1'), p('2023-H1'))).toBe(false);
    expect(isSameTimeLastYear(p('2023-H1'), p('2023-H2'))).toBe(false);
    expect(isSameTimeLastYear(null, p('2023-H1'))).toBe(false);
  });
});

describe('names of periods and of the choice', () => {
  it('the axis names the year, or the two years of a school year or a term', () => {
    expect(shortPeriodName(parsePeriod('2023')!)).toBe('2023');
    expect(shortPeriodName(parsePeriod('2023-H2')!)).toBe('2023');
    expect(shortPeriodName(parsePeriod('2023-Q1')!)).toBe('2023');
    expect(shortPeriodName(parsePeriod('NH2022-2023')!)).toBe('2022–2023');
    expect(shortPeriodName(parsePeriod('NK2020-2025')!)).toBe('2020–2025');
  });

  it('the choice is said with its range', () => {
    const say = (kind: Parameters<typeof comparedPeriods>[0]['kind'], from: number, to: number) =>
      describeChoice({ kind, from, to }, comparedPeriods({ kind, from, to }));
    expect(say('year', 2022, 2026)).toBe('Các năm 2022–2026');
    expect(say('h1', 2021, 2025)).toBe('6 tháng đầu năm qua các năm 2021–2025');
    expect(say('q2', 2024, 2024)).toBe('Quý II qua các năm 2024');
    expect(say('term', 2022, 2026)).toBe('Các nhiệm kỳ 2020–2025, 2025–2030');
    expect(say('school_year', 2021, 2025)).toBe('Các năm học 2020–2021 đến 2024–2025');
  });

  it('the year pickers offer 2018 to next year, and any year a link asked for', () => {
    expect(yearOptions(2018, 2026, [2022, 2026])).toEqual([
      2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027,
    ]);
    expect(yearOptions(2018, 2026, [2010])[0]).toBe(2010);
  });
});

describe('the note under a period not over', () => {
  it('running, not begun, or none once over', () => {
    expect(periodNote({ start: '2026-01-01', open: true }, '2026-11-25')).toBe('Đang diễn ra');
    expect(periodNote({ start: '2027-01-01', open: true }, '2026-11-25')).toBe('Chưa bắt đầu');
    expect(periodNote({ start: '2025-01-01', open: false }, '2026-11-25')).toBeNull();
  });
});
