import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIETNAMESE } from '../helpers/expect';
import {
  SERVER_ADMIN_PASSWORD,
  type ServerProcess,
  sessionCookie,
  startServer,
} from '../helpers/server-process';

// Issue 8, "It holds", part 3: many people saving the same values at once. The real server
// runs as its own process on a file database, and every client talks to it over loopback
// HTTP, so reads and writes of different clients truly interleave. Each client reads a value
// with its version and writes a new value of its own with that version, again and again, on
// every versioned route: results, targets, the batch of both, target lines, member ratings.
// What must hold: every answer is a write (200) or a refusal naming the current value (409);
// the accepted writes of each value form one chain, version after version, none lost; what is
// stored at the end is the last accepted write; the history holds each accepted write once,
// in order, by whom, and nothing of the refused ones.

const USER_PASSWORD = 'mat-khau-va-cham-2026';
const CLIENTS = 40;
const ROUNDS = 10;
const PERIOD = '2025';
const CODE = 'KET_NAP';

let server: ServerProcess | undefined;
let dir: string;
let base: string;

interface Answer {
  status: number;
  body: any;
}

/** A person at a browser: their own session cookie, JSON in and out. */
type Client = ((method: string, path: string, body?: unknown) => Promise<Answer>) & { username: string };

async function signIn(username: string, password: string): Promise<Client> {
  const cookie = await sessionCookie(base, username, password);
  const client = async (method: string, path: string, body?: unknown) => {
    const answer = await fetch(base + path, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await answer.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {}
    return { status: answer.status, body: parsed };
  };
  return Object.assign(client, { username });
}

let admin: Client;
let cellA: string;
let cellB: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chitieu-collisions-'));
  server = await startServer(join(dir, 'collisions.db'), { DEMO_DATA: '0' });
  base = server.base;

  admin = await signIn('admin', SERVER_ADMIN_PASSWORD);
  const unit = async (parentId: string | null, name: string, kind: string) => {
    const res = await admin('POST', '/api/units', { parentId, name, kind });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.unit.id as string;
  };
  const root = await unit(null, 'Đảng bộ Trường Va Chạm', 'dang_bo');
  cellA = await unit(root, 'Chi bộ Giáo viên', 'chi_bo');
  cellB = await unit(root, 'Chi bộ Hành chính', 'chi_bo');
  const indicator = await admin('POST', '/api/indicators', {
    code: CODE,
    name: 'Số đảng viên mới kết nạp',
    unitLabel: 'đảng viên',
    kind: 'count',
  });
  expect(indicator.status).toBe(201);
}, 60_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

type Chain = 'result' | 'target' | 'lines' | 'rating';
type Op = 'result' | 'target' | 'batch' | 'lines' | 'rating';
const OPS: Op[] = ['result', 'target', 'batch', 'lines', 'rating'];

/** One write as sent: the value (a number unique to the attempt) and the version it was read at. */
interface Sent {
  chain: Chain;
  value: number;
  version: number;
}

interface Attempt {
  client: number;
  username: string;
  op: Op;
  sent: Sent[];
  answer: Answer;
}

/** An accepted write, as the chain of its value holds it. */
interface Link {
  value: number;
  base: number;
  version: number;
  username: string;
}

const noteOf = (value: number) => `Biên bản số ${value}`;
const lineOf = (value: number) => `Kết nạp ${value} đảng viên mới`;

/** What is stored now, and its version: 0 when nothing is. */
async function read(client: Client, op: Op): Promise<Record<string, { version: number; value: number }>> {
  const absent = { version: 0, value: 0 };
  if (op === 'lines') {
    const res = await client('GET', `/api/target-lines?unit=${cellA}&period=${PERIOD}`);
    expect(res.status).toBe(200);
    return { lines: { version: res.body.version, value: 0 } };
  }
  if (op === 'rating') {
    const res = await client('GET', `/api/member-ratings?unit=${cellB}&period=${PERIOD}`);
    expect(res.status).toBe(200);
    return { rating: res.body.rating ? { version: res.body.rating.version, value: 0 } : absent };
  }
  const res = await client('GET', `/api/values?unit=${cellA}&period=${PERIOD}`);
  expect(res.status).toBe(200);
  const target = res.body.targets.find((x: any) => x.code === CODE);
  const result = res.body.results.find((x: any) => x.code === CODE);
  return { target: target ?? absent, result: result ?? absent };
}

