import { createApp } from '../../server/app';
import { type Db, openDatabase } from '../../server/db/client';
import { loadDemoDataIfEmpty } from '../../server/db/demo';

/** The day the demo data and the tests are judged on, so nothing depends on the clock. */
export const DEMO_TODAY = new Date('2026-11-24T09:00:00+07:00');
export const AS_OF = '2026-11-24';

export interface TestApp {
  db: Db;
  call: (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>;
  raw: (method: string, path: string, init?: RequestInit) => Promise<Response>;
  snapshot: () => string;
}

/** A fresh app on its own in-memory database, migrated; with the demo data when asked. */
export function testApp({ demo = false }: { demo?: boolean } = {}): TestApp {
  const db = openDatabase(':memory:');
  if (demo) loadDemoDataIfEmpty(db, DEMO_TODAY);
  const app = createApp({ db });
  const raw = async (method: string, path: string, init: RequestInit = {}) =>
    app.request(path, { method, ...init });
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
  return { db, call, raw, snapshot: () => snapshot(db) };
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
    KY_LUAT: {
      code: 'KY_LUAT',
      name: 'Số đảng viên bị kỷ luật',
      unitLabel: 'đảng viên',
      kind: 'count',
      direction: 'lower',
      timeAggregate: 'sum',
    },
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
