import type { openDatabase } from '../../server/db/client';
import { PROVINCE_INDICATORS, TERM } from './catalogue';

// Rows written as the app stores them, through prepared statements: a unit, a target, a result,
// a rating, a list of main targets; with the counts of what was written.

export type Value = number | string | [number, number];
/** Sums of the targets of a unit's children, per `${code} ${period}`, for the unit's own. */
export type Tally = Map<string, number>;
export const add = (t: Tally, code: string, period: string, v: number) => {
  const k = `${code} ${period}`;
  t.set(k, (t.get(k) ?? 0) + v);
};
export const got = (t: Tally, code: string, period: string) => t.get(`${code} ${period}`) ?? 0;

/** The day a value was last touched: targets at the start of their period, results after its end. */
export function stampOf(period: string, type: 'target' | 'result'): string {
  if (period === TERM) return '2020-10-20T02:00:00.000Z';
  const year = Number(period.slice(0, 4));
  if (type === 'target') return `${year}-01-15T02:00:00.000Z`;
  if (period.endsWith('-H1')) return `${year}-07-10T02:00:00.000Z`;
  return `${year + 1}-01-10T02:00:00.000Z`;
}

/** The statements and writers of one generation, on the database being built. */
export function provinceWriter(sqlite: ReturnType<typeof openDatabase>['$client']) {
  const insertIndicator = sqlite.prepare(
    `INSERT INTO indicators (code, name, unit_label, kind, direction, time_aggregate, levels, member_rating, position, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '2020-10-20T02:00:00.000Z')`,
  );
  const insertUnit = sqlite.prepare(
    `INSERT INTO units (parent_id, name, kind, position, updated_at) VALUES (?, ?, ?, ?, '2020-10-20T02:00:00.000Z')`,
  );
  const insertTarget = sqlite.prepare(
    'INSERT INTO targets (unit_id, indicator_id, period, value_x100, level, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertResult = sqlite.prepare(
    `INSERT INTO results (unit_id, indicator_id, period, value_x100, numerator, denominator, level, note, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertRating = sqlite.prepare(
    `INSERT INTO member_ratings (unit_id, period, excellent, good, complete, not_complete, outstanding, note, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
  );
  const insertLines = sqlite.prepare(
    'INSERT INTO target_lines (unit_id, period, lines, updated_at) VALUES (?, ?, ?, ?)',
  );

  const counts = {
    units: 0,
    blocs: 0,
    committees: 0,
    cells: 0,
    targets: 0,
    results: 0,
    ratings: 0,
    lines: 0,
  };
  const ind = new Map<string, number>();
  const kindOf = new Map(PROVINCE_INDICATORS.map((i) => [i.code, i.kind]));

  const unit = (parentId: number | null, name: string, kind: string) => {
    counts.units++;
    return Number(insertUnit.run(parentId, name, kind, counts.units).lastInsertRowid);
  };
  // Numbers are written as hundredths, as the app stores them; percentages are made as
  // whole hundredths so that no float is rounded on the way in.
  const target = (unitId: number, code: string, period: string, v: number | string, x100 = false) => {
    counts.targets++;
    const value = typeof v === 'number' ? (x100 ? v : v * 100) : null;
    insertTarget.run(
      unitId,
      ind.get(code)!,
      period,
      value,
      typeof v === 'string' ? v : null,
      stampOf(period, 'target'),
    );
  };
  const result = (unitId: number, code: string, period: string, v: Value, note: string | null = null) => {
    counts.results++;
    const isRatio = Array.isArray(v);
    if (isRatio !== (kindOf.get(code) === 'ratio')) throw new Error(`${code}: wrong kind of value`);
    insertResult.run(
      unitId,
      ind.get(code)!,
      period,
      typeof v === 'number' ? (kindOf.get(code) === 'percent' ? v : v * 100) : null,
      isRatio ? v[0] : null,
      isRatio ? v[1] : null,
      typeof v === 'string' ? v : null,
      note,
      stampOf(period, 'result'),
    );
  };
  return { sqlite, counts, ind, unit, target, result, insertIndicator, insertRating, insertLines };
}

export type ProvinceWriter = ReturnType<typeof provinceWriter>;

export const halves = (y: number) => [`${y}-H1`, `${y}-H2`] as const;
export const split = (n: number): [number, number] => [Math.floor(n / 2), n - Math.floor(n / 2)];
