// Period codes (docs/rules.md, "Periods"): years, halves, quarters, school years and congress
// terms. Dates are ISO strings 'YYYY-MM-DD' so they sort and compare as text; day counts use
// integer day numbers, never Date, so no time zone or two-digit-year quirk can creep in.

export type PeriodKind = 'year' | 'half' | 'quarter' | 'school_year' | 'term';

export interface Period {
  code: string;
  kind: PeriodKind;
  label: string;
  start: string;
  end: string;
}

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;
export const MIN_TERM_YEARS = 2;
export const MAX_TERM_YEARS = 10;

const QUARTER_NUMERALS = ['I', 'II', 'III', 'IV'] as const;

// Quarter and half boundaries as month-day pairs, first and last day.
const QUARTER_DAYS = [
  ['01-01', '03-31'],
  ['04-01', '06-30'],
  ['07-01', '09-30'],
  ['10-01', '12-31'],
] as const;

const yearPeriod = (y: number): Period => ({
  code: String(y),
  kind: 'year',
  label: `Năm ${y}`,
  start: `${y}-01-01`,
  end: `${y}-12-31`,
});

const halfPeriod = (y: number, h: 1 | 2): Period => ({
  code: `${y}-H${h}`,
  kind: 'half',
  label: `6 tháng ${h === 1 ? 'đầu' : 'cuối'} năm ${y}`,
  start: h === 1 ? `${y}-01-01` : `${y}-07-01`,
  end: h === 1 ? `${y}-06-30` : `${y}-12-31`,
});

const quarterPeriod = (y: number, q: 1 | 2 | 3 | 4): Period => {
  const [first, last] = QUARTER_DAYS[q - 1]!;
  return {
    code: `${y}-Q${q}`,
    kind: 'quarter',
    label: `Quý ${QUARTER_NUMERALS[q - 1]}/${y}`,
    start: `${y}-${first}`,
    end: `${y}-${last}`,
  };
};

// A school year runs September to August (docs/rules.md, "Periods").
const schoolYearPeriod = (first: number): Period => ({
  code: `NH${first}-${first + 1}`,
  kind: 'school_year',
  label: `Năm học ${first}–${first + 1}`,
  start: `${first}-09-01`,
  end: `${first + 1}-08-31`,
});

const termPeriod = (first: number, last: number): Period => ({
  code: `NK${first}-${last}`,
  kind: 'term',
  label: `Nhiệm kỳ ${first}–${last}`,
  start: `${first}-01-01`,
  end: `${last}-12-31`,
});

const inYearRange = (y: number) => y >= MIN_YEAR && y <= MAX_YEAR;

const SHAPES = {
  year: /^(\d{4})$/,
  half: /^(\d{4})-H([12])$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  school_year: /^NH(\d{4})-(\d{4})$/,
  term: /^NK(\d{4})-(\d{4})$/,
} as const;

type Reading = { ok: true; period: Period } | { ok: false; error: string };

function shown(code: string): string {
  return code.length > 30 ? `${code.slice(0, 30)}…` : code;
}

// One reading serves both parsePeriod and periodError, so the refusal and its reason
// can never disagree.
function readPeriod(code: string): Reading {
  const fail = (why: string): Reading => ({
    ok: false,
    error: `Mã kỳ "${shown(code)}" không hợp lệ: ${why}.`,
  });
  const generic = 'dùng dạng 2023, 2023-H1, 2023-Q1, NH2022-2023 hoặc NK2020-2025';
  const range = `năm phải từ ${MIN_YEAR} đến ${MAX_YEAR}`;
  if (typeof code !== 'string') return fail(generic);

  let m = SHAPES.year.exec(code);
  if (m) {
    const y = Number(m[1]);
    return inYearRange(y) ? { ok: true, period: yearPeriod(y) } : fail(range);
  }
  m = SHAPES.half.exec(code);
  if (m) {
    const y = Number(m[1]);
    return inYearRange(y) ? { ok: true, period: halfPeriod(y, m[2] === '1' ? 1 : 2) } : fail(range);
  }
  m = SHAPES.quarter.exec(code);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]) as 1 | 2 | 3 | 4;
    return inYearRange(y) ? { ok: true, period: quarterPeriod(y, q) } : fail(range);
  }
  m = SHAPES.school_year.exec(code);
  if (m) {
    const first = Number(m[1]);
    const last = Number(m[2]);
    if (!inYearRange(first) || !inYearRange(last)) return fail(range);
    if (last !== first + 1) return fail('năm học gồm đúng hai năm liền nhau, ví dụ NH2022-2023');
    return { ok: true, period: schoolYearPeriod(first) };
  }
  m = SHAPES.term.exec(code);
  if (m) {
    const first = Number(m[1]);
    const last = Number(m[2]);
    if (!inYearRange(first) || !inYearRange(last)) return fail(range);
    const span = last - first;
    if (span < MIN_TERM_YEARS || span > MAX_TERM_YEARS) {
      return fail(`nhiệm kỳ phải kéo dài từ ${MIN_TERM_YEARS} đến ${MAX_TERM_YEARS} năm, ví dụ NK2020-2025`);
    }
    return { ok: true, period: termPeriod(first, last) };
  }
  return fail(generic);
}

