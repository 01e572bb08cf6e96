import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app';

// The tree and the indicators are cached in memory; a write by another connection (a
// script, a second process) must still show at once.
describe('the catalogue cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-cache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('sees units added by another connection on the next request', async () => {
    const path = join(dir, 'shared.db');
    const t = testApp({ path });
    const list = async () => (await t.call('GET', '/api/units')).body.units as unknown[];
    await t.call('POST', '/api/units', { parentId: null, name: 'Đảng bộ A', kind: 'dang_bo' });
    expect(await list()).toHaveLength(1);
    const other = new Database(path);
    other
      .prepare("insert into units (name, kind, parent_id) values ('Chi bộ từ nơi khác', 'chi_bo', 1)")
      .run();
    other.close();
    expect(await list()).toHaveLength(2);
  });
});
