// Issue 7, "Province scale, measured": drives the real server on a province-sized database
// and prints its figures beside the issue's targets (bench/README.md explains each field).
//   npm run bench                    about three minutes
//   npm run bench -- --quick         short runs, for a smoke test
//   npm run bench -- --regenerate    rebuild .tmp/province.db first
// It measures; it does not judge: the exit code is 0 when targets fail, 1 only when
// something broke. Every process and temporary file it makes is removed at the end, also
// on Ctrl-C.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { and, eq } from 'drizzle-orm';
import { openDatabase } from '../server/db/client';
import { indicators, results, units } from '../server/db/schema';
import { ensureServerBuild, SERVER_ENTRY } from './build-server.mjs';
import {
  CELL_ONLY_COUNT,
  DEFAULT_PROVINCE_PASSWORD,
  DEFAULT_PROVINCE_PATH,
  PROVINCE_INDICATORS,
} from './province';

// ---------------------------------------------------------------------------------------
// Settings

const args = process.argv.slice(2);
const known = ['--quick', '--regenerate'];
if (args.some((a) => !known.includes(a))) {
  console.error('usage: npm run bench [-- --quick] [-- --regenerate]');
  process.exit(2);
}
const QUICK = args.includes('--quick');
const REGENERATE = args.includes('--regenerate');
const CONNECTIONS = 10;
const DURATION_S = QUICK ? 2 : 10;
const WARMUP_S = QUICK ? 0.5 : 2;
const IMPORT_ROWS = 100_000;
const PERIOD = '2025';
/** The half the write loop writes: its year is the period every dashboard shows. */
const WRITE_PERIOD = `${PERIOD}-H2`;
const CHART_CODE = 'HO_THOAT_NGHEO';
// A tool beside the server, not the server: it reads its own settings here.
const PASSWORD = process.env.PROVINCE_ADMIN_PASSWORD ?? DEFAULT_PROVINCE_PASSWORD;

const TARGETS = {
  rootDashboardRatio: 0.5,
  rootDashboardP99Ms: 20,
  cellDashboardRatio: 0.7,
  importRowsPerSecond: 20_000,
  serverMemoryMB: 300,
  firstLoadJsGzipKB: 250,
};

// ---------------------------------------------------------------------------------------
// Processes and files, all cleaned up whatever happens

const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();
const closers = new Set<() => void>();
let cleaned = false;

async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  for (const close of closers) close();
  await Promise.all([...children].map(stopChild));
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the servers and removing the temporary files…`);
    void cleanup().then(() => process.exit(130));
  });

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

interface Started {
  child: ChildProcess;
  base: string;
  log: () => string;
}

/** Starts `node --import tsx <script>` as the e2e tests start the server, and waits for `ready`. */
async function startNode(script: string, scriptArgs: string[], env: Record<string, string>, ready: string) {
  const port = await freePort();
  let output = '';
  const child = spawn(
    process.execPath,
    [
      // The server as `npm start` runs it, built; the yardstick through tsx.
      ...(script.endsWith('.ts') ? ['--import', 'tsx'] : []),
      script,
      ...scriptArgs.map((a) => a.replace('$PORT', String(port))),
    ],
    {
      env: { ...process.env, ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.add(child);
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited early:\n${output}`);
    if (Date.now() > deadline) throw new Error(`${script} did not answer within 120 s:\n${output}`);
    try {
      if ((await fetch(base + ready)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, base, log: () => output } satisfies Started;
}

// ---------------------------------------------------------------------------------------
// Load

interface LoadFigures {
  path: string;
  durationS: number;
  requests: number;
  rps: number;
  /** Of 2xx answers, measured per request (autocannon's histogram keeps whole milliseconds). */
  p50Ms: number;
  p99Ms: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  ratio?: number;
  autocannon: { requestsAverage: number; latencyP50: number; latencyP99: number };
}

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

async function load(
  url: string,
  options: { headers?: Record<string, string>; requests?: autocannon.Request[]; duration: number },
): Promise<LoadFigures> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: options.duration,
        headers: options.headers,
        requests: options.requests,
        timeout: 30,
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) latencies.push(ms);
    });
  });
  const sorted = Float64Array.from(latencies).sort();
  return {
    path: new URL(url).pathname + new URL(url).search,
    durationS: result.duration,
    requests: result.requests.total,
    rps: round(result.requests.total / result.duration, 1),
    p50Ms: round(percentile(sorted, 0.5)),
    p99Ms: round(percentile(sorted, 0.99)),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    autocannon: {
      requestsAverage: result.requests.average,
      latencyP50: result.latency.p50,
      latencyP99: result.latency.p99,
    },
  };
}

