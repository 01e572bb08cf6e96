import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedBasics, testApp } from '../../helpers/app';
import {
  PAYLOADS,
  PERIOD,
  ROOT_NAME,
  storePayloads,
  tables,
  workbookCells,
} from '../../helpers/attack-payloads';
import { expectRefusal } from '../../helpers/expect';

// Issue 8, "It holds", part 6: what an attacker would try. Text built to break SQL or to run
// in a page, stored in every free-text field, comes back as the very same text everywhere the
// API gives it out (and in the spreadsheets as text, never as a formula); sessions cannot be
// planted, outlived or ridden from another site; and the sign-in throttle holds when the
// guesses come all at once. The browser's side of the payloads is in tests/e2e/attacks.test.ts.
// This file: text built to break SQL or to run in a page or a spreadsheet, in every free-text
// field (tests/helpers/attack-payloads.ts stores it).

// ---------------------------------------------------------------------------------------
// Injection text in every free-text field

describe('injection text in every free-text field', () => {
  let stored: Awaited<ReturnType<typeof storePayloads>>;
  beforeAll(async () => {
    stored = await storePayloads();
  }, 30_000);
  const get = async (path: string) => {
    const res = await stored.t.call('GET', path);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  it('stores every payload in every field and gives back exactly the same text', async () => {
    const { t, root, cells } = stored;

    const units = (await get('/api/units')).units;
    expect(units.find((u: any) => u.id === root.id).name).toBe(ROOT_NAME);
    for (const p of PAYLOADS) expect(units.filter((u: any) => u.name === p)).toHaveLength(2);

    const indicators = (await get('/api/indicators')).indicators;
    PAYLOADS.forEach((p, i) => {
      expect(indicators.find((x: any) => x.code === `TC_${i}`)).toMatchObject({ name: p, unitLabel: p });
    });
    expect(indicators.find((x: any) => x.code === 'XEP_LOAI').levels).toEqual(PAYLOADS);

    const people = (await get('/api/users')).users;
    for (const p of PAYLOADS) expect(people.filter((u: any) => u.displayName === p)).toHaveLength(2);

    for (const [i, p] of PAYLOADS.entries()) {
      const cell = cells[i]!;
      const next = PAYLOADS[(i + 1) % PAYLOADS.length];
      const values = await get(`/api/values?unit=${cell}&period=${PERIOD}`);
      expect(values.targets.find((x: any) => x.code === 'XEP_LOAI')).toMatchObject({ value: p, display: p });
      expect(values.results.find((x: any) => x.code === 'XEP_LOAI')).toMatchObject({
        value: next,
        display: next,
        note: p,
      });
      expect(values.results.find((x: any) => x.code === `TC_${i}`).note).toBe(p);
      expect(values.results.find((x: any) => x.code === `TC_${(i + 1) % PAYLOADS.length}`).note).toBe(p);
      const earlier = await get(`/api/values?unit=${cell}&period=2022`);
      expect(earlier.results.map((x: any) => x.note)).toEqual([p]);

      const lines = await get(`/api/target-lines?unit=${cell}&period=${PERIOD}`);
      expect(lines.lines.map((l: any) => l.text)).toEqual([p]);
      expect(lines.unit.name).toBe(p);

      const rating = await get(`/api/member-ratings?unit=${cell}&period=${PERIOD}`);
      expect(rating.rating.note).toBe(p);

      const locks = (await get(`/api/locks?unit=${cell}`)).locks;
      expect(locks).toEqual([expect.objectContaining({ unit: { id: cell, name: p }, note: p, lockedBy: p })]);
      const dashboard = await get(`/api/dashboard?unit=${cell}&period=2024`);
      expect(dashboard.lock).toMatchObject({ note: p, lockedBy: p });

      const changes = (await get(`/api/history?unit=${cell}`)).changes;
      expect(changes.find((c: any) => c.type === 'lock' && c.action === 'delete').note).toBe(p);
      expect(changes.find((c: any) => c.type === 'target_line').after).toEqual([
        { text: p, codes: [`TC_${i}`, 'XEP_LOAI'] },
      ]);
      expect(changes.find((c: any) => c.type === 'member_rating').note).toBe(p);
      expect(changes.filter((c: any) => c.type === 'result' && c.note === p)).toHaveLength(4);

      const own = await get(`/api/dashboard?unit=${cell}&period=${PERIOD}`);
      expect(own.unit.name).toBe(p);
      const row = own.rows.find((r: any) => r.indicator.code === `TC_${i}`);
      expect(row.indicator).toMatchObject({ name: p, unitLabel: p });
    }

    const chart = await get(`/api/dashboard/units?parent=${root.id}&code=TC_0&period=${PERIOD}`);
    expect(chart.rows.map((r: any) => r.unit.name)).toEqual(PAYLOADS);
    const scorecard = await get(`/api/compare/units?parent=${root.id}&period=${PERIOD}`);
    expect(scorecard.rows.map((r: any) => r.unit.name)).toEqual(PAYLOADS);
    expect(scorecard.indicators.map((x: any) => x.name)).toEqual([...PAYLOADS, 'Xếp loại chi bộ']);

    // Nothing ran as SQL: every table is still there, whole, and holds what was written.
    expect(tables(t)).toEqual(stored.tablesBefore);
    expect(t.db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(units).toHaveLength(1 + 2 * PAYLOADS.length);
  });

  it('writes them into the report as they are, in text, JSON and the workbook, never as a formula', async () => {
    const { t, root } = stored;
    const report = await get(`/api/report?unit=${root.id}&period=${PERIOD}&format=json`);
    expect(report.unit.name).toBe(ROOT_NAME);
    expect(report.lines.map((l: any) => l.text)).toEqual(PAYLOADS);
    PAYLOADS.forEach((p, i) => {
      expect(report.lines[i].sentence.startsWith(`- ${p}`)).toBe(true);
      expect(report.lines[i].parts[0]).toMatchObject({ name: p, unitLabel: p });
    });

    const text = await t.raw('GET', `/api/report?unit=${root.id}&period=${PERIOD}&format=text`);
    expect(text.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(text.headers.get('x-content-type-options')).toBe('nosniff');
    const body = await text.text();
    expect(body).toContain(`${ROOT_NAME} — Năm ${PERIOD}`);
    for (const p of PAYLOADS) expect(body).toContain(`- ${p}`);

    const xlsx = await t.raw('GET', `/api/report?unit=${root.id}&period=${PERIOD}&format=xlsx`);
    expect(xlsx.status).toBe(200);
    const cells = await workbookCells(new Uint8Array(await xlsx.arrayBuffer()));
    expect(cells.formulas).toEqual([]);
    for (const p of PAYLOADS) {
      expect(cells.texts).toContain(p);
      expect(cells.texts.some((s) => s.startsWith(`- ${p}`))).toBe(true);
    }
  });

  it('exports them as text a spreadsheet will not run, and imports the export back unchanged', async () => {
    const { t, root } = stored;
    const guarded = /^[=+\-@]/;
    for (const path of [
      `/api/export?unit=${root.id}&period=${PERIOD}&format=csv`,
      `/api/import/template?unit=${root.id}&period=${PERIOD}&format=csv`,
    ]) {
      const res = await t.raw('GET', path);
      expect(res.status).toBe(200);
      const rows = Papa.parse<string[]>((await res.text()).replace(/^\uFEFF/, ''), {
        skipEmptyLines: true,
      }).data;
      const fields = rows.slice(1).flat();
      // Every cell Excel would run as a formula carries the apostrophe that keeps it text.
      expect(
        fields.filter((f) => guarded.test(f)),
        path,
      ).toEqual([]);
      expect(fields.filter((f) => f.startsWith("'")).length).toBeGreaterThan(PAYLOADS.length);
      expect(rows.slice(1).every((r) => r[0]!.startsWith(`'${ROOT_NAME}`))).toBe(true);
    }
    const csv = await t.raw('GET', `/api/export?unit=${root.id}&period=${PERIOD}&format=csv`);
    const csvText = (await csv.text()).replace(/^\uFEFF/, '');
    const notes = Papa.parse<string[]>(csvText, { skipEmptyLines: true }).data.map((r) => r[7]);
    for (const p of PAYLOADS) expect(notes).toContain(guarded.test(p) ? `'${p}` : p);

    const xlsx = await t.raw('GET', `/api/export?unit=${root.id}&period=${PERIOD}&format=xlsx`);
    const xlsxBytes = new Uint8Array(await xlsx.arrayBuffer());
    const cells = await workbookCells(xlsxBytes);
    expect(cells.formulas).toEqual([]);
    for (const p of PAYLOADS) expect(cells.texts).toContain(p);

    for (const [name, bytes] of [
      ['xuat.csv', new TextEncoder().encode(csvText)],
      ['xuat.xlsx', xlsxBytes],
    ] as const) {
      const before = t.snapshot();
      const form = new FormData();
      form.append('file', new File([bytes as BlobPart], name));
      const back = await t.raw('POST', '/api/import', { body: form });
      const answer = (await back.json()) as any;
      expect(back.status, JSON.stringify(answer)).toBe(200);
      expect(answer.written, name).toBe(0);
      expect(t.snapshot()).toBe(before);
    }
  });

  it('keeps a note that already begins with an apostrophe before a formula through the round trip', async () => {
    const t = testApp();
    const { a } = await seedBasics(t);
    const notes = ["'=1+1", "''+84 912 345 678", "'Đã kiểm tra"];
    for (const [i, note] of notes.entries())
      await t.call('PUT', `/api/results/${a.id}/${['KET_NAP', 'KH', 'KY_LUAT'][i]}/${PERIOD}`, {
        value: 1,
        note,
      });
    for (const format of ['csv', 'xlsx']) {
      const res = await t.raw('GET', `/api/export?unit=${a.id}&period=${PERIOD}&format=${format}`);
      const form = new FormData();
      form.append('file', new File([new Uint8Array(await res.arrayBuffer())], `xuat.${format}`));
      const before = t.snapshot();
      const back = await t.raw('POST', '/api/import', { body: form });
      const answer = (await back.json()) as any;
      expect(answer, format).toMatchObject({ rows: 3, written: 0 });
      expect(t.snapshot()).toBe(before);
    }
    const stored = (await t.call('GET', `/api/values?unit=${a.id}&period=${PERIOD}`)).body.results;
    expect(stored.map((r: any) => r.note)).toEqual(notes);
  });

  it('treats SQL in paths, queries and the sign-in as a name like any other: refused, never a 500', async () => {
    const t = testApp();
    const { a } = await seedBasics(t);
    const before = t.snapshot();
    const sql = encodeURIComponent("1' OR '1'='1");
    const drop = encodeURIComponent("2025'); DROP TABLE results;--");
    const reads = [
      `/api/dashboard?unit=${sql}&period=2025`,
      `/api/dashboard?unit=${a.id}&period=${drop}`,
      `/api/values?unit=${a.id}%20OR%201=1&period=2025`,
      `/api/history?unit=${a.id}&code=${sql}`,
      `/api/target-lines?unit=${a.id}&period=${drop}`,
      `/api/report?unit=${a.id}&period=2025&format=${sql}`,
      `/api/compare/periods?unit=${a.id}&code=KET_NAP&periods=2024,${drop}`,
    ];
    for (const path of reads) {
      const res = await t.call('GET', path);
      expect([400, 404], `${path} ${JSON.stringify(res.body)}`).toContain(res.status);
      expectRefusal(res, res.status);
    }
    const writes: [string, string, unknown][] = [
      ['PUT', `/api/results/${sql}/KET_NAP/2025`, { value: 1 }],
      ['PUT', `/api/results/${a.id}/${sql}/2025`, { value: 1 }],
      ['PUT', `/api/targets/${a.id}/KET_NAP/${drop}`, { value: 1 }],
      ['PATCH', `/api/units/${sql}`, { name: 'X' }],
      ['DELETE', `/api/units/${sql}`, undefined],
      ['PATCH', `/api/indicators/${sql}`, { name: 'X' }],
      ['PATCH', `/api/users/${sql}`, { displayName: 'X' }],
      ['PUT', `/api/locks/${a.id}/${drop}`, {}],
    ];
    for (const [method, path, body] of writes) {
      const res = await t.call(method, path, body);
      expect([400, 404], `${method} ${path} ${JSON.stringify(res.body)}`).toContain(res.status);
      expectRefusal(res, res.status);
    }
    for (const username of ["admin' --", "admin'/*", "' OR 1=1 --"]) {
      const res = await t.anonymous.call('POST', '/api/auth/login', { username, password: "' OR '1'='1" });
      expectRefusal(res, 401, 'invalid_credentials');
    }
    expect(t.snapshot()).toBe(before);
  });
});
