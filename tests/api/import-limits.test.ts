import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_HEADER, MAX_IMPORT_CELLS, MAX_XLSX_ENTRIES } from '../../shared/import-export';
import { type Caller, type TestApp, testApp } from '../helpers/app';
import { expectRefusal } from '../helpers/expect';
import {
  hugeSheetWorkbook,
  repeatedRowsWorkbook,
  rowXml,
  sharedStringsWorkbook,
  workbookOf,
} from '../helpers/packed-files';

// The import's limits (shared/import-export.ts), one by one: each file past one is refused with
// 413, its own code and a sentence naming the limit, quickly, and nothing is written; a file
// just inside them goes through. The line of imports waiting to be read is here too.
// tests/api/limits.test.ts sends the same files to the real server, many at once.

const MB = 1024 * 1024;

let t: TestApp;
let reporter: Caller;
let cell: { id: string; name: string };
beforeAll(async () => {
  t = testApp({ demo: true });
  const units = (await t.call('GET', '/api/units')).body.units as { id: string; name: string }[];
  cell = units.find((u) => u.name.startsWith('Chi bộ'))!;
  reporter = t.as([{ role: 'reporter', unitId: cell.id }]);
});

async function upload(file: Uint8Array, name: string, as: Caller = reporter) {
  const form = new FormData();
  form.append('file', new File([file as BlobPart], name));
  const started = performance.now();
  const res = await as.raw('POST', '/api/import?dryRun=1', { body: form });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: res.status, body, ms: performance.now() - started, headers: res.headers };
}

async function refused(file: Uint8Array, name: string, code: string, limitText: string) {
  const before = t.snapshot();
  const res = await upload(file, name);
  expectRefusal(res, 413, code);
  expect(res.body.error.field).toBe('file');
  expect(res.body.error.message).toContain(limitText);
  expect(t.snapshot()).toBe(before);
  return res;
}

describe('XLSX', () => {
  it('a sheet that unpacks past the limit is refused before it is parsed', async () => {
    const file = await hugeSheetWorkbook(300 * MB, [cell.id, 'KET_NAP', '2026', 'result', 5]);
    expect(file.length).toBeLessThan(2 * MB);
    const res = await refused(file, 'bom.xlsx', 'file_too_large_unpacked', '100 MB');
    expect(res.ms).toBeLessThan(3000);
  });

  it('shared strings past their limit are refused before they are held', async () => {
    const file = await sharedStringsWorkbook(40 * MB);
    const res = await refused(file, 'chu.xlsx', 'shared_strings_too_large', '16 MB');
    expect(res.ms).toBeLessThan(3000);
  });

  it('a cell of more than a million characters is refused before it is gathered', async () => {
    const file = await workbookOf([
      rowXml(2, [cell.id, 'KET_NAP', '2026', 'result', 5, '', '', 'a'.repeat(2 * MB)]),
    ]);
    await refused(file, 'o.xlsx', 'cell_too_large', '1.000.000 ký tự');
  });

  it('rows past the row limit, and rows wider than the cell limit allows, are refused', async () => {
    await refused(
      await repeatedRowsWorkbook(150_000, [cell.id, 'KET_NAP', '2026', 'result', 5]),
      'dong.xlsx',
      'too_many_rows',
      '100.000',
    );
    // 150 rows reaching column XFD: 16.384 cells each.
    const wide = Array.from(
      { length: 150 },
      (_, i) => `<row r="${i + 2}"><c r="XFD${i + 2}"><v>1</v></c></row>`,
    );
    await refused(await workbookOf(wide), 'rong.xlsx', 'too_many_cells', '2.000.000');
    // Blank rows count their eight cells: 300.000 of them are past the limit too.
    const blank = Array.from({ length: 300 }, (_, k) =>
      Array.from({ length: 1000 }, (_, i) => `<row r="${k * 1000 + i + 2}"/>`).join(''),
    );
    expect(300_000 * 8).toBeGreaterThan(MAX_IMPORT_CELLS);
    await refused(await workbookOf(blank), 'trong.xlsx', 'too_many_cells', '2.000.000');
  });

  it('a zip of more files than allowed is refused', async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i <= MAX_XLSX_ENTRIES; i++) files[`x/${i}.txt`] = strToU8('x');
    await refused(zipSync(files), 'nhieu.xlsx', 'too_many_entries', '1.000');
  });

  it('a zip whose list of files does not match what it holds, or is cut short, is not read', async () => {
    const good = await repeatedRowsWorkbook(3, [cell.id, 'KET_NAP', '2026', 'result', 5]);
    // The central directory (and the end record) cut off: the files are all there.
    const cut = Buffer.from(good).indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    expect(cut).toBeGreaterThan(0);
    for (const bytes of [good.subarray(0, cut), good.subarray(0, good.length - 10)]) {
      const res = await upload(bytes, 'hong.xlsx');
      expectRefusal(res, 400, 'unsupported_file');
    }
    // The directory naming a file the headers do not hold.
    const renamed = Buffer.from(good);
    const at = renamed.lastIndexOf(Buffer.from('xl/worksheets/sheet1.xml'));
    renamed.write('xl/worksheets/sheet9.xml', at);
    expectRefusal(await upload(new Uint8Array(renamed), 'hong.xlsx'), 400, 'unsupported_file');
  });

  it('a workbook of 100.000 rows, each its own, is read whole', async () => {
    // Distinct keys: every period of 2021–2030 (years, halves, quarters), every indicator, every unit.
    const units = (await t.call('GET', '/api/units')).body.units.map((u: any) => u.id) as string[];
    const codes = (await t.call('GET', '/api/indicators')).body.indicators.map(
      (i: any) => i.code,
    ) as string[];
    const periods: string[] = [];
    for (let y = 2011; y <= 2030; y++)
      periods.push(`${y}`, `${y}-H1`, `${y}-H2`, `${y}-Q1`, `${y}-Q2`, `${y}-Q3`, `${y}-Q4`);
    const keys: string[][] = [];
    for (const u of units)
      for (const c of codes)
        for (const p of periods) for (const type of ['target', 'result']) keys.push([u, c, p, type]);
    expect(keys.length).toBeGreaterThanOrEqual(20_000);
    // Rows repeat the keys with a blank value: read, checked and skipped, nothing written.
    const rows = function* () {
      for (let r = 0; r < 100_000; r += 1000)
        yield Array.from({ length: 1000 }, (_, i) => rowXml(r + i + 2, keys[(r + i) % keys.length]!)).join(
          '',
        );
    };
    const file = await workbookOf(rows());
    const res = await upload(file, 'lon.xlsx', t);
    // Past the limits it would be 413; read whole, it is judged on its rows (duplicates).
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).not.toBe(413);
  });
});

