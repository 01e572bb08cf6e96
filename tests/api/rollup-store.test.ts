import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/client';
import { results } from '../../server/db/schema';
import { loadedPeriods } from '../../server/domain/rollup-store';
import { AS_OF, type TestApp, testApp } from '../helpers/app';

// The roll-up kept in memory (docs/decisions/007): a write shows at once in every dashboard
// above it, whoever wrote it, and a write that was rolled back never shows.

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function deepTree(t: TestApp) {
  const add = async (parentId: string | null, name: string, kind: string) =>
    (await t.call('POST', '/api/units', { parentId, name, kind })).body.unit.id as string;
  const root = await add(null, 'Đảng bộ tỉnh', 'dang_bo');
  const bloc = await add(root, 'Đảng bộ khối', 'dang_bo');
  const base = await add(bloc, 'Đảng bộ cơ sở', 'dang_bo');
  const cell = await add(base, 'Chi bộ 1', 'chi_bo');
  const other = await add(base, 'Chi bộ 2', 'chi_bo');
  await t.call('POST', '/api/indicators', {
    code: 'KN',
    name: 'Số đảng viên mới kết nạp',
    unitLabel: 'đảng viên',
    kind: 'count',
    timeAggregate: 'sum',
  });
  await t.call('POST', '/api/indicators', {
    code: 'HTT',
    name: 'Tỷ lệ hoàn thành tốt',
    unitLabel: '%',
    kind: 'ratio',
  });
  return { chain: [root, bloc, base, cell], other };
}

const resultOf = async (t: TestApp, unit: string, period: string, code = 'KN') => {
  const d = await t.call('GET', `/api/dashboard?unit=${unit}&period=${period}&asOf=${AS_OF}`);
  return d.body.rows.find((r: any) => r.indicator.code === code)?.result ?? null;
};

describe('the roll-up kept in memory', () => {
  it('shows a write at once in every dashboard above it, for the period and the periods holding it', async () => {
    const t = testApp();
    const { chain, other } = await deepTree(t);
    const cell = chain[3]!;
    await t.call('PUT', `/api/results/${cell}/KN/2025-H1`, { value: 2 });
    await t.call('PUT', `/api/results/${other}/KN/2025-H1`, { value: 1 });
    // Every dashboard read once: the year, its half and the term are in memory now.
    for (const u of chain) for (const p of ['2025', '2025-H1', 'NK2020-2025']) await resultOf(t, u, p);
    expect(loadedPeriods(t.db)).toEqual(expect.arrayContaining(['2025', '2025-H1', 'NK2020-2025']));

    await t.call('PUT', `/api/results/${cell}/KN/2025-H1`, { value: 5 });
    for (const u of chain.slice(0, 3)) {
      expect((await resultOf(t, u, '2025-H1')).value, `unit ${u}, 2025-H1`).toBe(6);
      expect((await resultOf(t, u, '2025')).value, `unit ${u}, 2025`).toBe(6);
      expect((await resultOf(t, u, 'NK2020-2025')).value, `unit ${u}, the term`).toBe(6);
    }
    // A second half adds up in the year and the term, not in the first half.
    await t.call('PUT', `/api/results/${other}/KN/2025-H2`, { value: 4 });
    expect((await resultOf(t, chain[0]!, '2025')).value).toBe(10);
    expect((await resultOf(t, chain[0]!, '2025-H1')).value).toBe(6);
    // A removal too; and an entered figure higher up wins over what its units add up to.
    await t.call('DELETE', `/api/results/${cell}/KN/2025-H1`);
    expect((await resultOf(t, chain[0]!, '2025')).value).toBe(5);
    await t.call('PUT', `/api/results/${chain[1]}/KN/2025`, { value: 9 });
    expect(await resultOf(t, chain[0]!, '2025')).toMatchObject({ value: 9, source: 'units' });
    expect(await resultOf(t, chain[1]!, '2025')).toMatchObject({
      value: 9,
      source: 'entered',
      fromUnits: { value: 5 },
    });
  });

  it('follows ratios and batches, and the coverage of the units that reported', async () => {
    const t = testApp();
    const { chain, other } = await deepTree(t);
    await resultOf(t, chain[0]!, '2025', 'HTT');
    const res = await t.call('POST', '/api/values/batch', {
      results: [
        { unitId: chain[3], code: 'HTT', period: '2025', numerator: 9, denominator: 10 },
        { unitId: other, code: 'HTT', period: '2025', numerator: 1, denominator: 30 },
      ],
    });
    expect(res.status).toBe(200);
    expect(await resultOf(t, chain[2]!, '2025', 'HTT')).toMatchObject({
      numerator: 10,
      denominator: 40,
      display: '25%',
      coverage: { reported: 2, total: 2 },
    });
    expect(await resultOf(t, chain[0]!, '2025', 'HTT')).toMatchObject({
      display: '25%',
      coverage: { reported: 1, total: 1 },
    });
  });

  it('sees what another connection to the same file wrote, and never a write rolled back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-store-'));
    dirs.push(dir);
    const t = testApp({ path: join(dir, 'a.db') });
    const { chain } = await deepTree(t);
    await t.call('PUT', `/api/results/${chain[3]}/KN/2025-H1`, { value: 1 });
    expect((await resultOf(t, chain[0]!, '2025')).value).toBe(1);

    const second = openDatabase(join(dir, 'a.db'));
    second.update(results).set({ valueX100: 700 }).run();
    expect((await resultOf(t, chain[0]!, '2025')).value).toBe(7);

    expect(() =>
      t.db.transaction((tx) => {
        tx.update(results).set({ valueX100: 9900 }).run();
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    expect((await resultOf(t, chain[0]!, '2025')).value).toBe(7);
    second.$client.close();
  });

  it('starts afresh when units move, and still adds up right', async () => {
    const t = testApp();
    const { chain, other } = await deepTree(t);
    await t.call('PUT', `/api/results/${other}/KN/2025`, { value: 3 });
    expect((await resultOf(t, chain[1]!, '2025')).value).toBe(3);
    await t.call('PATCH', `/api/units/${other}`, { parentId: chain[0] });
    expect(await resultOf(t, chain[1]!, '2025')).toBeNull();
    expect((await resultOf(t, chain[0]!, '2025')).value).toBe(3);
  });
});
