import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, keepOutput, waitForAnswer } from '../../scripts/lib/processes';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    /** The password of `admin` on the server under test. */
    adminPassword: string;
  }
}

const ADMIN_PASSWORD = 'quan-tri-e2e-2026';

/** Builds the client and starts the real server, on a fresh database with the demo data. */
export default async function setup(project: TestProject) {
  execFileSync(process.execPath, ['scripts/ensure-build.mjs'], { stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-e2e-'));
  const port = await freePort();
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_PATH: join(dir, 'e2e.db'),
      DEMO_DATA: '1',
      ADMIN_PASSWORD,
      CLIENT_DIST: process.env.CLIENT_OUT ?? './dist/client',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = keepOutput(server);
  const baseURL = `http://127.0.0.1:${port}`;
  await waitForAnswer(`${baseURL}/api/health`, server, { name: 'the server', seconds: 60, output });
  project.provide('baseURL', baseURL);
  project.provide('adminPassword', ADMIN_PASSWORD);
  return async () => {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  };
}
