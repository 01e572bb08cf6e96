import { formatX100 } from './format';
import type { IndicatorDef } from './indicator';
import type { Status } from './judgement';
import { type CheckResult, comparable, divRoundHalfUp, parseDecimalX100, type Value } from './value';

// Targets as a resolution writes them beyond a plain value (docs/rules.md, "Targets relative to
// last year" and "Yearly targets in a term"): "tăng 10% so với năm trước", "hằng năm có 90% …".

/** A change from last year's result: in percent of it, or as an amount; hundredths, signed. */
export interface TargetChange {
  kind: 'percent' | 'amount';
  x100: number;
}

/** The change as the API writes it: {"percent": 10} or {"amount": -2}. */
export function changeJson(c: TargetChange): { percent: number } | { amount: number } {
  return c.kind === 'percent' ? { percent: c.x100 / 100 } : { amount: c.x100 / 100 };
}

/** A signed decimal as hundredths, with at most `decimals` places; null when it is not one. */
function signedX100(input: unknown, decimals: 0 | 2): number | null {
  if (typeof input !== 'number' || !Number.isFinite(input)) return null;
  const x100 = parseDecimalX100(Math.abs(input), decimals);
  return x100 === null ? null : input < 0 ? -x100 : x100;
}

/**
 * Checks a change as a request sends it: `{percent}` or `{amount}`, exactly one. A level has no
 * change to count; a percent falls at most by 100; a count's amount is a whole number; a
 * percentage's amount is in points with at most two decimals.
 */
export function checkChangeInput(
  ind: IndicatorDef,
  input: { percent?: unknown; amount?: unknown },
): CheckResult<TargetChange> {
  const refuse = (message: string): CheckResult<TargetChange> => ({ ok: false, field: 'change', message });
  if (ind.kind === 'level')
    return refuse(
      `Chỉ tiêu xếp loại "${ind.name}" không giao được theo mức tăng, giảm so với năm trước; hãy giao một mức xếp loại.`,
    );
  if (input.percent !== undefined) {
    const x100 = signedX100(input.percent, 2);
    if (x100 === null || x100 < -10000)
      return refuse(
        `Mức tăng, giảm của chỉ tiêu "${ind.name}" là một số phần trăm từ -100 trở lên, có nhiều nhất hai chữ số thập phân.`,
      );
    return { ok: true, value: { kind: 'percent', x100 } };
  }
  const x100 = signedX100(input.amount, ind.kind === 'count' ? 0 : 2);
  if (x100 === null)
    return refuse(
      ind.kind === 'count'
        ? `Mức tăng, giảm của chỉ tiêu "${ind.name}" tính bằng số nguyên (${ind.unitLabel}).`
        : `Mức tăng, giảm của chỉ tiêu "${ind.name}" tính bằng điểm phần trăm, có nhiều nhất hai chữ số thập phân.`,
    );
  return { ok: true, value: { kind: 'amount', x100 } };
}

/**
 * The value of a target relative to last year's result `base`: the base plus the change.
 * A count is a threshold to reach, rounded up where more is better and down where less is
 * (23 + 10% = 25,3 → 26; 3 − 5% = 2,85 → 2); a percentage is rounded half up to two decimals
 * (88,5% + 2 điểm % = 90,5%), and a ratio's stays within 0–100%. Never below zero. Null for a
 * level, or a base that cannot be read.
 */
export function relativeTarget(ind: IndicatorDef, base: Value, change: TargetChange): Value | null {
  if (ind.kind === 'level') return null;
  const b = comparable(ind, base);
  if (b === null) return null;
  let x100: number;
  if (change.kind === 'amount') x100 = b + change.x100;
  else if (ind.kind === 'count') {
    // In whole units: b/100 × (10000 + p)/10000, as a fraction n/d.
    const n = BigInt(b) * BigInt(10000 + change.x100);
    const d = 1_000_000n;
    const whole = ind.direction === 'lower' ? n / d : (n + d - 1n) / d;
    x100 = Number(whole) * 100;
  } else x100 = divRoundHalfUp(BigInt(b) * BigInt(10000 + change.x100), 10000n);
  x100 = Math.max(0, x100);
  if (ind.kind === 'ratio') x100 = Math.min(10000, x100);
  return { type: 'number', x100 };
}

/** "tăng 10%", "giảm 5%", "tăng 2 điểm %", "tăng 2 đảng viên", "không đổi": the rule beside the value. */
export function changeText(ind: Pick<IndicatorDef, 'kind' | 'unitLabel'>, c: TargetChange): string {
  if (c.x100 === 0) return 'không đổi';
  const verb = c.x100 > 0 ? 'tăng' : 'giảm';
  const size = formatX100(Math.abs(c.x100));
  if (c.kind === 'percent') return `${verb} ${size}%`;
  return `${verb} ${size} ${ind.kind === 'count' ? ind.unitLabel : 'điểm %'}`;
}

/**
 * The status of an indicator for a term whose target is also each year's (docs/rules.md,
 * "Yearly targets in a term"): the group rule over the years so far. One year missed makes it
 * missed; one not yet met, not yet; one without a result, no data (a year still running with
 * no result yet is left out). With every year so far met or exceeded, a term still open is as
 * good as its worst year; a term over, exceeded if any year was. No year begun: no data.
 */
export function termStatus(years: { status: Status; open: boolean }[], termOpen: boolean): Status {
  const counted = years.filter((y) => !(y.open && y.status === 'no_data')).map((y) => y.status);
  const has = (s: Status) => counted.includes(s);
  if (has('missed')) return 'missed';
  if (has('not_yet')) return 'not_yet';
  if (counted.length === 0 || has('no_data') || has('no_target')) return 'no_data';
  if (termOpen) return has('met') ? 'met' : 'exceeded';
  return has('exceeded') ? 'exceeded' : 'met';
}