async function attempt(client: Client, index: number, op: Op, value: number): Promise<Attempt> {
  const now = await read(client, op);
  const at = (chain: Chain) => ({ chain, value, version: now[chain]!.version });
  const valuePath = (kind: 'targets' | 'results') => `/api/${kind}/${cellA}/${CODE}/${PERIOD}`;
  let sent: Sent[];
  let answer: Answer;
  switch (op) {
    case 'result':
      sent = [at('result')];
      answer = await client('PUT', valuePath('results'), {
        value,
        note: noteOf(value),
        version: sent[0]!.version,
      });
      break;
    case 'target':
      sent = [at('target')];
      answer = await client('PUT', valuePath('targets'), { value, version: sent[0]!.version });
      break;
    case 'batch': {
      const [target, result] = [at('target'), at('result')];
      sent = [target, result];
      const key = { unitId: cellA, code: CODE, period: PERIOD };
      answer = await client('POST', '/api/values/batch', {
        targets: [{ ...key, value, version: target.version }],
        results: [{ ...key, value, note: noteOf(value), version: result.version }],
      });
      break;
    }
    case 'lines':
      sent = [at('lines')];
      answer = await client('PUT', `/api/target-lines/${cellA}/${PERIOD}`, {
        lines: [{ text: lineOf(value), codes: [CODE] }],
        version: sent[0]!.version,
      });
      break;
    case 'rating':
      sent = [at('rating')];
      answer = await client('PUT', `/api/member-ratings/${cellB}/${PERIOD}`, {
        excellent: 0,
        good: value,
        complete: 1,
        notComplete: 0,
        note: noteOf(value),
        version: sent[0]!.version,
      });
      break;
  }
  return { client: index, username: client.username, op, sent, answer };
}

/** The value and version an accepted write answered with, for one of the chains it wrote. */
function written(a: Attempt, chain: Chain): { value: number; version: number } {
  const b = a.answer.body;
  switch (chain) {
    case 'result': {
      const r = a.op === 'batch' ? b.results[0] : b.result;
      return { value: r.value, version: r.version };
    }
    case 'target': {
      const t = a.op === 'batch' ? b.targets[0] : b.target;
      return { value: t.value, version: t.version };
    }
    case 'lines':
      return { value: Number(/\d+/.exec(b.lines[0].text)![0]), version: b.version };
    case 'rating':
      return { value: b.rating.good, version: b.rating.version };
  }
}

/** The value and version a 409 names as current, for one of the chains it refused. */
function currentOf(a: Attempt, chain: Chain): { value: number; version: number } | null {
  const b = a.answer.body;
  if (a.op === 'batch') {
    const list = chain === 'target' ? 'targets' : 'results';
    const c = b.conflicts.find((x: any) => x.list === list);
    return c ? { value: c.current.value, version: c.current.version } : null;
  }
  if (chain === 'lines')
    return { value: Number(/\d+/.exec(b.current.lines[0].text)![0]), version: b.current.version };
  if (chain === 'rating') return { value: b.current.good, version: b.current.version };
  return { value: b.current.value, version: b.current.version };
}

