import { type Period, type PeriodKind, parsePeriod, periodsOfKind } from '../../../../shared/period';

export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = {
  year: 'Năm',
  half: '6 tháng',
  quarter: 'Quý',
  school_year: 'Năm học',
  term: 'Nhiệm kỳ',
};

export const PERIOD_KINDS = Object.keys(PERIOD_KIND_LABELS) as PeriodKind[];

/** The first year the pickers offer; data before it can still be opened by a link. */
export const FIRST_YEAR = 2018;

/** Periods of a kind from 2018 to next year, newest first: the recent ones are wanted most. */
export function periodOptions(kind: PeriodKind, thisYear: number): Period[] {
  return periodsOfKind(kind, FIRST_YEAR, thisYear + 1).reverse();
}

const contains = (p: Period, day: string) => p.start <= day && day <= p.end;

/**
 * The period of another kind to show when the kind changes: the one holding today while the
 * current period is running, else the one holding the start of the current period (from
 * "Năm 2021" to "6 tháng đầu năm 2021"), else the latest that has begun.
 */
export function periodForKind(
  kind: PeriodKind,
  currentCode: string,
  today: string,
  thisYear: number,
): string {
  const options = periodOptions(kind, thisYear);
  const current = parsePeriod(currentCode);
  const day = current && !contains(current, today) ? current.start : today;
  const found =
    options.find((p) => contains(p, day)) ??
    options.find((p) => p.start <= today) ??
    options[options.length - 1];
  return found?.code ?? String(thisYear);
}
