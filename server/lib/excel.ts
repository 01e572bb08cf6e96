import type ExcelJS from 'exceljs';

// exceljs is large and only reports, exports and imports of workbooks need it: it is loaded
// the first time one is asked for, not with the server (docs/performance.md, memory).
let loaded: Promise<typeof ExcelJS> | null = null;

export function excel(): Promise<typeof ExcelJS> {
  loaded ??= import('exceljs').then((m) => m.default);
  return loaded;
}
