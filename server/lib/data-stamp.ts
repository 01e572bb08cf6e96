import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/client';

// A stamp that changes whenever anything is committed to the database: SQLite's data_version
// moves with every commit by another connection, total_changes() with every row this
// connection inserted, updated or deleted. Two reads with the same stamp read the same data,
// so what was computed from the first can be served for the second (docs/decisions/008).

const changes = new WeakMap<Db, Statement>();
const versions = new WeakMap<Db, Statement>();

function versionStatement(db: Db): Statement {
  let s = versions.get(db);
  if (!s) {
    // The plain pragma: measured cheaper here than the pragma_data_version table function.
    s = db.$client.prepare('PRAGMA data_version').pluck();
    versions.set(db, s);
  }
  return s;
}

export function dataStamp(db: Db): string {
  let c = changes.get(db);
  if (!c) {
    c = db.$client.prepare('SELECT total_changes()').pluck();
    changes.set(db, c);
  }
  const version = versionStatement(db).get() as number;
  // A request reads the stamp first: its later looks at data_version are this one.
  remember(db, version);
  return `${version}:${c.get() as number}`;
}

// A request asks for the catalogue several times in one go; one look at data_version per
// turn of the event loop is enough, since nothing another process commits can be seen in
// the middle of synchronous work anyway.
let memo: { db: Db; version: number } | null = null;

/** SQLite's data_version alone: moves with every commit by another connection. */
export function dataVersion(db: Db): number {
  if (memo?.db === db) return memo.version;
  const version = versionStatement(db).get() as number;
  remember(db, version);
  return version;
}

function remember(db: Db, version: number) {
  const fresh = memo === null;
  memo = { db, version };
  if (fresh)
    setImmediate(() => {
      memo = null;
    });
}
