import type autocannon from 'autocannon';
import { CELL_ONLY_COUNT } from '../province';
import { type LoadFigures, load, measure, percentile, round } from './load';
import { closers, type Started } from './processes';
import type { Province } from './read-province';
import { CONNECTIONS, DURATION_S, WARMUP_S, WRITE_PERIOD } from './settings';
import { resync, Truth, type WriteState, writeThenRead } from './write-then-read';

// The measured runs: the yardstick, the dashboards, the chart and the scorecard, then the write
// loop, then the yardstick again (every ratio is to the mean of both).

export interface Paths {
  rootDashboard: string;
  cellDashboard: string;
  blocChart: string;
  committeeScorecard: string;
}

/** What the runs need of the benchmark's setup. */
export interface Bench {
  step: (what: string) => void;
  server: Started;
  yard: Started;
  cookie: string;
  headers: Record<string, string>;
  paths: Paths;
  p: Province;
  dbPath: string;
  rootFile: string;
  rootGzFile: string;
}

export async function loadRuns(bench: Bench) {
  const { step, server, yard, cookie, headers, paths, p, dbPath, rootFile, rootGzFile } = bench;
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
  return { runs, state, writeLoop, yardRps };
}
