import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { ensureAdmin } from '../../../server/auth/bootstrap';
import { hashPassword } from '../../../server/auth/password';
import { openDatabase } from '../../../server/db/client';
import { users } from '../../../server/db/schema';
import { TEST_PASSWORD, TEST_THROTTLE } from '../../helpers/app';

// Issue 8, "It holds", part 6: what an attacker would try. Text built to break SQL or to run
// in a page, stored in every free-text field, comes back as the very same text everywhere the
// API gives it out (and in the spreadsheets as text, never as a formula); sessions cannot be
// planted, outlived or ridden from another site; and the sign-in throttle holds when the
// guesses come all at once. The browser's side of the payloads is in tests/e2e/attacks.test.ts.
// This file: the sign-in throttle holds when the guesses come all at once.

// ---------------------------------------------------------------------------------------
// The sign-in throttle, on a real socket so that the client's address is real

interface Served {
  base: string;
  port: number;
  close: () => Promise<void>;
}

// Hashes nearly as slow as the real ones, so that the guesses of a burst are checked side by
// side, as they would be on the server.
const SLOW_LOG2N = 14;

async function serveApp(): Promise<Served> {
  const db = openDatabase(':memory:');
  await ensureAdmin(db, TEST_PASSWORD, SLOW_LOG2N);
  db.insert(users)
    .values({
      username: 'lan',
      displayName: 'Lan',
      passwordHash: await hashPassword(TEST_PASSWORD, SLOW_LOG2N),
    })
    .run();
  const app = createApp({ db, scryptLog2N: SLOW_LOG2N, throttle: TEST_THROTTLE });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** A sign-in from a given loopback address (127.0.0.x), as another machine would send it. */
function signInFrom(
  served: Served,
  from: string,
  username: string,
  password: string,
): Promise<{ status: number; retryAfter: string | undefined }> {
  const body = JSON.stringify({ username, password });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: served.port,
        localAddress: from,
        method: 'POST',
        path: '/api/auth/login',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        agent: false,
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers['retry-after'] as string | undefined,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('the sign-in throttle under attack', () => {
  const opened: Served[] = [];
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
  });

  it('holds under a burst of 50 guesses at once: at most its limit are answered, then even the right password waits', async () => {
    const served = await serveApp();
    opened.push(served);
    const burst = await Promise.all(
      Array.from({ length: 50 }, (_, i) => signInFrom(served, '127.0.0.1', 'admin', `doan-sai-${i}`)),
    );
    const statuses = burst.map((r) => r.status);
    expect(
      statuses.every((s) => s === 401 || s === 429),
      statuses.join(','),
    ).toBe(true);
    // Each 401 is a guess the attacker got an answer to: no more than the throttle allows.
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(TEST_THROTTLE.maxFailures);
    const right = await signInFrom(served, '127.0.0.1', 'admin', TEST_PASSWORD);
    expect(right.status).toBe(429);
    expect(Number(right.retryAfter)).toBeGreaterThan(0);
    // The account is held from every address; the address is held for every account.
    expect((await signInFrom(served, '127.0.0.2', 'admin', TEST_PASSWORD)).status).toBe(429);
    expect((await signInFrom(served, '127.0.0.1', 'lan', TEST_PASSWORD)).status).toBe(429);
    expect((await signInFrom(served, '127.0.0.2', 'lan', TEST_PASSWORD)).status).toBe(200);
  });

  it('counts per address, so guessing a different username each time does not get round it', async () => {
    const served = await serveApp();
    opened.push(served);
    for (let i = 0; i < TEST_THROTTLE.maxFailures; i++) {
      const username = i % 2 ? `khong-co-${i}` : 'lan';
      expect((await signInFrom(served, '127.0.0.3', i ? username : 'admin', 'sai-mat-khau')).status).toBe(
        401,
      );
    }
    expect((await signInFrom(served, '127.0.0.3', 'admin', TEST_PASSWORD)).status).toBe(429);
    expect((await signInFrom(served, '127.0.0.3', 'nguoi-khac', 'sai-mat-khau')).status).toBe(429);
    // Nobody else is shut out: each of those names failed only a few times.
    expect((await signInFrom(served, '127.0.0.4', 'admin', TEST_PASSWORD)).status).toBe(200);
    expect((await signInFrom(served, '127.0.0.4', 'lan', TEST_PASSWORD)).status).toBe(200);
  });
});
