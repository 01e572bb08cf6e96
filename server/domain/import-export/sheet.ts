import { formatNumber } from '../../../shared/format';
import {
  IMPORT_COLUMNS,
  type ImportProblem,
  MAX_IMPORT_CELLS,
  MAX_IMPORT_ROWS,
} from '../../../shared/import-export';
import { AppError } from '../../lib/errors';

// What the CSV and the XLSX readers share: the rows they give, the header they look for (header.ts), and
// the limits they count against while reading (shared/import-export.ts).

/** A text cell as typed, or a number cell of a spreadsheet; '' when empty. */
export type Cell = string | number;

export interface FileRow {
  row: number;
  cells: Cell[];
}

export interface ReadFile {
  format: 'csv' | 'xlsx';
  /** The rows below the header that hold something; blank rows are left out. */
  rows: FileRow[];
  problems: ImportProblem[];
}

/** As the row checks see it: nothing, or only spaces. */
export const isBlank = (cell: Cell | undefined) =>
  cell === undefined || (typeof cell === 'string' && cell.trim() === '');

export { HEADER_SENTENCE, isHeader, wrongHeader } from './header';

/**
 * One string for each short text met again: a sheet repeats its units, codes, periods and
 * types on every row, and a parser makes a new string of each cell.
 */
export class Interned {
  private readonly seen = new Map<string, string>();

  of<T extends Cell>(value: T): T {
    if (typeof value !== 'string' || value.length > 200) return value;
    const known = this.seen.get(value);
    if (known !== undefined) return known as T;
    if (this.seen.size < 50_000) this.seen.set(value, value);
    return value;
  }
}

/** A file past one of the import's limits: 413, on the file. */
export const limitRefusal = (code: string, message: string) => new AppError(413, code, message, 'file');

export const tooManyRows = () =>
  limitRefusal(
    'too_many_rows',
    `Tệp có hơn ${formatNumber(MAX_IMPORT_ROWS)} dòng số liệu; mỗi lần nhập nhiều nhất ${formatNumber(MAX_IMPORT_ROWS)} dòng, hãy chia thành nhiều tệp.`,
  );

export const tooManyCells = () =>
  limitRefusal(
    'too_many_cells',
    `Tệp có hơn ${formatNumber(MAX_IMPORT_CELLS)} ô (mỗi dòng tính ít nhất ${IMPORT_COLUMNS.length} ô, kể cả dòng trống); mỗi lần nhập nhiều nhất ${formatNumber(MAX_IMPORT_CELLS)} ô, hãy xóa các cột và dòng thừa hoặc chia thành nhiều tệp.`,
  );

/** Counts what a reader has read against the limits; throws the refusal past one. */
export class ReadBudget {
  private rows = 0;
  private cells = 0;

  /** A row read, blank or not, reaching `width` cells. */
  row(width: number, blank: boolean) {
    this.cells += Math.max(width, IMPORT_COLUMNS.length);
    if (this.cells > MAX_IMPORT_CELLS) throw tooManyCells();
    if (!blank) this.dataRow();
  }

  /** A row that holds something, its cells counted otherwise. */
  dataRow() {
    if (++this.rows > MAX_IMPORT_ROWS) throw tooManyRows();
  }
}
