import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Db } from '../db/client';
import { dataStamp } from './data-stamp';
import { today } from './today';

// The kept answers (response-cache.ts), served again before the request reaches Hono.
//
// A leader's browser asks the same dashboard again and again with the very same request: the
// same Cookie header, the same path and query, the same Accept-Encoding. The first time, the
// app answers it in full — session read, rights checked, answer built or taken from the kept
// ones — and, for the kept answers, leaves the bytes it sent here, under those three headers.
// The same request again, while nothing has been written (the data stamp has not moved), the
// session is not due to be renewed and the day is the same, gets those bytes and headers
// straight from Node's request listener: no routing, no validation, no middleware.
//
// Why that is safe:
// - An entry is only ever found by a request carrying the exact Cookie header of the request
//   the app answered, so the same session token: the same user with the same rights. Another
//   user, or the same browser after signing in again, sends another header and misses.
// - Every change of rights, sign-out, locked account or changed password is a write, and any
//   write moves the stamp: every entry is dropped at once.
// - A session past its renewal point (or its end) goes to the app, which renews or ends it.
// - An answer judged on "today" is kept for that day only.
// The cost is a look at the data stamp (about a microsecond) and a map lookup: what a bare
// route costs, for the answers a review day is made of (docs/performance.md, decision 008).

const MAX_ENTRIES = 2_000;

interface Entry {
  body: Uint8Array;
  /** Status line's headers as Node takes them in writeHead, the security headers first. */
  headers: string[];
  /** Until when the session may be taken as valid without the app (its renewal point). */
  until: number;
  /** The day it was judged on when the request did not say, else null. */
  day: string | null;
}

interface Front {
  stamp: string;
  entries: Map<string, Entry>;
  securityHeaders: [string, string][];
  hits: number;
}

const fronts = new WeakMap<Db, Front>();

const keyOf = (cookie: string, url: string, acceptEncoding: string | undefined) =>
  `${cookie}\u0000${url}\u0000${acceptEncoding ?? ''}`;

/** How many requests the front answered, for the tests. */
export function hotHits(db: Db): number {
  return fronts.get(db)?.hits ?? 0;
}

/**
 * Called by the kept-answer path for a GET answered to a signed-in request: remembers the
 * bytes and headers sent, when a front is installed for this database (the server process).
 */
export function rememberHot(
  db: Db,
  stamp: string,
  request: { cookie: string | undefined; url: string; acceptEncoding: string | undefined },
  until: number,
  body: Uint8Array,
  headers: Record<string, string>,
) {
  const front = fronts.get(db);
  if (!front || !request.cookie) return;
  if (front.stamp !== stamp) {
    front.stamp = stamp;
    front.entries.clear();
  }
  if (front.entries.size >= MAX_ENTRIES) front.entries.delete(front.entries.keys().next().value!);
  const flat: string[] = [];
  for (const [name, value] of front.securityHeaders) flat.push(name, value);
  for (const [name, value] of Object.entries(headers)) flat.push(name, value);
  flat.push('Content-Length', String(body.byteLength));
  front.entries.set(keyOf(request.cookie, request.url, request.acceptEncoding), {
    body,
    headers: flat,
    until,
    day: /[?&]asOf=/.test(request.url) ? null : today(),
  });
}

/**
 * A Node request listener answering the requests the front holds, and passing every other
 * to `next` (the app with its security headers). `securityHeaders` are the API's, as
 * lib/security-headers.ts works them out.
 */
export function withHotAnswers(
  db: Db,
  securityHeaders: [string, string][],
  next: (req: IncomingMessage, res: ServerResponse) => void,
): (req: IncomingMessage, res: ServerResponse) => void {
  const front: Front = { stamp: '', entries: new Map(), securityHeaders, hits: 0 };
  fronts.set(db, front);
  return (req, res) => {
    const cookie = req.headers.cookie;
    if (req.method === 'GET' && cookie !== undefined && front.entries.size > 0) {
      const entry = front.entries.get(keyOf(cookie, req.url ?? '', req.headers['accept-encoding']));
      if (
        entry !== undefined &&
        Date.now() < entry.until &&
        (entry.day === null || entry.day === today()) &&
        dataStamp(db) === front.stamp
      ) {
        front.hits += 1;
        res.writeHead(200, entry.headers);
        res.end(entry.body);
        return;
      }
    }
    next(req, res);
  };
}
