// Issue 7, "Province scale, measured": drives the real server on a province-sized database
// and prints its figures beside the targets (bench/README.md explains each field).
//   npm run bench                    about three minutes
//   npm run bench -- --quick         short runs, for a smoke test
//   npm run bench -- --regenerate    rebuild .tmp/province.db first
// It measures; it does not judge: the exit code is 0 when targets fail, 1 only when
// something broke. Every process and temporary file it makes is removed at the end, also
// on Ctrl-C.
//
// The parts are in scripts/bench/: settings, processes, the province read, load, the write
// loop, the import, the client's size and the report.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { clientSize, memoryOf } from './bench/client-size';
import { type DashboardRow, fetchRaw, getJson, login } from './bench/http';
import { importRun } from './bench/import';
import { round } from './bench/load';
import { cleanup, startNode, tempDirs } from './bench/processes';
import { readProvince } from './bench/read-province';
import { report } from './bench/report';
import { loadRuns } from './bench/runs';
import { CHART_CODE, PERIOD, REGENERATE } from './bench/settings';
import { ensureServerBuild, SERVER_ENTRY } from './build-server.mjs';
import { CELL_ONLY_COUNT, DEFAULT_PROVINCE_PATH } from './province';

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

  const bench = { step, server, yard, cookie, headers, paths, p, dbPath, rootFile, rootGzFile };
  const measured = await loadRuns(bench);
  const memoryAfterLoad = memoryOf(server.child.pid!);

  step(
    `import: ${p.importRows.length} rows (${(csv.length / 1e6).toFixed(1)} MB), first with a bad last row`,
  );
  const imported = await importRun(server.base, cookie, p, csv);
  const memoryAfterImport = memoryOf(server.child.pid!);

  step('client JavaScript as sent');
  const js = await clientSize(server.base);

  report({
    startedAt,
    source,
    p,
    firstAnswerMs,
    rootBytes,
    rootSentBytes: rootSent.bytes.length,
    measured,
    imported,
    memoryAfterLoad,
    memoryAfterImport,
    js,
  });
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