/** A warm-up run whose figures are thrown away, then the measured one. */
async function measure(
  url: string,
  options: { headers?: Record<string, string>; requests?: autocannon.Request[] },
) {
  await load(url, { ...options, duration: WARMUP_S });
  return load(url, { ...options, duration: DURATION_S });
}

// ---------------------------------------------------------------------------------------
// The province, read before the server starts

interface Province {
  root: number;
  bloc: { id: number; name: string };
  committee: { id: number; name: string };
  cell: { id: number; name: string };
  cells: number[];
  /** The write loop's indicator at each cell for WRITE_PERIOD: its count, or null when none. */
  written: Map<number, number | null>;
  importRows: string[];
  counts: { units: number; cells: number; committees: number; blocs: number };
}

function readProvince(path: string): Province {
  const db = openDatabase(path);
  try {
    const all = db
      .select({
        id: units.id,
        parentId: units.parentId,
        name: units.name,
        kind: units.kind,
        position: units.position,
      })
      .from(units)
      .all()
      .sort((a, b) => a.position - b.position || a.id - b.id);
    const childrenOf = new Map<number | null, typeof all>();
    for (const u of all) childrenOf.set(u.parentId, [...(childrenOf.get(u.parentId) ?? []), u]);
    const roots = childrenOf.get(null) ?? [];
    if (roots.length !== 1) throw new Error(`expected one root unit in ${path}, found ${roots.length}`);
    const root = roots[0]!;
    const blocs = childrenOf.get(root.id) ?? [];
    // A district rather than the agencies' bloc: the commonest shape of a province.
    const bloc = blocs.find((b) => b.name.includes('huyện')) ?? blocs[0];
    // A commune with ten cells or more, the commonest grassroots committee.
    const committees = childrenOf.get(bloc?.id ?? -1) ?? [];
    const committee =
      committees.find((c) => c.name.startsWith('Đảng bộ xã') && (childrenOf.get(c.id)?.length ?? 0) >= 10) ??
      committees[0];
    const cell = childrenOf.get(committee?.id ?? -1)?.[0];
    if (!bloc || !committee || !cell) throw new Error(`${path} is not shaped like a province`);
    const cellIds = all.filter((u) => u.kind === 'chi_bo').map((u) => u.id);
    const cellSet = new Set(cellIds);

    const cat = db.select().from(indicators).all();
    const byId = new Map(cat.map((i) => [i.id, i]));
    const writeInd = cat.find((i) => i.code === CELL_ONLY_COUNT);
    if (!writeInd) throw new Error(`${path} has no indicator ${CELL_ONLY_COUNT}`);
    const written = new Map<number, number | null>(cellIds.map((id) => [id, null]));
    for (const r of db
      .select({ unitId: results.unitId, x100: results.valueX100 })
      .from(results)
      .where(and(eq(results.indicatorId, writeInd.id), eq(results.period, WRITE_PERIOD)))
      .all())
      if (cellSet.has(r.unitId)) written.set(r.unitId, (r.x100 ?? 0) / 100);

    // 100.000 results entered at the cells, each to be changed by the import (never the
    // write loop's, which the loop has changed meanwhile).
    const importRows: string[] = [];
    const stored = db.$client
      .prepare(
        `SELECT r.unit_id AS unitId, r.indicator_id AS indicatorId, r.period AS period, r.value_x100 AS x100,
                r.numerator AS numerator, r.denominator AS denominator, r.level AS level
         FROM results r JOIN units u ON u.id = r.unit_id
         WHERE u.kind = 'chi_bo' AND NOT (r.indicator_id = ? AND r.period = ?)
         ORDER BY r.id`,
      )
      .iterate(writeInd.id, WRITE_PERIOD) as IterableIterator<{
      unitId: number;
      indicatorId: number;
      period: string;
      x100: number | null;
      numerator: number | null;
      denominator: number | null;
      level: string | null;
    }>;
    for (const r of stored) {
      if (importRows.length === IMPORT_ROWS) break;
      const ind = byId.get(r.indicatorId)!;
      let value = '';
      let numerator = '';
      let denominator = '';
      if (ind.kind === 'count') value = String((r.x100 ?? 0) / 100 + 1);
      else if (ind.kind === 'percent') {
        const x = r.x100 ?? 0;
        value = String((x >= 5000 ? x - 25 : x + 25) / 100);
      } else if (ind.kind === 'ratio') {
        const n = r.numerator ?? 0;
        numerator = String(n > 0 ? n - 1 : n + 1);
        denominator = String(Math.max(r.denominator ?? 1, 1));
      } else {
        const levels = ind.levels ?? [];
        const at = levels.indexOf(r.level ?? '');
        value = levels[at > 0 ? at - 1 : at + 1] ?? '';
      }
      importRows.push(`${r.unitId},${ind.code},${r.period},result,${value},${numerator},${denominator},`);
    }
    return {
      root: root.id,
      bloc: { id: bloc.id, name: bloc.name },
      committee: { id: committee.id, name: committee.name },
      cell: { id: cell.id, name: cell.name },
      cells: cellIds,
      written,
      importRows,
      counts: {
        units: all.length,
        cells: cellIds.length,
        committees: blocs.reduce((s, b) => s + (childrenOf.get(b.id)?.length ?? 0), 0),
        blocs: blocs.length,
      },
    };
  } finally {
    db.$client.close();
  }
}

