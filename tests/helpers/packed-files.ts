import { crc32, createDeflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
import { strToU8, unzipSync, Zip, type ZipInputFile } from 'fflate';
import { IMPORT_COLUMNS, IMPORT_HEADER } from '../../shared/import-export';

// Import files built to cost the server far more than they weigh (issue 12, hole 5): workbooks
// whose sheet or shared strings unpack to tens or hundreds of MB, and CSV files with too many
// rows. The parts around the sheet are those exceljs writes, so that each is a workbook Excel
// would open; the XML is streamed into the zip, never held whole.

const SHEET = 'xl/worksheets/sheet1.xml';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const SHEET_START =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_END = '</sheetData></worksheet>';

let skeleton: Record<string, Uint8Array> | null = null;

/** The parts of a one-sheet workbook written by exceljs, its sheet and shared strings left out. */
async function parts(): Promise<Record<string, Uint8Array>> {
  if (!skeleton) {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Số liệu').addRow([...IMPORT_COLUMNS]);
    const all = unzipSync(new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
    delete all[SHEET];
    delete all[SHARED_STRINGS];
    skeleton = all;
  }
  return skeleton;
}

/** A file of the zip: a name and its content in pieces, deflated as it is read. */
interface Part {
  name: string;
  pieces: Iterable<string | Uint8Array>;
}

/** A part deflated by zlib as it is read, with its size and CRC: a few hundred MB a second. */
async function deflated(pieces: Iterable<string | Uint8Array>) {
  const deflate = createDeflateRaw({ level: 6 });
  const out: Uint8Array[] = [];
  deflate.on('data', (d: Buffer) => out.push(d));
  const done = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  let size = 0;
  let crc = 0;
  for (const p of pieces) {
    const bytes = typeof p === 'string' ? strToU8(p) : p;
    size += bytes.length;
    crc = crc32(bytes, crc);
    if (!deflate.write(bytes)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return { out, size, crc };
}

/** The parts as a zip (fflate writes the headers and the directory). */
async function zip(files: Part[]): Promise<Uint8Array> {
  const out: Uint8Array[] = [];
  const archive = new Zip((err, data) => {
    if (err) throw err;
    out.push(data);
  });
  for (const f of files) {
    const { out: stored, size, crc } = await deflated(f.pieces);
    const entry: ZipInputFile = {
      filename: f.name,
      compression: 8,
      size,
      crc,
      mtime: new Date('2026-11-24'),
    };
    archive.add(entry);
    const send = entry.ondata!;
    for (const [i, piece] of stored.entries())
      send(null, piece as Uint8Array<ArrayBuffer>, i === stored.length - 1);
    if (stored.length === 0) send(null, new Uint8Array(0), true);
  }
  archive.end();
  return new Uint8Array(Buffer.concat(out));
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A row as the sheet's XML writes it, every cell an inline string. */
export function rowXml(r: number, cells: (string | number)[]): string {
  const c = cells.map((v, i) => {
    const ref = `${String.fromCharCode(65 + i)}${r}`;
    return typeof v === 'number'
      ? `<c r="${ref}"><v>${v}</v></c>`
      : `<c r="${ref}" t="inlineStr"><is><t>${xmlText(v)}</t></is></c>`;
  });
  return `<row r="${r}">${c.join('')}</row>`;
}

function* repeat(piece: string, times: number): Iterable<string> {
  // Pieces of about 1 MB: deflating many small ones costs more than the data.
  const per = Math.max(1, Math.floor((1024 * 1024) / piece.length));
  const block = piece.repeat(per);
  let left = times;
  for (; left >= per; left -= per) yield block;
  if (left > 0) yield piece.repeat(left);
}

/** A workbook whose first sheet is the header then the given XML pieces, with shared strings if given. */
export async function workbookOf(
  rows: Iterable<string>,
  sharedStrings?: Iterable<string>,
): Promise<Uint8Array> {
  const files: Part[] = Object.entries(await parts()).map(([name, bytes]) => ({ name, pieces: [bytes] }));
  files.push({
    name: SHEET,
    pieces: (function* () {
      yield SHEET_START + rowXml(1, [...IMPORT_COLUMNS]);
      yield* rows;
      yield SHEET_END;
    })(),
  });
  if (sharedStrings)
    files.push({
      name: SHARED_STRINGS,
      pieces: (function* () {
        yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
        yield* sharedStrings;
        yield '</sst>';
      })(),
    });
  return zip(files);
}

/**
 * `count` rows of `cells`, every one numbered 2: the XML repeats itself exactly, so 200.000 rows
 * (51 MB of XML) pack into about 200 KB. A streaming reader sees 200.000 rows.
 */
export function repeatedRowsWorkbook(count: number, cells: (string | number)[]): Promise<Uint8Array> {
  return workbookOf(repeat(rowXml(2, cells), count));
}

/** `count` rows of `cells` numbered 2, 3, …, as a spreadsheet writes them: 200.000 rows pack into about 3 MB. */
export function distinctRowsWorkbook(count: number, cells: (string | number)[]): Promise<Uint8Array> {
  return workbookOf(
    (function* () {
      const batch: string[] = [];
      for (let r = 2; r < count + 2; r++) {
        batch.push(rowXml(r, cells));
        if (batch.length === 5000) yield batch.splice(0).join('');
      }
      yield batch.join('');
    })(),
  );
}

/** A sheet of about `bytes` of XML unpacked, in rows of a few cells each. */
export function hugeSheetWorkbook(bytes: number, cells: (string | number)[]): Promise<Uint8Array> {
  const row = rowXml(2, cells);
  return workbookOf(repeat(row, Math.ceil(bytes / row.length)));
}

/** Shared strings of about `bytes` unpacked (strings of 1.000 letters), and a sheet of one row using the first. */
export function sharedStringsWorkbook(bytes: number): Promise<Uint8Array> {
  const item = `<si><t>${'chữ '.repeat(250)}</t></si>`;
  return workbookOf(
    ['<row r="2"><c r="A2" t="s"><v>0</v></c></row>'],
    repeat(item, Math.ceil(bytes / item.length)),
  );
}

/** A CSV of the import layout with `count` copies of `line` under the header. */
export function manyRowsCsv(count: number, line: string): Uint8Array {
  return strToU8(`${IMPORT_HEADER}\n${`${line}\n`.repeat(count)}`);
}
