import type { IndicatorDef } from './indicator';
import { comparable, divRoundHalfUp, type Value } from './value';

// docs/rules.md, "The judgement": the status of one indicator for one unit and period.

export const STATUSES = ['exceeded', 'met', 'not_yet', 'missed', 'no_data', 'no_target'] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<Status, string> = {
  exceeded: 'Vượt',
  met: 'Đạt',
  not_yet: 'Chưa đạt',
  missed: 'Không đạt',
  no_data: 'Chưa có số liệu',
  no_target: 'Chưa giao chỉ tiêu',
};

/**
 * Compares result with target exactly, by the comparable integers of value.ts. A target
 * or result that cannot be read for this indicator (a level no longer on its scale) counts
 * as absent rather than guessing a status. A ratio cannot pass 100%, so a 100% target that
 * is reached is Đạt, never Vượt, without a special case.
 */
export function judge(ind: IndicatorDef, target: Value | null, result: Value | null, open: boolean): Status {
  const t = target ? comparable(ind, target) : null;
  if (t === null) return 'no_target';
  const r = result ? comparable(ind, result) : null;
  if (r === null) return 'no_data';
  const better = ind.direction === 'lower' ? t - r : r - t;
  if (better > 0) return 'exceeded';
  if (better === 0) return 'met';
  // The period is not over yet, so the result may still get there.
  return open ? 'not_yet' : 'missed';
}

/**
 * Achievement (tỷ lệ so với kế hoạch) in hundredths of a percent: result / target × 100,
 * half up to two decimals; 100 against 90 is 11111, shown 111,11%. Only meaningful where
 * more is better and the target is a positive quantity.
 */
export function achievementX100(
  ind: IndicatorDef,
  target: Value | null,
  result: Value | null,
): number | null {
  if (ind.direction !== 'higher' || ind.kind === 'level' || !target || !result) return null;
  const t = comparable(ind, target);
  const r = comparable(ind, result);
  if (t === null || r === null || t <= 0) return null;
  return divRoundHalfUp(BigInt(r) * 10000n, BigInt(t));
}

/**
 * The status of a target line binding several indicator targets: the first rule that
 * applies, from the worst news down. A part with no target cannot be judged, so it counts
 * like a part with no result.
 */
export function lineStatus(parts: Status[]): Status {
  const has = (s: Status) => parts.includes(s);
  if (has('missed')) return 'missed';
  if (has('not_yet')) return 'not_yet';
  if (parts.length === 0 || has('no_data') || has('no_target')) return 'no_data';
  if (has('exceeded')) return 'exceeded';
  return 'met';
}

/** "Đạt và vượt". */
export function isAchieved(s: Status): boolean {
  return s === 'met' || s === 'exceeded';
}

export interface StatusSummary {
  total: number;
  exceeded: number;
  met: number;
  not_yet: number;
  missed: number;
  no_data: number;
  no_target: number;
  /** Targets that were set: what the share is taken over. */
  withTarget: number;
  /** Met or exceeded. */
  achieved: number;
  /** achieved / withTarget × 100 in hundredths, half up; null when no target was set. */
  shareX100: number | null;
}

/** The head of every summary: "9/11 chỉ tiêu đạt và vượt (81,82%)". */
export function summarize(statuses: Status[]): StatusSummary {
  const count = (s: Status) => statuses.filter((x) => x === s).length;
  const total = statuses.length;
  const exceeded = count('exceeded');
  const met = count('met');
  const no_target = count('no_target');
  const withTarget = total - no_target;
  const achieved = exceeded + met;
  return {
    total,
    exceeded,
    met,
    not_yet: count('not_yet'),
    missed: count('missed'),
    no_data: count('no_data'),
    no_target,
    withTarget,
    achieved,
    shareX100: withTarget === 0 ? null : divRoundHalfUp(achieved * 10000, withTarget),
  };
}
