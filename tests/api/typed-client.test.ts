import { hc } from 'hono/client';
import { describe, expect, it } from 'vitest';
import type { AppType } from '../../server/app';
import { testApp } from '../helpers/app';

// The client talks to the server through hc<AppType>; this proves the types and the
// server agree end to end (a mismatch fails `tsc`, a wrong answer fails here).
describe('the typed client', () => {
  const t = testApp({ demo: true });
  const client = hc<AppType>('http://localhost', {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => t.app.request(input, init),
    headers: { cookie: t.cookie ?? '' },
  });

  it('reads the units and a dashboard with typed answers', async () => {
    const units = await (await client.api.units.$get()).json();
    const root = units.units[0]!;
    const res = await client.api.dashboard.$get({
      query: { unit: root.id, period: '2021', asOf: '2026-11-24' },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    if (!('rows' in body)) throw new Error('expected a dashboard');
    const first = body.rows[0]!;
    expect(first.indicator.code).toBe('DV_HTT');
    expect(first.status).toBe('exceeded');
  });

  it('writes a result with a typed body', async () => {
    const units = await (await client.api.units.$get()).json();
    const cell = units.units.find((u) => u.kind === 'chi_bo')!;
    const res = await client.api.results[':unitId'][':code'][':period'].$put({
      param: { unitId: cell.id, code: 'KET_NAP', period: '2027-H1' },
      json: { value: 2, note: 'Kết nạp 02 quần chúng ưu tú' },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    if (!('result' in body)) throw new Error('expected a result');
    expect(body.result).toMatchObject({ value: 2, display: '2', note: 'Kết nạp 02 quần chúng ưu tú' });
  });
});
