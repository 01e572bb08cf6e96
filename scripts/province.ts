// Builds a province-sized database for measuring (issue 7, "Province scale, measured"):
//   npm run province -- [path] [--force]        default .tmp/province.db
// One province committee, ten blocs (Đảng bộ khối, thành phố, thị xã, huyện), 500 grassroots
// committees and about 5.000 cells (chi bộ); twenty indicators of every kind; targets and
// results for 2021–2025, their halves and the term NK2020-2025. Every name is invented and
// no person is named. The data come from a seeded generator: two runs give the same rows
// (only the admin's salted password hash and its creation time differ), which the printed
// fingerprint shows.
//
// The database is made by the project's own migrations (openDatabase) and the admin by its
// own password hashing (ensureAdmin); the rows go in through prepared statements in one
// transaction, which is what makes a million and a half of them take seconds.
//
// The parts are in scripts/province/: the indicators (catalogue.ts), the names (names.ts),
// the rows (writer.ts), the committees' and the cells' figures (committees.ts, cells.ts) and
// the province's main targets (lines.ts).
import { createHash } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureAdmin } from '../server/auth/bootstrap';
import { DEFAULT_LOG2N } from '../server/auth/password';
import { openDatabase } from '../server/db/client';
import { passwordSchema } from '../shared/accounts';
import { pick, prng } from './lib/random';
import { PROVINCE_INDICATORS, YEARS } from './province/catalogue';
import { cell } from './province/cells';
import { committeeResults, committeeTargets } from './province/committees';
import { rootLines } from './province/lines';
import { BLOCS, COMMITTEES_PER_BLOC, cellNames, committeesOf } from './province/names';
import { got, provinceWriter, type Tally } from './province/writer';

export { CELL_ONLY_COUNT, PROVINCE_INDICATORS, SUMMED_COUNTS, TERM, YEARS } from './province/catalogue';
export { COMMITTEES_PER_BLOC } from './province/names';

export const DEFAULT_PROVINCE_PATH = '.tmp/province.db';
export const DEFAULT_PROVINCE_PASSWORD = 'quan-tri-tinh-2026';
export const PROVINCE_ROOT = 'Đảng bộ tỉnh Hồng Lam';

const SEED = 20_260_701;

export interface ProvinceSummary {
  units: number;
  blocs: number;
  committees: number;
  cells: number;
  indicators: number;
  targets: number;
  results: number;
  memberRatings: number;
  targetLines: number;
  fingerprint: string;
  ms: number;
}

