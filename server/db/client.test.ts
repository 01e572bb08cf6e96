import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client';

describe('openDatabase', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-db-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the file in WAL mode with foreign keys on and every table migrated', () => {
    const db = openDatabase(join(dir, 'nested', 'chitieu.db'));
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.$client
      .prepare("select name from sqlite_master where type = 'table' order by name")
      .all()
      .map((r) => (r as { name: string }).name);
    expect(tables).toEqual(expect.arrayContaining(['indicators', 'results', 'targets', 'units']));
    db.$client.close();
  });

  it('migrates an existing file again without harm', () => {
    const path = join(dir, 'again.db');
    openDatabase(path).$client.close();
    const db = openDatabase(path);
    expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    db.$client.close();
  });

  it('refuses a value for a unit that does not exist (foreign keys hold)', () => {
    const db = openDatabase(':memory:');
    expect(() =>
      db.$client.prepare("insert into results (unit_id, indicator_id, period) values (99, 99, '2025')").run(),
    ).toThrow(/FOREIGN KEY/);
  });
});
