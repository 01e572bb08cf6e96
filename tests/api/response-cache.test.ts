import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { acceptsGzip } from '../../server/lib/response-cache';
import { AS_OF, testApp } from '../helpers/app';

// The kept answers of the read routes (decision 008) go gzipped to clients that accept it, as
// every browser does: the same JSON, a tenth of the bytes.

describe('kept answers, gzipped for those who accept it', () => {
  it('sends the very same JSON gzipped, and as it is to a client that does not accept gzip', async () => {
    const t = testApp({ demo: true });
    const root = (await t.call('GET', '/api/units')).body.units[0].id;
    const path = `/api/dashboard?unit=${root}&period=2025&asOf=${AS_OF}`;
    const plain = await t.raw('GET', path);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
    const json = await plain.text();
    expect(JSON.parse(json).rows.length).toBeGreaterThan(5);

    for (const accept of ['gzip, deflate, br, zstd', 'br;q=1.0, gzip;q=0.8', '*']) {
      const res = await t.raw('GET', path, { headers: { 'accept-encoding': accept } });
      expect(res.headers.get('content-encoding'), accept).toBe('gzip');
      expect(res.headers.get('vary')).toBe('Accept-Encoding');
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.length).toBeLessThan(Buffer.byteLength(json) / 3);
      expect(gunzipSync(bytes).toString('utf8')).toBe(json);
    }
    for (const accept of ['br', 'gzip;q=0', 'identity']) {
      const res = await t.raw('GET', path, { headers: { 'accept-encoding': accept } });
      expect(res.headers.get('content-encoding'), accept).toBeNull();
      expect(await res.text()).toBe(json);
    }
  });

  it('gzips the answer again after a write, never serving the old one', async () => {
    const t = testApp({ demo: true });
    const units = (await t.call('GET', '/api/units')).body.units;
    const cell = units.find((u: { kind: string }) => u.kind === 'chi_bo');
    const path = `/api/dashboard?unit=${cell.id}&period=2025&asOf=${AS_OF}`;
    const read = async () => {
      const res = await t.raw('GET', path, { headers: { 'accept-encoding': 'gzip' } });
      const bytes = Buffer.from(await res.arrayBuffer());
      const text =
        res.headers.get('content-encoding') === 'gzip' ? gunzipSync(bytes).toString() : bytes.toString();
      return JSON.parse(text);
    };
    const before = await read();
    const row = before.rows.find((r: { indicator: { kind: string } }) => r.indicator.kind === 'count');
    const written = await t.call('PUT', `/api/results/${cell.id}/${row.indicator.code}/2025`, {
      value: 4321,
    });
    expect(written.status).toBe(200);
    const after = await read();
    expect(after.rows.find((r: typeof row) => r.indicator.code === row.indicator.code).result.value).toBe(
      4321,
    );
  });

  it('reads Accept-Encoding as RFC 9110 says', () => {
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip('')).toBe(false);
    expect(acceptsGzip('gzip')).toBe(true);
    expect(acceptsGzip('GZIP;q=0.5')).toBe(true);
    expect(acceptsGzip('x-gzip')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('gzip; q=0.000')).toBe(false);
    expect(acceptsGzip('deflate, br')).toBe(false);
  });
});