describe('CSV', () => {
  it('rows past the row limit are refused as they are read', async () => {
    const csv = strToU8(`${IMPORT_HEADER}\n${`${cell.id},KET_NAP,2026,result,5,,,\n`.repeat(120_000)}`);
    await refused(csv, 'a.csv', 'too_many_rows', '100.000');
  });

  it('a line of millions of separators is refused before it becomes one row', async () => {
    const csv = strToU8(`${IMPORT_HEADER}\n${','.repeat(19 * MB)}\n`);
    const res = await refused(csv, 'a.csv', 'too_many_cells', '2.000.000');
    expect(res.ms).toBeLessThan(2000);
  });

  it('a file just inside the limits goes through to its rows', async () => {
    const csv = strToU8(`${IMPORT_HEADER}\n${`${cell.id},KET_NAP,2026,result,,,,\n`.repeat(100_000)}`);
    const res = await upload(csv, 'a.csv');
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).not.toBe(413);
  });
});

describe('the form', () => {
  it('a form cut short in the middle of a file is refused with 400, whatever field it is', async () => {
    for (const name of ['file', 'other']) {
      const cut = `--x\r\nContent-Disposition: form-data; name="${name}"; filename="a.csv"\r\n\r\n${IMPORT_HEADER}\n2,KET_NAP`;
      const res = await reporter.raw('POST', '/api/import', {
        body: cut,
        headers: { 'content-type': 'multipart/form-data; boundary=x' },
      });
      expectRefusal({ status: res.status, body: await res.json() }, 400, 'missing_file');
    }
  });
});

describe('imports read at once', () => {
  it('a third import waits for a place, a fourth is turned away with 429 and Retry-After, and the line moves on', async () => {
    const small = testApp({ demo: true });
    const app = (await import('../../server/app')).createApp({
      db: small.db,
      scryptLog2N: 10,
      importSlots: { running: 1, waiting: 1, maxWaitMs: 10_000 },
    });
    const cookie = small.cookie!;
    // An upload that stays open until told to finish: it holds the one place while it is read.
    let finish = () => {};
    const slow = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(
          strToU8('--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n'),
        );
        finish = () => {
          controller.enqueue(strToU8(`${IMPORT_HEADER}\n\r\n--x--\r\n`));
          controller.close();
        };
      },
    });
    const post = (body: BodyInit) =>
      app.request('/api/import?dryRun=1', {
        method: 'POST',
        body,
        headers: { cookie, 'content-type': 'multipart/form-data; boundary=x' },
        duplex: 'half',
      } as RequestInit);
    const first = post(slow);
    await new Promise((r) => setTimeout(r, 50));
    const form = `--x\r\nContent-Disposition: form-data; name="file"; filename="b.csv"\r\n\r\n${IMPORT_HEADER}\n${cell.id},KET_NAP,2026,result,5,,,\n\r\n--x--\r\n`;
    const second = post(form);
    await new Promise((r) => setTimeout(r, 50));
    const third = await post(form);
    const busy = { status: third.status, body: await third.json() };
    expectRefusal(busy, 429, 'import_busy');
    expect(third.headers.get('retry-after')).toBe('10');
    finish();
    expect((await first).status).toBe(400);
    expect((await second).status).toBe(200);
    expect((await post(form)).status).toBe(200);
  });
});
