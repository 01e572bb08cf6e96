import { posix } from 'node:path';
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { formatDate, formatNumber } from '../../../shared/format';
import {
  IMPORT_COLUMNS,
  MAX_XLSX_ENTRIES,
  MAX_XLSX_PART_BYTES,
  MAX_XLSX_SHARED_STRINGS_BYTES,
  MAX_XLSX_TEXT_CHARS,
  MAX_XLSX_UNPACKED_BYTES,
  percentCellText,
} from '../../../shared/import-export';
import { clipQuote } from '../../../shared/text';
import { sizeText } from '../../lib/body-limits';
import { AppError, badRequest } from '../../lib/errors';
import { excel } from '../../lib/excel';
import { unpack, type ZipEntry, ZipError, zipEntries } from '../../lib/zip';
import {
  type Cell,
  type FileRow,
  Interned,
  isBlank,
  isHeader,
  limitRefusal,
  type ReadBudget,
  type ReadFile,
  wrongHeader,
} from './sheet';

// Reading an uploaded workbook without ever holding what it unpacks to (issue 12, hole 5:
// exceljs's whole-workbook load turned 3,8 MB into 1 GB). In two passes over the zip, which
// stays packed in memory (lib/zip.ts):
//
// 1. Count: every part the reader will read is unpacked, counted and dropped; past
//    MAX_XLSX_UNPACKED_BYTES in all, or past its own limit for a part held in memory, the file
//    is refused before anything is parsed. A zip bomb costs the time it takes zlib to unpack
//    the limit, and no memory.
// 2. Read: exceljs's streaming reader parses the parts one at a time, as they unpack: the
//    links and list of sheets, the styles and shared strings (held), then the sheets in the
//    workbook's order, row by row, counting rows and cells against the import's limits and
//    stopping at the first sheet whose first row is the import header.
//
// exceljs's WorkbookReader reads the parts in the order the zip stores them, and Excel and
// exceljs store the sheets before the shared strings: it then copies each sheet to a file in
// the temporary folder first, which a refusal halfway would leave behind. Its methods for one
// part each are driven here instead, in the order the parts are needed (PartReader below).
// It also decodes every piece of XML on its own, which breaks a character of several bytes cut
// between two pieces: the pieces are decoded here, as one text, before they reach it.

const RELS = 'xl/_rels/workbook.xml.rels';
const WORKBOOK = 'xl/workbook.xml';
const STYLES = 'xl/styles.xml';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const SHEET = /^xl\/worksheets\/[^/]+\.xml$/;

/** The parts read, besides the sheets, and what each may unpack to on its own. */
const HELD: Record<string, number> = {
  [RELS]: MAX_XLSX_PART_BYTES,
  [WORKBOOK]: MAX_XLSX_PART_BYTES,
  [STYLES]: MAX_XLSX_PART_BYTES,
  [SHARED_STRINGS]: MAX_XLSX_SHARED_STRINGS_BYTES,
};

/** What this file uses of exceljs's stream.xlsx.WorkbookReader: one method per part, and what they fill in. */
interface PartReader {
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { rId: string }[] };
  sharedStrings?: unknown[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseWorksheet(
    pieces: AsyncIterable<string>,
    sheetNo: string,
  ): Iterable<{ value: AsyncIterable<ExcelJS.Row> }>;
}

const READER_OPTIONS = {
  sharedStrings: 'cache',
  styles: 'cache',
  worksheets: 'emit',
  hyperlinks: 'ignore',
  entries: 'ignore',
} as const;

const notXlsx = () =>
  badRequest(
    'unsupported_file',
    'Không đọc được tệp như một bảng tính XLSX; hãy mở bằng Excel và lưu lại dưới dạng .xlsx hoặc CSV UTF-8.',
    'file',
  );

const unpackedTooLarge = () =>
  limitRefusal(
    'file_too_large_unpacked',
    `Tệp XLSX giải nén ra hơn ${sizeText(MAX_XLSX_UNPACKED_BYTES)}; mỗi lần nhập nhiều nhất ${sizeText(MAX_XLSX_UNPACKED_BYTES)} sau khi giải nén, hãy chia thành nhiều tệp.`,
  );

