import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app';
import { ensureAdmin } from '../../server/auth/bootstrap';
import { hashPassword } from '../../server/auth/password';
import { SESSION_IDLE_MS } from '../../server/auth/sessions';
import { openDatabase } from '../../server/db/client';
import { users } from '../../server/db/schema';
import {
  registeredApiRoutes,
  seedBasics,
  TEST_PASSWORD,
  TEST_THROTTLE,
  type TestApp,
  testApp,
} from '../helpers/app';
import { expectRefusal } from '../helpers/expect';

// Issue 8, "It holds", part 6: what an attacker would try. Text built to break SQL or to run
// in a page, stored in every free-text field, comes back as the very same text everywhere the
// API gives it out (and in the spreadsheets as text, never as a formula); sessions cannot be
// planted, outlived or ridden from another site; and the sign-in throttle holds when the
// guesses come all at once. The browser's side of the payloads is in tests/e2e/attacks.test.ts.

/** Text built to end a SQL string, to run as script or markup, or to run as a spreadsheet formula. */
const PAYLOADS = [
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
const ROOT_NAME = "=cmd|' /C calc'!A0";
const PERIOD = '2025';

const json = { 'content-type': 'application/json' };
const tokenOf = (res: Response) => /chitieu_session=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
const tables = (t: TestApp) =>
  (
    t.db.$client.prepare("select name from sqlite_master where type = 'table' order by name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);

// ---------------------------------------------------------------------------------------
// Injection text in every free-text field

describe('injection text in every free-text field', () => {
  /** One unit, indicator, user… per payload, each payload in every field it can be put in. */
  async function store() {
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

  let stored: Awaited<ReturnType<typeof store>>;
  beforeAll(async () => {
    stored = await store();
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

/** Every text cell of every sheet, and every formula (there should be none). */
async function workbookCells(bytes: Uint8Array) {
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

// ---------------------------------------------------------------------------------------
// Sessions

async function login(t: TestApp, username: string, password: string, cookie?: string) {
  return t.anonymous.raw('POST', '/api/auth/login', {
    headers: { ...json, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ username, password }),
  });
}

const me = async (t: TestApp, token: string) => {
  const res = await t.anonymous.raw('GET', '/api/auth/me', {
    headers: { cookie: `chitieu_session=${token}` },
  });
  return {
    status: res.status,
    username: res.status === 200 ? ((await res.json()) as any).user.username : null,
  };
};

describe('session fixation', () => {
  it('never adopts a token chosen by an attacker: signing in issues a new one, the planted one stays dead', async () => {
    const t = testApp();
    t.as([{ role: 'viewer', unitId: null }], 'lan');
    const planted = 'Zk3pQ9vX2mN7sL4tR8wY1cB6dF0gH5jK2aE9uI3oP7q';
    expect(await me(t, planted)).toEqual({ status: 401, username: null });
    const res = await login(t, 'lan', TEST_PASSWORD, `chitieu_session=${planted}`);
    expect(res.status).toBe(200);
    const issued = tokenOf(res)!;
    expect(issued).toMatch(/^[\w-]{43}$/);
    expect(issued).not.toBe(planted);
    expect(await me(t, planted)).toEqual({ status: 401, username: null });
    expect(await me(t, issued)).toEqual({ status: 200, username: 'lan' });
  });

  it('never makes an attacker’s session planted in a victim’s browser the victim’s: signing in ends it', async () => {
    const t = testApp();
    t.as([{ role: 'viewer', unitId: null }], 'ke-xau');
    t.as([{ role: 'committee', unitId: null }], 'lan');
    const attacker = tokenOf(await login(t, 'ke-xau', TEST_PASSWORD))!;
    const victim = tokenOf(await login(t, 'lan', TEST_PASSWORD, `chitieu_session=${attacker}`))!;
    expect(victim).not.toBe(attacker);
    expect(await me(t, victim)).toEqual({ status: 200, username: 'lan' });
    // The attacker's cookie never became the victim's session: it was ended by the sign-in.
    expect((await me(t, attacker)).status).toBe(401);
  });

  it('gives a new token at every sign-in, and keeps only digests of tokens in the database', async () => {
    const t = testApp();
    t.as([{ role: 'viewer', unitId: null }], 'lan');
    const first = tokenOf(await login(t, 'lan', TEST_PASSWORD))!;
    const second = tokenOf(await login(t, 'lan', TEST_PASSWORD, `chitieu_session=${first}`))!;
    const third = tokenOf(await login(t, 'lan', TEST_PASSWORD))!;
    expect(new Set([first, second, third]).size).toBe(3);
    expect(await me(t, third)).toEqual({ status: 200, username: 'lan' });
    // A copy of the database gives no cookie that works.
    const dump = t.snapshot();
    for (const token of [first, second, third]) expect(dump).not.toContain(token);
  });
});

describe('expired sessions', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('refuses a session past its idle time with 401 and the contract’s body, for reads and for writes', async () => {
    const t = testApp();
    const { a } = await seedBasics(t);
    const signedIn = Date.now();
    const cookie = `chitieu_session=${tokenOf(await login(t, 'admin', TEST_PASSWORD))}`;
    const as = (method: string, path: string, body?: unknown) =>
      t.anonymous.raw(method, path, {
        headers: { cookie, ...json },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    // In use, the session is known and kept in memory.
    expect((await as('GET', '/api/units')).status).toBe(200);
    expect((await as('PUT', `/api/results/${a.id}/KET_NAP/2025`, { value: 1 })).status).toBe(200);

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(signedIn + SESSION_IDLE_MS + 60_000);
    const before = t.snapshot();
    const attempts: [string, string, unknown][] = [
      ['GET', '/api/units', undefined],
      ['GET', '/api/auth/me', undefined],
      ['PUT', `/api/results/${a.id}/KET_NAP/2025`, { value: 2, version: 1 }],
      ['PUT', `/api/targets/${a.id}/KET_NAP/2025`, { value: 2 }],
      [
        'POST',
        '/api/values/batch',
        { results: [{ unitId: a.id, code: 'KET_NAP', period: '2025', value: 3 }] },
      ],
      ['POST', '/api/units', { parentId: a.id, name: 'Tổ mới', kind: 'don_vi' }],
      ['PUT', `/api/locks/${a.id}/2025`, {}],
      ['POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-2026' }],
    ];
    for (const [method, path, body] of attempts) {
      const res = await as(method, path, body);
      const answer = { status: res.status, body: await res.json() };
      expectRefusal(answer, 401, 'unauthenticated');
    }
    expect(t.snapshot()).toBe(before);
    // Signing in again is the way back.
    expect((await login(t, 'admin', TEST_PASSWORD)).status).toBe(200);
  });
});

// ---------------------------------------------------------------------------------------
// Requests from another site

/** A request that the app's own page may send, built for the seeded data. */
interface WriteRequest {
  method: string;
  path: string;
  body?: unknown;
  form?: () => FormData;
}

function writeRequests(ids: { root: any; a: any; b: any }, spare: { unit: string; user: string }) {
  const a = ids.a.id;
  const importForm = () => {
    const form = new FormData();
    form.append(
      'file',
      new File(
        [`unit,code,period,type,value,numerator,denominator,note\n${a},KET_NAP,2026,result,7,,,`],
        'x.csv',
      ),
    );
    return form;
  };
  const requests: Record<string, WriteRequest> = {
    'POST /api/auth/login': {
      method: 'POST',
      path: '/api/auth/login',
      body: { username: 'admin', password: TEST_PASSWORD },
    },
    'POST /api/import': { method: 'POST', path: '/api/import', form: importForm },
    'POST /api/indicators': {
      method: 'POST',
      path: '/api/indicators',
      body: { code: 'MOI', name: 'Chỉ tiêu mới', unitLabel: 'người', kind: 'count' },
    },
    'PATCH /api/indicators/:code': { method: 'PATCH', path: '/api/indicators/KH', body: { name: 'Tên mới' } },
    'PUT /api/locks/:unitId/:period': { method: 'PUT', path: `/api/locks/${a}/2023`, body: { note: 'Khóa' } },
    'DELETE /api/locks/:unitId/:period': {
      method: 'DELETE',
      path: `/api/locks/${a}/2024`,
      body: { reason: 'Bổ sung số liệu' },
    },
    'PUT /api/member-ratings/:unitId/:period': {
      method: 'PUT',
      path: `/api/member-ratings/${a}/2025`,
      body: { excellent: 1, good: 8, complete: 1, notComplete: 0 },
    },
    'PUT /api/target-lines/:unitId/:period': {
      method: 'PUT',
      path: `/api/target-lines/${a}/2025`,
      body: { lines: [{ text: 'Kết nạp 2 đảng viên', codes: ['KET_NAP'] }] },
    },
    'POST /api/units': {
      method: 'POST',
      path: '/api/units',
      body: { parentId: a, name: 'Tổ mới', kind: 'don_vi' },
    },
    'PATCH /api/units/:id': {
      method: 'PATCH',
      path: `/api/units/${ids.b.id}`,
      body: { name: 'Chi bộ B mới' },
    },
    'DELETE /api/units/:id': { method: 'DELETE', path: `/api/units/${spare.unit}` },
    'POST /api/users': {
      method: 'POST',
      path: '/api/users',
      body: { username: 'nguoi-moi', password: 'mat-khau-dai-du', grants: [] },
    },
    'PATCH /api/users/:id': { method: 'PATCH', path: `/api/users/${spare.user}`, body: { active: false } },
    'PUT /api/targets/:unitId/:code/:period': {
      method: 'PUT',
      path: `/api/targets/${a}/KET_NAP/2026`,
      body: { value: 9 },
    },
    'DELETE /api/targets/:unitId/:code/:period': { method: 'DELETE', path: `/api/targets/${a}/KH/2025` },
    'PUT /api/results/:unitId/:code/:period': {
      method: 'PUT',
      path: `/api/results/${a}/KH/2026`,
      body: { value: 90, note: 'Ghi chú' },
    },
    'DELETE /api/results/:unitId/:code/:period': { method: 'DELETE', path: `/api/results/${a}/KH/2025` },
    'POST /api/values/batch': {
      method: 'POST',
      path: '/api/values/batch',
      body: { targets: [{ unitId: a, code: 'HTT', period: '2026', value: 90 }] },
    },
    // Last: they change the session itself.
    'POST /api/auth/password': {
      method: 'POST',
      path: '/api/auth/password',
      body: { currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-2026' },
    },
    'POST /api/auth/logout': { method: 'POST', path: '/api/auth/logout' },
  };
  return requests;
}

describe('requests from another site', () => {
  async function setup() {
    const t = testApp();
    const ids = await seedBasics(t);
    const a = ids.a.id;
    for (const [method, path, body] of [
      ['PUT', `/api/targets/${a}/KH/2025`, { value: 90 }],
      ['PUT', `/api/results/${a}/KH/2025`, { value: 95 }],
      ['PUT', `/api/locks/${a}/2024`, {}],
    ] as const)
      expect((await t.call(method, path, body)).status).toBe(200);
    const unit = (await t.call('POST', '/api/units', { parentId: a, name: 'Tổ sẽ xóa', kind: 'don_vi' })).body
      .unit.id;
    const user = String(t.as([{ role: 'viewer', unitId: a }], 'nguoi-cu').userId);
    return { t, requests: writeRequests(ids, { unit, user }) };
  }

  const send = (t: TestApp, r: WriteRequest, headers: Record<string, string>) => {
    const h = { ...headers };
    // FormData brings its own multipart content type.
    if (r.form) delete h['content-type'];
    return t.raw(r.method, `http://localhost${r.path}`, {
      headers: h,
      ...(r.form ? { body: r.form() } : r.body === undefined ? {} : { body: JSON.stringify(r.body) }),
    });
  };

  it('refuses every state-changing route from another site, whatever the headers say, and changes nothing', async () => {
    const { t, requests } = await setup();
    const writeRoutes = registeredApiRoutes(t.app).filter((r) => !r.startsWith('GET '));
    // A new write route must be added here, so that it is tried too.
    expect(Object.keys(requests).sort()).toEqual(writeRoutes);

    const variants: Record<string, string>[] = [
      // A page of another site calling fetch() with JSON.
      {
        origin: 'https://ke-xau.example',
        'sec-fetch-site': 'cross-site',
        'content-type': 'application/json',
      },
      // A form of a sandboxed frame in a browser that sends no Sec-Fetch-Site.
      { origin: 'null', 'content-type': 'text/plain' },
      // A neighbouring site of the same school (another subdomain): same site, not same origin.
      {
        origin: 'https://khac.truong.edu.vn',
        'sec-fetch-site': 'same-site',
        'content-type': 'application/x-www-form-urlencoded',
      },
    ];
    const before = t.snapshot();
    let tried = 0;
    for (const [route, r] of Object.entries(requests))
      for (const headers of variants) {
        const res = await send(t, r, headers);
        tried++;
        expect(res.status, `${route} ${JSON.stringify(headers)}`).toBe(403);
        expect(((await res.json()) as any).error.code).toBe('cross_site_request');
        expect(res.headers.get('set-cookie'), route).toBeNull();
      }
    expect(tried).toBe(writeRoutes.length * variants.length);
    expect(t.snapshot()).toBe(before);
    // The victim's session survived the forged sign-out and password change.
    expect((await t.call('GET', '/api/auth/me')).status).toBe(200);

    // The very same requests from the app's own page all go through: only the site was at fault.
    // The sign-in is sent without the session: it would end it (and the requests after it).
    for (const [route, r] of Object.entries(requests)) {
      const res = await send(t, r, {
        origin: 'http://localhost',
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/json',
        ...(route === 'POST /api/auth/login' ? { cookie: '' } : {}),
      });
      expect(res.status, `${route} ${await res.clone().text()}`).toBeLessThan(300);
    }
  });

  it('grants no other site a preflight or a read: no CORS headers at all', async () => {
    const t = testApp();
    const { a } = await seedBasics(t);
    const preflight = await t.anonymous.raw('OPTIONS', `/api/results/${a.id}/KET_NAP/2025`, {
      headers: {
        origin: 'https://ke-xau.example',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
    const read = await t.raw('GET', `/api/values?unit=${a.id}&period=2025`, {
      headers: { origin: 'https://ke-xau.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
    expect(read.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------
// The sign-in throttle, on a real socket so that the client's address is real

interface Served {
  base: string;
  port: number;
  close: () => Promise<void>;
}

// Hashes nearly as slow as the real ones, so that the guesses of a burst are checked side by
// side, as they would be on the server.
const SLOW_LOG2N = 14;

async function serveApp(): Promise<Served> {
  const db = openDatabase(':memory:');
  await ensureAdmin(db, TEST_PASSWORD, SLOW_LOG2N);
  db.insert(users)
    .values({
      username: 'lan',
      displayName: 'Lan',
      passwordHash: await hashPassword(TEST_PASSWORD, SLOW_LOG2N),
    })
    .run();
  const app = createApp({ db, scryptLog2N: SLOW_LOG2N, throttle: TEST_THROTTLE });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** A sign-in from a given loopback address (127.0.0.x), as another machine would send it. */
function signInFrom(
  served: Served,
  from: string,
  username: string,
  password: string,
): Promise<{ status: number; retryAfter: string | undefined }> {
  const body = JSON.stringify({ username, password });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: served.port,
        localAddress: from,
        method: 'POST',
        path: '/api/auth/login',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        agent: false,
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers['retry-after'] as string | undefined,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('the sign-in throttle under attack', () => {
  const opened: Served[] = [];
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
  });

  it('holds under a burst of 50 guesses at once: at most its limit are answered, then even the right password waits', async () => {
    const served = await serveApp();
    opened.push(served);
    const burst = await Promise.all(
      Array.from({ length: 50 }, (_, i) => signInFrom(served, '127.0.0.1', 'admin', `doan-sai-${i}`)),
    );
    const statuses = burst.map((r) => r.status);
    expect(
      statuses.every((s) => s === 401 || s === 429),
      statuses.join(','),
    ).toBe(true);
    // Each 401 is a guess the attacker got an answer to: no more than the throttle allows.
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(TEST_THROTTLE.maxFailures);
    const right = await signInFrom(served, '127.0.0.1', 'admin', TEST_PASSWORD);
    expect(right.status).toBe(429);
    expect(Number(right.retryAfter)).toBeGreaterThan(0);
    // The account is held from every address; the address is held for every account.
    expect((await signInFrom(served, '127.0.0.2', 'admin', TEST_PASSWORD)).status).toBe(429);
    expect((await signInFrom(served, '127.0.0.1', 'lan', TEST_PASSWORD)).status).toBe(429);
    expect((await signInFrom(served, '127.0.0.2', 'lan', TEST_PASSWORD)).status).toBe(200);
  });

  it('counts per address, so guessing a different username each time does not get round it', async () => {
    const served = await serveApp();
    opened.push(served);
    for (let i = 0; i < TEST_THROTTLE.maxFailures; i++) {
      const username = i % 2 ? `khong-co-${i}` : 'lan';
      expect((await signInFrom(served, '127.0.0.3', i ? username : 'admin', 'sai-mat-khau')).status).toBe(
        401,
      );
    }
    expect((await signInFrom(served, '127.0.0.3', 'admin', TEST_PASSWORD)).status).toBe(429);
    expect((await signInFrom(served, '127.0.0.3', 'nguoi-khac', 'sai-mat-khau')).status).toBe(429);
    // Nobody else is shut out: each of those names failed only a few times.
    expect((await signInFrom(served, '127.0.0.4', 'admin', TEST_PASSWORD)).status).toBe(200);
    expect((await signInFrom(served, '127.0.0.4', 'lan', TEST_PASSWORD)).status).toBe(200);
  });
});
