// Builds the client when dist/client is missing or older than its sources, so that
// `npm start` on a fresh clone, or after a pull, always serves the current client.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { newest } from './lib/newest.mjs';

const SOURCES = ['client', 'shared', 'vite.config.ts', 'package-lock.json', 'scripts/ensure-build.mjs'];
const BUILT = join(process.env.CLIENT_OUT ?? 'dist/client', 'index.html');

export function ensureClientBuild({ quiet = false } = {}) {
  const builtAt = existsSync(BUILT) ? statSync(BUILT).mtimeMs : 0;
  const sourcesAt = Math.max(...SOURCES.filter((p) => existsSync(p)).map(newest));
  if (builtAt >= sourcesAt) return false;
  if (!quiet) console.log('Đang dựng giao diện (vite build)…');
  execFileSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--logLevel', quiet ? 'error' : 'warn'],
    // Always a production build: run from vitest (NODE_ENV=test) or a shell with
    // NODE_ENV=development, Vite would otherwise bundle React's development builds, and
    // `npm start` after `npm test` would serve them.
    { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) ensureClientBuild();
