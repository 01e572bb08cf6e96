import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { freePort, keepOutput } from '../../scripts/lib/processes';
import { IMPORT_HEADER } from '../../shared/import-export';

// The real server as a child process, from its sources (`node --import tsx server/index.ts`;
// `npm start` runs the same code built), for the tests that stop it the hard way, copy its
// file while it writes or talk to it over a socket. Every process started here is tracked,
// so a failing test still leaves none behind.

export const SERVER_ADMIN_PASSWORD = 'quan-tri-thu-sap-2026';

export interface ServerProcess {
  child: ChildProcess;
  base: string;
  /** The last lines it printed, for the message of a failing test. */
  output: () => string;
  /** SIGKILL: no handler runs, nothing is flushed or closed; resolves once the process is gone. */
  kill: () => Promise<void>;
  /** SIGTERM, as Ctrl-C or a service manager stops it; SIGKILL if it lingers. */
  stop: () => Promise<void>;
}

const running = new Set<ChildProcess>();

// A last resort if the test process itself ends while a server still runs.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((r) => child.once('exit', () => r()));

/**
 * Starts the server on `databasePath` (created with the demo data when new) and waits until
 * it answers. No client build is needed: without one at CLIENT_DIST the server serves the API.
 */
export async function startServer(databasePath: string, env: Record<string, string> = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_PATH: databasePath,
      DEMO_DATA: '1',
      ADMIN_PASSWORD: SERVER_ADMIN_PASSWORD,
      CLIENT_DIST: join(dirname(databasePath), 'khong-co-giao-dien'),
      LOG_REQUESTS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const output = keepOutput(child);
  const server: ServerProcess = {
    child,
    base: `http://127.0.0.1:${port}`,
    output,
    kill: async () => {
      child.kill('SIGKILL');
      await exited(child);
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited(child);
      clearTimeout(timer);
    },
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the server exited early:\n${output()}`);
    if (Date.now() > deadline) {
      await server.kill();
      throw new Error(`the server did not answer within 60 s:\n${output()}`);
    }
    try {
      if ((await fetch(`${server.base}/api/health`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  return server;
}

/** SIGKILLs every server still running: for afterAll, whatever happened. */
export async function killAllServers() {
  await Promise.all(
    [...running].map((child) => {
      const gone = exited(child);
      child.kill('SIGKILL');
      return gone;
    }),
  );
}

/** Signs in as `admin` and returns the Cookie header to send. */
export async function signIn(base: string, password = SERVER_ADMIN_PASSWORD): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  if (res.status !== 200) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

/** Signs `username` in at `base` over HTTP: the Cookie header that carries the session. */
export async function sessionCookie(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username}: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

export async function getJson<T = any>(base: string, path: string, cookie: string): Promise<T> {
  const res = await fetch(base + path, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** POST /api/import of a CSV made of `rows` under the contract's header. */
export async function postImport(base: string, cookie: string, rows: string[]) {
  const form = new FormData();
  const csv = `${IMPORT_HEADER}\n${rows.join('\n')}\n`;
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'so-lieu.csv');
  const res = await fetch(`${base}/api/import`, { method: 'POST', headers: { cookie }, body: form });
  return { status: res.status, body: (await res.json()) as any };
}
