import { describe, expect, it } from 'vitest';
import { AS_OF, testApp } from '../helpers/app';

// The demo data a newcomer sees on first start: a school's committee whose dashboard
// shows every status, and whose chi bộ results roll up.
describe('demo data', () => {
  const t = testApp({ demo: true });
  const get = (path: string) => t.call('GET', path).then((r) => r.body);

  it('holds a committee with five chi bộ, departments and two mass organisations', async () => {
    const { units } = await get('/api/units');
    const root = units.find((u: any) => u.parentId === null);
    const kinds = units.filter((u: any) => u.parentId === root.id).map((u: any) => u.kind);
    expect(kinds.filter((k: string) => k === 'chi_bo')).toHaveLength(5);
    expect(kinds.filter((k: string) => k === 'don_vi').length).toBeGreaterThanOrEqual(2);
    expect(kinds.filter((k: string) => k === 'doan_the')).toHaveLength(2);
    const { indicators } = await get('/api/indicators');
    expect(indicators.length).toBeGreaterThanOrEqual(10);
    expect(new Set(indicators.map((i: any) => i.kind))).toEqual(
      new Set(['count', 'percent', 'ratio', 'level']),
    );
    expect(indicators.some((i: any) => i.direction === 'lower')).toBe(true);
  });

  it('shows every status across the years, with results rolled up from the chi bộ', async () => {
    const { units } = await get('/api/units');
    const root = units[0];
    const seen = new Set<string>();
    const sources = new Set<string>();
    for (const period of [
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
      '2026',
      '2026-H1',
      'NK2020-2025',
      'NK2025-2030',
    ]) {
      const d = await get(`/api/dashboard?unit=${root.id}&period=${period}&asOf=${AS_OF}`);
      for (const r of d.rows) {
        seen.add(r.status);
        if (r.result) sources.add(r.result.source);
      }
    }
    for (const s of ['exceeded', 'met', 'not_yet', 'missed', 'no_data']) expect(seen).toContain(s);
    expect(sources).toEqual(new Set(['entered', 'units', 'periods']));
  });

  it('judges 2021 as the seed report did: 100% of members good or better is Vượt', async () => {
    const root = (await get('/api/units')).units[0];
    const d = await get(`/api/dashboard?unit=${root.id}&period=2021&asOf=${AS_OF}`);
    const htt = d.rows.find((r: any) => r.indicator.code === 'DV_HTT');
    expect(htt.result.source).toBe('units');
    expect(htt.result.value).toBe(100);
    expect(htt.status).toBe('exceeded');
    const plan = d.rows.find((r: any) => r.indicator.code === 'KH_DAO_TAO');
    expect(plan).toMatchObject({ status: 'exceeded', achievement: 103 });
    expect(d.period.open).toBe(false);
  });

  it('writes the committee’s main targets of 2021 as lines, judged as the seed report judged them', async () => {
    const root = (await get('/api/units')).units[0];
    const d = await get(`/api/target-lines?unit=${root.id}&period=2021&asOf=${AS_OF}`);
    expect(d.lines.map((l: any) => l.status)).toEqual([
      'exceeded',
      'exceeded',
      'met',
      'exceeded',
      'exceeded',
      // Fictional: two good teachers against three, to show a miss.
      'missed',
      'exceeded',
    ]);
    expect(d.lines[0].text).toMatch(/^Có 90% đảng viên xếp loại hoàn thành tốt nhiệm vụ trở lên/);
    expect(d.summary).toEqual({ total: 7, achieved: 6, share: 85.71 });
  });

  it('keeps the demo cells’ member ratings, which give their two shares', async () => {
    const { units } = await get('/api/units');
    const cell = units.find((u: any) => u.kind === 'chi_bo');
    const r = await get(`/api/member-ratings?unit=${cell.id}&period=2022`);
    expect(r.rating.total).toBeGreaterThan(0);
    const values = await get(`/api/values?unit=${cell.id}&period=2022`);
    const htt = values.results.find((x: any) => x.code === 'DV_HTT');
    expect([htt.numerator, htt.denominator]).toEqual([r.shares.good_or_better.numerator, r.rating.total]);
  });

  it('keeps the current year open', async () => {
    const root = (await get('/api/units')).units[0];
    const d = await get(`/api/dashboard?unit=${root.id}&period=2026&asOf=${AS_OF}`);
    expect(d.period.open).toBe(true);
    expect(d.summary.not_yet).toBeGreaterThan(0);
  });

  it('loads only into an empty database', async () => {
    const { loadDemoDataIfEmpty } = await import('../../server/db/demo');
    expect(loadDemoDataIfEmpty(t.db)).toBeNull();
  });
});
