import ExcelJS from 'exceljs';
import { IMPORT_HEADER } from '../../shared/import-export';
import { type Caller, t } from './app';

// For tests/api/import-export/ (each test on a fresh app, `beforeEach(freshApp)` of app.ts): files
// to send, and what the values then are.

export const A = 'Đảng bộ Trường Thử / Chi bộ A';
export const B = 'Đảng bộ Trường Thử / Chi bộ B';

export const csv = (...rows: string[]) => [IMPORT_HEADER, ...rows].join('\n');

export async function upload(
  content: string | Uint8Array,
  { name = 'so-lieu.csv', dryRun = false, as = t as Caller } = {},
): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.append('file', new File([content as BlobPart], name));
  const res = await as.raw('POST', `/api/import${dryRun ? '?dryRun=1' : ''}`, { body: form });
  return { status: res.status, body: await res.json() };
}

export async function xlsx(rows: (string | number | null)[][], setup?: (sheet: ExcelJS.Worksheet) => void) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Số liệu');
  sheet.addRow(IMPORT_HEADER.split(','));
  for (const r of rows) sheet.addRow(r);
  setup?.(sheet);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

export const values = async (unit: string, period = '2025') => {
  const res = await t.call('GET', `/api/values?unit=${unit}&period=${period}`);
  return {
    targets: res.body.targets.map((x: any) => [x.code, x.display]),
    results: res.body.results.map((x: any) => [x.code, x.display, x.note]),
  };
};

export async function download(path: string) {
  const res = await t.raw('GET', path);
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

// Keeps the byte order mark, which the default decoder would swallow.
export const text = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

/** The first bad rows' [row, column] pairs. */
export const at = (body: any) => body.errors.map((e: any) => [e.row, e.column]);
