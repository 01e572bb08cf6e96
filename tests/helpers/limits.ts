import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import Database from 'better-sqlite3';
import { VIETNAMESE } from './expect';

// For tests/api/limits.test.ts: requests with bodies of any size, written as the socket takes
// them; the server's health and memory watched meanwhile; its file read table by table.

export interface Answer {
  label: string;
  status: number;
  body: any;
  /** Bytes of the body written before the answer came (or all of it). */
  sent: number;
}

// Kept-alive connections, as browsers use: to a client that asks to close the connection,
// Node closes it as soon as the answer is sent, and the body still arriving makes the kernel
// reset it, which can discard the answer before the client reads it.
export const agent = new Agent({ keepAlive: true });

/**
 * One request over its own connection: the body is `size` bytes of `piece` repeated, written as
 * the socket takes it, announced by Content-Length or sent chunked. Writing stops as soon as
 * an answer arrives: the server answers a refused body without reading it.
 */
export function send(
  base: string,
  label: string,
  opts: {
    method: string;
    path: string;
    cookie?: string;
    type: string;
    size: number;
    chunked: boolean;
    body?: Uint8Array;
  },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const piece = opts.body ?? new Uint8Array(64 * 1024).fill(0x61);
    const headers: Record<string, string> = { 'content-type': opts.type };
    if (opts.cookie) headers.cookie = opts.cookie;
    // Named outright: Node's client sends a DELETE's body unframed otherwise.
    headers[opts.chunked ? 'transfer-encoding' : 'content-length'] = opts.chunked
      ? 'chunked'
      : String(opts.size);
    const req = request(`${base}${opts.path}`, { method: opts.method, headers, agent });
    let sent = 0;
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: any = text;
        try {
          body = JSON.parse(text);
        } catch {}
        resolve({ label, status: res.statusCode ?? 0, body, sent });
        req.destroy();
      });
    });
    // After an answer, the server drops the connection of a body it will not read.
    const t0 = performance.now();
    req.on('error', (e) => {
      if (!answered)
        reject(
          new Error(
            `${label}: ${e.message} after ${sent} bytes and ${Math.round(performance.now() - t0)} ms, no answer (${req.socket?.bytesRead} bytes read)`,
          ),
        );
    });
    (async () => {
      while (sent < opts.size && !answered && !req.destroyed) {
        const chunk = opts.body ? piece : piece.subarray(0, Math.min(piece.length, opts.size - sent));
        sent += chunk.length;
        if (!req.write(chunk))
          await new Promise<void>((r) => {
            const go = () => {
              req.off('drain', go).off('close', go).off('response', go);
              r();
            };
            req.on('drain', go).on('close', go).on('response', go);
          });
        if (opts.body) break;
      }
      if (!answered && !req.destroyed) req.end();
    })().catch(() => {});
  });
}

/** A multipart form holding one file, as bytes and its content type. */
export async function form(file: Uint8Array, name: string) {
  const f = new FormData();
  f.append('file', new File([file as BlobPart], name));
  const r = new Request('http://localhost/', { method: 'POST', body: f });
  return { bytes: new Uint8Array(await r.arrayBuffer()), type: r.headers.get('content-type')! };
}

/** GET /api/health every 100 ms from a process of its own, until its input closes. */
export function healthWatch(base: string) {
  const script = `
    let stop = false, worst = 0, count = 0, failures = 0;
    process.stdin.on('data', () => {}).on('end', () => { stop = true; });
    (async () => {
      while (!stop) {
        const t0 = performance.now();
        try {
          const r = await fetch(${JSON.stringify(`${base}/api/health`)}, { signal: AbortSignal.timeout(10000) });
          await r.text();
          if (!r.ok) failures++;
        } catch { failures++; }
        const ms = performance.now() - t0;
        worst = Math.max(worst, ms); count++;
        await new Promise((r) => setTimeout(r, Math.max(0, 100 - ms)));
      }
      process.stdout.write(JSON.stringify({ worst, count, failures }));
    })();`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  const done = new Promise<{ worst: number; count: number; failures: number }>((resolve) =>
    child.on('exit', () => resolve(JSON.parse(out))),
  );
  return {
    stop: () => {
      child.stdin.end();
      return done;
    },
  };
}

/** Resident memory of the server now, and its peak since it started, in MB. */
export function memoryOf(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

/** Every row of every table, read from the file; of the sessions, only what a session is (its renewal is bookkeeping). */
export function dump(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
      )
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        db
          .prepare(
            name === 'sessions'
              ? 'select id, user_id, created_at from sessions order by id'
              : `select * from "${name}" order by rowid`,
          )
          .all(),
      ]),
    );
  } finally {
    db.close();
  }
}

/** A 4xx with the contract's body: a code, and one Vietnamese sentence. */
export function contractRefusal(a: Answer): string | null {
  const message = a.body?.error?.message;
  if (a.status < 400 || a.status > 499)
    return `${a.label}: status ${a.status} ${JSON.stringify(a.body).slice(0, 200)}`;
  if (typeof a.body?.error?.code !== 'string')
    return `${a.label}: no error code in ${JSON.stringify(a.body).slice(0, 200)}`;
  if (typeof message !== 'string' || !VIETNAMESE.test(message) || !/[.!?]$/.test(message.trim()))
    return `${a.label}: message ${JSON.stringify(message)}`;
  return null;
}
