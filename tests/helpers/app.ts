import { createApp } from '../../server/app';
import { hashPassword } from '../../server/auth/password';
import { createSession, SESSION_COOKIE } from '../../server/auth/sessions';
import { type Db, openDatabase } from '../../server/db/client';
import { loadDemoDataIfEmpty } from '../../server/db/demo';
import { demoIndicator } from '../../server/db/demo-organisation';
import { grants, users } from '../../server/db/schema';
import type { Role } from '../../shared/accounts';

/** The day the demo data and the tests are judged on, so nothing depends on the clock. */
export const DEMO_TODAY = new Date('2026-11-24T09:00:00+07:00');
export const AS_OF = '2026-11-24';

export interface Caller {
  /** The Cookie header this caller sends, null when anonymous. */
  cookie: string | null;
  call: (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>;
  raw: (method: string, path: string, init?: RequestInit) => Promise<Response>;
}

export interface TestApp extends Caller {
  db: Db;
  app: ReturnType<typeof createApp>;
  snapshot: () => string;
  /** Requests with no session. */
  anonymous: Caller;
  /** A new user holding these grants, signed in; `unitId` null is everywhere. */
  as: (
    grants: { role: Role; unitId: string | number | null }[],
    username?: string,
  ) => Caller & { userId: number };
}

export const TEST_PASSWORD = 'mật-khẩu-thử-nghiệm';
// Hashed once, cheaply: the tests are about rights and behaviour, not about scrypt's cost.
export const TEST_LOG2N = 10;
const TEST_HASH = await hashPassword(TEST_PASSWORD, TEST_LOG2N);

/** A throttle that still counts and refuses, without making the tests wait. */
export const TEST_THROTTLE = {
  freeFailures: 3,
  maxFailures: 10,
  windowMs: 15 * 60_000,
  delayStepMs: 1,
  maxDelayMs: 5,
};

function caller(app: ReturnType<typeof createApp>, cookie: string | null): Caller {
  const raw = async (method: string, path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (cookie && !headers.has('cookie')) headers.set('cookie', cookie);
    return app.request(path, { method, ...init, headers });
  };
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await raw(method, path, {
      ...(body !== undefined
        ? {
            body: typeof body === 'string' ? body : JSON.stringify(body),
            headers: { 'Content-Type': 'application/json' },
          }
        : {}),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {}
    return { status: res.status, body: parsed as any };
  };
  return { cookie, call, raw };
}

/**
 * A fresh app on its own in-memory database, migrated; with the demo data when asked. Its
 * `call` and `raw` act as `admin`, granted everywhere, as on a new installation.
 */
export function testApp({
  demo = false,
  path = ':memory:',
}: {
  demo?: boolean;
  path?: string;
} = {}): TestApp {
  const db = openDatabase(path);
  if (demo) loadDemoDataIfEmpty(db, DEMO_TODAY);
  const app = createApp({ db, scryptLog2N: TEST_LOG2N, throttle: TEST_THROTTLE });
  let n = 0;
  const as = (wanted: { role: Role; unitId: string | number | null }[], username = `nguoi-dung-${++n}`) => {
    const user = db
      .insert(users)
      .values({ username, displayName: username, passwordHash: TEST_HASH })
      .returning()
      .get();
    for (const g of wanted)
      db.insert(grants)
        .values({ userId: user.id, role: g.role, unitId: g.unitId === null ? null : Number(g.unitId) })
        .run();
    const { token } = createSession(db, user.id);
    return { ...caller(app, `${SESSION_COOKIE}=${token}`), userId: user.id };
  };
  const admin = as([{ role: 'admin', unitId: null }], 'admin');
  return { db, app, ...admin, snapshot: () => snapshot(db), anonymous: caller(app, null), as };
}

/** Every row of every table, as text: equal snapshots mean nothing changed. */
export function snapshot(db: Db): string {
  const tables = db.$client
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .all() as { name: string }[];
  return JSON.stringify(
    tables.map(({ name }) => [name, db.$client.prepare(`select * from "${name}" order by rowid`).all()]),
  );
}

/** Small builders through the public API. */
export async function seedBasics(t: TestApp) {
  const root = (
    await t.call('POST', '/api/units', { parentId: null, name: 'Đảng bộ Trường Thử', kind: 'dang_bo' })
  ).body.unit;
  const a = (await t.call('POST', '/api/units', { parentId: root.id, name: 'Chi bộ A', kind: 'chi_bo' })).body
    .unit;
  const b = (await t.call('POST', '/api/units', { parentId: root.id, name: 'Chi bộ B', kind: 'chi_bo' })).body
    .unit;
  const indicators = {
    HTT: {
      code: 'HTT',
      name: 'Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên',
      unitLabel: '%',
      kind: 'ratio',
    },
    KET_NAP: {
      code: 'KET_NAP',
      name: 'Số đảng viên mới kết nạp',
      unitLabel: 'đảng viên',
      kind: 'count',
      timeAggregate: 'sum',
    },
    KH: { code: 'KH', name: 'Tỷ lệ hoàn thành kế hoạch đào tạo', unitLabel: '%', kind: 'percent' },
    KY_LUAT: demoIndicator('KY_LUAT'),
    XL: {
      code: 'XL',
      name: 'Xếp loại đoàn thể',
      unitLabel: 'mức',
      kind: 'level',
      levels: ['Khá', 'Vững mạnh', 'Vững mạnh tiêu biểu'],
      timeAggregate: 'last',
    },
  };
  for (const body of Object.values(indicators)) {
    const res = await t.call('POST', '/api/indicators', body);
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  }
  return { root, a, b };
}

/** For a file whose every test starts afresh from the basic tree: `beforeEach(freshApp)`, then `t` and `ids`. */
export let t: TestApp;
export let ids: Awaited<ReturnType<typeof seedBasics>>;
export async function freshApp() {
  t = testApp();
  ids = await seedBasics(t);
}

/**
 * "METHOD /api/path" of every route the app answers, middleware and the catch-all 404 left
 * out: what the OpenAPI description and the authorisation table must both cover.
 */
export function registeredApiRoutes(app: ReturnType<typeof createApp>): string[] {
  const seen = new Set<string>();
  for (const r of app.routes) {
    if (r.method === 'ALL' || !r.path.startsWith('/api/') || r.path.endsWith('*')) continue;
    // The description of the API and its page are not routes of the API itself.
    if (r.path === '/api/openapi.json' || r.path.startsWith('/api/docs')) continue;
    seen.add(`${r.method} ${r.path}`);
  }
  return [...seen].sort();
}
