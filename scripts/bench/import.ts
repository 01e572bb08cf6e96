import { round } from './load';
import type { Province } from './read-province';

// The import: the province's rows sent as one CSV, first with a bad last row (nothing may be
// written), then whole.

export async function postImport(base: string, cookie: string, csv: string) {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'tinh-hong-lam.csv');
  const started = performance.now();
  const res = await fetch(`${base}/api/import`, { method: 'POST', headers: { cookie }, body: form });
  const body = (await res.json()) as {
    rows?: number;
    written?: number;
    errors?: { row: number; column: string | null; message: string }[];
    errorCount?: number;
    error?: { message: string };
  };
  return { status: res.status, body, seconds: (performance.now() - started) / 1000 };
}

export async function importRun(base: string, cookie: string, p: Province, csv: string) {
  const lines = csv.trimEnd().split('\r\n');
  const badRow = lines.length; // as a spreadsheet numbers it, the header being 1
  lines[lines.length - 1] = lines[lines.length - 1]!.replace(/^([^,]*),[^,]*,/, '$1,KHONG_CO_CHI_TIEU,');
  const bad = await postImport(base, cookie, `${lines.join('\r\n')}\r\n`);
  const good = await postImport(base, cookie, csv);
  const importFigures = {
    rows: p.importRows.length,
    bytes: csv.length,
    seconds: round(good.seconds, 3),
    rowsPerSecond: Math.round(p.importRows.length / good.seconds),
    status: good.status,
    answeredRows: good.body.rows ?? null,
    written: good.body.written ?? null,
    error: good.body.error?.message ?? null,
    badLastRow: {
      status: bad.status,
      seconds: round(bad.seconds, 3),
      errorCount: bad.body.errorCount ?? null,
      firstErrorRow: bad.body.errors?.[0]?.row ?? null,
      expectedRow: badRow,
      // Had it written anything, the good file would find those rows unchanged.
      wroteNothing: bad.status === 400 && good.body.written === p.importRows.length,
    },
  };
  const importOk =
    good.status === 200 &&
    good.body.rows === p.importRows.length &&
    good.body.written === p.importRows.length &&
    importFigures.badLastRow.wroteNothing &&
    importFigures.badLastRow.firstErrorRow === badRow;
  return { importFigures, importOk };
}
