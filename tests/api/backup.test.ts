import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { createSession, SESSION_COOKIE } from '../../server/auth/sessions';
import {
  BackupError,
  backupDatabase,
  checkDatabaseFile,
  defaultBackupPath,
  restoreDatabase,
} from '../../server/db/backup';
import { openDatabase } from '../../server/db/client';
import { users } from '../../server/db/schema';
import {
  getJson,
  killAllServers,
  postImport,
  type ServerProcess,
  signIn,
  startServer,
} from '../helpers/server-process';

// Issue 8, "It holds", part 4: npm run backup copies the database while the server serves
// and writes; npm run restore puts a copy back once the server is stopped. The copy must be
// the database as one moment left it, holding every write acknowledged before the backup
// began, and a server started on the restored file must answer with exactly that.

const dir = mkdtempSync(join(tmpdir(), 'chitieu-backup-'));
afterAll(async () => {
  await killAllServers();
  rmSync(dir, { recursive: true, force: true });
}, 30_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs scripts/backup.ts or scripts/restore.ts as `npm run` does, on DATABASE_PATH. */
function runScript(script: 'backup' | 'restore', args: string[], databasePath: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
      env: { ...process.env, DATABASE_PATH: databasePath },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

async function put(base: string, cookie: string, path: string, body: unknown) {
  const res = await fetch(`${base}${path}`, {
    method: 'PUT',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return res.status;
}

interface Key {
  unitId: string;
  code: string;
  period: string;
}

/**
 * A strictly sequential series of result writes over some keys: write n is sent only once
 * write n-1 was acknowledged, so the server commits them in order, and any consistent copy
 * of the database holds writes 1..m of it for some m, never a gap.
 */
class Series {
  /** The key of write n at index n-1. */
  readonly log: Key[] = [];
  acknowledged = 0;
  sent = 0;
  stopped = false;
  done: Promise<void> = Promise.resolve();

  constructor(
    readonly name: string,
    readonly keys: Key[],
  ) {}

  note = (n: number) => `${this.name} ${n}`;

  start(base: string, cookie: string) {
    this.done = (async () => {
      while (!this.stopped) {
        const n = this.sent + 1;
        const key = this.keys[(n - 1) % this.keys.length]!;
        this.log.push(key);
        this.sent = n;
        const status = await put(base, cookie, `/api/results/${key.unitId}/${key.code}/${key.period}`, {
          value: n,
          note: this.note(n),
        });
        if (status !== 200) throw new Error(`${this.name}: write ${n} answered ${status}`);
        this.acknowledged = n;
      }
    })();
  }

  async stop() {
    this.stopped = true;
    await this.done;
  }

  /** Per key, the writes of 1..m to it, oldest first. */
  expected(m: number) {
    const byKey = new Map<string, number[]>();
    for (const key of this.keys) byKey.set(keyName(key), []);
    for (let n = 1; n <= m; n++) byKey.get(keyName(this.log[n - 1]!))!.push(n);
    return byKey;
  }
}

const keyName = (k: Key) => `${k.unitId}|${k.code}|${k.period}`;

describe('backup while the server writes, then restore', () => {
  it('copies one consistent moment holding every acknowledged write, and a restored server answers exactly it', async () => {
    const source = join(dir, 'live', 'chitieu.db');
    const copy = join(dir, 'sao-luu', 'chitieu-ban-sao.db');
    const restored = join(dir, 'khoi-phuc', 'chitieu.db');
    let server: ServerProcess = await startServer(source);
    const cookie = await signIn(server.base);
    const units = (await getJson(server.base, '/api/units', cookie)).units as {
      id: string;
      parentId: string | null;
    }[];
    const root = units.find((u) => u.parentId === null)!.id;

    // Some bulk first, so that copying the file takes a moment while the writes go on.
    const bulk: string[] = [];
    for (let y = 2101; y <= 2199; y++)
      for (const q of ['Q1', 'Q2', 'Q3', 'Q4'])
        for (const u of units)
          for (const code of ['NCKH_CS', 'KET_NAP', 'GV_GIOI', 'TUYEN_SINH'])
            bulk.push(`${u.id},${code},${y}-${q},result,${y},,,nền`);
    expect((await postImport(server.base, cookie, bulk)).status).toBe(200);

    const keysOf = (code: string) =>
      units.flatMap((u) =>
        ['2100-Q1', '2100-Q2', '2100-H2'].map((period) => ({ unitId: u.id, code, period })),
      );
    const series = [
      new Series('chuỗi A', keysOf('KET_NAP')),
      new Series('chuỗi B', keysOf('GV_GIOI')),
      new Series('chuỗi C', keysOf('NCKH_TINH')),
    ];
    for (const s of series) s.start(server.base, cookie);
    await sleep(400);

    const before = series.map((s) => s.acknowledged);
    const started = performance.now();
    const backup = await runScript('backup', [copy], source);
    const seconds = (performance.now() - started) / 1000;
    const after = series.map((s) => s.sent);
    await sleep(200);
    for (const s of series) await s.stop();
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain(`Đã sao lưu ${source} vào ${copy}`);
    expect(backup.stdout).toContain('Bản sao đã qua kiểm tra toàn vẹn.');
    expect(existsSync(`${copy}-wal`)).toBe(false);

    // The copy: whole, a single file, and for each series a prefix within the bounds.
    const file = new Database(copy, { readonly: true, fileMustExist: true });
    const held: number[] = [];
    const expectations: Map<string, number[]>[] = [];
    try {
      expect(file.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(file.pragma('journal_mode', { simple: true })).toBe('delete');
      for (const [i, s] of series.entries()) {
        const landed = (
          file
            .prepare("SELECT note FROM history WHERE type = 'result' AND note LIKE ? ORDER BY id")
            .pluck()
            .all(`${s.name} %`) as string[]
        ).map((note) => Number(note.slice(s.name.length + 1)));
        const m = landed.length;
        held.push(m);
        expect(landed).toEqual(Array.from({ length: m }, (_, k) => k + 1));
        expect(m).toBeGreaterThanOrEqual(before[i]!);
        expect(m).toBeLessThanOrEqual(after[i]!);
        const expected = s.expected(m);
        expectations.push(expected);
        for (const key of s.keys) {
          const writes = expected.get(keyName(key))!;
          const row = file
            .prepare(
              `SELECT r.value_x100 AS x, r.note, r.version FROM results r JOIN indicators i ON i.id = r.indicator_id
               WHERE r.unit_id = ? AND i.code = ? AND r.period = ?`,
            )
            .get(Number(key.unitId), key.code, key.period) as
            | { x: number; note: string; version: number }
            | undefined;
          const last = writes.at(-1);
          expect(row ? { value: row.x / 100, note: row.note, version: row.version } : null).toEqual(
            last === undefined ? null : { value: last, note: s.note(last), version: writes.length },
          );
        }
      }
    } finally {
      file.close();
    }
    console.log(
      `backup under load: ${seconds.toFixed(2)} s for the script; writes of each series acknowledged before it began ${before.join(', ')}, held by the copy ${held.join(', ')}, sent before it finished ${after.join(', ')}, written in all ${series.map((s) => s.acknowledged).join(', ')}`,
    );
    // The writes went on while the script ran: the copy is a moment of a moving database.
    expect(after.every((sent, i) => sent > before[i]!)).toBe(true);
    await server.stop();

    // Restored into a new place, a server answers with exactly what the copy held.
    const restore = await runScript('restore', [copy], restored);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toContain(`Đã khôi phục ${restored} từ bản sao lưu ${copy}`);
    expect(readFileSync(restored).equals(readFileSync(copy))).toBe(true);
    server = await startServer(restored);
    const again = await signIn(server.base);
    for (const [i, s] of series.entries()) {
      for (const key of s.keys) {
        const writes = expectations[i]!.get(keyName(key))!;
        const values = await getJson(
          server.base,
          `/api/values?unit=${key.unitId}&period=${key.period}`,
          again,
        );
        const result = (values.results as any[]).find((r) => r.code === key.code);
        const last = writes.at(-1);
        expect(result ? { value: result.value, note: result.note, version: result.version } : null).toEqual(
          last === undefined ? null : { value: last, note: s.note(last), version: writes.length },
        );
        const history = await getJson(
          server.base,
          `/api/history?unit=${key.unitId}&code=${key.code}&period=${key.period}`,
          again,
        );
        expect((history.changes as any[]).map((c) => [c.action, c.after?.value, c.note])).toEqual(
          writes.map((n, k) => [k === 0 ? 'create' : 'update', n, s.note(n)]).reverse(),
        );
      }
    }
    // Its roll-up equals one built in this process from the backup (a copy of it, signed in to).
    const scratch = join(dir, 'sao-luu', 'doc-thu.db');
    copyFileSync(copy, scratch);
    const fromCopy = openDatabase(scratch);
    try {
      const app = createApp({ db: fromCopy });
      const admin = fromCopy.select().from(users).where(eq(users.username, 'admin')).get()!;
      const cookie = `${SESSION_COOKIE}=${createSession(fromCopy, admin.id).token}`;
      for (const period of ['2100', '2101', '2026']) {
        const path = `/api/dashboard?unit=${root}&period=${period}&asOf=2026-11-24`;
        const live = await getJson(server.base, path, again);
        const res = await app.request(path, { headers: { cookie } });
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual(live);
      }
    } finally {
      fromCopy.$client.close();
    }
    await server.stop();
    expect(() => checkDatabaseFile(restored)).not.toThrow();
  }, 120_000);

  it('refuses to restore while the server has the database open, and keeps the file it replaces', async () => {
    const target = join(dir, 'mo', 'chitieu.db');
    const copy = join(dir, 'mo-sao-luu', 'truoc.db');
    let server = await startServer(target);
    const cookie = await signIn(server.base);
    const path = '/api/results/2/KET_NAP/2100';
    expect(await put(server.base, cookie, path, { value: 111, note: 'trước khi sao lưu' })).toBe(200);
    await backupDatabase(target, copy);
    expect(await put(server.base, cookie, path, { value: 222, note: 'sau khi sao lưu' })).toBe(200);

    const refused = await runScript('restore', [copy], target);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('Chưa khôi phục.');
    expect(refused.stderr).toContain('hãy dừng máy chủ rồi chạy lại lệnh khôi phục');
    const stillThere = await getJson(server.base, '/api/values?unit=2&period=2100', cookie);
    expect((stillThere.results as any[]).find((r) => r.code === 'KET_NAP')?.value).toBe(222);

    // Killed, not stopped: the last write is only in the WAL beside the file.
    await server.kill();
    expect(existsSync(`${target}-wal`)).toBe(true);
    const done = await runScript('restore', [copy], target);
    expect(done.code, done.stderr).toBe(0);
    const aside = readdirSync(dirname(target)).filter((f) =>
      f.startsWith(`${basename(target)}.truoc-khoi-phuc-`),
    );
    expect(aside).toHaveLength(1);
    expect(done.stdout).toContain(`Tệp cũ được giữ lại ở ${join(dirname(target), aside[0]!)}`);
    expect(existsSync(`${target}-wal`)).toBe(false);
    expect(existsSync(`${target}-shm`)).toBe(false);
    const valueIn = (file: string) => {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        return db
          .prepare(
            "SELECT r.value_x100 / 100 FROM results r JOIN indicators i ON i.id = r.indicator_id WHERE r.unit_id = 2 AND i.code = 'KET_NAP' AND r.period = '2100'",
          )
          .pluck()
          .get();
      } finally {
        db.close();
      }
    };
    // The replaced file, alone, still holds the write its WAL held.
    expect(valueIn(join(dirname(target), aside[0]!))).toBe(222);
    expect(valueIn(target)).toBe(111);

    server = await startServer(target);
    const again = await signIn(server.base);
    const restoredValues = await getJson(server.base, '/api/values?unit=2&period=2100', again);
    expect((restoredValues.results as any[]).find((r) => r.code === 'KET_NAP')?.value).toBe(111);
    await server.stop();
  }, 60_000);

  it('refuses a damaged or foreign backup and leaves the database as it was', async () => {
    const target = join(dir, 'nguyen', 'chitieu.db');
    const good = join(dir, 'nguyen', 'tot.db');
    openDatabase(target).$client.close();
    await backupDatabase(target, good);
    const original = readFileSync(target);

    const garbage = join(dir, 'nguyen', 'rac.db');
    writeFileSync(garbage, 'đây không phải cơ sở dữ liệu\n'.repeat(500));
    const truncated = join(dir, 'nguyen', 'cut.db');
    copyFileSync(good, truncated);
    truncateSync(truncated, Math.floor(readFileSync(good).length / 2));
    const foreign = join(dir, 'nguyen', 'khac.db');
    const other = new Database(foreign);
    other.exec('CREATE TABLE ghi_chu (noi_dung TEXT)');
    other.close();
    // A live database copied by hand with its WAL: the file alone may lack committed writes.
    const byHand = join(dir, 'nguyen', 'chep-tay.db');
    copyFileSync(good, byHand);
    writeFileSync(`${byHand}-wal`, 'trang WAL');

    const refusals: [string, RegExp][] = [
      [garbage, /không phải là cơ sở dữ liệu SQLite/],
      [truncated, /bị hỏng/],
      [foreign, /không phải cơ sở dữ liệu của Chỉ tiêu \(thiếu bảng __drizzle_migrations, units/],
      [join(dir, 'nguyen', 'khong-co.db'), /Không tìm thấy tệp/],
      [target, /chính là cơ sở dữ liệu cần khôi phục/],
      [byHand, /còn tệp .*chep-tay\.db-wal: đây không phải bản sao lưu do npm run backup tạo ra/],
    ];
    for (const [backup, message] of refusals) {
      expect(() => restoreDatabase(backup, target)).toThrow(BackupError);
      expect(() => restoreDatabase(backup, target)).toThrow(message);
    }
    expect(readFileSync(target).equals(original)).toBe(true);
    expect(readdirSync(join(dir, 'nguyen')).filter((f) => f.includes('khoi-phuc'))).toEqual([]);

    // Nor does a backup overwrite anything.
    await expect(backupDatabase(target, good)).rejects.toThrow(/đã có; hãy chọn tên khác/);
    await expect(backupDatabase(join(dir, 'khong-co.db'), join(dir, 'x.db'))).rejects.toThrow(
      /Không tìm thấy cơ sở dữ liệu/,
    );
  });

  it('names backups after the database and the local time, under backups/', () => {
    expect(defaultBackupPath('./data/chitieu.db', new Date(2026, 10, 24, 9, 5, 7))).toBe(
      join('backups', 'chitieu-20261124-090507.db'),
    );
  });
});
