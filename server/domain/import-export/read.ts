import Papa from 'papaparse';
import { type ImportProblem, MAX_IMPORT_CELLS } from '../../../shared/import-export';
import { clipQuote } from '../../../shared/text';
import { badRequest } from '../../lib/errors';
import {
  type Cell,
  type FileRow,
  HEADER_SENTENCE,
  Interned,
  isBlank,
  isHeader,
  ReadBudget,
  type ReadFile,
  tooManyCells,
  wrongHeader,
} from './sheet';
import { readXlsx } from './xlsx';

export type { Cell, FileRow, ReadFile };

// Reading an uploaded file into rows of cells, numbered as a spreadsheet shows them (the
// header is row 1). A file that is not a CSV or an XLSX, or whose header is not the import
// layout, is refused as a whole with one sentence; a row that cannot be read (an unclosed
// quote) becomes a problem of that row, reported with the others. Both readers count rows and
// cells as they go and stop at the import's limits (shared/import-export.ts), so that what a
// file costs is bounded whatever it holds.

const startsWith = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);

/**
 * The file's rows, from the pieces it was uploaded in. The pieces of a CSV are let go as they
 * are decoded (the array is emptied), so that the file is not held twice.
 */
export async function readImportFile(chunks: Uint8Array[], fileName: string): Promise<ReadFile> {
  const size = chunks.reduce((n, c) => n + c.length, 0);
  if (size === 0) throw badRequest('empty_file', 'Tệp gửi lên không có nội dung.', 'file');
  const head = Buffer.concat(chunks.slice(0, 4)).subarray(0, 4);
  const budget = new ReadBudget();
  if (startsWith(head, 0x50, 0x4b, 0x03, 0x04)) {
    const zip = Buffer.concat(chunks);
    // The pieces are in the zip now: let them go.
    chunks.length = 0;
    return readXlsx(zip, budget);
  }
  if (startsWith(head, 0xd0, 0xcf, 0x11, 0xe0))
    throw badRequest(
      'unsupported_file',
      'Tệp Excel 97–2003 (.xls) chưa được hỗ trợ; hãy mở bằng Excel và lưu lại dưới dạng .xlsx hoặc CSV UTF-8.',
      'file',
    );
  // A UTF-8 file's cells are counted on its bytes, before it is decoded: separators and line
  // breaks are single bytes there, never part of another character.
  const utf16 = startsWith(head, 0xff, 0xfe) || startsWith(head, 0xfe, 0xff);
  const delimiter = utf16 ? null : delimiterOf(firstLineOf(chunks));
  if (delimiter) countCellBytes(chunks, delimiter);
  return readCsv(decodeText(chunks, head, fileName), budget, delimiter !== null);
}

/** The first line, from the first 64 KB: a header longer than that is wrong anyway. */
function firstLineOf(chunks: Uint8Array[]): string {
  const start = new TextDecoder().decode(Buffer.concat(chunks.slice(0, 64)).subarray(0, 64 * 1024));
  return start.slice(0, start.search(/\r?\n|$/));
}

function countCellBytes(chunks: Uint8Array[], delimiter: string) {
  let cells = 0;
  for (const chunk of chunks) {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    for (const mark of [delimiter.charCodeAt(0), 0x0a, 0x0d])
      for (let at = bytes.indexOf(mark); at !== -1; at = bytes.indexOf(mark, at + 1))
        if (++cells > MAX_IMPORT_CELLS) throw tooManyCells();
  }
}

function notSpreadsheet(fileName: string) {
  const named = fileName ? `"${clipQuote(fileName, 60)}" ` : '';
  return badRequest(
    'unsupported_file',
    `Tệp ${named}không phải CSV hay XLSX; hãy gửi tệp .csv (UTF-8) hoặc .xlsx có ${HEADER_SENTENCE}.`,
    'file',
  );
}

function decodeText(chunks: Uint8Array[], head: Uint8Array, fileName: string): string {
  const encoding = startsWith(head, 0xff, 0xfe)
    ? 'utf-16le'
    : startsWith(head, 0xfe, 0xff)
      ? 'utf-16be'
      : 'utf-8';
  // Each decoder drops the byte order mark of its own encoding.
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  const parts: string[] = [];
  try {
    for (let i = 0; i < chunks.length; i++) {
      parts.push(decoder.decode(chunks[i], { stream: true }));
      chunks[i] = EMPTY;
    }
    parts.push(decoder.decode());
  } catch {
    if (/\.(csv|txt)$/i.test(fileName))
      throw badRequest(
        'invalid_encoding',
        'Tệp CSV không được lưu bằng bảng mã UTF-8 nên chữ có dấu sẽ sai; trong Excel hãy chọn "Lưu thành" kiểu "CSV UTF-8 (Comma delimited)".',
        'file',
      );
    throw notSpreadsheet(fileName);
  }
  const text = parts.join('');
  if (text.includes('\u0000')) throw notSpreadsheet(fileName);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const EMPTY = new Uint8Array(0);

// Excel saves CSV with the list separator of the computer's region, which is ";" where the
// decimal mark is a comma, and "Unicode text" with tabs: the header says which one it is.
function delimiterOf(firstLine: string): string | null {
  for (const d of [',', ';', '\t']) {
    const cells = firstLine.split(d).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
    if (isHeader(cells)) return d;
  }
  return null;
}

const UNCLOSED_QUOTE =
  'Dòng có dấu ngoặc kép (") chưa đóng hoặc đặt sai chỗ; ô chứa dấu phẩy hay xuống dòng phải nằm trọn trong một cặp ngoặc kép, dấu ngoặc kép bên trong viết thành hai dấu ("").';

/**
 * Every separator and line break of the text, up to the limit: an upper bound of the cells a
 * parser would make of it, known before papaparse gathers a row (a line of 20 MB of commas
 * would be one row of 20 million cells).
 */
function countCells(text: string, delimiter: string) {
  let cells = 0;
  for (const mark of [delimiter, '\n', '\r']) {
    for (let at = text.indexOf(mark); at !== -1; at = text.indexOf(mark, at + 1))
      if (++cells > MAX_IMPORT_CELLS) throw tooManyCells();
  }
}

function readCsv(text: string, budget: ReadBudget, counted: boolean): Promise<ReadFile> {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = delimiterOf(firstLine);
  if (!delimiter) throw wrongHeader(Papa.parse<string[]>(firstLine).data[0] ?? []);
  if (!counted) countCells(text, delimiter);
  return new Promise((resolve, reject) => {
    const rows: FileRow[] = [];
    const problems: ImportProblem[] = [];
    let index = -1;
    let refused = false;
    const shared = new Interned();
    Papa.parse<string[]>(text, {
      delimiter,
      skipEmptyLines: false,
      // Row by row, never the whole file as rows: a file past the row limit stops there.
      step: (result, parser) => {
        index++;
        if (index === 0 || refused) return;
        if (result.errors.some((e) => e.type === 'Quotes'))
          problems.push({ row: index + 1, column: null, message: UNCLOSED_QUOTE });
        else if (!result.data.every(isBlank)) {
          try {
            budget.dataRow();
          } catch (e) {
            refused = true;
            parser.abort();
            reject(e);
            return;
          }
          rows.push({ row: index + 1, cells: result.data.map((cell) => shared.of(cell)) });
        }
        // Other requests are served between every few thousand rows.
        if (index % 5000 === 0) {
          parser.pause();
          setImmediate(() => parser.resume());
        }
      },
      complete: () => {
        if (!refused) resolve({ format: 'csv', rows, problems });
      },
    });
  });
}
