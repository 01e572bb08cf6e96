import type { IndicatorDef } from './indicator';
import { dayNumber, type Period, parsePeriod, periodsOfKind } from './period';
import { comparable, divRoundHalfUp, type Value } from './value';

// docs/rules.md, "Progress inside a longer period": at the mid-year review the first half is
// judged against the year's target, at the mid-term review the years so far against the
// term's. A view of a shorter period shows, for indicators that add up (sum) or carry over
// (last), the cumulative result to the end of that period against the enclosing target, and
// the pace: on track when the achievement is at least the share of the enclosing period's
// days that have passed.

export type Pace = 'on_track' | 'behind';

export const PACE_LABELS: Record<Pace, string> = {
  on_track: 'Đúng tiến độ',
  behind: 'Chậm tiến độ',
};

const year = (p: Period) => Number(p.start.slice(0, 4));
const code = (c: string) => parsePeriod(c)!;

/**
 * The longer periods a view of `viewed` is measured against, most fitting first: the year of
 * a half or a quarter; the terms holding a year, the one it closes before the one it opens
 * (2025 is the last year of NK2020-2025 and the first of NK2025-2030).
 */
export function enclosingPeriods(viewed: Period): Period[] {
  switch (viewed.kind) {
    case 'half':
    case 'quarter':
      return [code(String(year(viewed)))];
    case 'year':
      return periodsOfKind('term', year(viewed), year(viewed));
    default:
      return [];
  }
}

/** The pieces of `enclosing` up to and including `viewed`, in order: what "so far" adds up. */
export function piecesSoFar(enclosing: Period, viewed: Period): Period[] {
  const y = year(viewed);
  switch (viewed.kind) {
    case 'half': {
      const h = viewed.code.endsWith('H1') ? 1 : 2;
      return Array.from({ length: h }, (_, i) => code(`${y}-H${i + 1}`));
    }
    case 'quarter': {
      const q = Number(viewed.code.slice(-1));
      return Array.from({ length: q }, (_, i) => code(`${y}-Q${i + 1}`));
    }
    case 'year': {
      const out: Period[] = [];
      for (let t = year(enclosing); t <= y; t++) out.push(code(String(t)));
      return out;
    }
    default:
      return [];
  }
}

/** The result so far: the pieces added up (sum), or the latest that has one (last). */
export function cumulative(ind: IndicatorDef, pieces: (Value | null)[]): Value | null {
  if (ind.timeAggregate === 'last') {
    for (let i = pieces.length - 1; i >= 0; i--) if (pieces[i]) return pieces[i]!;
    return null;
  }
  if (ind.timeAggregate !== 'sum') return null;
  let any = false;
  let x100 = 0;
  let numerator = 0;
  let denominator = 0;
  for (const v of pieces) {
    if (!v || v.type === 'level') continue;
    any = true;
    if (v.type === 'ratio') {
      numerator += v.numerator;
      denominator += v.denominator;
    } else x100 += v.x100;
  }
  if (!any) return null;
  return ind.kind === 'ratio' ? { type: 'ratio', numerator, denominator } : { type: 'number', x100 };
}

/**
 * The share of the enclosing period's days passed by the end of the viewed period (or by
 * `asOf`, if sooner), in hundredths of a percent: 2025-H1 seen at any later date is 181 of
 * 365 days of 2025, 4959.
 */
export function elapsedX100(enclosing: Period, viewed: Period, asOf: string): number {
  const first = dayNumber(enclosing.start);
  const total = dayNumber(enclosing.end) - first + 1;
  const until = asOf < viewed.end ? asOf : viewed.end;
  const passed = Math.min(total, Math.max(0, dayNumber(until) - first + 1));
  return divRoundHalfUp(passed * 10000, total);
}

/**
 * On track or behind. Where more is better and the kind has an achievement, the achievement
 * against the share of days passed; where less is better, whether the result so far is still
 * within the target; for a level, whether it has reached the target level.
 */
export function pace(
  ind: IndicatorDef,
  target: Value,
  soFar: Value | null,
  achievementX100: number | null,
  elapsed: number,
): Pace {
  if (!soFar) return elapsed > 0 ? 'behind' : 'on_track';
  const t = comparable(ind, target);
  const r = comparable(ind, soFar);
  if (t === null || r === null) return 'behind';
  if (ind.direction === 'lower') return r <= t ? 'on_track' : 'behind';
  if (ind.kind === 'level') return r >= t ? 'on_track' : 'behind';
  if (achievementX100 === null) return r >= t ? 'on_track' : 'behind';
  return achievementX100 >= elapsed ? 'on_track' : 'behind';
}