describe('many clients saving the same values at once, over HTTP', () => {
  let attempts: Attempt[] = [];
  const chains: Record<Chain, Link[]> = { result: [], target: [], lines: [], rating: [] };

  beforeAll(async () => {
    const users: Client[] = [admin];
    for (let i = 1; i <= 4; i++) {
      const username = `nguoi-sua-${i}`;
      const res = await admin('POST', '/api/users', {
        username,
        password: USER_PASSWORD,
        displayName: `Người sửa ${i}`,
        // Results, targets and lines are written for chi bộ A, member ratings for chi bộ B.
        grants: [
          { role: 'committee', unitId: cellA },
          { role: 'committee', unitId: cellB },
        ],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      users.push(await signIn(username, USER_PASSWORD));
    }
    // Every client runs its rounds at once with the others; each round is a read then a write.
    const runs = Array.from({ length: CLIENTS }, async (_, c) => {
      const client = users[c % users.length]!;
      const mine: Attempt[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const op = OPS[(c + round) % OPS.length]!;
        mine.push(await attempt(client, c, op, (c + 1) * 1000 + round + 1));
      }
      return mine;
    });
    attempts = (await Promise.all(runs)).flat();
    for (const a of attempts)
      if (a.answer.status === 200)
        for (const s of a.sent) {
          const w = written(a, s.chain);
          chains[s.chain].push({ value: w.value, base: s.version, version: w.version, username: a.username });
        }
    for (const chain of Object.values(chains)) chain.sort((x, y) => x.version - y.version);

    const refused = attempts.filter((a) => a.answer.status === 409).length;
    const accepted = attempts.filter((a) => a.answer.status === 200).length;
    console.info(
      `collisions: ${CLIENTS} clients × ${ROUNDS} rounds = ${attempts.length} writes, ${accepted} accepted, ${refused} refused with 409;` +
        ` chains: ${Object.entries(chains)
          .map(([k, v]) => `${k} ${v.length}`)
          .join(', ')}`,
    );
  }, 60_000);

  it('answers every write with 200 or 409, and both kinds occur on every route', () => {
    expect(attempts).toHaveLength(CLIENTS * ROUNDS);
    const statuses = [...new Set(attempts.map((a) => a.answer.status))].sort();
    expect(statuses, server!.output()).toEqual([200, 409]);
    for (const op of OPS) {
      const mine = attempts.filter((a) => a.op === op);
      expect(mine.some((a) => a.answer.status === 200)).toBe(true);
      expect(mine.some((a) => a.answer.status === 409)).toBe(true);
    }
  });

  it('names in every 409 the value stored now, a newer one, which an accepted write did store', () => {
    for (const a of attempts.filter((x) => x.answer.status === 409)) {
      const body = a.answer.body;
      expect(body.error.code).toBe('version_conflict');
      expect(body.error.message).toMatch(VIETNAMESE);
      let named = 0;
      for (const s of a.sent) {
        const current = currentOf(a, s.chain);
        if (!current) continue; // the other half of a batch, which was not stale
        named++;
        expect(current.version).toBeGreaterThan(s.version);
        const link = chains[s.chain].find((l) => l.version === current.version);
        expect(link?.value, `${a.op} ${JSON.stringify(body)}`).toBe(current.value);
      }
      expect(named).toBeGreaterThan(0);
    }
  });

  it('keeps the accepted writes of each value in one chain: each on the version before it, none lost', () => {
    for (const [name, chain] of Object.entries(chains)) {
      expect(chain.length, name).toBeGreaterThan(1);
      chain.forEach((link, i) => {
        expect(link.version, name).toBe(i + 1);
        expect(link.base, name).toBe(i);
      });
      // No two accepted writes were read at the same version: none overwrote another unseen.
      expect(new Set(chain.map((l) => l.base)).size).toBe(chain.length);
    }
  });

  it('stores at the end what the last accepted write sent', async () => {
    const values = await admin('GET', `/api/values?unit=${cellA}&period=${PERIOD}`);
    const lastResult = chains.result.at(-1)!;
    const lastTarget = chains.target.at(-1)!;
    expect(values.body.results.find((r: any) => r.code === CODE)).toMatchObject({
      value: lastResult.value,
      note: noteOf(lastResult.value),
      version: lastResult.version,
    });
    expect(values.body.targets.find((r: any) => r.code === CODE)).toMatchObject({
      value: lastTarget.value,
      version: lastTarget.version,
    });
    const lines = await admin('GET', `/api/target-lines?unit=${cellA}&period=${PERIOD}`);
    expect(lines.body.version).toBe(chains.lines.at(-1)!.version);
    expect(lines.body.lines.map((l: any) => l.text)).toEqual([lineOf(chains.lines.at(-1)!.value)]);
    const rating = await admin('GET', `/api/member-ratings?unit=${cellB}&period=${PERIOD}`);
    expect(rating.body.rating).toMatchObject({
      good: chains.rating.at(-1)!.value,
      note: noteOf(chains.rating.at(-1)!.value),
      version: chains.rating.at(-1)!.version,
    });
  });

  it('records each accepted write once in the history, in order, by whom, and none of the refused', async () => {
    const history = async (unit: string, query: string, type: string) => {
      const res = await admin('GET', `/api/history?unit=${unit}&period=${PERIOD}${query}`);
      expect(res.status).toBe(200);
      return (res.body.changes as any[]).filter((c) => c.type === type).reverse();
    };
    const figureOf = (chain: Chain, side: any) =>
      side === null
        ? null
        : chain === 'lines'
          ? Number(/\d+/.exec(side[0].text)![0])
          : chain === 'rating'
            ? side.good
            : side.value;
    const recorded: Record<Chain, any[]> = {
      result: await history(cellA, `&code=${CODE}`, 'result'),
      target: await history(cellA, `&code=${CODE}`, 'target'),
      lines: await history(cellA, '', 'target_line'),
      rating: await history(cellB, '', 'member_rating'),
    };
    for (const name of Object.keys(chains) as Chain[]) {
      const chain = chains[name];
      const changes = recorded[name];
      expect(
        changes.map((c) => figureOf(name, c.after)),
        name,
      ).toEqual(chain.map((l) => l.value));
      expect(changes.map((c) => figureOf(name, c.before))).toEqual([
        null,
        ...chain.slice(0, -1).map((l) => l.value),
      ]);
      expect(changes.map((c) => c.action)).toEqual(chain.map((_, i) => (i === 0 ? 'create' : 'update')));
      expect(changes.map((c) => c.user)).toEqual(chain.map((l) => l.username));
      if (name === 'result' || name === 'rating')
        expect(changes.map((c) => c.note)).toEqual(chain.map((l) => noteOf(l.value)));
      if (name !== 'lines') expect(changes.map((c) => c.after.version)).toEqual(chain.map((l) => l.version));

      const accepted = new Set(chain.map((l) => l.value));
      const refused = attempts
        .filter((a) => a.answer.status === 409)
        .flatMap((a) => a.sent.filter((s) => s.chain === name).map((s) => s.value))
        .filter((v) => !accepted.has(v));
      expect(refused.length).toBeGreaterThan(0);
      const seen = new Set(changes.flatMap((c) => [figureOf(name, c.before), figureOf(name, c.after)]));
      for (const v of refused) expect(seen.has(v), `${name} ${v}`).toBe(false);
    }
  });
});