// ---------------------------------------------------------------------------------------
// HTTP helpers

async function login(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in as admin failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.includes('='));
  if (!cookie) throw new Error('sign-in gave no session cookie');
  return cookie.split(';')[0]!;
}

interface DashboardRow {
  indicator: { code: string };
  result: { value: number | string; source: string } | null;
}

async function getJson<T>(url: string, cookie: string): Promise<T> {
  const res = await fetch(url, { headers: { cookie } });
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as T;
}

/** The root's rolled-up figure of the write loop's indicator for the year. */
function figureOf(rows: DashboardRow[]): number | null {
  const row = rows.find((r) => r.indicator.code === CELL_ONLY_COUNT);
  return typeof row?.result?.value === 'number' ? row.result.value : null;
}

/** Bytes of a file as the server sends it when the client accepts gzip, and how it was sent. */
function fetchRaw(
  url: string,
  headers: Record<string, string> = { 'accept-encoding': 'gzip' },
): Promise<{ status: number; encoding: string | null; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          encoding: (res.headers['content-encoding'] as string | undefined) ?? null,
          bytes: Buffer.concat(chunks),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

// ---------------------------------------------------------------------------------------
// Write then read

interface WriteState {
  base: number;
  committed: number;
  /** The sum of the writes sent and not yet answered. */
  inflight: number;
  busy: Set<number>;
  checks: number;
  exact: number;
  /** Reads that missed a write answered before they were sent. */
  stale: number;
  /** Reads showing more than was ever written (or no figure at all). */
  impossible: number;
  examples: string[];
  /** The server's root figure and the file's, each time the writes had settled. */
  settled: { server: number | null; file: number }[];
  refused: number;
  putMs: number[];
  readMs: number[];
}

interface PutContext {
  put?: { cell: number; value: number; delta: number; at: number };
  read?: { lo: number; at: number };
}

function writeThenRead(
  p: Province,
  state: WriteState,
  rootPath: string,
  cookie: string,
): autocannon.Request[] {
  let seed = 7;
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296;
  };
  const json = { cookie, 'content-type': 'application/json' };
  return [
    {
      method: 'PUT',
      setupRequest: (req, context) => {
        const ctx = context as PutContext;
        let cell = p.cells[Math.floor(rand() * p.cells.length)]!;
        while (state.busy.has(cell)) cell = p.cells[Math.floor(rand() * p.cells.length)]!;
        const old = p.written.get(cell) ?? null;
        // Only ever up: a root that stopped following the writes falls behind at once, where
        // writes both ways would let a stale figure wander inside the bounds.
        const delta = 1 + Math.floor(rand() * 3);
        const value = (old ?? 0) + delta;
        state.busy.add(cell);
        state.inflight += delta;
        ctx.put = { cell, value, delta, at: performance.now() };
        return {
          ...req,
          path: `/api/results/${cell}/${CELL_ONLY_COUNT}/${WRITE_PERIOD}`,
          headers: json,
          body: JSON.stringify({ value, note: 'Đo tải: ghi rồi đọc' }),
        };
      },
      onResponse: (status, _body, context) => {
        const put = (context as PutContext).put;
        if (!put) return;
        state.putMs.push(performance.now() - put.at);
        state.inflight -= put.delta;
        state.busy.delete(put.cell);
        if (status === 200) {
          state.committed += put.delta;
          p.written.set(put.cell, put.value);
        } else state.refused++;
      },
    },
    {
      method: 'GET',
      path: rootPath,
      headers: { cookie },
      setupRequest: (req, context) => {
        // Every write answered before this read is sent must show in it...
        (context as PutContext).read = { lo: state.base + state.committed, at: performance.now() };
        return req;
      },
      onResponse: (status, body, context) => {
        const read = (context as PutContext).read;
        if (!read) return;
        state.readMs.push(performance.now() - read.at);
        if (status !== 200) return;
        // ...and any write sent before its answer came back may: the server may take a later
        // request first. Nothing else can.
        const hi = state.base + state.committed + state.inflight;
        const figure = figureOf((JSON.parse(body) as { rows: DashboardRow[] }).rows);
        state.checks++;
        if (read.lo === hi) state.exact++;
        const wrong = figure === null || figure > hi ? 'impossible' : figure < read.lo ? 'stale' : null;
        if (wrong) {
          state[wrong]++;
          if (state.examples.length < 5)
            state.examples.push(
              `${wrong}: got ${figure}, expected ${read.lo === hi ? read.lo : `${read.lo}…${hi}`}`,
            );
        }
      },
    },
  ];
}

