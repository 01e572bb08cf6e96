import type { Status } from '../../../../shared/judgement';
import type { CompareUnitsDto } from '../../../../shared/schemas/compare';

// The scorecard's order: which unit comes first when a column is sorted. Pure, so that the
// rules below are tested on their own (scorecard.test.ts).

export type CompareRow = CompareUnitsDto['rows'][number];
export type CompareCell = CompareRow['cells'][number];
export type CompareIndicator = CompareUnitsDto['indicators'][number];

export type SortDir = 'asc' | 'desc';
/** 'name', 'summary' or an indicator's code (codes are upper case, so they never collide). */
export interface SortState {
  key: string;
  dir: SortDir;
}

export const NAME_KEY = 'name';
export const SUMMARY_KEY = 'summary';

/**
 * Ascending is the worst news first, the order a committee reads a scorecard in: missed,
 * not yet met, no result, met, exceeded. A cell without a target cannot be judged, so it
 * stays last whichever way the column is sorted, as blank cells do in a spreadsheet.
 */
export const STATUS_WORST_FIRST: readonly Status[] = [
  'missed',
  'not_yet',
  'no_data',
  'met',
  'exceeded',
  'no_target',
];

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** The cell of one indicator in a row; a unit the server left without one holds no target. */
export function cellOf(row: CompareRow, code: string): CompareCell {
  return (
    row.cells.find((c) => c.code === code) ?? {
      code,
      target: null,
      result: null,
      status: 'no_target',
      achievement: null,
    }
  );
}

/**
 * How good a result is, as a number that grows with merit: the value itself, the position
 * on the scale for a level, negated where less is better. Null without a result.
 */
export function resultMerit(indicator: CompareIndicator, result: CompareCell['result']): number | null {
  if (!result) return null;
  let merit: number | null;
  if (indicator.kind === 'level') {
    const at = (indicator.levels ?? []).indexOf(String(result.value));
    merit = at === -1 ? null : at;
  } else {
    merit = typeof result.value === 'number' ? result.value : null;
  }
  if (merit === null) return null;
  return indicator.direction === 'lower' ? -merit : merit;
}

/** "N/M đạt và vượt": met or exceeded among the cells that have a target. */
export function unitSummary(row: CompareRow): { achieved: number; withTarget: number } {
  let achieved = 0;
  let withTarget = 0;
  for (const cell of row.cells) {
    if (cell.status === 'no_target') continue;
    withTarget++;
    if (cell.status === 'met' || cell.status === 'exceeded') achieved++;
  }
  return { achieved, withTarget };
}

/** Lexicographic comparison of two keys of the same shape; a missing number counts as worse. */
function compareKeys(a: (number | null)[], b: (number | null)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === y) continue;
    if (x === null) return -1;
    if (y === null) return 1;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** The key of a cell in the column's worst-first order: status, then achievement, then result. */
function cellKey(indicator: CompareIndicator, cell: CompareCell): (number | null)[] {
  return [STATUS_WORST_FIRST.indexOf(cell.status), cell.achievement, resultMerit(indicator, cell.result)];
}

/**
 * The rows in the order asked. Equal keys keep the server's order (the organisation tree's),
 * in both directions, so a second click only turns the ranking round.
 */
export function sortRows(
  rows: readonly CompareRow[],
  indicators: readonly CompareIndicator[],
  sort: SortState | null,
): CompareRow[] {
  const list = [...rows];
  if (!sort) return list;
  const sign = sort.dir === 'asc' ? 1 : -1;

  if (sort.key === NAME_KEY) {
    return list.sort((a, b) => sign * collator.compare(a.unit.name, b.unit.name));
  }

  if (sort.key === SUMMARY_KEY) {
    const summaries = new Map(list.map((r) => [r, unitSummary(r)]));
    return list.sort((a, b) => {
      const x = summaries.get(a)!;
      const y = summaries.get(b)!;
      // A unit without any target has no share: last either way.
      if (x.withTarget === 0 || y.withTarget === 0)
        return (x.withTarget === 0 ? 1 : 0) - (y.withTarget === 0 ? 1 : 0);
      // Shares compared as fractions, exactly: x.achieved/x.withTarget against y's.
      const byShare = x.achieved * y.withTarget - y.achieved * x.withTarget;
      return sign * (byShare || x.achieved - y.achieved);
    });
  }

  const indicator = indicators.find((i) => i.code === sort.key);
  if (!indicator) return list;
  return list.sort((a, b) => {
    const x = cellOf(a, indicator.code);
    const y = cellOf(b, indicator.code);
    const xBlank = x.status === 'no_target';
    const yBlank = y.status === 'no_target';
    if (xBlank !== yBlank) return xBlank ? 1 : -1;
    return sign * compareKeys(cellKey(indicator, x), cellKey(indicator, y));
  });
}

/**
 * The sort named in the address, if it names a column of this scorecard; anything else is
 * the server's order.
 */
export function readSort(
  params: { sort?: string | undefined; dir?: string | undefined },
  indicators: readonly CompareIndicator[],
): SortState | null {
  const key = params.sort;
  if (!key) return null;
  const known = key === NAME_KEY || key === SUMMARY_KEY || indicators.some((i) => i.code === key);
  if (!known) return null;
  return { key, dir: params.dir === 'desc' ? 'desc' : 'asc' };
}

/** A click on a column: the same column turns round, another starts at its first direction. */
export function nextSort(current: SortState | null, key: string): SortState {
  if (current?.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: 'asc' };
}

/** What the order is, in words, for the line above the table and for screen readers. */
export function describeSort(sort: SortState, indicators: readonly CompareIndicator[]): string {
  if (sort.key === NAME_KEY) {
    return sort.dir === 'asc' ? 'theo tên đơn vị, từ A đến Z' : 'theo tên đơn vị, từ Z đến A';
  }
  const worst = sort.dir === 'asc';
  if (sort.key === SUMMARY_KEY) {
    return `theo tỷ lệ chỉ tiêu đạt và vượt, ${worst ? 'thấp nhất' : 'cao nhất'} trước`;
  }
  const name = indicators.find((i) => i.code === sort.key)?.name ?? sort.key;
  return `theo “${name}”, ${worst ? 'kém nhất' : 'tốt nhất'} trước`;
}
