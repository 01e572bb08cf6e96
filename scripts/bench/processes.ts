import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { freePort, keepOutput, stopChild, waitForAnswer } from '../lib/processes';

// The benchmark's processes and files, all cleaned up whatever happens (also on Ctrl-C).

export const children = new Set<ChildProcess>();
export const tempDirs = new Set<string>();
export const closers = new Set<() => void>();
let cleaned = false;

export async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  for (const close of closers) close();
  await Promise.all([...children].map((child) => stopChild(child, 5000)));
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the servers and removing the temporary files…`);
    void cleanup().then(() => process.exit(130));
  });

export interface Started {
  child: ChildProcess;
  base: string;
  log: () => string;
}

/** Starts `node --import tsx <script>` as the e2e tests start the server, and waits for `ready`. */
export async function startNode(
  script: string,
  scriptArgs: string[],
  env: Record<string, string>,
  ready: string,
) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      // The server as `npm start` runs it, built; the yardstick through tsx.
      ...(script.endsWith('.ts') ? ['--import', 'tsx'] : []),
      script,
      ...scriptArgs.map((a) => a.replace('$PORT', String(port))),
    ],
    {
      env: { ...process.env, ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.add(child);
  const log = keepOutput(child);
  const base = `http://127.0.0.1:${port}`;
  await waitForAnswer(base + ready, child, { name: script, seconds: 120, output: log });
  return { child, base, log } satisfies Started;
}
