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
    // And, since the chi bộ are counted by their rating, computed from the units below.
    expect(sources).toEqual(new Set(['entered', 'units', 'periods', 'derived']));
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

  it('writes its resolution as real ones are: counted chi bộ, đoàn thể judged below, shares summed, yearly and relative targets', async () => {
    const { units } = await get('/api/units');
    const root = units[0];
    const rows = async (unit: string, period: string) =>
      Object.fromEntries(
        (await get(`/api/dashboard?unit=${unit}&period=${period}&asOf=${AS_OF}`)).rows.map((r: any) => [
          r.indicator.code,
          r,
        ]),
      );
    const y2021 = await rows(root.id, '2021');
    expect(y2021.CB_HTT.result).toMatchObject({
      value: 4,
      source: 'derived',
      coverage: { reported: 5, total: 5 },
    });
    expect(y2021.CB_HTXS.result).toMatchObject({ value: 1, source: 'derived' });
    // The departments and the đoàn thể have no members to rate: five chi bộ are counted.
    expect(y2021.DV_HTT.result.coverage).toEqual({ reported: 5, total: 5 });
    const lines = await get(`/api/target-lines?unit=${root.id}&period=2021&asOf=${AS_OF}`);
    expect(lines.lines[6]).toMatchObject({ text: 'Lãnh đạo các đoàn thể đạt vững mạnh', status: 'exceeded' });
    expect(lines.lines[6].parts[0].units).toEqual({ achieved: 2, total: 2 });
    const ratings = await get(`/api/member-ratings?unit=${root.id}&period=2022`);
    expect(ratings.rating).toMatchObject({
      source: 'units',
      unrated: 1,
      coverage: { reported: 5, total: 5 },
    });
    const now = await rows(root.id, '2026');
    expect(now.HOC_TAP_NQ.target).toMatchObject({ value: 100, from: 'NK2025-2030' });
    const training = units.find((u: any) => u.name === 'Phòng Đào tạo');
    const admissions = (await rows(training.id, '2026')).TUYEN_SINH;
    // 5% more than 2025's 1.690 (300 + 1.390), rounded up: 1.775.
    expect(admissions.target).toMatchObject({
      value: 1775,
      change: { percent: 5 },
      base: { period: '2025', value: 1690 },
    });
    const d2021 = await get(`/api/dashboard?unit=${root.id}&period=2021&asOf=${AS_OF}`);
    expect(d2021.summary.lines).toEqual({ total: 7, achieved: 6, share: 85.71 });
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

// The demo's current year as a real committee has it in its month: a newcomer in December sees
// a year nearly done, not a first half and a failing admissions count.
describe('the demo in its real month', () => {
  async function demoOn(day: string) {
    const t = testApp();
    const { loadDemoDataIfEmpty } = await import('../../server/db/demo');
    loadDemoDataIfEmpty(t.db, new Date(`${day}T09:00:00+07:00`));
    const root = (await t.call('GET', '/api/units')).body.units[0];
    const rows = async (period: string) =>
      Object.fromEntries(
        (await t.call('GET', `/api/dashboard?unit=${root.id}&period=${period}&asOf=${day}`)).body.rows.map(
          (r: any) => [r.indicator.code, r],
        ),
      );
    return { t, root, rows };
  }

  it('in February: the year has begun, nothing of its halves is in yet', async () => {
    const { rows } = await demoOn('2026-02-10');
    const now = await rows('2026');
    expect(now.TUYEN_SINH.result).toBeNull();
    expect(now.DV_HTT.result).toBeNull();
    // Only the resolutions studied at the start of the year.
    expect(now.HOC_TAP_NQ.result).not.toBeNull();
    expect((await rows('2025')).DV_HTT.result).not.toBeNull();
  });

  it('in August: the first half is in, the autumn intake not yet', async () => {
    const { rows } = await demoOn('2026-08-15');
    const h1 = await rows('2026-H1');
    expect(h1.TUYEN_SINH.result.value).toBe(350);
    expect((await rows('2026')).TUYEN_SINH.result.value).toBe(350);
    expect((await rows('2026-H2')).TUYEN_SINH?.result ?? null).toBeNull();
  });

  it('in December: the intake, the awards and the chi bộ’s review are in; the year is nearly done', async () => {
    const { t, root, rows } = await demoOn('2026-12-04');
    const now = await rows('2026');
    expect(now.TUYEN_SINH.result.value).toBe(1800);
    expect(now.TUYEN_SINH.status).toBe('exceeded');
    expect(now.DV_HTT.result.source).toBe('units');
    expect(now.CB_HTT.result.source).toBe('derived');
    // The committee's own rating comes from the level above, after the year.
    expect(now.XL_DANG_BO.result).toBeNull();
    const lines = (await t.call('GET', `/api/target-lines?unit=${root.id}&period=2026&asOf=2026-12-04`)).body;
    expect(lines.summary.achieved).toBeGreaterThanOrEqual(5);
    expect(lines.lines.every((l: any) => l.status !== 'no_data')).toBe(true);
  });
});
