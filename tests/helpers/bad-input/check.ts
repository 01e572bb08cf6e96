import fc from 'fast-check';
import { expect } from 'vitest';
import type { Db } from '../../../server/db/client';
import { IMPORT_COLUMNS } from '../../../shared/import-export';
import { refusalProblems, sentenceProblems } from './refusal';
import { type Body, type Req, w } from './world';

// Sending the requests of tests/api/bad-input.test.ts, checking each answer against the
// contract, and watching the database.

/** The first requests of every route are followed by a full comparison of the database. */
export const FULL_CHECKS = 20;

/** Requests sent, by family and route. */
export const counts = new Map<string, number>();
export const count = (family: string, route: string) =>
  counts.set(`${family}|${route}`, (counts.get(`${family}|${route}`) ?? 0) + 1);

/**
 * Every row of every table, as text. The one column left out is a session's expiry, which
 * any signed-in request may move forward (server/auth/sessions.ts renews a session used
 * more than ten minutes after its last renewal): bookkeeping, not a change the request made.
 */
export function tables(db: Db): Map<string, string> {
  const names = db.$client
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .all() as { name: string }[];
  return new Map(
    names.map(({ name }) => {
      const cols = name === 'sessions' ? 'id, user_id, created_at' : '*';
      return [name, JSON.stringify(db.$client.prepare(`select ${cols} from "${name}" order by rowid`).all())];
    }),
  );
}

/**
 * Compares the database with how it was. SQLite's total_changes() counts every row any
 * statement of this connection inserted, updated or deleted (rolled back or not, triggers
 * included), so a request after which it has not moved changed nothing; when it moved, and
 * after the first requests of a route, every so many requests and at the end, every table is
 * compared row by row.
 */
export class Watch {
  private before: Map<string, string>;
  private changes: number;
  private seen = 0;
  private readonly total: () => number;

  constructor(private readonly db: Db) {
    const stmt = db.$client.prepare('select total_changes()').pluck();
    this.total = () => stmt.get() as number;
    this.before = tables(db);
    this.changes = this.total();
  }

  /** The tables that changed, or null; what changed becomes the new "before". */
  check(full = false): string | null {
    this.seen++;
    const now = this.total();
    if (!full && now === this.changes && this.seen % 50 !== 0) return null;
    this.changes = now;
    const after = tables(this.db);
    const changed = [...after.keys()].filter((k) => after.get(k) !== this.before.get(k));
    if (changed.length === 0) return null;
    this.before = after;
    return changed.join(', ');
  }
}

export async function send(req: Req) {
  const headers: Record<string, string> = {};
  if (req.contentType !== undefined && req.contentType !== null) headers['content-type'] = req.contentType;
  if (req.cookie !== undefined) headers.cookie = req.cookie;
  let body: BodyInit | undefined;
  if (Array.isArray(req.body)) {
    const form = new FormData();
    for (const p of req.body)
      if (p.file) form.append(p.name, new File([p.file.bytes as BlobPart], p.file.name));
      else form.append(p.name, p.text ?? '');
    body = form;
  } else body = req.body as BodyInit | undefined;
  const res = await w.callers[req.as].raw(req.method, req.path, {
    headers,
    ...(body !== undefined ? { body } : {}),
  });
  return { status: res.status, contentType: res.headers.get('content-type'), text: await res.text() };
}

/** The path as the router reads it, which a "no such path" message quotes. */
export const pathAsRead = (url: string) => {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
};

export const clip = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n)}…(${s.length})` : s);

export function describeReq(req: Req): string {
  return `${req.as} ${req.method} ${clip(req.path)} [${req.faults.map((f) => clip(f, 120)).join('; ')}]`;
}

/**
 * A refused import lists its rows at fault (row, column, message), a refused batch its items
 * (list, index, field, message): each message a Vietnamese sentence too.
 */
export function listedProblems(text: string, echoes: string[]): string[] {
  const body = JSON.parse(text);
  if (body.errors === undefined) return [];
  if (!Array.isArray(body.errors) || body.errors.length === 0) return ['"errors" is not a list'];
  return body.errors.flatMap((e: any) => [
    ...(typeof e.list === 'string'
      ? Number.isInteger(e.index) && e.index >= 0
        ? []
        : [`index ${JSON.stringify(e.index)}`]
      : [
          ...(Number.isInteger(e.row) && e.row >= 1 ? [] : [`row ${JSON.stringify(e.row)}`]),
          ...(e.column === null || (IMPORT_COLUMNS as readonly string[]).includes(e.column)
            ? []
            : [`column ${JSON.stringify(e.column)}`]),
        ]),
    // A batch item's message is a clause, put after "chỉ tiêu thứ 2:" in the sentence of the refusal.
    ...sentenceProblems(typeof e.list === 'string' ? `Lỗi: ${e.message}.` : e.message, echoes).map(
      (p) => `errors[]: ${p}`,
    ),
  ]);
}

/**
 * Sends every generated request and checks each answer: a refusal as the contract words
 * it (with `status` when given), and the database as it was.
 */
export async function refusesAll(
  family: string,
  route: string,
  arb: fc.Arbitrary<Req>,
  numRuns: number,
  status?: number,
) {
  const watch = new Watch(w.t.db);
  let n = 0;
  // Printed by its description: a counterexample may hold strings of ten thousand characters.
  const printable = arb.map((req) =>
    Object.defineProperty({ ...req }, fc.toStringMethod, {
      value: () => describeReq(req),
      enumerable: false,
    }),
  );
  await fc.assert(
    fc.asyncProperty(printable, async (req) => {
      const res = await send(req);
      count(family, route);
      const problems = refusalProblems(res, req.echoes);
      if (status !== undefined && res.status !== status)
        problems.unshift(`status ${res.status}, expected ${status}`);
      if (problems.length === 0) problems.push(...listedProblems(res.text, req.echoes));
      const changed = watch.check(n++ < FULL_CHECKS);
      if (changed) problems.push(`the database changed: ${changed}`);
      if (problems.length > 0)
        throw new Error(
          `${describeReq(req)}\n  ${problems.join('\n  ')}\n  answer ${res.status}: ${clip(res.text, 400)}`,
        );
    }),
    { numRuns },
  );
  expect(watch.check(true), 'the database changed').toBeNull();
}

/** Every string of a JSON value, keys included: what a message may quote. */
export function stringsOf(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) stringsOf(x, out);
  else if (v !== null && typeof v === 'object')
    for (const k of Object.keys(v)) {
      out.push(k);
      stringsOf((v as Body)[k], out);
    }
  return out;
}