/** The truth beside the server: its database file, read on a connection of our own. */
class Truth {
  private readonly db: Database.Database;
  private readonly total: Database.Statement<[number], { n: number | null }>;
  private readonly one: Database.Statement<[number, number], { x100: number | null }>;
  private readonly indicatorId: number;

  constructor(path: string) {
    this.db = new Database(path, { readonly: true, fileMustExist: true });
    this.indicatorId = (
      this.db.prepare('SELECT id FROM indicators WHERE code = ?').get(CELL_ONLY_COUNT) as { id: number }
    ).id;
    // Nothing above the cells is entered for this indicator, so the root's year is the sum
    // of every half-year stored.
    this.total = this.db.prepare(
      `SELECT SUM(value_x100) AS n FROM results WHERE indicator_id = ? AND period IN ('${PERIOD}-H1', '${PERIOD}-H2')`,
    );
    this.one = this.db.prepare(
      `SELECT value_x100 AS x100 FROM results WHERE indicator_id = ? AND unit_id = ? AND period = '${WRITE_PERIOD}'`,
    );
  }
  rootFigure = () => (this.total.get(this.indicatorId)?.n ?? 0) / 100;
  cellValue = (cell: number) => {
    const row = this.one.get(this.indicatorId, cell);
    return row ? (row.x100 ?? 0) / 100 : null;
  };
  close = () => this.db.close();
}

/**
 * After a run stopped with writes under way (they may or may not have landed), waits for
 * the server to finish them, learns from the file what they left, and checks that the
 * server's root figure is exactly the file's.
 */
async function resync(
  base: string,
  cookie: string,
  p: Province,
  state: WriteState,
  truth: Truth,
  rootPath: string,
) {
  let last = Number.NaN;
  for (let i = 0; i < 40; i++) {
    await new Promise((r) => setTimeout(r, 250));
    const now = truth.rootFigure();
    if (now === last) break;
    last = now;
  }
  for (const cell of state.busy) p.written.set(cell, truth.cellValue(cell));
  state.busy.clear();
  state.inflight = 0;
  state.committed = 0;
  state.base = truth.rootFigure();
  const figure = figureOf((await getJson<{ rows: DashboardRow[] }>(base + rootPath, cookie)).rows);
  state.settled.push({ server: figure, file: state.base });
}

// ---------------------------------------------------------------------------------------
// Import

async function postImport(base: string, cookie: string, csv: string) {
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

// ---------------------------------------------------------------------------------------
// Memory and the client's size

function memoryOf(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kB = (key: string) =>
    Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  // /proc counts in KiB; the figures here are decimal megabytes, like the target's.
  return { rssMB: round((kB('VmRSS') * 1024) / 1e6, 1), hwmMB: round((kB('VmHWM') * 1024) / 1e6, 1) };
}

async function clientSize(base: string) {
  const dist = resolve('dist/client');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const first = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) first.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) first.add(m[1]!);
  const all = new Set(
    readdirSync(join(dist, 'assets'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => `/assets/${f}`),
  );
  const sizes = new Map<string, { raw: number; sent: number; gzip9: number; encoding: string | null }>();
  for (const path of new Set([...first, ...all])) {
    const file = readFileSync(join(dist, path));
    const sent = await fetchRaw(base + path);
    if (sent.status !== 200) throw new Error(`GET ${path}: ${sent.status}`);
    sizes.set(path, {
      raw: file.length,
      sent: sent.bytes.length,
      gzip9: gzipSync(file, { level: 9 }).length,
      encoding: sent.encoding,
    });
  }
  const total = (paths: Set<string>) => {
    const t = { files: paths.size, gzipByServer: 0, rawKB: 0, sentKB: 0, gzip9KB: 0 };
    for (const p of paths) {
      const f = sizes.get(p)!;
      t.rawKB += f.raw / 1000;
      t.sentKB += f.sent / 1000;
      t.gzip9KB += f.gzip9 / 1000;
      if (f.encoding === 'gzip') t.gzipByServer++;
    }
    return { ...t, rawKB: round(t.rawKB, 1), sentKB: round(t.sentKB, 1), gzip9KB: round(t.gzip9KB, 1) };
  };
  const firstLoad = total(first);
  const everything = total(all);
  // What the browser receives, when the server compresses; else what gzip would make of it.
  const byServer = everything.gzipByServer > 0;
  return {
    compressedByServer: byServer,
    note: byServer
      ? `bytes as sent with Accept-Encoding: gzip (${everything.gzipByServer} of ${everything.files} files gzipped by the server, the rest sent as they are)`
      : 'the server answered without compression: gzip -9 sizes computed here',
    firstLoad: { ...firstLoad, gzipKB: byServer ? firstLoad.sentKB : firstLoad.gzip9KB, paths: [...first] },
    all: { ...everything, gzipKB: byServer ? everything.sentKB : everything.gzip9KB },
  };
}

