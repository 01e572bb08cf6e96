import type ExcelJS from 'exceljs';
import { COLUMN_NAMES_VI, IMPORT_COLUMNS, type ImportColumn } from '../../../shared/import-export';
import { excel } from '../../lib/excel';

// Writing the import layout as CSV or XLSX: an export with the English header, which other
// programs read and which imports back unchanged; a template with the Vietnamese one, for the
// person who fills it, its type column saying "kết quả" (header.ts reads both). The same rows give the same bytes: CSV is plain
// text, and an XLSX is dated by its data (not by the clock), its zip entries included, so
// exporting twice without a change in between gives identical files.

export interface SheetRow {
  unit: string;
  code: string;
  period: string;
  type: 'target' | 'result';
  /** A number (at most two decimals, exact as printed by String) or a level's name. */
  value: number | string | null;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
}

/** Which header a file is written with: the English names, or the Vietnamese ones for a person. */
export type HeaderLanguage = 'en' | 'vi';

const headerRow = (lang: HeaderLanguage) =>
  IMPORT_COLUMNS.map((c) => (lang === 'en' ? c : COLUMN_NAMES_VI[c]));
const TYPE_VI = { target: 'chỉ tiêu', result: 'kết quả' } as const;
const typeWord = (type: SheetRow['type'], lang: HeaderLanguage) => (lang === 'en' ? type : TYPE_VI[type]);

/** How a template's row should be filled, for its shading. */
export type RowHint = 'value' | 'ratio';

// Excel runs a cell beginning with these as a formula; a leading apostrophe keeps it text,
// and the import takes the apostrophe off again. A text that already begins with apostrophes
// before such a character gets one more, so that the import gives it back as it was.
const FORMULA_START = /^'*[=+\-@\t\r]/;
const GUARD_LOOKALIKE = /^'+[=+\-@\t\r]/;

function csvField(v: string | number | null, guard: boolean): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const s = guard && FORMULA_START.test(v) ? `'${v}` : v;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 with a byte order mark, so that Excel shows the diacritics; CRLF as RFC 4180 writes. */
export function toCsv(rows: SheetRow[], lang: HeaderLanguage = 'en'): Uint8Array {
  const lines = [headerRow(lang).join(',')];
  for (const r of rows)
    lines.push(
      [
        csvField(r.unit, true),
        csvField(r.code, false),
        csvField(r.period, false),
        typeWord(r.type, lang),
        csvField(r.value, true),
        csvField(r.numerator, false),
        csvField(r.denominator, false),
        csvField(r.note, true),
      ].join(','),
    );
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

const WIDTHS: Record<ImportColumn, number> = {
  unit: 56,
  code: 16,
  period: 12,
  type: 9,
  value: 26,
  numerator: 12,
  denominator: 13,
  note: 48,
};

const GREY: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEFF2' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFB71C1C' } };

export interface XlsxOptions {
  /** The workbook's date: the latest change of the data it holds, so that it does not vary by itself. */
  dated: Date;
  /** The header's language; English unless told. */
  header?: HeaderLanguage;
  /** For a template: shade the cells not to fill, per row. */
  hints?: RowHint[];
  /** For a template: a sheet of instructions after the data. */
  instructions?: (workbook: ExcelJS.Workbook) => void;
}

export async function toXlsx(rows: SheetRow[], options: XlsxOptions): Promise<Uint8Array> {
  const workbook = new (await excel()).Workbook();
  workbook.creator = 'Chỉ tiêu';
  workbook.lastModifiedBy = 'Chỉ tiêu';
  workbook.created = options.dated;
  workbook.modified = options.dated;
  const sheet = workbook.addWorksheet('Số liệu', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = IMPORT_COLUMNS.map((c) => ({ key: c, width: WIDTHS[c] }));
  const lang = options.header ?? 'en';
  const header = sheet.addRow(headerRow(lang));
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.eachCell((c) => {
    c.fill = HEADER_FILL;
  });
  sheet.autoFilter = { from: 'A1', to: 'H1' };
  rows.forEach((r, i) => {
    // A workbook's text cells are never run; only a text the import would take for guarded is.
    const text = <T>(v: T) => (typeof v === 'string' && GUARD_LOOKALIKE.test(v) ? `'${v}` : v);
    const row = sheet.addRow([
      text(r.unit),
      r.code,
      r.period,
      typeWord(r.type, lang),
      text(r.value),
      r.numerator,
      r.denominator,
      text(r.note),
    ]);
    // Text stays text: a period "2025" or a unit id is not a number to Excel.
    for (const col of [1, 2, 3, 4, 8]) row.getCell(col).numFmt = '@';
    if (typeof r.value === 'string') row.getCell(5).numFmt = '@';
    const hint = options.hints?.[i];
    if (hint) {
      for (const col of [1, 2, 3, 4]) row.getCell(col).fill = GREY;
      row.getCell(hint === 'ratio' ? 5 : 6).fill = GREY;
      if (hint !== 'ratio') row.getCell(7).fill = GREY;
    }
  });
  options.instructions?.(workbook);
  const buffer = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  return fixZipDates(buffer, options.dated);
}

/**
 * Sets the date of every entry of a zip (local headers and central directory) to `date`,
 * which JSZip would otherwise take from the clock. CRCs do not cover dates.
 */
function fixZipDates(zip: Buffer, date: Date): Uint8Array {
  const year = Math.max(1980, Math.min(2107, date.getUTCFullYear()));
  const dosDate = ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const dosTime = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) return zip;
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < entries && zip.readUInt32LE(at) === 0x02014b50; i++) {
    zip.writeUInt16LE(dosTime, at + 12);
    zip.writeUInt16LE(dosDate, at + 14);
    const local = zip.readUInt32LE(at + 42);
    zip.writeUInt16LE(dosTime, local + 10);
    zip.writeUInt16LE(dosDate, local + 12);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip;
}

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