export function parsePeriod(code: string): Period | null {
  const r = readPeriod(code);
  return r.ok ? r.period : null;
}

export function periodError(code: string): string | null {
  const r = readPeriod(code);
  return r.ok ? null : r.error;
}

export function isOpen(period: Period, asOf: string): boolean {
  return period.end >= asOf;
}

const yearOf = (iso: string) => Number(iso.slice(0, 4));
const monthOf = (iso: string) => Number(iso.slice(5, 7));

export function directChildren(period: Period): Period[] {
  const y = yearOf(period.start);
  switch (period.kind) {
    case 'year':
      return [halfPeriod(y, 1), halfPeriod(y, 2)];
    case 'half':
      return monthOf(period.start) === 1
        ? [quarterPeriod(y, 1), quarterPeriod(y, 2)]
        : [quarterPeriod(y, 3), quarterPeriod(y, 4)];
    case 'term': {
      const years: Period[] = [];
      for (let t = y; t <= yearOf(period.end); t++) years.push(yearPeriod(t));
      return years;
    }
    default:
      return [];
  }
}

// School years straddle two calendar years and belong to no chain, so they have no rank.
const RANK: Partial<Record<PeriodKind, number>> = { quarter: 0, half: 1, year: 2, term: 3 };

/**
 * Whether `inner` is inside `outer` by the chain quarter ⊂ half ⊂ year ⊂ term. Along that
 * chain, being inside is the same as lying within the other's days, and terms are never
 * inside terms (overlapping terms such as NK2015-2020 and NK2020-2025 share a year).
 */
export function contains(outer: Period, inner: Period): boolean {
  const o = RANK[outer.kind];
  const i = RANK[inner.kind];
  if (o === undefined || i === undefined || i >= o) return false;
  return outer.start <= inner.start && inner.end <= outer.end;
}

export function samePeriodLastYear(period: Period): Period {
  const y = yearOf(period.start);
  switch (period.kind) {
    case 'year':
      return yearPeriod(y - 1);
    case 'half':
      return halfPeriod(y - 1, monthOf(period.start) === 1 ? 1 : 2);
    case 'quarter':
      return quarterPeriod(y - 1, ((monthOf(period.start) + 2) / 3) as 1 | 2 | 3 | 4);
    case 'school_year':
      return schoolYearPeriod(y - 1);
    case 'term': {
      // The previous congress: same length, ending the year this one starts.
      const span = yearOf(period.end) - y;
      return termPeriod(y - span, y);
    }
  }
}

export function enclosingYear(period: Period): Period | null {
  return period.kind === 'half' || period.kind === 'quarter' ? yearPeriod(yearOf(period.start)) : null;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function isValidIsoDate(s: string): boolean {
  if (typeof s !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const last = month === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[month - 1]!;
  return day <= last;
}

// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil),
// all in integers.
export function dayNumber(iso: string): number {
  if (!isValidIsoDate(iso)) throw new RangeError(`Not a date: ${iso}`);
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const y = Number(iso.slice(0, 4)) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function elapsedShare(period: Period, asOf: string): { passedDays: number; totalDays: number } {
  const first = dayNumber(period.start);
  const totalDays = dayNumber(period.end) - first + 1;
  const passedDays = Math.min(totalDays, Math.max(0, dayNumber(asOf) - first + 1));
  return { passedDays, totalDays };
}

// Congress terms in the pickers follow the national five-year cycle (2015, 2020, 2025…).
const TERM_CYCLE_START = 2000;
const TERM_CYCLE_YEARS = 5;

export function periodsOfKind(kind: PeriodKind, fromYear: number, toYear: number): Period[] {
  const from = Math.max(fromYear, MIN_YEAR);
  const to = Math.min(toYear, MAX_YEAR);
  const out: Period[] = [];
  switch (kind) {
    case 'year':
      for (let y = from; y <= to; y++) out.push(yearPeriod(y));
      break;
    case 'half':
      for (let y = from; y <= to; y++) out.push(halfPeriod(y, 1), halfPeriod(y, 2));
      break;
    case 'quarter':
      for (let y = from; y <= to; y++) {
        out.push(quarterPeriod(y, 1), quarterPeriod(y, 2), quarterPeriod(y, 3), quarterPeriod(y, 4));
      }
      break;
    case 'school_year':
      // NH(y-1)-y: the school year that ends in year y.
      for (let y = Math.max(from, MIN_YEAR + 1); y <= to; y++) out.push(schoolYearPeriod(y - 1));
      break;
    case 'term': {
      // The earliest cycle start s with s + 5 >= from, i.e. the first term overlapping the range.
      const earliest = from - TERM_CYCLE_YEARS;
      const offset =
        (((earliest - TERM_CYCLE_START) % TERM_CYCLE_YEARS) + TERM_CYCLE_YEARS) % TERM_CYCLE_YEARS;
      let s = offset === 0 ? earliest : earliest + TERM_CYCLE_YEARS - offset;
      for (; s <= to; s += TERM_CYCLE_YEARS) {
        if (s >= MIN_YEAR && s + TERM_CYCLE_YEARS <= MAX_YEAR) out.push(termPeriod(s, s + TERM_CYCLE_YEARS));
      }
      break;
    }
  }
  return out;
}
