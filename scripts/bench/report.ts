import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_PROVINCE_PATH, PROVINCE_INDICATORS } from '../province';
import type { clientSize, memoryOf } from './client-size';
import type { importRun } from './import';
import { type LoadFigures, round } from './load';
import type { Province } from './read-province';
import type { loadRuns } from './runs';
import { CONNECTIONS, DURATION_S, PERIOD, QUICK, TARGETS, WARMUP_S } from './settings';

// The verdicts beside the issue's targets, the report written to bench/results/, and the table
// printed (bench/README.md explains each field).

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

export function report({
  startedAt,
  source,
  p,
  firstAnswerMs,
  rootBytes,
  rootSentBytes,
  measured: { runs, state, writeLoop, yardRps },
  imported: { importFigures, importOk },
  memoryAfterLoad,
  memoryAfterImport,
  js,
}: {
  startedAt: Date;
  source: string;
  p: Province;
  firstAnswerMs: Record<string, number>;
  rootBytes: number;
  rootSentBytes: number;
  measured: Awaited<ReturnType<typeof loadRuns>>;
  imported: Awaited<ReturnType<typeof importRun>>;
  memoryAfterLoad: ReturnType<typeof memoryOf>;
  memoryAfterImport: ReturnType<typeof memoryOf>;
  js: Awaited<ReturnType<typeof clientSize>>;
}) {
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
      gzipBytes: rootSentBytes,
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
        `${pad('', 22, true)}(a bare route sending the root dashboard's very answer, ${num(rootSentBytes)} bytes gzipped: the root dashboard reaches ${num((runs.rootDashboard!.rps / r.rps) * 100, 1)}% of it, the cell dashboard ${num((runs.cellDashboard!.rps / r.rps) * 100, 1)}%)`,
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
