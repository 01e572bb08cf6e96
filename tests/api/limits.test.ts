import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatNumber } from '../../shared/format';
import { IMPORT_HEADER } from '../../shared/import-export';
import { registeredApiRoutes, testApp } from '../helpers/app';
import { type Answer, contractRefusal, dump, form, healthWatch, memoryOf, send } from '../helpers/limits';
import {
  distinctRowsWorkbook,
  hugeSheetWorkbook,
  manyRowsCsv,
  repeatedRowsWorkbook,
  sharedStringsWorkbook,
} from '../helpers/packed-files';
import { killAllServers, type ServerProcess, signIn, startServer } from '../helpers/server-process';

// Issue 12, "nothing stops the server": the real server (`node --import tsx server/index.ts`)
// on a file with the demo data, attacked all at once with what the tester sent and more —
// bodies far past every route's limit, with and without Content-Length, to every route the app
// has (so a new route is covered without touching this file), as a viewer and signed out;
// packed workbooks and CSV files past the import's limits as a reporter (refused by the
// limits, not by rights), a viewer and signed out. Meanwhile GET /api/health is asked every
// 100 ms from a process of its own, and the server's memory is read from /proc.
//
// Every answer must be a 4xx with the contract's body; health must answer within a second
// throughout; resident memory must grow less than 300 MB over the idle server's; and the
// database, compared table by table after the server stopped, must not have changed.
//
// LIMITS_SCALE=4 sends four times as many of everything (docs/reliability.md has both runs).

const SCALE = Math.max(1, Number(process.env.LIMITS_SCALE ?? 1));
const MB = 1024 * 1024;
/** What a request announces, or would send without Content-Length if never stopped. */
const HUGE = 300 * MB;
const MEMORY_BOUND_MB = 300;
const HEALTH_BOUND_MS = 1000;
const PASSWORD = 'giới-hạn Hồng Lam 2026 kiểm thử';

const dir = mkdtempSync(join(tmpdir(), 'chitieu-limits-'));
const dbPath = join(dir, 'chitieu.db');
afterAll(async () => {
  await killAllServers();
  rmSync(dir, { recursive: true, force: true });
});

