import { gzipSync } from 'node:zlib';
import type { Context, TypedResponse } from 'hono';
import type { Period } from '../../shared/period';
import { sessionValidUntil } from '../auth/sessions';
import type { Db } from '../db/client';
import type { UnitRow } from '../db/schema';
import { rememberHot } from './hot-answers';
import { requireUnitPeriod } from './lookups';
import { requestHeader } from './request-headers';
import type { AppEnv } from './router';
import { resolveAsOf } from './today';

// Answers of the read routes that every leader opens (dashboards, the chart by units, the
// comparisons, the target lines), kept as the JSON text sent, for as long as the data stamp
// does not move: any committed write, by anyone, empties it. A hit costs a lookup and no
// serialisation; the rights are checked before, on every request (docs/decisions/008).

const MAX_ENTRIES = 2_000;
/** Smaller answers are sent as they are: gzip would save little and cost a header. */
const GZIP_FROM_BYTES = 1_024;

interface Kept {
  /** The UTF-8 bytes: encoded once, not per request. */
  json: Uint8Array<ArrayBuffer>;
  /** The same gzipped, made the first time a client accepting gzip asks. */
  gzip?: Uint8Array<ArrayBuffer>;
}

interface Cache {
  stamp: string;
  bodies: Map<string, Kept>;
}

const encoder = new TextEncoder();

const caches = new WeakMap<Db, Cache>();

/**
 * The key of a request: its path and query as sent, and the day its statuses are judged on
 * (today, when the query does not say). The same view asked with its parameters in another
 * order is a miss, not an error.
 */
export function requestKey(c: Context<AppEnv>, asOf: string): string {
  return `${pathAndQuery(c.req.url)}|${asOf}`;
}

/** The path and query of a URL, as Node's request gives them. */
const pathAndQuery = (url: string) => url.slice(url.indexOf('/', url.indexOf('//') + 2));

export function cachedJson<T>(
  c: Context<AppEnv>,
  key: string,
  compute: () => T,
): TypedResponse<T, 200, 'json'> {
  const db = c.get('db');
  const stamp = c.get('stamp');
  let cache = caches.get(db);
  if (!cache || cache.stamp !== stamp) {
    cache = { stamp, bodies: new Map() };
    caches.set(db, cache);
  }
  let kept = cache.bodies.get(key);
  if (kept === undefined) {
    kept = { json: encoder.encode(JSON.stringify(compute())) };
    if (cache.bodies.size >= MAX_ENTRIES) cache.bodies.delete(cache.bodies.keys().next().value!);
    cache.bodies.set(key, kept);
  }
  // The same body c.json would send, already serialised; gzipped once for the browsers (all of
  // them) that accept it: a root dashboard's 10,6 KB go as about 1,3 KB on the school's network.
  const acceptEncoding = requestHeader(c, 'accept-encoding');
  let body: Uint8Array<ArrayBuffer> = kept.json;
  let headers: Record<string, string> = { 'Content-Type': 'application/json', Vary: 'Accept-Encoding' };
  if (kept.json.byteLength >= GZIP_FROM_BYTES && acceptsGzip(acceptEncoding)) {
    kept.gzip ??= gzipSync(kept.json, { level: 6 }) as Uint8Array<ArrayBuffer>;
    body = kept.gzip;
    headers = { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' };
  }
  // The same request again, before anything is written, is answered before Hono (hot-answers.ts).
  const session = c.get('session');
  if (session && c.req.method === 'GET')
    rememberHot(
      db,
      stamp,
      { cookie: requestHeader(c, 'cookie'), url: pathAndQuery(c.req.url), acceptEncoding },
      sessionValidUntil(session),
      body,
      headers,
    );
  return c.body(body, 200, headers) as unknown as TypedResponse<T, 200, 'json'>;
}

/**
 * A view of a unit and period (`?unit=&period=&asOf=`) for a reader of the unit, judged on the
 * day asked or today, and kept until the next write.
 */
export function keptView<T>(
  c: Context<AppEnv>,
  query: { unit?: string; period?: string; asOf?: string },
  view: (unit: UnitRow, period: Period, asOf: string) => T,
): TypedResponse<T, 200, 'json'> {
  const { unit, period } = requireUnitPeriod(c, 'read', query.unit, query.period);
  const asOf = resolveAsOf(query.asOf);
  return cachedJson(c, requestKey(c, asOf), () => view(unit, period, asOf));
}

/** Whether an Accept-Encoding header takes gzip (and does not refuse it with q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (name !== 'gzip' && name !== 'x-gzip' && name !== '*') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  }
  return false;
}