/** Builds the province at `path` (which must not exist); returns what it wrote. */
export async function generateProvince(
  path: string,
  password: string,
  { committeesPerBloc = COMMITTEES_PER_BLOC }: { committeesPerBloc?: number } = {},
): Promise<ProvinceSummary> {
  const started = performance.now();
  const partial = `${path}.partial`;
  for (const p of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(p, { force: true });
  const db = openDatabase(partial);
  const sqlite = db.$client;
  // A fresh file that is renamed into place only when complete: no journal is needed.
  sqlite.pragma('journal_mode = MEMORY');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -131072');

  const w = provinceWriter(sqlite);
  const { counts, ind, unit, result, insertIndicator } = w;
  const rand = prng(SEED);

  const build = () => {
    PROVINCE_INDICATORS.forEach((d, i) => {
      const row = insertIndicator.run(
        d.code,
        d.name,
        d.unitLabel,
        d.kind,
        d.direction ?? 'higher',
        d.timeAggregate,
        d.levels ? JSON.stringify(d.levels) : null,
        d.memberRating ?? null,
        i + 1,
      );
      ind.set(d.code, Number(row.lastInsertRowid));
    });

    const root = unit(null, PROVINCE_ROOT, 'dang_bo');
    const province: Tally = new Map();
    let committeeIndex = 0;
    for (const bloc of BLOCS) {
      const blocId = unit(root, bloc.name, 'dang_bo');
      counts.blocs++;
      const blocTally: Tally = new Map();
      const plans = committeesOf(rand, bloc.type, committeesPerBloc);
      let blocCells = 0;
      for (const plan of plans) {
        const committeeId = unit(blocId, plan.name, 'dang_bo');
        counts.committees++;
        // 8 to 12 cells, ten on average over every five committees.
        const n = 10 + ((committeeIndex++ * 3) % 5) - 2;
        blocCells += n;
        const committeeTally: Tally = new Map();
        /** Each year, what the cells reported of the counts the committee may enter itself. */
        const reported: Tally = new Map();
        for (const name of cellNames(rand, plan.pool, n)) {
          const cellId = unit(committeeId, name, 'chi_bo');
          counts.cells++;
          cell(w, rand, cellId, plan.pool, committeeTally, reported);
        }
        committeeTargets(w, committeeId, committeeTally, n, rand, blocTally);
        committeeResults(w, committeeId, rand, 0.02);
        // A few committees count members and badges themselves, and their count differs
        // from what their cells reported: the dashboard shows both.
        for (const y of YEARS) {
          for (const code of ['SO_DANG_VIEN', 'HUY_HIEU']) {
            if (rand() >= 0.04) continue;
            const sum = got(reported, code, String(y));
            const delta = pick(rand, [-2, -1, 1, 2, 3]);
            result(committeeId, code, String(y), Math.max(0, sum + delta), 'Theo báo cáo của Ban Tổ chức');
          }
        }
      }
      committeeTargets(w, blocId, blocTally, blocCells, rand, province);
      committeeResults(w, blocId, rand, 0);
    }
    committeeTargets(w, root, province, counts.cells, rand, new Map());
    committeeResults(w, root, rand, 0);
    rootLines(w, root);
  };

  sqlite.transaction(build)();
  await ensureAdmin(db, password, DEFAULT_LOG2N);
  const fingerprint = fingerprintOf(sqlite);
  sqlite.pragma('journal_mode = WAL');
  sqlite.close();
  renameSync(partial, path);
  return {
    units: counts.units,
    blocs: counts.blocs,
    committees: counts.committees,
    cells: counts.cells,
    indicators: PROVINCE_INDICATORS.length,
    targets: counts.targets,
    results: counts.results,
    memberRatings: counts.ratings,
    targetLines: counts.lines,
    fingerprint,
    ms: performance.now() - started,
  };
}

/** SHA-256 of every data row, in key order: equal for two runs of the same seed. */
function fingerprintOf(sqlite: ReturnType<typeof openDatabase>['$client']): string {
  const hash = createHash('sha256');
  for (const table of ['units', 'indicators', 'targets', 'results', 'member_ratings', 'target_lines']) {
    hash.update(`#${table}\n`);
    for (const row of sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).raw().iterate())
      hash.update(`${JSON.stringify(row)}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

async function main() {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--force');
  const paths = args.filter((a) => !a.startsWith('--'));
  if (unknown.length > 0 || paths.length > 1) {
    console.error('usage: npm run province -- [path, default .tmp/province.db] [--force]');
    process.exit(2);
  }
  const path = resolve(paths[0] ?? DEFAULT_PROVINCE_PATH);
  // A script of its own, not the server: it reads its one setting here rather than in server/env.ts.
  const password = process.env.PROVINCE_ADMIN_PASSWORD ?? DEFAULT_PROVINCE_PASSWORD;
  const checked = passwordSchema.safeParse(password);
  if (!checked.success) {
    console.error(`PROVINCE_ADMIN_PASSWORD: ${checked.error.issues[0]?.message}`);
    process.exit(2);
  }
  if (existsSync(path)) {
    if (!force) {
      console.error(`${path} exists; add --force to overwrite it.`);
      process.exit(1);
    }
    for (const p of [path, `${path}-wal`, `${path}-shm`]) rmSync(p, { force: true });
  }
  const s = await generateProvince(path, password);
  const n = (x: number) => x.toLocaleString('en-US');
  console.log(`Built ${path} in ${(s.ms / 1000).toFixed(1)} s`);
  console.log(
    `  units ${n(s.units)}: 1 province, ${n(s.blocs)} blocs, ${n(s.committees)} grassroots committees, ${n(s.cells)} cells`,
  );
  console.log(
    `  indicators ${n(s.indicators)}, targets ${n(s.targets)}, results ${n(s.results)}, member ratings ${n(s.memberRatings)}, target line lists ${n(s.targetLines)}`,
  );
  console.log('  user admin, password from PROVINCE_ADMIN_PASSWORD (default quan-tri-tinh-2026)');
  console.log(`  data fingerprint ${s.fingerprint} (the same for every run of this generator)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
