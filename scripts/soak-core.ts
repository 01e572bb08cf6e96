// Issue 8, "Load": the real server on a copy of a province database, driven over loopback by
// clients that read and write at once, for as long as asked. Used by `npm run soak` (minutes,
// the province of the benchmark) and by tests/api/soak.test.ts (seconds, a small province,
// in `npm test`). docs/reliability.md gives the figures of one run.
//
// Each client is one connection's worth of work: it picks, with fixed weights, a dashboard
// (the root's, a bloc's, a committee's or a cell's), the chart by units at a bloc, the
// scorecard of a committee, a comparison of years, the report, the history of a value, or a
// write of one result at a cell of its own (so that it alone knows what the cell holds: after
// each write it reads the cell's dashboard back and checks it shows the value). Whatever
// answers other than 200 are errors. The server's resident memory is read from /proc every
// half second. At the end the server is stopped, and the file is checked: SQLite's integrity
// check, and every cell holding exactly the last value its client wrote.
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ensureServerBuild, SERVER_ENTRY } from './build-server.mjs';
import { freePort, keepOutput, stopChild, waitForAnswer } from './lib/processes';

export const SOAK_CODE = 'KET_NAP';
/** Growth of the resident memory after the warm-up that still counts as flat. */
export const MEMORY_GROWTH_BOUND_MB = 64;
/** Issue 7's bound on the server's memory on the province database. */
export const MEMORY_BOUND_MB = 300;
const PERIOD = '2025';
const WRITE_PERIOD = '2025-H2';

export interface SoakOptions {
  /** The database to copy; it is never written. */
  source: string;
  password: string;
  durationS: number;
  clients: number;
  /** Memory read after this share of the run is the baseline growth is measured from. */
  warmupShare?: number;
  /** Called every few seconds with a line of progress. */
  progress?: (line: string) => void;
}

export interface KindFigures {
  requests: number;
  errors: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface SoakFigures {
  durationS: number;
  clients: number;
  units: number;
  requests: number;
  rps: number;
  errors: number;
  /** A few of the errors, for a person to read. */
  errorExamples: string[];
  writes: number;
  /** Writes read back from the cell's dashboard right after: how many showed another value. */
  readBacks: number;
  readBackMismatches: number;
  kinds: Record<string, KindFigures>;
  memory: {
    /** Resident memory once the server had answered its first requests. */
    startMB: number;
    /** After the warm-up share of the run: what growth is measured from. */
    baselineMB: number;
    peakMB: number;
    endMB: number;
    /** Peak after the warm-up, less the baseline. */
    growthMB: number;
    samples: number;
  };
  integrity: string;
  /** Cells whose stored value is not the last one their client wrote: must be 0. */
  lostWrites: number;
}

function rssMB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return Math.round((kb / 1024) * 10) / 10;
}

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const round = (n: number) => Math.round(n * 100) / 100;

interface Shape {
  root: number;
  blocs: number[];
  committees: number[];
  cells: number[];
  units: number;
}

function readShape(path: string): Shape {
  const db = new Database(path, { readonly: true });
  try {
    const rows = db.prepare('SELECT id, parent_id AS parentId, kind FROM units').all() as {
      id: number;
      parentId: number | null;
      kind: string;
    }[];
    const root = rows.find((u) => u.parentId === null);
    if (!root) throw new Error(`${path} has no root unit`);
    const blocs = rows.filter((u) => u.parentId === root.id).map((u) => u.id);
    const blocSet = new Set(blocs);
    const committees = rows.filter((u) => u.parentId !== null && blocSet.has(u.parentId)).map((u) => u.id);
    const cells = rows.filter((u) => u.kind === 'chi_bo').map((u) => u.id);
    return { root: root.id, blocs, committees, cells, units: rows.length };
  } finally {
    db.close();
  }
}

async function startServer(
  dbPath: string,
): Promise<{ child: ChildProcess; base: string; log: () => string }> {
  const port = await freePort();
  // The server as `npm start` runs it.
  await ensureServerBuild({ quiet: true });
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_PATH: dbPath,
      DEMO_DATA: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = keepOutput(child);
  const base = `http://127.0.0.1:${port}`;
  await waitForAnswer(`${base}/api/health`, child, { name: 'the server', seconds: 120, output: log });
  return { child, base, log };
}