// ---------------------------------------------------------------------------------------
// Main

function gitState() {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty =
      execFileSync('git', ['--no-optional-locks', 'status', '--porcelain'], { encoding: 'utf8' }).trim() !==
      '';
    return { commit, dirty };
  } catch {
    return null;
  }
}

const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

async function main() {
  const startedAt = new Date();
  const t0 = performance.now();
  const step = (what: string) =>
    console.log(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(3)} s] ${what}`);

  step('client build');
  execFileSync(process.execPath, ['scripts/ensure-build.mjs'], { stdio: 'inherit' });

  const source = resolve(DEFAULT_PROVINCE_PATH);
  if (REGENERATE || !existsSync(source)) {
    step(`generating ${DEFAULT_PROVINCE_PATH}`);
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/province.ts', source, '--force'], {
      stdio: 'inherit',
    });
  }
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-bench-'));
  tempDirs.add(dir);
  const dbPath = join(dir, 'province.db');
  copyFileSync(source, dbPath);
  step(`reading the province (${(statSync(dbPath).size / 1e6).toFixed(0)} MB copy in ${dir})`);
  const p = readProvince(dbPath);
  const csv = `unit,code,period,type,value,numerator,denominator,note\r\n${p.importRows.join('\r\n')}\r\n`;

  step('starting the server and the yardstick');
  await ensureServerBuild({ quiet: true });
  const server = await startNode(
    SERVER_ENTRY,
    [],
    {
      HOST: '127.0.0.1',
      DATABASE_PATH: dbPath,
      DEMO_DATA: '0',
      LOG_REQUESTS: '0',
      CLIENT_DIST: './dist/client',
      NODE_ENV: 'production',
    },
    '/api/health',
  );
  const yard = await startNode('scripts/bench-yardstick.ts', ['$PORT'], {}, '/');
  const cookie = await login(server.base);
  // As a browser asks: every browser sends Accept-Encoding with gzip, and the app sends its
  // kept answers gzipped to them (decision 008). The root is also loaded without, below.
  const headers = { cookie, 'accept-encoding': 'gzip, deflate, br' };

  const paths = {
    rootDashboard: `/api/dashboard?unit=${p.root}&period=${PERIOD}`,
    cellDashboard: `/api/dashboard?unit=${p.cell.id}&period=${PERIOD}`,
    blocChart: `/api/dashboard/units?parent=${p.bloc.id}&code=${CHART_CODE}&period=${PERIOD}`,
    committeeScorecard: `/api/compare/units?parent=${p.committee.id}&period=${PERIOD}`,
  };
  // Each route answers once before it is loaded; the first answer also fills the server's caches.
  const firstAnswerMs: Record<string, number> = {};
  for (const [key, path] of Object.entries(paths)) {
    const at = performance.now();
    await getJson(server.base + path, cookie);
    firstAnswerMs[key] = round(performance.now() - at, 1);
  }
  const rootAnswer = JSON.stringify(await getJson(server.base + paths.rootDashboard, cookie));
  const rootBytes = Buffer.byteLength(rootAnswer);
  const rootFile = join(dir, 'root-dashboard.json');
  writeFileSync(rootFile, rootAnswer);
  // The root's answer exactly as the server sends it gzipped, for the bare route to send too.
  const rootSent = await fetchRaw(server.base + paths.rootDashboard, {
    ...headers,
    'accept-encoding': 'gzip',
  });
  if (rootSent.encoding !== 'gzip') throw new Error('the root dashboard was not sent gzipped');
  const rootGzFile = join(dir, 'root-dashboard.json.gz');
  writeFileSync(rootGzFile, rootSent.bytes);
  const rootRow = (
    await getJson<{ rows: DashboardRow[] }>(server.base + paths.rootDashboard, cookie)
  ).rows.find((r) => r.indicator.code === CELL_ONLY_COUNT);
  if (rootRow?.result?.source !== 'units')
    throw new Error(
      `the root's ${CELL_ONLY_COUNT} should be rolled up from its units, not ${rootRow?.result?.source}`,
    );

  const runs: Record<string, LoadFigures> = {};
  const run = async (
    key: string,
    url: string,
    options: { headers?: Record<string, string>; requests?: autocannon.Request[] } = {},
  ) => {
    step(`load: ${key} (${WARMUP_S} s warm-up, ${DURATION_S} s measured, ${CONNECTIONS} connections)`);
    runs[key] = await measure(url, options);
  };
  await run('yardstick', `${yard.base}/`);
  // A bare Hono route sending the root dashboard's very bytes, as the server sends them: the
  // most any route answering them can do here, whatever it computes.
  await run('yardstickSized', `${yard.base}/same?file=${encodeURIComponent(rootGzFile)}&gzip=1`);
  await run('rootDashboard', server.base + paths.rootDashboard, { headers });
  // Every request a new visitor: a cookie beside the session that changes each time, so the
  // kept answer is not served before the app (server/lib/hot-answers.ts) and each request goes
  // through Hono, the session, the rights and the kept answers of the app.
  let visitor = 0;
  await run('rootDashboardApp', server.base + paths.rootDashboard, {
    requests: [
      {
        method: 'GET',
        path: paths.rootDashboard,
        setupRequest: (req) => ({
          ...req,
          headers: { ...headers, cookie: `${cookie}; luot=${++visitor}` },
        }),
      },
    ],
  });
  await run('yardstickSizedPlain', `${yard.base}/same?file=${encodeURIComponent(rootFile)}`);
  await run('rootDashboardPlain', server.base + paths.rootDashboard, { headers: { cookie } });
  await run('cellDashboard', server.base + paths.cellDashboard, { headers });
  await run('blocChart', server.base + paths.blocChart, { headers });
  await run('committeeScorecard', server.base + paths.committeeScorecard, { headers });

  step(`load: writeThenRead (${WARMUP_S} s warm-up, ${DURATION_S} s measured, ${CONNECTIONS} connections)`);
  const state: WriteState = {
    base: 0,
    committed: 0,
    inflight: 0,
    busy: new Set(),
    checks: 0,
    exact: 0,
    stale: 0,
    impossible: 0,
    examples: [],
    settled: [],
    refused: 0,
    putMs: [],
    readMs: [],
  };
  const loop = () => writeThenRead(p, state, paths.rootDashboard, cookie);
  const truth = new Truth(dbPath);
  closers.add(truth.close);
  await resync(server.base, cookie, p, state, truth, paths.rootDashboard);
  await load(`${server.base}/`, { requests: loop(), duration: WARMUP_S });
  await resync(server.base, cookie, p, state, truth, paths.rootDashboard);
  Object.assign(state, {
    checks: 0,
    exact: 0,
    stale: 0,
    impossible: 0,
    examples: [],
    refused: 0,
    putMs: [],
    readMs: [],
  });
  const wtr = await load(`${server.base}/`, { requests: loop(), duration: DURATION_S });
  // Whatever was still under way when the run stopped is read back, and the root checked once more.
  await resync(server.base, cookie, p, state, truth, paths.rootDashboard);
  const sortedMs = (xs: number[]) => Float64Array.from(xs).sort();
  const putSorted = sortedMs(state.putMs);
  const readSorted = sortedMs(state.readMs);
  runs.writeThenRead = {
    ...wtr,
    path: `PUT /api/results/<cell>/${CELL_ONLY_COUNT}/${WRITE_PERIOD}, then GET ${paths.rootDashboard}`,
  };
  const writeLoop = {
    loopsPerSecond: round(state.readMs.length / wtr.durationS, 1),
    putP50Ms: round(percentile(putSorted, 0.5)),
    putP99Ms: round(percentile(putSorted, 0.99)),
    readP50Ms: round(percentile(readSorted, 0.5)),
    readP99Ms: round(percentile(readSorted, 0.99)),
    checks: state.checks,
    exactChecks: state.exact,
    stale: state.stale,
    impossible: state.impossible,
    examples: state.examples,
    settled: state.settled,
    settledEqual: state.settled.every((x) => x.server === x.file),
    refusedWrites: state.refused,
  };

  // The yardstick again, last: on a shared machine it moves, and every ratio is to the mean of both.
  await run('yardstickAgain', `${yard.base}/`);
  const yardRps = (runs.yardstick!.rps + runs.yardstickAgain!.rps) / 2;
  for (const r of Object.values(runs)) r.ratio = round(r.rps / yardRps, 3);

  const memoryAfterLoad = memoryOf(server.child.pid!);

  step(
    `import: ${p.importRows.length} rows (${(csv.length / 1e6).toFixed(1)} MB), first with a bad last row`,
  );
  const lines = csv.trimEnd().split('\r\n');
  const badRow = lines.length; // as a spreadsheet numbers it, the header being 1
  lines[lines.length - 1] = lines[lines.length - 1]!.replace(/^([^,]*),[^,]*,/, '$1,KHONG_CO_CHI_TIEU,');
  const bad = await postImport(server.base, cookie, `${lines.join('\r\n')}\r\n`);
  const good = await postImport(server.base, cookie, csv);
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
  const memoryAfterImport = memoryOf(server.child.pid!);

  step('client JavaScript as sent');
  const js = await clientSize(server.base);

  // ------------------------------------------------------------------ verdicts
  const root = runs.rootDashboard!;
  const cell = runs.cellDashboard!;
  const clean = (r: LoadFigures) => r.errors === 0 && r.non2xx === 0;
  const checks = {
    rootDashboard: {
      target: `≥ ${TARGETS.rootDashboardRatio * 100}% of the yardstick and p99 < ${TARGETS.rootDashboardP99Ms} ms`,
      pass:
        clean(root) && root.ratio! >= TARGETS.rootDashboardRatio && root.p99Ms < TARGETS.rootDashboardP99Ms,
    },
    cellDashboard: {
      target: `≥ ${TARGETS.cellDashboardRatio * 100}% of the yardstick`,
      pass: clean(cell) && cell.ratio! >= TARGETS.cellDashboardRatio,
    },
    writeThenRead: {
      target: 'every read shows the writes before it, no errors',
      pass:
        clean(runs.writeThenRead!) &&
        state.checks > 0 &&
        state.stale + state.impossible + state.refused === 0 &&
        state.settled.every((x) => x.server === x.file),
    },
    import: {
      target: `≥ ${TARGETS.importRowsPerSecond.toLocaleString('en-US')} rows/s, all or nothing`,
      pass: importOk && importFigures.rowsPerSecond >= TARGETS.importRowsPerSecond,
    },
    memory: {
      target: `peak (VmHWM) after the load < ${TARGETS.serverMemoryMB} MB`,
      pass: memoryAfterLoad.hwmMB < TARGETS.serverMemoryMB,
    },
    firstLoadJs: {
      target: `< ${TARGETS.firstLoadJsGzipKB} KB gzip`,
      pass: js.firstLoad.gzipKB < TARGETS.firstLoadJsGzipKB,
    },
  };

  const report = {
    date: startedAt.toISOString(),
    quick: QUICK,
    git: gitState(),
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? '',
      memoryGB: round(totalmem() / 1e9, 1),
      node: process.version,
    },
    settings: { connections: CONNECTIONS, durationS: DURATION_S, warmupS: WARMUP_S, period: PERIOD },
    database: {
      source: DEFAULT_PROVINCE_PATH,
      bytes: statSync(source).size,
      ...p.counts,
      indicators: PROVINCE_INDICATORS.length,
      root: p.root,
      bloc: p.bloc,
      committee: p.committee,
      cell: p.cell,
    },
    firstAnswerMs,
    /** The mean of the two yardstick runs, which every `ratio` divides by. */
    yardstickRps: round(yardRps, 1),
    /** Against a bare route sending as many bytes as the root dashboard (no work, only bytes). */
    sameBytes: {
      bytes: rootBytes,
      gzipBytes: rootSent.bytes.length,
      rps: runs.yardstickSized!.rps,
      rootDashboardShare: round(runs.rootDashboard!.rps / runs.yardstickSized!.rps, 3),
      cellDashboardShare: round(runs.cellDashboard!.rps / runs.yardstickSized!.rps, 3),
      plainRps: runs.yardstickSizedPlain!.rps,
      rootDashboardPlainShare: round(runs.rootDashboardPlain!.rps / runs.yardstickSizedPlain!.rps, 3),
      rootDashboardAppShare: round(runs.rootDashboardApp!.rps / runs.yardstickSized!.rps, 3),
    },
    load: runs,
    writeLoop,
    import: importFigures,
    memory: { afterLoad: memoryAfterLoad, afterImport: memoryAfterImport },
    clientJs: js,
    targets: checks,
  };
  const outDir = resolve('bench/results');
  mkdirSync(outDir, { recursive: true });
  const outFile = join(
    outDir,
    `${startedAt
      .toISOString()
      .replace(/:/g, '-')
      .replace(/\.\d+Z$/, 'Z')}.json`,
  );
  writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);

  // ------------------------------------------------------------------ the table
  const num = (n: number, d = 0) =>
    Number.isFinite(n)
      ? n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d })
      : '—';
  const pad = (s: string, n: number, left = false) => (left ? s.padEnd(n) : s.padStart(n));
  const labels: Record<string, string> = {
    yardstick: 'yardstick (bare Hono)',
    yardstickAgain: 'yardstick, again',
    yardstickSized: 'bare Hono, same answer',
    rootDashboard: 'root dashboard',
    rootDashboardApp: 'root, each a new visitor',
    yardstickSizedPlain: 'bare, same, no gzip',
    rootDashboardPlain: 'root, no gzip',
    cellDashboard: 'cell dashboard',
    blocChart: 'chart at a bloc',
    committeeScorecard: 'scorecard (committee)',
    writeThenRead: 'write then read',
  };
  console.log('');
  console.log(
    `Province: ${p.counts.units.toLocaleString('en-US')} units (${p.counts.blocs} blocs, ${p.counts.committees} committees, ${p.counts.cells.toLocaleString('en-US')} cells); ${CONNECTIONS} connections, ${DURATION_S} s each${QUICK ? ' (quick)' : ''}`,
  );
  console.log(
    `First answers, before any load (caches cold): ${Object.entries(firstAnswerMs)
      .map(([k, ms]) => `${labels[k] ?? k} ${num(ms, 0)} ms`)
      .join(', ')}`,
  );
  console.log('');
  console.log(
    `${pad('', 22, true)}${pad('req/s', 9)}${pad('of yard', 8)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('errors', 8)}   target`,
  );
  for (const [key, r] of Object.entries(runs)) {
    const check = checks[key as keyof typeof checks];
    const errs =
      r.errors + r.non2xx + (key === 'writeThenRead' ? state.stale + state.impossible + state.refused : 0);
    console.log(
      `${pad(labels[key] ?? key, 22, true)}${pad(num(r.rps), 9)}${pad(`${num((r.ratio ?? 1) * 100, 1)}%`, 8)}${pad(num(r.p50Ms, 2), 9)}${pad(num(r.p99Ms, 2), 9)}${pad(num(errs), 8)}   ${check ? `${check.target}  ${verdict(check.pass)}` : ''}`,
    );
    if (key === 'yardstickSized')
      console.log(
        `${pad('', 22, true)}(a bare route sending the root dashboard's very answer, ${num(rootSent.bytes.length)} bytes gzipped: the root dashboard reaches ${num((runs.rootDashboard!.rps / r.rps) * 100, 1)}% of it, the cell dashboard ${num((runs.cellDashboard!.rps / r.rps) * 100, 1)}%)`,
      );
    if (key === 'rootDashboardPlain')
      console.log(
        `${pad('', 22, true)}(to a client that does not take gzip, ${num(rootBytes)} bytes: the root reaches ${num((r.rps / runs.yardstickSizedPlain!.rps) * 100, 1)}% of a bare route sending them)`,
      );
    if (key === 'writeThenRead')
      console.log(
        `${pad('', 22, true)}write then read: ${num(writeLoop.loopsPerSecond)} loops/s, PUT p50 ${num(writeLoop.putP50Ms, 2)} ms, read p50 ${num(writeLoop.readP50Ms, 2)} ms; ${num(state.checks)} reads checked, ${num(state.stale)} stale, ${num(state.impossible)} impossible; root = file after each run: ${state.settled.every((x) => x.server === x.file) ? 'yes' : 'NO'}`,
      );
  }
  console.log('');
  console.log(
    `import ${num(importFigures.rows)} rows       ${num(importFigures.rowsPerSecond)} rows/s (${num(importFigures.seconds, 2)} s, written ${num(importFigures.written ?? Number.NaN)}; bad last row: ${importFigures.badLastRow.status}, row ${importFigures.badLastRow.firstErrorRow}, ${importFigures.badLastRow.wroteNothing ? 'nothing written' : 'WROTE'})   ${checks.import.target}  ${verdict(checks.import.pass)}`,
  );
  console.log(
    `server memory           after load: RSS ${num(memoryAfterLoad.rssMB)} MB, peak ${num(memoryAfterLoad.hwmMB)} MB; after import: RSS ${num(memoryAfterImport.rssMB)} MB, peak ${num(memoryAfterImport.hwmMB)} MB   ${checks.memory.target}  ${verdict(checks.memory.pass)}`,
  );
  console.log(
    `client JS (gzip)        first load ${num(js.firstLoad.gzipKB, 1)} KB in ${js.firstLoad.files} files (${num(js.firstLoad.rawKB, 1)} KB raw); all ${num(js.all.gzipKB, 1)} KB in ${js.all.files}   ${checks.firstLoadJs.target}  ${verdict(checks.firstLoadJs.pass)}`,
  );
  console.log(
    `                        (${js.note}; gzip -9 here: first load ${num(js.firstLoad.gzip9KB, 1)} KB)`,
  );
  console.log('');
  console.log(`Written to ${outFile}`);
}

let failed = false;
try {
  await main();
} catch (err) {
  failed = true;
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
} finally {
  await cleanup();
}
process.exit(failed ? 1 : 0);
