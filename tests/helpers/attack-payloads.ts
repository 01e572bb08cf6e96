import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { expect } from 'vitest';
import { type TestApp, testApp } from './app';

// What tests/api/attacks/injection.test.ts stores: text built to break SQL, to run in a page or
// to run as a spreadsheet formula, put in every free-text field the API has.

/** Text built to end a SQL string, to run as script or markup, or to run as a spreadsheet formula. */
export const PAYLOADS = [
  "'); DROP TABLE units;--",
  "' OR 1=1 --",
  "Robert'); DROP TABLE students;--",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '=HYPERLINK("http://x.example","y")',
  '+1+1',
  '-2+3',
  '@SUM(1;2)',
];
/** A root whose name starts every unit's path in an export with a formula. */
export const ROOT_NAME = "=cmd|' /C calc'!A0";
export const PERIOD = '2025';

export const tables = (t: TestApp) =>
  (
    t.db.$client.prepare("select name from sqlite_master where type = 'table' order by name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);

/** One unit, indicator, user… per payload, each payload in every field it can be put in. */
export async function storePayloads() {
  const t = testApp();
  const tablesBefore = tables(t);
  const ok = (res: { status: number; body: any }, status = 200) => {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return res.body;
  };
  const root = ok(
    await t.call('POST', '/api/units', { parentId: null, name: ROOT_NAME, kind: 'dang_bo' }),
    201,
  ).unit;
  const cells: string[] = [];
  const codes: string[] = [];
  for (const [i, p] of PAYLOADS.entries()) {
    // Units: created with the text, and renamed to it.
    const created = ok(
      await t.call('POST', '/api/units', { parentId: root.id, name: p, kind: 'chi_bo' }),
      201,
    ).unit;
    cells.push(created.id);
    const other = ok(
      await t.call('POST', '/api/units', { parentId: created.id, name: `Tổ ${i}`, kind: 'don_vi' }),
      201,
    ).unit;
    ok(await t.call('PATCH', `/api/units/${other.id}`, { name: p }));
    // Indicators: name on creation, unit label by a change.
    const code = `TC_${i}`;
    codes.push(code);
    ok(
      await t.call('POST', '/api/indicators', {
        code,
        name: p,
        unitLabel: 'người',
        kind: 'count',
      }),
      201,
    );
    ok(await t.call('PATCH', `/api/indicators/${code}`, { unitLabel: p }));
  }
  // Level names: every payload is a level of one indicator, and a target and a result.
  ok(
    await t.call('POST', '/api/indicators', {
      code: 'XEP_LOAI',
      name: 'Xếp loại chi bộ',
      unitLabel: 'mức',
      kind: 'level',
      levels: PAYLOADS,
    }),
    201,
  );
  codes.push('XEP_LOAI');

  for (const [i, p] of PAYLOADS.entries()) {
    const cell = cells[i]!;
    const next = (i + 1) % PAYLOADS.length;
    // A result's note by the single route, another by the batch, a third by the import.
    ok(await t.call('PUT', `/api/targets/${cell}/TC_${i}/${PERIOD}`, { value: 10 }));
    ok(await t.call('PUT', `/api/results/${cell}/TC_${i}/${PERIOD}`, { value: 12, note: p }));
    ok(
      await t.call('POST', '/api/values/batch', {
        targets: [{ unitId: cell, code: 'XEP_LOAI', period: PERIOD, value: p }],
        results: [
          { unitId: cell, code: 'XEP_LOAI', period: PERIOD, value: PAYLOADS[next], note: p },
          { unitId: cell, code: `TC_${next}`, period: PERIOD, value: 3, note: p },
        ],
      }),
    );
    // The main targets of the cell.
    ok(
      await t.call('PUT', `/api/target-lines/${cell}/${PERIOD}`, {
        lines: [{ text: p, codes: [`TC_${i}`, 'XEP_LOAI'] }],
        version: 0,
      }),
    );
    // Member ratings, with their note.
    ok(
      await t.call('PUT', `/api/member-ratings/${cell}/${PERIOD}`, {
        excellent: 1,
        good: 8,
        complete: 1,
        notComplete: 0,
        note: p,
      }),
    );
    // People: a display name on creation and one by a change; the latter locks a year
    // with the text as its note (the lock names who locked it), and admin unlocks another
    // with the text as the reason.
    ok(
      await t.call('POST', '/api/users', {
        username: `nguoi-${i}`,
        password: 'mat-khau-dai-du',
        displayName: p,
        grants: [{ role: 'viewer', unitId: cell }],
      }),
      201,
    );
    const locker = t.as([{ role: 'committee', unitId: cell }], `nguoi-khoa-${i}`);
    ok(await t.call('PATCH', `/api/users/${locker.userId}`, { displayName: p }));
    ok(await locker.call('PUT', `/api/locks/${cell}/2024`, { note: p }));
    ok(await t.call('PUT', `/api/locks/${cell}/2023`, { note: 'Hội nghị tổng kết' }));
    ok(await t.call('DELETE', `/api/locks/${cell}/2023`, { reason: p }));
  }
  // The third note of each cell comes by the import, as a CSV a program wrote.
  const csv = Papa.unparse({
    fields: ['unit', 'code', 'period', 'type', 'value', 'numerator', 'denominator', 'note'],
    data: PAYLOADS.map((p, i) => [
      cells[i],
      `TC_${(i + 2) % PAYLOADS.length}`,
      '2022',
      'result',
      4,
      '',
      '',
      p,
    ]),
  });
  const form = new FormData();
  form.append('file', new File([csv], 'nhap.csv'));
  const imported = await t.raw('POST', '/api/import', { body: form });
  expect(imported.status, await imported.clone().text()).toBe(200);
  // The committee's own targets and main targets, one line per payload, for the report.
  ok(
    await t.call('POST', '/api/values/batch', {
      targets: codes.slice(0, -1).map((code) => ({ unitId: root.id, code, period: PERIOD, value: 20 })),
    }),
  );
  ok(
    await t.call('PUT', `/api/target-lines/${root.id}/${PERIOD}`, {
      lines: PAYLOADS.map((p, i) => ({ text: p, codes: [`TC_${i}`] })),
    }),
  );
  return { t, root, cells, codes, tablesBefore };
}

/** Every text cell of every sheet, and every formula (there should be none). */
export async function workbookCells(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as never);
  const texts: string[] = [];
  const formulas: string[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula || cell.formula) formulas.push(cell.address);
        else if (cell.type === ExcelJS.ValueType.String) texts.push(cell.value as string);
        else if (cell.type === ExcelJS.ValueType.RichText)
          texts.push((cell.value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join(''));
      }),
    ),
  );
  return { texts, formulas };
}
