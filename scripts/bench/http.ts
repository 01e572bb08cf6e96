import { request } from 'node:http';
import { CELL_ONLY_COUNT } from '../province';
import { PASSWORD } from './settings';

// The benchmark's requests outside the load: signing in, reading an answer, a file as sent.

export async function login(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in as admin failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.includes('='));
  if (!cookie) throw new Error('sign-in gave no session cookie');
  return cookie.split(';')[0]!;
}

export interface DashboardRow {
  indicator: { code: string };
  result: { value: number | string; source: string } | null;
}

export async function getJson<T>(url: string, cookie: string): Promise<T> {
  const res = await fetch(url, { headers: { cookie } });
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as T;
}

/** The root's rolled-up figure of the write loop's indicator for the year. */
export function figureOf(rows: DashboardRow[]): number | null {
  const row = rows.find((r) => r.indicator.code === CELL_ONLY_COUNT);
  return typeof row?.result?.value === 'number' ? row.result.value : null;
}

/** Bytes of a file as the server sends it when the client accepts gzip, and how it was sent. */
export function fetchRaw(
  url: string,
  headers: Record<string, string> = { 'accept-encoding': 'gzip' },
): Promise<{ status: number; encoding: string | null; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          encoding: (res.headers['content-encoding'] as string | undefined) ?? null,
          bytes: Buffer.concat(chunks),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
