import { DEFAULT_PROVINCE_PASSWORD } from '../province';

// The benchmark's settings (scripts/bench.ts): its arguments, the length of each run, and the
// issue's targets.

export const args = process.argv.slice(2);
export const known = ['--quick', '--regenerate'];
if (args.some((a) => !known.includes(a))) {
  console.error('usage: npm run bench [-- --quick] [-- --regenerate]');
  process.exit(2);
}
export const QUICK = args.includes('--quick');
export const REGENERATE = args.includes('--regenerate');
export const CONNECTIONS = 10;
export const DURATION_S = QUICK ? 2 : 10;
export const WARMUP_S = QUICK ? 0.5 : 2;
export const IMPORT_ROWS = 100_000;
export const PERIOD = '2025';
/** The half the write loop writes: its year is the period every dashboard shows. */
export const WRITE_PERIOD = `${PERIOD}-H2`;
export const CHART_CODE = 'HO_THOAT_NGHEO';
// A tool beside the server, not the server: it reads its own settings here.
export const PASSWORD = process.env.PROVINCE_ADMIN_PASSWORD ?? DEFAULT_PROVINCE_PASSWORD;

export const TARGETS = {
  rootDashboardRatio: 0.5,
  rootDashboardP99Ms: 20,
  cellDashboardRatio: 0.7,
  importRowsPerSecond: 20_000,
  serverMemoryMB: 300,
  firstLoadJsGzipKB: 250,
};
