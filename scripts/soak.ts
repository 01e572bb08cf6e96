// Issue 8, "Load": a soak of the real server on the province of the benchmark, reads and
// writes mixed, for a few minutes (scripts/soak-core.ts says what it does and checks).
//   npm run soak                      3 minutes, 10 clients, on .tmp/province.db
//   npm run soak -- --minutes 10      longer
//   npm run soak -- --clients 20      more clients
// It builds .tmp/province.db first when it is missing (npm run province). It prints a table
// and writes bench/results/soak-<date>.json; the exit code is 1 when a request failed, a
// write was lost or read back wrong, the file is not intact, or memory grew past the bound.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PROVINCE_PASSWORD, DEFAULT_PROVINCE_PATH } from './province';
import { MEMORY_BOUND_MB, MEMORY_GROWTH_BOUND_MB, runSoak } from './soak-core';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  if (at === -1) return fallback;
  const value = Number(args[at + 1]);
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`usage: npm run soak -- [--minutes N] [--clients N] [--database path]`);
    process.exit(2);
  }
  return value;
};
const minutes = option('--minutes', 3);
const clients = option('--clients', 10);
const databaseAt = args.indexOf('--database');
const source = databaseAt === -1 ? DEFAULT_PROVINCE_PATH : args[databaseAt + 1]!;

if (!existsSync(source)) {
  if (databaseAt !== -1) {
    console.error(`Không có tệp cơ sở dữ liệu ${source}.`);
    process.exit(2);
  }
  console.log(`${source} chưa có: dựng tỉnh mẫu trước (npm run province)…`);
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/province.ts', source], { stdio: 'inherit' });
}

console.log(`Soak: ${minutes} min, ${clients} clients, on a copy of ${source}`);
const f = await runSoak({
  source,
  password: process.env.PROVINCE_ADMIN_PASSWORD ?? DEFAULT_PROVINCE_PASSWORD,
  durationS: minutes * 60,
  clients,
  progress: (line) => console.log(`  ${line}`),
});

const n = (x: number) => x.toLocaleString('en-US');
console.log(
  `\n${n(f.requests)} requests in ${f.durationS} s (${n(f.rps)} req/s), ${f.clients} clients, ${n(f.units)} units`,
);
console.log(
  `${'kind'.padEnd(26)}${'requests'.padStart(10)}${'errors'.padStart(8)}   p50 ms   p95 ms   p99 ms   max ms`,
);
for (const [kind, k] of Object.entries(f.kinds).sort((a, b) => b[1].requests - a[1].requests))
  console.log(
    `${kind.padEnd(26)}${n(k.requests).padStart(10)}${String(k.errors).padStart(8)}${k.p50Ms.toFixed(2).padStart(9)}${k.p95Ms.toFixed(2).padStart(9)}${k.p99Ms.toFixed(2).padStart(9)}${k.maxMs.toFixed(1).padStart(9)}`,
  );
console.log(
  `\nwrites ${n(f.writes)}, read back ${n(f.readBacks)}, shown wrong ${f.readBackMismatches}; lost after the stop ${f.lostWrites}; integrity ${f.integrity}`,
);
const m = f.memory;
console.log(
  `memory (RSS): start ${m.startMB} MB, after warm-up ${m.baselineMB} MB, peak ${m.peakMB} MB, end ${m.endMB} MB; growth ${m.growthMB} MB (bound ${MEMORY_GROWTH_BOUND_MB} MB; peak bound ${MEMORY_BOUND_MB} MB)`,
);
for (const e of f.errorExamples) console.log(`  error: ${e}`);

const failures = [
  f.errors > 0 && `${f.errors} requests failed`,
  f.readBackMismatches > 0 && `${f.readBackMismatches} writes read back wrong`,
  f.lostWrites > 0 && `${f.lostWrites} writes lost`,
  f.integrity !== 'ok' && `integrity: ${f.integrity}`,
  m.growthMB > MEMORY_GROWTH_BOUND_MB && `memory grew ${m.growthMB} MB`,
  m.peakMB > MEMORY_BOUND_MB && `memory peaked at ${m.peakMB} MB`,
].filter(Boolean);

mkdirSync('bench/results', { recursive: true });
const file = join(
  'bench/results',
  `soak-${new Date().toISOString().replace(/:/g, '-').replace(/\..*/, 'Z')}.json`,
);
writeFileSync(
  file,
  `${JSON.stringify({ date: new Date().toISOString(), source, minutes, ...f, failures }, null, 2)}\n`,
);
console.log(`\nWritten to ${file}`);
if (failures.length) {
  console.error(`FAIL: ${failures.join('; ')}`);
  process.exit(1);
}
console.log('PASS');