const partTooLarge = (name: string) =>
  name === SHARED_STRINGS
    ? limitRefusal(
        'shared_strings_too_large',
        `Phần chữ dùng chung (sharedStrings) của tệp XLSX giải nén ra hơn ${sizeText(MAX_XLSX_SHARED_STRINGS_BYTES)}; mỗi lần nhập nhiều nhất ${sizeText(MAX_XLSX_SHARED_STRINGS_BYTES)}, hãy chia thành nhiều tệp.`,
      )
    : limitRefusal(
        'file_too_large_unpacked',
        `Phần "${clipQuote(name, 60)}" của tệp XLSX giải nén ra hơn ${sizeText(MAX_XLSX_PART_BYTES)}, nhiều nhất là ${sizeText(MAX_XLSX_PART_BYTES)}; hãy chép số liệu sang một bảng tính mới rồi lưu lại.`,
      );

const tooManyEntries = () =>
  limitRefusal(
    'too_many_entries',
    `Tệp XLSX có hơn ${formatNumber(MAX_XLSX_ENTRIES)} phần bên trong, nhiều nhất là ${formatNumber(MAX_XLSX_ENTRIES)}; hãy chép số liệu sang một bảng tính mới rồi lưu lại.`,
  );

const textTooLong = () =>
  limitRefusal(
    'cell_too_large',
    `Tệp XLSX có một ô hoặc một thẻ dài hơn ${formatNumber(MAX_XLSX_TEXT_CHARS)} ký tự, nhiều nhất là ${formatNumber(MAX_XLSX_TEXT_CHARS)}; hãy xóa nội dung thừa rồi lưu lại.`,
  );

export async function readXlsx(bytes: Uint8Array, budget: ReadBudget): Promise<ReadFile> {
  let entries: ZipEntry[];
  try {
    entries = zipEntries(bytes, MAX_XLSX_ENTRIES);
  } catch (e) {
    throw e instanceof ZipError && e.reason === 'too_many_entries' ? tooManyEntries() : notXlsx();
  }
  const parts = new Map(entries.filter((e) => e.name in HELD || SHEET.test(e.name)).map((e) => [e.name, e]));
  await countUnpacked([...parts.values()]);
  try {
    return await readParts(parts, budget);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw notXlsx();
  }
}

/** Pass 1: unpacks every part that will be read, keeping nothing, and refuses past a limit. */
async function countUnpacked(parts: ZipEntry[]) {
  let total = 0;
  for (const part of parts) {
    const own = HELD[part.name];
    let size = 0;
    const stream = unpack(part);
    try {
      for await (const piece of stream as AsyncIterable<Uint8Array>) {
        size += piece.length;
        total += piece.length;
        if (total > MAX_XLSX_UNPACKED_BYTES) throw unpackedTooLarge();
        if (own !== undefined && size > own) throw partTooLarge(part.name);
      }
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw notXlsx();
    } finally {
      stream.destroy();
    }
  }
}

/**
 * A part's XML as text, in pieces as it unpacks. A cell's text or a tag longer than
 * MAX_XLSX_TEXT_CHARS is refused before exceljs would gather it in one string.
 */
async function* xmlPieces(part: ZipEntry): AsyncGenerator<string> {
  const stream = unpack(part);
  const decoder = new TextDecoder('utf-8');
  let run = 0;
  const take = (text: string) => {
    let from = 0;
    for (let at = text.indexOf('<'); at !== -1; at = text.indexOf('<', from)) {
      if (run + at - from > MAX_XLSX_TEXT_CHARS) throw textTooLong();
      run = 0;
      from = at + 1;
    }
    run += text.length - from;
    if (run > MAX_XLSX_TEXT_CHARS) throw textTooLong();
    return text;
  };
  try {
    for await (const piece of stream as AsyncIterable<Uint8Array>)
      yield take(decoder.decode(piece, { stream: true }));
    const rest = decoder.decode();
    if (rest) yield take(rest);
  } finally {
    stream.destroy();
  }
}

/** Runs one of exceljs's part readers on a part, and stops unpacking it whatever happens. */
async function parsePart(part: ZipEntry | undefined, parse: (xml: Readable) => Promise<unknown>) {
  if (!part) return;
  const xml = Readable.from(xmlPieces(part));
  try {
    await parse(xml);
  } finally {
    xml.destroy();
  }
}

