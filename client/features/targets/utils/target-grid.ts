import type { IndicatorDef } from '../../../../shared/indicator';
import { contains, type Period, parsePeriod, periodsOfKind } from '../../../../shared/period';
import type { BatchTargetItem, TargetDto } from '../../../../shared/schemas/values';
import { foldVietnamese } from '../../../../shared/text';
import { checkTarget, formFromStored, sameValue, storedValue } from '../../values/utils/value-form';
import { readRelative, relativeText, sameChange } from './relative-target';

// The targets grid apart from React: its columns, what each cell holds and whether it
// changed, how a block pasted from a spreadsheet lands, and what one press of "Lưu" sends.

/** The periods a year's targets are set for: the year, its halves, and the terms holding it. */
export function gridPeriods(year: number): Period[] {
  const y = String(year);
  return [y, `${y}-H1`, `${y}-H2`].map((c) => parsePeriod(c)!).concat(periodsOfKind('term', year, year));
}

export const cellKey = (code: string, period: string) => `${code}|${period}`;

/** How many of the cells (by cell key) fall in each period. */
export function countByPeriod(cells: readonly (readonly [string, unknown])[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key] of cells) {
    const period = key.slice(key.indexOf('|') + 1);
    out.set(period, (out.get(period) ?? 0) + 1);
  }
  return out;
}

/** A stored target as a person would type it ("1.500", "92,5", "Vững mạnh", "tăng 10%"). */
export function storedText(ind: IndicatorDef, target: TargetDto | null): string {
  if (target?.change) return relativeText(ind, target.change);
  return target ? formFromStored(ind, { target, result: null }).target : '';
}

/**
 * A level typed in a cell, read as the scale's own spelling: the same name with or without
 * diacritics and in any case, or the start of exactly one level ("vung manh tieu" is "Vững
 * mạnh tiêu biểu"). Anything else is left as typed, to be refused with the list of levels.
 */
export function matchLevel(levels: readonly string[], typed: string): string {
  const t = foldVietnamese(typed).replace(/\s+/g, ' ').trim();
  if (!t) return typed;
  const folded = levels.map((l) => foldVietnamese(l));
  const exact = folded.indexOf(t);
  if (exact >= 0) return levels[exact]!;
  const starting = folded.flatMap((f, i) => (f.startsWith(t) ? [i] : []));
  return starting.length === 1 ? levels[starting[0]!]! : typed;
}

export type CellState =
  | { kind: 'same' }
  | { kind: 'changed'; item: Omit<BatchTargetItem, 'unitId'> }
  | { kind: 'invalid'; message: string };

/**
 * What a cell's text means against what is stored: a value, or a change from last year
 * ("tăng 10%"). On a term, `eachYear` is whether the value is also each year's ("hằng năm");
 * undefined elsewhere.
 */
export function cellState(
  ind: IndicatorDef,
  period: string,
  text: string,
  stored: TargetDto | null,
  eachYear?: boolean,
): CellState {
  const typed = ind.kind === 'level' ? matchLevel(ind.levels ?? [], text) : text;
  const version = stored?.version ?? 0;
  if (typed.trim() === '') {
    return stored
      ? { kind: 'changed', item: { code: ind.code, period, remove: true, version } }
      : { kind: 'same' };
  }
  const relative = readRelative(ind, typed);
  if (relative && !relative.ok) return { kind: 'invalid', message: relative.message };
  if (relative?.ok) {
    if (eachYear)
      return {
        kind: 'invalid',
        message: 'Chỉ tiêu hằng năm của nhiệm kỳ cần một giá trị cụ thể, không theo mức tăng, giảm.',
      };
    if (stored?.change && sameChange(stored.change, relative.change)) return { kind: 'same' };
    return { kind: 'changed', item: { code: ind.code, period, change: relative.change, version } };
  }
  const check = checkTarget(ind, typed);
  if (check.kind === 'invalid') return { kind: 'invalid', message: check.message };
  if (check.kind === 'empty') return { kind: 'same' };
  const sameYearly = eachYear === undefined || eachYear === (stored?.eachYear ?? false);
  if (!stored?.change && sameYearly && sameValue(check.value, storedValue(ind, stored)))
    return { kind: 'same' };
  return {
    kind: 'changed',
    item: {
      code: ind.code,
      period,
      value: check.send.value,
      ...(eachYear !== undefined ? { eachYear } : {}),
      version,
    },
  };
}

/**
 * What a year's empty cell takes from the term holding it when the term's target is each
 * year's: the value and the term, for "theo nhiệm kỳ 2020–2025".
 */
export function inheritedTarget(
  ind: IndicatorDef,
  year: Period,
  terms: readonly Period[],
  textOf: (period: string) => string,
  eachYearOf: (period: string) => boolean,
): { text: string; term: Period } | null {
  if (year.kind !== 'year') return null;
  // A year in two terms takes the one it closes first, as the server does.
  const holding = terms
    .filter((t) => t.kind === 'term' && contains(t, year))
    .sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : 0));
  for (const term of holding) {
    const text = textOf(term.code).trim();
    if (text && eachYearOf(term.code) && !readRelative(ind, text)) return { text, term };
  }
  return null;
}

/** Rows of cells from a spreadsheet's clipboard: lines of tab-separated text. */
export function parseClipboardGrid(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => line.split('\t').map((c) => c.trim()));
}

/** Whether pasted text is a block of cells rather than one value. */
export const isBlock = (text: string) => /[\t\n]/.test(text.replace(/\r?\n$/, ''));

export interface PasteResult {
  /** Texts to put, by cell key. */
  writes: Map<string, string>;
  /** Cells of the block that fell outside the grid or on read-only cells. */
  skipped: number;
}

/**
 * Lays a pasted block over the grid from the cell (row, col) rightward and downward, as a
 * spreadsheet does. `writable(row, col)` says whether a cell takes input (a locked column
 * does not).
 */
export function pasteBlock(
  block: string[][],
  at: { row: number; col: number },
  rows: readonly string[],
  cols: readonly string[],
  writable: (row: number, col: number) => boolean,
): PasteResult {
  const writes = new Map<string, string>();
  let skipped = 0;
  block.forEach((line, i) => {
    line.forEach((value, j) => {
      const r = at.row + i;
      const c = at.col + j;
      if (r >= rows.length || c >= cols.length || !writable(r, c)) skipped++;
      else writes.set(cellKey(rows[r]!, cols[c]!), value);
    });
  });
  return { writes, skipped };
}

/** Whether a lock on `lockedPeriod` closes `period` (the same period, or one inside it). */
export function lockCloses(lockedPeriod: string, period: string): boolean {
  const locked = parsePeriod(lockedPeriod);
  const p = parsePeriod(period);
  return !!locked && !!p && (locked.code === p.code || contains(locked, p));
}