describe('the real server under oversized bodies and packed files, all at once', () => {
  it('answers every one with a 4xx, keeps answering health within a second, stays within 300 MB more memory, and changes nothing', async () => {
    // The bombs are made before the server starts: making them is not the server's cost.
    const made = performance.now();
    const cellRow = ['2', 'KET_NAP', '2026', 'result', 5];
    const files = {
      'repeated-rows.xlsx': await repeatedRowsWorkbook(200_000, cellRow),
      'distinct-rows.xlsx': await distinctRowsWorkbook(200_000, cellRow),
      'huge-sheet.xlsx': await hugeSheetWorkbook(400 * MB, cellRow),
      'huge-shared-strings.xlsx': await sharedStringsWorkbook(400 * MB),
      'many-rows.csv': manyRowsCsv(150_000, '2,KET_NAP,2026,result,5,,,'),
      'many-cells.csv': new TextEncoder().encode(`${IMPORT_HEADER}\n${','.repeat(19 * MB)}\n`),
    };
    const forms = await Promise.all(
      Object.entries(files).map(async ([name, bytes]) => ({
        name,
        file: bytes.length,
        ...(await form(bytes, name)),
      })),
    );
    const makingMs = performance.now() - made;

    const server: ServerProcess = await startServer(dbPath);
    const base = server.base;
    const pid = server.child.pid!;
    const admin = await signIn(base);
    const units = (await (await fetch(`${base}/api/units`, { headers: { cookie: admin } })).json()).units as {
      id: string;
      name: string;
      parentId: string | null;
    }[];
    const root = units.find((u) => u.parentId === null)!;
    const cell = units.find((u) => u.id === '2')!;
    expect(cell.name).toMatch(/^Chi bộ/);
    const account = async (username: string, role: string, unitId: string) => {
      const made = await fetch(`${base}/api/users`, {
        method: 'POST',
        headers: { cookie: admin, 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD, grants: [{ role, unitId }] }),
      });
      expect(made.status, await made.clone().text()).toBe(201);
      const res = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      expect(res.status).toBe(200);
      return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    };
    const viewer = await account('xem.gioi-han', 'viewer', root.id);
    const reporter = await account('bao-cao.gioi-han', 'reporter', cell.id);

    // Warm: a small CSV and a small workbook imported (exceljs loaded), then the idle
    // server's memory.
    const small = await form(
      new TextEncoder().encode(`${IMPORT_HEADER}\n2,KET_NAP,2026,result,5,,,\n`),
      'nho.csv',
    );
    const smallXlsx = await form(await repeatedRowsWorkbook(1, cellRow), 'nho.xlsx');
    for (const f of [small, smallXlsx]) {
      const warm = await send(base, 'warm', {
        method: 'POST',
        path: '/api/import?dryRun=1',
        cookie: reporter,
        type: f.type,
        size: f.bytes.length,
        chunked: false,
        body: f.bytes,
      });
      expect(warm.status, JSON.stringify(warm.body)).toBe(200);
    }
    await new Promise((r) => setTimeout(r, 500));
    const idle = memoryOf(pid);
    const before = dump(dbPath);

    // The routes, from the app and from the server's own description.
    // The router writes a parameter ":id", the description "{id}": one form for both.
    const routes = new Set(registeredApiRoutes(testApp().app).map((r) => r.replace(/:(\w+)/g, '{$1}')));
    const doc = await (await fetch(`${base}/api/openapi.json`)).json();
    for (const [path, ops] of Object.entries(doc.paths as Record<string, object>))
      for (const method of Object.keys(ops)) routes.add(`${method.toUpperCase()} ${path}`);
    const writes = [...routes].filter((r) => !/^(GET|HEAD) /.test(r)).sort();
    expect(writes.length).toBeGreaterThanOrEqual(20);
    expect(writes.filter((r) => r.includes(':'))).toEqual([]);
    const concrete = (path: string) =>
      path
        .replace('{unitId}', '2')
        .replace('{id}', '2')
        .replace('{code}', 'KET_NAP')
        .replace('{period}', '2026');

    let peakRss = idle.rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, memoryOf(pid).rss);
    }, 100);
    const health = healthWatch(base);
    await new Promise((r) => setTimeout(r, 300));
    const started = performance.now();

    const callers = { 'signed out': undefined, viewer } as Record<string, string | undefined>;
    const requests: Promise<Answer>[] = [];
    const expected = new Map<string, (a: Answer) => boolean>();
    for (let round = 0; round < SCALE; round++) {
      for (const route of writes) {
        const [method, template] = route.split(' ') as [string, string];
        const path = concrete(template);
        const importing = path === '/api/import';
        for (const [who, cookie] of Object.entries(callers))
          for (const chunked of [false, true]) {
            const label = `${route} as ${who}, ${chunked ? 'chunked' : 'with Content-Length'}, round ${round + 1}`;
            const publicRoute = path === '/api/auth/login' || path === '/api/auth/logout';
            expected.set(label, (a) =>
              !cookie && !publicRoute
                ? a.status === 401
                : importing
                  ? a.status === 403
                  : a.status === 413 && a.body.error.code === 'payload_too_large',
            );
            requests.push(
              send(base, label, {
                method,
                path,
                cookie,
                type: importing ? 'multipart/form-data; boundary=x' : 'application/json',
                size: HUGE,
                chunked,
              }),
            );
          }
      }
      // The tester's twelve sign-ins of 300 MB, and as many chunked.
      for (let i = 0; i < 12; i++)
        for (const chunked of [false, true]) {
          const label = `sign-in ${i + 1} of 300 MB, ${chunked ? 'chunked' : 'with Content-Length'}, round ${round + 1}`;
          expected.set(label, (a) => a.status === 413 && a.body.error.message.includes('4 KB'));
          requests.push(
            send(base, label, {
              method: 'POST',
              path: '/api/auth/login',
              type: 'application/json',
              size: HUGE,
              chunked,
            }),
          );
        }
      // The reporter's file of 300 MB, past the import's 20 MB.
      for (const chunked of [false, true]) {
        const label = `import of 300 MB as a reporter, ${chunked ? 'chunked' : 'with Content-Length'}, round ${round + 1}`;
        expected.set(label, (a) => a.status === 413 || a.body?.error?.code === 'import_busy');
        requests.push(
          send(base, label, {
            method: 'POST',
            path: '/api/import',
            cookie: reporter,
            type: 'multipart/form-data; boundary=x',
            size: HUGE,
            chunked,
          }),
        );
      }
      // Forms cut short inside a file: an unheard error of the part would end the process.
      for (const name of ['file', 'khac']) {
        const label = `form cut inside the part "${name}", round ${round + 1}`;
        const cut = new TextEncoder().encode(
          `--x\r\nContent-Disposition: form-data; name="${name}"; filename="a.csv"\r\n\r\n${IMPORT_HEADER}\n2,KET_NAP`,
        );
        expected.set(
          label,
          (a) => a.body?.error?.code === 'missing_file' || a.body?.error?.code === 'import_busy',
        );
        requests.push(
          send(base, label, {
            method: 'POST',
            path: '/api/import',
            cookie: reporter,
            type: 'multipart/form-data; boundary=x',
            size: cut.length,
            chunked: false,
            body: cut,
          }),
        );
      }
      // The packed files: a reporter is refused by the limits (or told to wait), a viewer by
      // rights, a signed-out caller by the session.
      const limitCodes: Record<string, string> = {
        'repeated-rows.xlsx': 'too_many_rows',
        'distinct-rows.xlsx': 'too_many_rows',
        'huge-sheet.xlsx': 'file_too_large_unpacked',
        'huge-shared-strings.xlsx': 'shared_strings_too_large',
        'many-rows.csv': 'too_many_rows',
        'many-cells.csv': 'too_many_cells',
      };
      for (const f of forms)
        for (const [who, cookie, check] of [
          [
            'reporter',
            reporter,
            (a: Answer) =>
              a.body?.error?.code === limitCodes[f.name] || a.body?.error?.code === 'import_busy',
          ],
          ['viewer', viewer, (a: Answer) => a.status === 403],
          ['signed out', undefined, (a: Answer) => a.status === 401],
        ] as const) {
          const label = `${f.name} (${formatNumber(f.file / 1024)} KB) as ${who}, round ${round + 1}`;
          expected.set(label, check);
          requests.push(
            send(base, label, {
              method: 'POST',
              path: '/api/import',
              cookie,
              type: f.type,
              size: f.bytes.length,
              chunked: false,
              body: f.bytes,
            }),
          );
        }
    }
    const answers = await Promise.all(requests);
    const attackMs = performance.now() - started;
    await new Promise((r) => setTimeout(r, 300));
    const healthSeen = await health.stop();
    clearInterval(sampler);
    const end = memoryOf(pid);
    // The kernel's peak catches what a sample every 100 ms may miss, once it is past the
    // peak of the start.
    peakRss = Math.max(peakRss, end.rss, end.hwm > idle.hwm ? end.hwm : 0);

    // The server still works: a reporter's small import goes through.
    const after = await send(base, 'after', {
      method: 'POST',
      path: '/api/import?dryRun=1',
      cookie: reporter,
      type: small.type,
      size: small.bytes.length,
      chunked: false,
      body: small.bytes,
    });
    expect(after.status, JSON.stringify(after.body)).toBe(200);
    await server.stop();
    const changed = JSON.stringify(dump(dbPath)) !== JSON.stringify(before);

    const statuses: Record<number, number> = {};
    for (const a of answers) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
    const figures = {
      requests: answers.length,
      statuses,
      busy: answers.filter((a) => a.body?.error?.code === 'import_busy').length,
      largestAnnounced: `${formatNumber(HUGE / MB)} MB`,
      largestSent: `${formatNumber(Math.max(...answers.map((a) => a.sent)) / MB)} MB`,
      sentInAll: `${formatNumber(answers.reduce((n, a) => n + a.sent, 0) / MB)} MB`,
      files: forms.map((f) => `${f.name} ${formatNumber(f.file / 1024)} KB`),
      attack: `${formatNumber(attackMs / 1000)} s`,
      making: `${formatNumber(makingMs / 1000)} s`,
      idleRss: `${formatNumber(idle.rss)} MB`,
      peakRss: `${formatNumber(peakRss)} MB`,
      growth: `${formatNumber(peakRss - idle.rss)} MB`,
      hwm: `${formatNumber(idle.hwm)} → ${formatNumber(end.hwm)} MB`,
      health: `${healthSeen.count} asked, worst ${formatNumber(healthSeen.worst)} ms, ${healthSeen.failures} failed`,
      dataChanged: changed,
    };
    console.log(`limits: ${JSON.stringify(figures, null, 1)}`);

    expect(answers.map(contractRefusal).filter(Boolean)).toEqual([]);
    expect(
      answers
        .filter((a) => !expected.get(a.label)!(a))
        .map((a) => `${a.label}: ${a.status} ${JSON.stringify(a.body)}`),
    ).toEqual([]);
    // Every kind of packed file reached the reader at least once, and was refused by its limit.
    for (const f of forms)
      expect(
        answers.some(
          (a) => a.label.startsWith(`${f.name} `) && a.label.includes('as reporter') && a.status === 413,
        ),
        f.name,
      ).toBe(true);
    expect(healthSeen.failures).toBe(0);
    expect(healthSeen.count).toBeGreaterThan(attackMs / 200);
    expect(healthSeen.worst).toBeLessThan(HEALTH_BOUND_MS);
    expect(peakRss - idle.rss).toBeLessThan(MEMORY_BOUND_MB);
    expect(changed).toBe(false);
  }, 180_000);
});
