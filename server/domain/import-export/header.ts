import {
  COLUMN_NAMES_VI,
  IMPORT_COLUMNS,
  IMPORT_HEADER,
  IMPORT_HEADER_VI,
  type ImportColumn,
} from '../../../shared/import-export';
import { clipQuote, foldVietnamese } from '../../../shared/text';
import { badRequest } from '../../lib/errors';

// The header row of an import: the eight columns in their order, named in English (what an
// export writes and other programs send) or in Vietnamese (what the template writes and a
// person types), each cell compared trimmed, in any case, in Unicode NFC. A header that is
// neither is refused as a whole with one sentence naming what is wrong with it: names of the
// two languages mixed, a column missing, one unknown, twice, or out of order.

/** A cell of the first row, as the header check reads it. */
type HeaderCell = string | number;

const VI_NAMES = IMPORT_COLUMNS.map((c) => COLUMN_NAMES_VI[c]);
const VI_FOLDED = VI_NAMES.map((n) => foldVietnamese(n));

const normal = (cell: HeaderCell) => String(cell).normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** The first row's cells as compared, trailing empty cells left out. */
export function headerCells(cells: HeaderCell[]): string[] {
  const out = cells.map(normal);
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

/** Which header the first row is: the English one, the Vietnamese one, or neither. */
export function headerLanguage(cells: HeaderCell[]): 'en' | 'vi' | null {
  const h = headerCells(cells).join(',');
  return h === IMPORT_HEADER ? 'en' : h === IMPORT_HEADER_VI ? 'vi' : null;
}

export const isHeader = (cells: HeaderCell[]) => headerLanguage(cells) !== null;

/** What the first line must be, in the words of a message. */
export const HEADER_SENTENCE = `dòng đầu tiên phải là ${IMPORT_HEADER_VI} (hoặc bằng tiếng Anh ${IMPORT_HEADER})`;

const quote = (s: string) => `"${clipQuote(s, 30)}"`;
const list = (names: string[]) => names.map(quote).join(', ');

/** A cell read as a column's name: exact in English or Vietnamese, or Vietnamese without its diacritics. */
type Read =
  | { lang: 'en' | 'vi'; column: ImportColumn; exact: true }
  | { lang: 'vi'; column: ImportColumn; exact: false }
  | null;

function readName(cell: string): Read {
  const en = (IMPORT_COLUMNS as readonly string[]).indexOf(cell);
  if (en >= 0) return { lang: 'en', column: IMPORT_COLUMNS[en]!, exact: true };
  const vi = VI_NAMES.indexOf(cell);
  if (vi >= 0) return { lang: 'vi', column: IMPORT_COLUMNS[vi]!, exact: true };
  const folded = VI_FOLDED.indexOf(foldVietnamese(cell.replace(/_/g, ' ')));
  if (folded >= 0) return { lang: 'vi', column: IMPORT_COLUMNS[folded]!, exact: false };
  return null;
}

/** The sentence refusing a first row that is not the header (400 invalid_header). */
export function wrongHeader(cells: HeaderCell[]) {
  return badRequest('invalid_header', wrongHeaderMessage(headerCells(cells)), 'file');
}

function wrongHeaderMessage(seen: string[]): string {
  if (seen.length === 0) return `Tệp thiếu dòng tiêu đề: ${HEADER_SENTENCE}.`;
  const line = seen.join(',');
  const wrote = `tệp này ghi "${line.length > 120 ? `${line.slice(0, 120)}…` : line}"`;
  const cells = seen.filter((c) => c !== '');
  const read = cells.map((c) => ({ cell: c, name: readName(c) }));
  const en = read.filter((r) => r.name?.lang === 'en').map((r) => r.cell);
  const vi = read.filter((r) => r.name?.lang === 'vi').map((r) => r.cell);

  if (en.length > 0 && vi.length > 0)
    return `Dòng tiêu đề của tệp trộn tên cột tiếng Việt (${list(vi)}) với tên cột tiếng Anh (${list(en)}): hãy ghi cả tám cột bằng một thứ tiếng, ${HEADER_SENTENCE}; ${wrote}.`;
  // Too little of it is a header to say what is missing: what it must be, and what it is.
  if (en.length + vi.length < IMPORT_COLUMNS.length / 2)
    return `Dòng tiêu đề của tệp sai: ${HEADER_SENTENCE}, ${wrote}.`;

  const lang = en.length > 0 ? 'en' : 'vi';
  const name = (c: ImportColumn) => (lang === 'en' ? c : COLUMN_NAMES_VI[c]);
  const found = new Map<ImportColumn, number>();
  const problems: string[] = [];
  const unknown: string[] = [];
  const spelled: string[] = [];
  for (const r of read) {
    if (!r.name) unknown.push(r.cell);
    else {
      found.set(r.name.column, (found.get(r.name.column) ?? 0) + 1);
      if (!r.name.exact) spelled.push(`${quote(r.cell)} phải ghi là ${quote(name(r.name.column))}`);
    }
  }
  const missing = IMPORT_COLUMNS.filter((c) => !found.has(c)).map(name);
  const twice = IMPORT_COLUMNS.filter((c) => (found.get(c) ?? 0) > 1).map(name);
  if (missing.length > 0) problems.push(`thiếu cột ${list(missing)}`);
  if (spelled.length > 0) problems.push(`tên cột viết thiếu dấu: ${spelled.join(', ')}`);
  if (unknown.length > 0) problems.push(`có cột không nhận ra ${list(unknown)}`);
  if (twice.length > 0) problems.push(`cột ${list(twice)} ghi hơn một lần`);
  if (problems.length === 0) problems.push('các cột không đúng thứ tự');
  const expected = lang === 'en' ? IMPORT_HEADER : IMPORT_HEADER_VI;
  return `Dòng tiêu đề của tệp sai (${problems.join('; ')}): dòng đầu tiên phải đúng là ${expected}, đủ tám cột theo thứ tự đó; ${wrote}.`;
}
