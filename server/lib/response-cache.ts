import type { Context, TypedResponse } from 'hono';
import type { Db } from '../db/client';
import type { AppEnv } from './router';

// Answers of the read routes that every leader opens (dashboards, the chart by units, the
// comparisons, the target lines), kept as the JSON text sent, for as long as the data stamp
// does not move: any committed write, by anyone, empties it. A hit costs a lookup and no
// serialisation; the rights are checked before, on every request (docs/decisions/008).

const MAX_ENTRIES = 2_000;

interface Cache {
  stamp: string;
  /** The UTF-8 bytes sent: encoded once, not per request. */
  bodies: Map<string, Uint8Array<ArrayBuffer>>;
}

const encoder = new TextEncoder();

const caches = new WeakMap<Db, Cache>();

/**
 * The key of a request: its path and query as sent, and the day its statuses are judged on
 * (today, when the query does not say). The same view asked with its parameters in another
 * order is a miss, not an error.
 */
export function requestKey(c: Context<AppEnv>, asOf: string): string {
  const url = c.req.url;
  return `${url.slice(url.indexOf('/', url.indexOf('//') + 2))}|${asOf}`;
}

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
  let body = cache.bodies.get(key);
  if (body === undefined) {
    body = encoder.encode(JSON.stringify(compute()));
    if (cache.bodies.size >= MAX_ENTRIES) cache.bodies.delete(cache.bodies.keys().next().value!);
    cache.bodies.set(key, body);
  }
  // The same body c.json would send, already serialised.
  return c.body(body, 200, { 'Content-Type': 'application/json' }) as unknown as TypedResponse<
    T,
    200,
    'json'
  >;
}