const stop = (child: ChildProcess) => stopChild(child, 10_000);

/** A small deterministic generator, so that two runs ask the same things in the same order. */
function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

export async function runSoak(options: SoakOptions): Promise<SoakFigures> {
  const { source, password, durationS, clients } = options;
  const warmupShare = options.warmupShare ?? 0.2;
  const shape = readShape(source);
  if (shape.cells.length < clients) throw new Error(`${source} has fewer cells than clients`);
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-soak-'));
  const dbPath = join(dir, 'soak.db');
  copyFileSync(source, dbPath);
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    server = await startServer(dbPath);
    const { base, child } = server;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    if (!login.ok) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;

    // The first answers build the roll-up of the year; memory is read after them.
    for (const unit of [shape.root, shape.blocs[0]!, shape.cells[0]!]) {
      const res = await fetch(`${base}/api/dashboard?unit=${unit}&period=${PERIOD}`, { headers: { cookie } });
      if (!res.ok) throw new Error(`first dashboard: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    }
    const pid = child.pid!;
    const memory = { startMB: rssMB(pid), baselineMB: 0, peakMB: 0, endMB: 0, samples: 0 };
    const started = performance.now();
    const deadline = started + durationS * 1000;
    const warmupEnd = started + durationS * 1000 * warmupShare;
    let baselineTaken = false;
    const sampler = setInterval(() => {
      try {
        const mb = rssMB(pid);
        memory.samples += 1;
        if (!baselineTaken && performance.now() >= warmupEnd) {
          memory.baselineMB = mb;
          baselineTaken = true;
        }
        if (baselineTaken) memory.peakMB = Math.max(memory.peakMB, mb);
        memory.endMB = mb;
      } catch {}
    }, 500);

    const latencies = new Map<string, number[]>();
    const errorsOf = new Map<string, number>();
    const errorExamples: string[] = [];
    let requests = 0;
    let writes = 0;
    let readBacks = 0;
    let readBackMismatches = 0;
    const lastWritten = new Map<number, number>();

    const timed = async (kind: string, path: string, init?: RequestInit) => {
      const t0 = performance.now();
      let status = 0;
      let text = '';
      try {
        const res = await fetch(base + path, {
          ...init,
          headers: { cookie, ...(init?.body ? { 'content-type': 'application/json' } : {}) },
        });
        status = res.status;
        text = await res.text();
      } catch (err) {
        text = String(err);
      }
      const ms = performance.now() - t0;
      requests += 1;
      const list = latencies.get(kind) ?? [];
      if (list.length === 0) latencies.set(kind, list);
      list.push(ms);
      if (status !== 200) {
        errorsOf.set(kind, (errorsOf.get(kind) ?? 0) + 1);
        if (errorExamples.length < 10) errorExamples.push(`${kind} ${path}: ${status} ${text.slice(0, 200)}`);
        return null;
      }
      return text;
    };

    const pick = <T>(r: () => number, xs: T[]) => xs[Math.floor(r() * xs.length)]!;
    const years = ['2021', '2022', '2023', '2024', '2025'];
    const codes = ['KET_NAP', 'HO_THOAT_NGHEO', 'DV_HTT', 'SH_DAY_DU', 'XL_TCD'];

    const client = async (n: number) => {
      const r = rng(0x9e3779b9 ^ (n * 7919));
      // This client's own cells: nobody else writes them, so it knows what they hold.
      const mine = shape.cells.filter((_, i) => i % clients === n);
      let value = 1000 * (n + 1);
      while (performance.now() < deadline) {
        const x = r();
        if (x < 0.1) await timed('root dashboard', `/api/dashboard?unit=${shape.root}&period=${PERIOD}`);
        else if (x < 0.2) {
          const unit = pick(r, r() < 0.5 ? shape.blocs : shape.committees);
          await timed('bloc/committee dashboard', `/api/dashboard?unit=${unit}&period=${pick(r, years)}`);
        } else if (x < 0.35)
          await timed(
            'cell dashboard',
            `/api/dashboard?unit=${pick(r, shape.cells)}&period=${pick(r, years)}`,
          );
        else if (x < 0.45)
          await timed(
            'chart at a bloc',
            `/api/dashboard/units?parent=${pick(r, shape.blocs)}&code=${pick(r, codes)}&period=${PERIOD}`,
          );
        else if (x < 0.55)
          await timed('scorecard', `/api/compare/units?parent=${pick(r, shape.committees)}&period=${PERIOD}`);
        else if (x < 0.62) {
          const unit = pick(r, r() < 0.3 ? shape.committees : shape.cells);
          await timed(
            'years compared',
            `/api/compare/periods?unit=${unit}&code=${pick(r, codes)}&periods=${years.join(',')}`,
          );
        } else if (x < 0.67)
          await timed('report', `/api/report?unit=${pick(r, shape.committees)}&period=${PERIOD}&format=json`);
        else if (x < 0.7)
          await timed(
            'history',
            `/api/history?unit=${pick(r, mine)}&code=${SOAK_CODE}&period=${WRITE_PERIOD}`,
          );
        else {
          const cell = pick(r, mine);
          value += 1;
          const body = JSON.stringify({ value, note: `Kiểm tra tải, lượt ${value}` });
          const ok = await timed('write a result', `/api/results/${cell}/${SOAK_CODE}/${WRITE_PERIOD}`, {
            method: 'PUT',
            body,
          });
          if (ok === null) continue;
          writes += 1;
          lastWritten.set(cell, value);
          // Read it back where a leader would see it: the cell's half-year dashboard.
          const seen = await timed('read back a write', `/api/dashboard?unit=${cell}&period=${WRITE_PERIOD}`);
          if (seen !== null) {
            readBacks += 1;
            const row = (
              JSON.parse(seen).rows as { indicator: { code: string }; result: { value: unknown } | null }[]
            ).find((row) => row.indicator.code === SOAK_CODE);
            if (row?.result?.value !== value) readBackMismatches += 1;
          }
        }
      }
    };

    const reporter = options.progress
      ? setInterval(() => {
          const s = Math.round((performance.now() - started) / 1000);
          options.progress?.(
            `${s} s: ${requests} requests, ${[...errorsOf.values()].reduce((a, b) => a + b, 0)} errors, RSS ${memory.endMB} MB`,
          );
        }, 10_000)
      : null;
    await Promise.all(Array.from({ length: clients }, (_, n) => client(n)));
    const elapsedS = (performance.now() - started) / 1000;
    clearInterval(sampler);
    if (reporter) clearInterval(reporter);
    memory.endMB = rssMB(pid);
    if (!baselineTaken) memory.baselineMB = memory.startMB;
    memory.peakMB = Math.max(memory.peakMB, memory.endMB);

    await stop(child);
    const db = new Database(dbPath, { readonly: true });
    let integrity = '';
    let lostWrites = 0;
    try {
      integrity = (db.pragma('integrity_check') as { integrity_check: string }[])
        .map((r) => r.integrity_check)
        .join('; ');
      const read = db.prepare(
        `SELECT r.value_x100 AS x100 FROM results r JOIN indicators i ON i.id = r.indicator_id
         WHERE r.unit_id = ? AND i.code = ? AND r.period = ?`,
      );
      for (const [cell, value] of lastWritten) {
        const row = read.get(cell, SOAK_CODE, WRITE_PERIOD) as { x100: number } | undefined;
        if (row?.x100 !== value * 100) lostWrites += 1;
      }
    } finally {
      db.close();
    }

    const kinds: Record<string, KindFigures> = {};
    for (const [kind, list] of latencies) {
      const sorted = Float64Array.from(list).sort();
      kinds[kind] = {
        requests: list.length,
        errors: errorsOf.get(kind) ?? 0,
        p50Ms: round(percentile(sorted, 0.5)),
        p95Ms: round(percentile(sorted, 0.95)),
        p99Ms: round(percentile(sorted, 0.99)),
        maxMs: round(sorted[sorted.length - 1] ?? 0),
      };
    }
    const errors = [...errorsOf.values()].reduce((a, b) => a + b, 0);
    return {
      durationS: round(elapsedS),
      clients,
      units: shape.units,
      requests,
      rps: Math.round(requests / elapsedS),
      errors,
      errorExamples,
      writes,
      readBacks,
      readBackMismatches,
      kinds,
      memory: { ...memory, growthMB: round(Math.max(0, memory.peakMB - memory.baselineMB)) },
      integrity,
      lostWrites,
    };
  } finally {
    if (server) await stop(server.child);
    rmSync(dir, { recursive: true, force: true });
  }
}
