import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';

// Backing up the database while the server serves and writes, and putting a backup back
// (scripts/backup.ts, scripts/restore.ts).
//
// The backup is SQLite's online backup API copying every page in one step: that step reads
// inside one read transaction, so the copy is the database as one commit left it, and in
// WAL mode a reader never blocks the server's writers. (In small steps, a write by the
// server between two steps would start the copy over, and a busy server could keep it from
// ever finishing.) The copy is checked, made a single file (journal mode DELETE) and only
// then given its name, so a file under that name is always a whole, checked backup.

/** A refusal worded for the person at the console; the scripts print its message as it is. */
export class BackupError extends Error {}

/** sqlite3_backup_step's page count for "everything at once" (better-sqlite3 caps it here). */
const ALL_PAGES = 0x7fffffff;
/** What makes a file a Chỉ tiêu database rather than any SQLite file. */
const REQUIRED_TABLES = ['__drizzle_migrations', 'units', 'indicators', 'targets', 'results', 'history'];

/** Local time as 20261124-090507, for file names that sort by date. */
export function fileStamp(now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}-` +
    `${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}`
  );
}

/** backups/chitieu-20261124-090507.db for ./data/chitieu.db. */
export function defaultBackupPath(databasePath: string, now = new Date(), folder = 'backups'): string {
  const name = basename(databasePath, extname(databasePath)) || 'chitieu';
  return join(folder, `${name}-${fileStamp(now)}.db`);
}

export interface CheckedDatabase {
  path: string;
  bytes: number;
  counts: { units: number; targets: number; results: number; history: number };
}

const sqliteCode = (err: unknown) => (err as { code?: string }).code ?? '';

/** SQLite's complaint about a file, in words for people, naming it as `label`. */
function unreadable(label: string, err: unknown): BackupError {
  return new BackupError(
    sqliteCode(err) === 'SQLITE_NOTADB'
      ? `Tệp ${label} không phải là cơ sở dữ liệu SQLite.`
      : `Tệp ${label} bị hỏng, không đọc hết được: ${(err as Error).message}.`,
  );
}

/**
 * Turns a fresh copy into a file on its own (journal mode DELETE, no WAL beside it), so that
 * checking it read-only touches nothing and what is checked is all there is.
 */
function makeSingleFile(path: string, label: string) {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { fileMustExist: true });
    db.pragma('journal_mode = DELETE');
  } catch (err) {
    throw unreadable(label, err);
  } finally {
    db?.close();
  }
}

/**
 * Opens `path` read-only and checks that it is a whole Chỉ tiêu database: SQLite's
 * integrity check and foreign key check pass, and its tables are there. Messages name the
 * file `label`, the name the person gave.
 */
export function checkDatabaseFile(path: string, label = path): CheckedDatabase {
  if (!existsSync(path)) throw new BackupError(`Không tìm thấy tệp ${label}.`);
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new BackupError(`Không mở được tệp ${label}: ${(err as Error).message}.`);
  }
  try {
    let integrity: unknown;
    let foreignKeys: unknown[];
    try {
      integrity = db.pragma('integrity_check', { simple: true });
      foreignKeys = db.pragma('foreign_key_check') as unknown[];
    } catch (err) {
      throw unreadable(label, err);
    }
    if (integrity !== 'ok')
      throw new BackupError(`Tệp ${label} bị hỏng: kiểm tra toàn vẹn báo "${String(integrity)}".`);
    if (foreignKeys.length > 0)
      throw new BackupError(
        `Tệp ${label} có ${foreignKeys.length} dòng trỏ tới dữ liệu không còn (kiểm tra khóa ngoại không đạt).`,
      );
    const tables = new Set(
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[],
    );
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
    if (missing.length > 0)
      throw new BackupError(
        `Tệp ${label} không phải cơ sở dữ liệu của Chỉ tiêu (thiếu bảng ${missing.join(', ')}).`,
      );
    const count = (table: string) => db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
    return {
      path,
      bytes: statSync(path).size,
      counts: {
        units: count('units'),
        targets: count('targets'),
        results: count('results'),
        history: count('history'),
      },
    };
  } finally {
    db.close();
  }
}

/** Removes a file and whatever SQLite may have left beside it. */
function removeWithCompanions(path: string) {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}

/** Flushes a file, or a folder's list of names after a rename, to the disk. */
function flush(path: string) {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch {
    // Folders cannot be opened for syncing everywhere (Windows); the rename stands regardless.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export interface BackupResult extends CheckedDatabase {
  milliseconds: number;
}

/** Copies the database at `source`, live or not, to `dest`, which must not exist yet. */
export async function backupDatabase(source: string, dest: string): Promise<BackupResult> {
  const started = performance.now();
  if (!existsSync(source))
    throw new BackupError(`Không tìm thấy cơ sở dữ liệu ${source}; hãy kiểm tra biến DATABASE_PATH.`);
  if (existsSync(dest))
    throw new BackupError(`Tệp ${dest} đã có; hãy chọn tên khác (bản sao lưu cũ không bị ghi đè).`);
  mkdirSync(dirname(resolve(dest)), { recursive: true });
  const partial = `${dest}.dang-sao-luu`;
  removeWithCompanions(partial);

  let src: Database.Database;
  try {
    src = new Database(source, { fileMustExist: true, timeout: 5000 });
  } catch (err) {
    throw new BackupError(`Không mở được cơ sở dữ liệu ${source}: ${(err as Error).message}.`);
  }
  let checked: CheckedDatabase;
  try {
    try {
      await src.backup(partial, { progress: () => ALL_PAGES });
    } catch (err) {
      throw new BackupError(`Không sao lưu được ${source}: ${(err as Error).message}.`);
    }
    makeSingleFile(partial, dest);
    checked = checkDatabaseFile(partial, dest);
  } catch (err) {
    removeWithCompanions(partial);
    throw err;
  } finally {
    src.close();
  }
  flush(partial);
  renameSync(partial, dest);
  flush(dirname(resolve(dest)));
  return { ...checked, path: dest, milliseconds: performance.now() - started };
}

/**
 * Makes sure no process has `target` open, then folds its WAL into it, so that the file
 * set aside is whole on its own. A server holds a shared lock on its database for as long
 * as it runs; an exclusive lock is refused while it does.
 */
function settleTarget(target: string) {
  let db: Database.Database | undefined;
  try {
    db = new Database(target, { fileMustExist: true, timeout: 0 });
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch (err) {
    if (/^SQLITE_(BUSY|LOCKED)/.test(sqliteCode(err)))
      throw new BackupError(
        `Cơ sở dữ liệu ${target} đang được mở, có lẽ máy chủ Chỉ tiêu đang chạy: hãy dừng máy chủ rồi chạy lại lệnh khôi phục.`,
      );
    // A damaged file is what a restore is for: it is set aside as it is, with its WAL.
  } finally {
    db?.close();
  }
}

export interface RestoreResult extends CheckedDatabase {
  /** Where the file that was replaced now is; null when there was none. */
  aside: string | null;
}

/**
 * Puts the backup `backup` in place of the database `target`, which no process may have
 * open. What is checked is the copy about to take the target's place (the backup itself is
 * only read); the file it replaces is kept beside it as `<target>.truoc-khoi-phuc-<time>`,
 * with its WAL folded in, and the target's -wal and -shm, which belong to the replaced file,
 * do not stay beside the restored one.
 */
export function restoreDatabase(backup: string, target: string, now = new Date()): RestoreResult {
  if (resolve(backup) === resolve(target))
    throw new BackupError('Tệp sao lưu chính là cơ sở dữ liệu cần khôi phục; hãy chọn một bản sao lưu khác.');
  if (!existsSync(backup)) throw new BackupError(`Không tìm thấy tệp ${backup}.`);
  // A file copied by hand from a running server may need its WAL, which a restore would drop.
  const wal = `${backup}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0)
    throw new BackupError(
      `Bên cạnh ${backup} còn tệp ${wal}: đây không phải bản sao lưu do npm run backup tạo ra, chép riêng tệp này sẽ mất dữ liệu.`,
    );
  mkdirSync(dirname(resolve(target)), { recursive: true });

  const incoming = `${target}.dang-khoi-phuc`;
  removeWithCompanions(incoming);
  let checked: CheckedDatabase;
  try {
    copyFileSync(backup, incoming);
    makeSingleFile(incoming, backup);
    checked = checkDatabaseFile(incoming, backup);
    if (existsSync(target)) settleTarget(target);
  } catch (err) {
    removeWithCompanions(incoming);
    throw err;
  }
  flush(incoming);

  let aside: string | null = null;
  if (existsSync(target)) {
    const base = `${target}.truoc-khoi-phuc-${fileStamp(now)}`;
    aside = base;
    for (let n = 2; existsSync(aside); n++) aside = `${base}-${n}`;
    renameSync(target, aside);
  }
  for (const suffix of ['-wal', '-shm', '-journal']) {
    const stale = `${target}${suffix}`;
    if (!existsSync(stale)) continue;
    // A WAL still holding pages (a damaged file could not be settled) goes with its file.
    if (aside && suffix !== '-shm' && statSync(stale).size > 0) renameSync(stale, `${aside}${suffix}`);
    else rmSync(stale, { force: true });
  }
  renameSync(incoming, target);
  flush(dirname(resolve(target)));
  return { ...checked, path: target, aside };
}