/** Pass 2. */
async function readParts(parts: Map<string, ZipEntry>, budget: ReadBudget): Promise<ReadFile> {
  if (!parts.has(RELS) || !parts.has(WORKBOOK)) throw notXlsx();
  const { stream } = await excel();
  const reader = new stream.xlsx.WorkbookReader(Readable.from([]), READER_OPTIONS) as unknown as PartReader;
  await parsePart(parts.get(RELS), (xml) => reader._parseRels(xml));
  await parsePart(parts.get(WORKBOOK), (xml) => reader._parseWorkbook(xml));
  await parsePart(parts.get(STYLES), (xml) => reader._parseStyles(xml));
  reader.sharedStrings = [];
  await parsePart(parts.get(SHARED_STRINGS), async (xml) => {
    for await (const _ of reader._parseSharedStrings(xml));
  });

  // The template puts its instructions on a sheet of their own: read the one with the header.
  let firstHeader: Cell[] | null = null;
  for (const [i, part] of sheetsInOrder(reader, parts).entries()) {
    const sheet = await readSheet(reader, part, String(i + 1), budget);
    if (sheet.rows) return { format: 'xlsx', rows: sheet.rows, problems: [] };
    firstHeader ??= sheet.header;
  }
  throw wrongHeader(firstHeader ?? []);
}

/** The worksheets as the workbook lists them (its tabs); in the zip's order if it lists none. */
function sheetsInOrder(reader: PartReader, parts: Map<string, ZipEntry>): ZipEntry[] {
  const out: ZipEntry[] = [];
  for (const s of reader.model?.sheets ?? []) {
    const target = reader.workbookRels?.find((r) => r.Id === s.rId)?.Target;
    if (!target) continue;
    const path = target.startsWith('/') ? target.slice(1) : posix.normalize(`xl/${target}`);
    const part = parts.get(path);
    if (part && SHEET.test(path) && !out.includes(part)) out.push(part);
  }
  if (out.length === 0) for (const part of parts.values()) if (SHEET.test(part.name)) out.push(part);
  return out;
}

/**
 * The rows of a sheet whose first row is the import header; otherwise that first row, for the
 * refusal, after reading no further.
 */
async function readSheet(
  reader: PartReader,
  part: ZipEntry,
  sheetNo: string,
  budget: ReadBudget,
): Promise<{ rows: FileRow[]; header?: undefined } | { rows?: undefined; header: Cell[] }> {
  const [emitted] = [...reader._parseWorksheet(xmlPieces(part), sheetNo)];
  if (!emitted) return { header: [] };
  let rows: FileRow[] | null = null;
  const shared = new Interned();
  for await (const row of emitted.value) {
    if (!Number.isSafeInteger(row.number) || row.number < 1) throw notXlsx();
    const { cells, width } = rowCells(row, shared);
    if (rows === null) {
      const first = row.number === 1 ? cells : [];
      if (!isHeader(first)) return { header: first };
      rows = [];
      continue;
    }
    const blank = width === 0;
    budget.row(width, blank);
    if (!blank && row.number > 1) rows.push({ row: row.number, cells });
  }
  return rows ? { rows } : { header: [] };
}

/** The row's cells from column A to its last filled one (at least the eight of the layout), and that width. */
function rowCells(row: ExcelJS.Row, shared = new Interned()): { cells: Cell[]; width: number } {
  const values = new Map<number, Cell>();
  let width = 0;
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    const value = shared.of(cellValue(cell));
    values.set(col, value);
    if (!isBlank(value)) width = Math.max(width, col);
  });
  const cells: Cell[] = [];
  for (let col = 1; col <= Math.max(width, IMPORT_COLUMNS.length); col++) cells.push(values.get(col) ?? '');
  return { cells, width };
}

function cellValue(cell: ExcelJS.Cell): Cell {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return cell.numFmt?.includes('%') ? percentCellText(v) : v;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return formatDate(v.toISOString().slice(0, 10));
  if ('richText' in v) return v.richText.map((r) => r.text ?? '').join('');
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) return '';
    if (typeof result === 'object' && 'error' in result) return String(result.error);
    if (result instanceof Date) return formatDate(result.toISOString().slice(0, 10));
    // The streaming reader keeps a formula's result as a number unless it is text: an error
    // such as #DIV/0! arrives as NaN, its text lost.
    if (typeof result === 'number' && !Number.isFinite(result)) return '#LỖI';
    if (typeof result === 'number') return cell.numFmt?.includes('%') ? percentCellText(result) : result;
    return String(result);
  }
  if ('error' in v) return String(v.error);
  if ('text' in v) return String(v.text);
  return String(cell.text ?? '');
}
