import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

// Child processes of the tools and the tests: a free port to start one on, waiting until it
// answers, and stopping it.

/** A port nobody listens on now, on the loopback address. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** The last 20.000 characters `child` printed, on either stream: for the message of a failure. */
export function keepOutput(child: ChildProcess): () => string {
  let output = '';
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => output;
}

/**
 * Waits until `url` answers with a 2xx, asking every 200 ms; fails with what `name` printed if
 * it exits first or does not answer within `seconds`.
 */
export async function waitForAnswer(
  url: string,
  child: ChildProcess,
  { name, seconds, output }: { name: string; seconds: number; output: () => string },
) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited early:\n${output()}`);
    if (Date.now() > deadline) throw new Error(`${name} did not answer within ${seconds} s:\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** SIGTERM, as Ctrl-C or a service manager stops it; SIGKILL if it lingers past `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs: number) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
