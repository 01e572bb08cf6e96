import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { formatDate } from '../../../shared/format';
import {
  IMPORT_COLUMNS,
  IMPORT_HEADER,
  type ImportProblem,
  percentCellText,
} from '../../../shared/import-export';
import { clipQuote } from '../../../shared/text';
import { badRequest } from '../../lib/errors';
import { excel } from '../../lib/excel';

// Reading an uploaded file into rows of cells, numbered as a spreadsheet shows them (the
// header is row 1). A file that is not a CSV or an XLSX, or whose header is not the import
// layout, is refused as a whole with one sentence; a row that cannot be read (an unclosed
// quote) becomes a problem of that row, reported with the others.

/** A text cell as typed, or a number cell of a spreadsheet; '' when empty. */
export type Cell = string | number;

export interface FileRow {
  row: number;
  cells: Cell[];
}

export interface ReadFile {
  format: 'csv' | 'xlsx';
  rows: FileRow[];
  problems: ImportProblem[];
}

const HEADER_SENTENCE = `dòng đầu tiên phải đúng là ${IMPORT_HEADER}`;

const startsWith = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);

export async function readImportFile(bytes: Uint8Array, fileName: string): Promise<ReadFile> {
  if (bytes.length === 0) throw badRequest('empty_file', 'Tệp gửi lên không có nội dung.', 'file');
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return readXlsx(bytes);
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0))
    throw badRequest(
      'unsupported_file',
      'Tệp Excel 97–2003 (.xls) chưa được hỗ trợ; hãy mở bằng Excel và lưu lại dưới dạng .xlsx hoặc CSV UTF-8.',
      'file',
    );
  return readCsv(decodeText(bytes, fileName));
}

function notSpreadsheet(fileName: string) {
  const named = fileName ? `"${clipQuote(fileName, 60)}" ` : '';
  return badRequest(
    'unsupported_file',
    `Tệp ${named}không phải CSV hay XLSX; hãy gửi tệp .csv (UTF-8) hoặc .xlsx có ${HEADER_SENTENCE}.`,
    'file',
  );
}

function decodeText(bytes: Uint8Array, fileName: string): string {
  let text: string;
  if (startsWith(bytes, 0xff, 0xfe)) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (startsWith(bytes, 0xfe, 0xff)) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      if (/\.(csv|txt)$/i.test(fileName))
        throw badRequest(
          'invalid_encoding',
          'Tệp CSV không được lưu bằng bảng mã UTF-8 nên chữ có dấu sẽ sai; trong Excel hãy chọn "Lưu thành" kiểu "CSV UTF-8 (Comma delimited)".',
          'file',
        );
      throw notSpreadsheet(fileName);
    }
  }
  if (text.includes('\u0000')) throw notSpreadsheet(fileName);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const headerCells = (cells: Cell[]) => {
  const out = cells.map((c) => String(c).trim().toLowerCase());
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
};

const isHeader = (cells: Cell[]) => headerCells(cells).join(',') === IMPORT_HEADER;

function wrongHeader(cells: Cell[]) {
  const seen = headerCells(cells).join(',');
  const shown = seen.length > 120 ? `${seen.slice(0, 120)}…` : seen;
  return badRequest(
    'invalid_header',
    seen === ''
      ? `Tệp thiếu dòng tiêu đề: ${HEADER_SENTENCE}.`
      : `Dòng tiêu đề của tệp sai: ${HEADER_SENTENCE}, tệp này ghi "${shown}".`,
    'file',
  );
}

// Excel saves CSV with the list separator of the computer's region, which is ";" where the
// decimal mark is a comma, and "Unicode text" with tabs: the header says which one it is.
function delimiterOf(firstLine: string): string | null {
  for (const d of [',', ';', '\t']) {
    const cells = firstLine.split(d).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
    if (isHeader(cells)) return d;
  }
  return null;
}

function readCsv(text: string): ReadFile {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = delimiterOf(firstLine);
  if (!delimiter) throw wrongHeader(Papa.parse<string[]>(firstLine).data[0] ?? []);
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const problems: ImportProblem[] = [];
  const unreadable = new Set<number>();
  for (const e of parsed.errors) {
    if (e.row === undefined || e.type !== 'Quotes' || unreadable.has(e.row)) continue;
    unreadable.add(e.row);
    problems.push({
      row: e.row + 1,
      column: null,
      message:
        'Dòng có dấu ngoặc kép (") chưa đóng hoặc đặt sai chỗ; ô chứa dấu phẩy hay xuống dòng phải nằm trọn trong một cặp ngoặc kép, dấu ngoặc kép bên trong viết thành hai dấu ("").',
    });
  }
  const rows: FileRow[] = [];
  parsed.data.forEach((cells, i) => {
    if (i === 0 || unreadable.has(i)) return;
    rows.push({ row: i + 1, cells });
  });
  return { format: 'csv', rows, problems };
}

async function readXlsx(bytes: Uint8Array): Promise<ReadFile> {
  const workbook = new (await excel()).Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw badRequest(
      'unsupported_file',
      'Không đọc được tệp như một bảng tính XLSX; hãy mở bằng Excel và lưu lại dưới dạng .xlsx hoặc CSV UTF-8.',
      'file',
    );
  }
  const sheets = workbook.worksheets;
  const first = (sheet: ExcelJS.Worksheet) => rowCells(sheet.getRow(1));
  // The template puts its instructions on a sheet of their own: read the one with the header.
  const sheet = sheets.find((s) => isHeader(first(s)));
  if (!sheet) throw wrongHeader(sheets[0] ? first(sheets[0]) : []);
  const rows: FileRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber > 1) rows.push({ row: rowNumber, cells: rowCells(row) });
  });
  return { format: 'xlsx', rows, problems: [] };
}

function rowCells(row: ExcelJS.Row): Cell[] {
  const out: Cell[] = [];
  const count = Math.max(row.cellCount, IMPORT_COLUMNS.length);
  for (let i = 1; i <= count; i++) out.push(cellValue(row.getCell(i)));
  return out;
}

function cellValue(cell: ExcelJS.Cell): Cell {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return cell.numFmt?.includes('%') ? percentCellText(v) : v;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return formatDate(v.toISOString().slice(0, 10));
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) return '';
    if (typeof result === 'object' && 'error' in result) return String(result.error);
    if (result instanceof Date) return formatDate(result.toISOString().slice(0, 10));
    if (typeof result === 'number') return cell.numFmt?.includes('%') ? percentCellText(result) : result;
    return String(result);
  }
  if ('error' in v) return String(v.error);
  if ('text' in v) return String(v.text);
  return String(cell.text ?? '');
}
