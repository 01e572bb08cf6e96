import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { seedBasics, testApp } from '../helpers/app';
import { expectRefusal } from '../helpers/expect';

// When another connection holds SQLite's write lock for longer than the server waits (an
// import or a backup on a loaded machine), a write is refused with 503 and Retry-After, in
// Vietnamese, and nothing of it is stored; once the lock is gone the same write goes through.

let dir: string | null = null;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

it('refuses a write it cannot make in time with 503 and Retry-After, and stores nothing', async () => {
  dir = mkdtempSync(join(tmpdir(), 'chitieu-busy-'));
  const path = join(dir, 'chitieu.db');
  const t = testApp({ path });
  const { a } = await seedBasics(t);
  // The server's own wait, shortened so that the test does not sit through five seconds.
  t.db.$client.pragma('busy_timeout = 50');

  const other = new Database(path);
  other.exec('BEGIN IMMEDIATE');
  try {
    const res = await t.call('PUT', `/api/results/${a.id}/KET_NAP/2025`, { value: 3, note: 'bận' });
    expectRefusal(res, 503, 'database_busy');
    const raw = await t.raw('PUT', `/api/results/${a.id}/KET_NAP/2025`, {
      body: JSON.stringify({ value: 3 }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(raw.status).toBe(503);
    expect(raw.headers.get('retry-after')).toBe('2');
  } finally {
    other.exec('ROLLBACK');
    other.close();
  }

  const stored = await t.call('GET', `/api/values?unit=${a.id}&period=2025`);
  expect(JSON.stringify(stored.body)).not.toContain('KET_NAP');
  const again = await t.call('PUT', `/api/results/${a.id}/KET_NAP/2025`, { value: 3, note: 'bận' });
  expect(again.status).toBe(200);
});
