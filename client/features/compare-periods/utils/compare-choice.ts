import {
  MAX_YEAR,
  MIN_YEAR,
  type Period,
  parsePeriod,
  periodsOfKind,
  samePeriodLastYear,
} from '../../../../shared/period';

// What "So sánh theo kỳ" compares: one kind of period over a range of years, kept in the
// address as ?kind=h1&from=2022&to=2026 so a link or a reload opens the same view.

/** What can be compared, in the order offered, with the words of the choice. */
export const COMPARE_KIND_LABELS = {
  year: 'Các năm',
  h1: '6 tháng đầu năm qua các năm',
  h2: '6 tháng cuối năm qua các năm',
  q1: 'Quý I qua các năm',
  q2: 'Quý II qua các năm',
  q3: 'Quý III qua các năm',
  q4: 'Quý IV qua các năm',
  school_year: 'Các năm học',
  term: 'Các nhiệm kỳ',
} as const;

export type CompareKind = keyof typeof COMPARE_KIND_LABELS;
export const COMPARE_KINDS = Object.keys(COMPARE_KIND_LABELS) as CompareKind[];

/** The server compares at most this many periods in one request. */
export const MAX_COMPARED = 20;

/** How many years back the range starts by default: the last five years, this one included. */
export const DEFAULT_SPAN = 5;

export interface CompareChoice {
  kind: CompareKind;
  from: number;
  to: number;
}

const isKind = (s: string | undefined): s is CompareKind =>
  s !== undefined && (COMPARE_KINDS as readonly string[]).includes(s);

function readYear(s: string | undefined): number | null {
  if (!s || !/^\d{4}$/.test(s)) return null;
  const y = Number(s);
  return y >= MIN_YEAR && y <= MAX_YEAR ? y : null;
}

/**
 * The choice the address holds, with defaults for what it does not say: every year from
 * four years ago to this one. A range given backwards is read the right way round.
 */
export function readChoice(params: Readonly<Record<string, string>>, thisYear: number): CompareChoice {
  const kind = isKind(params.kind) ? params.kind : 'year';
  let to = readYear(params.to);
  let from = readYear(params.from);
  if (to === null) to = from !== null && from > thisYear ? from : thisYear;
  if (from === null) from = Math.max(MIN_YEAR, to - (DEFAULT_SPAN - 1));
  return from <= to ? { kind, from, to } : { kind, from: to, to: from };
}

const QUARTERS: Partial<Record<CompareKind, number>> = { q1: 1, q2: 2, q3: 3, q4: 4 };

/**
 * The periods compared, oldest first: the same half or quarter of each year of the range,
 * each year, each school year ending in a year of the range (its review is held that year),
 * or each congress term overlapping the range.
 */
export function comparedPeriods({ kind, from, to }: CompareChoice): Period[] {
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  if (kind === 'school_year' || kind === 'term') return periodsOfKind(kind, from, to);
  const quarter = QUARTERS[kind];
  const codeOf = (y: number) =>
    kind === 'year' ? String(y) : quarter !== undefined ? `${y}-Q${quarter}` : `${y}-${kind.toUpperCase()}`;
  return years.map((y) => parsePeriod(codeOf(y))).filter((p): p is Period => p !== null);
}

/**
 * Whether `current` follows the same half or quarter of the year before: its change is then
 * said "so với cùng kỳ" (docs/rules.md, "Comparisons").
 */
export function isSameTimeLastYear(previous: Period | null | undefined, current: Period | null): boolean {
  if (!previous || !current) return false;
  if (current.kind !== 'half' && current.kind !== 'quarter') return false;
  return samePeriodLastYear(current).code === previous.code;
}

/** The name of a period on the chart's axis, where the kind is said once in the title: "2023", "2022–2023". */
export function shortPeriodName(period: Period): string {
  const first = period.start.slice(0, 4);
  const last = period.end.slice(0, 4);
  return period.kind === 'school_year' || period.kind === 'term' ? `${first}–${last}` : first;
}

/** "Các năm 2022–2026", "6 tháng đầu năm qua các năm 2022–2026", "Các nhiệm kỳ 2020–2025, 2025–2030". */
export function describeChoice(choice: CompareChoice, periods: Period[]): string {
  const label = COMPARE_KIND_LABELS[choice.kind];
  if (choice.kind === 'term' || choice.kind === 'school_year') {
    const names = periods.map(shortPeriodName);
    if (names.length === 0) return label;
    return names.length <= 3
      ? `${label} ${names.join(', ')}`
      : `${label} ${names[0]} đến ${names[names.length - 1]}`;
  }
  return choice.from === choice.to ? `${label} ${choice.from}` : `${label} ${choice.from}–${choice.to}`;
}

/** The years the range pickers offer: the first year of the other pickers to next year, and any year asked. */
export function yearOptions(firstYear: number, thisYear: number, asked: number[]): number[] {
  const years = new Set<number>();
  for (let y = firstYear; y <= thisYear + 1; y++) years.add(y);
  for (const y of asked) years.add(y);
  return [...years].sort((a, b) => a - b);
}

/**
 * The note under a period that is not over: "Đang diễn ra" once it has begun, "Chưa bắt đầu"
 * before (a year ahead chosen in the range); none for a period that is over.
 */
export function periodNote(period: { start: string; open: boolean }, today: string): string | null {
  if (!period.open) return null;
  return period.start > today ? 'Chưa bắt đầu' : 'Đang diễn ra';
}
