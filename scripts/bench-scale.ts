// How the cost of a dashboard grows with the number of units (docs/performance.md): the same
// province generator at three sizes, each read in process (no network, one core), for
// - the first read of the root's year (cubes built from the file),
// - a read of the root after one result was written at a cell (the written unit and the
//   units above it recomputed, the answer made again),
// - a read of the root and of a cell with nothing written in between (the answer kept),
// and the memory the roll-up holds.
//   npm run bench:scale
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../server/app';
import { openDatabase } from '../server/db/client';
import { cubeBytes } from '../server/domain/rollup-store';
import { DEFAULT_PROVINCE_PASSWORD, generateProvince } from './province';

const SIZES = [1, 5, 50];
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

const dir = mkdtempSync(join(tmpdir(), 'chitieu-scale-'));
const rows: Record<string, number>[] = [];
try {
  for (const perBloc of SIZES) {
    const path = join(dir, `p${perBloc}.db`);
    const summary = await generateProvince(path, DEFAULT_PROVINCE_PASSWORD, { committeesPerBloc: perBloc });
    const db = openDatabase(path);
    const app = createApp({ db, securityHeaders: 'node' });
    const login = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: DEFAULT_PROVINCE_PASSWORD }),
    });
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const headers = { cookie, 'content-type': 'application/json' };
    const root = (db.$client.prepare('SELECT id FROM units WHERE parent_id IS NULL').get() as { id: number })
      .id;
    const cells = db.$client
      .prepare("SELECT id FROM units WHERE kind = 'chi_bo' ORDER BY id")
      .pluck()
      .all() as number[];
    const get = async (path: string) => {
      const at = performance.now();
      const res = await app.request(path, { headers });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      return performance.now() - at;
    };
    const rootPath = `/api/dashboard?unit=${root}&period=2025`;
    const cellPath = `/api/dashboard?unit=${cells[0]}&period=2025`;
    const cold = await get(rootPath);
    const afterWrite: number[] = [];
    for (let i = 0; i < 200; i++) {
      const cell = cells[(i * 7919) % cells.length]!;
      const put = await app.request(`/api/results/${cell}/KET_NAP/2025-H2`, {
        method: 'PUT',
        headers,
        body: JSON.stringify({ value: i % 5 }),
      });
      if (put.status !== 200) throw new Error(`PUT: ${put.status}`);
      afterWrite.push(await get(rootPath));
    }
    await get(cellPath);
    const rootKept: number[] = [];
    const cellKept: number[] = [];
    for (let i = 0; i < 3000; i++) rootKept.push(await get(rootPath));
    for (let i = 0; i < 3000; i++) cellKept.push(await get(cellPath));
    const row = {
      units: summary.units,
      results: summary.results,
      coldRootMs: Math.round(cold),
      rootAfterWriteMs: Math.round(median(afterWrite) * 100) / 100,
      rootKeptUs: Math.round(median(rootKept) * 1000),
      cellKeptUs: Math.round(median(cellKept) * 1000),
      cubesMB: Math.round((cubeBytes(db) / 1e6) * 10) / 10,
    };
    rows.push(row);
    console.log(JSON.stringify(row));
    db.$client.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log('');
console.log(
  '   units   results   first read of the root   root after a write   root, kept   cell, kept   cubes',
);
for (const r of rows)
  console.log(
    `${String(r.units).padStart(8)}${String(r.results).padStart(10)}${`${r.coldRootMs} ms`.padStart(25)}${`${r.rootAfterWriteMs} ms`.padStart(21)}${`${r.rootKeptUs} µs`.padStart(13)}${`${r.cellKeptUs} µs`.padStart(13)}${`${r.cubesMB} MB`.padStart(8)}`,
  );
mkdirSync('bench/results', { recursive: true });
const out = `bench/results/scale-${new Date()
  .toISOString()
  .replace(/:/g, '-')
  .replace(/\.\d+Z$/, 'Z')}.json`;
writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), rows }, null, 2)}\n`);
console.log(`\nWritten to ${out}`);
