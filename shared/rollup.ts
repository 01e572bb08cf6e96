import type { IndicatorDef } from './indicator';
import { directChildren, type Period, parsePeriod } from './period';
import type { Value } from './value';

// docs/rules.md, "Roll-up": a unit's result for a period is, in this order, its entered
// result, else the combination of its child units' results (count: sum; ratio: sums of
// numerators and denominators), else the combination of its own results for the periods
// directly inside (timeAggregate sum or last), else none. Pure and memoised, so one
// request computes each (unit, indicator, period) at most once, whatever the tree's size.

/** `derived`: computed from the ratings of the units below (shared/derived.ts), never entered. */
export type Source = 'entered' | 'units' | 'periods' | 'derived';

export interface Coverage {
  reported: number;
  total: number;
}

export interface Rolled {
  value: Value;
  source: Source;
  coverage?: Coverage;
}

export interface RollupData {
  /** Child unit ids of each unit, in display order. */
  children: (unitId: number) => readonly number[];
  /** The entered result of a unit for an indicator and period, if any. */
  entered: (unitId: number, code: string, period: string) => Value | undefined;
  /**
   * Whether a coverage counts a child unit for an indicator: it applies there or to a unit
   * below it (docs/rules.md, "Where an indicator applies"). Absent: every child counts. A
   * child that reported counts whatever this says.
   */
  counted?: (unitId: number, ind: IndicatorDef) => boolean;
}

const combinesAcrossUnits = (ind: IndicatorDef) => ind.kind === 'count' || ind.kind === 'ratio';

export class Rollup {
  private readonly memo = new Map<string, Rolled | null>();
  private readonly unitsMemo = new Map<string, Rolled | null>();

  constructor(private readonly data: RollupData) {}

  /** The result of `unitId` for `ind` and `period` by the three rules, or null. */
  result(unitId: number, ind: IndicatorDef, period: Period): Rolled | null {
    const key = `${unitId}|${ind.code}|${period.code}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const entered = this.data.entered(unitId, ind.code, period.code);
    const found: Rolled | null = entered
      ? { value: entered, source: 'entered' }
      : (this.fromUnits(unitId, ind, period) ?? this.fromPeriods(unitId, ind, period));
    this.memo.set(key, found);
    return found;
  }

  /**
   * What the child units add up to, whether or not the unit entered a result itself; null
   * when the kind does not combine across units, the unit has no children, or none reported.
   */
  fromUnits(unitId: number, ind: IndicatorDef, period: Period): Rolled | null {
    if (!combinesAcrossUnits(ind)) return null;
    const key = `${unitId}|${ind.code}|${period.code}`;
    const known = this.unitsMemo.get(key);
    if (known !== undefined) return known;
    const kids = this.data.children(unitId);
    let reported = 0;
    let total = 0;
    let sum = 0;
    let numerator = 0;
    let denominator = 0;
    for (const kid of kids) {
      const r = this.result(kid, ind, period);
      if (r || !this.data.counted || this.data.counted(kid, ind)) total++;
      if (!r) continue;
      reported++;
      if (r.value.type === 'ratio') {
        numerator += r.value.numerator;
        denominator += r.value.denominator;
      } else if (r.value.type === 'number') {
        sum += r.value.x100;
      }
    }
    let found: Rolled | null = null;
    if (reported > 0) {
      const coverage = { reported, total };
      found =
        ind.kind === 'ratio'
          ? { value: { type: 'ratio', numerator, denominator }, source: 'units', coverage }
          : { value: { type: 'number', x100: sum }, source: 'units', coverage };
    }
    this.unitsMemo.set(key, found);
    return found;
  }

  private fromPeriods(unitId: number, ind: IndicatorDef, period: Period): Rolled | null {
    if (ind.timeAggregate === 'none') return null;
    const inside = directChildren(period);
    if (inside.length === 0) return null;
    if (ind.timeAggregate === 'last') {
      for (let i = inside.length - 1; i >= 0; i--) {
        const r = this.result(unitId, ind, inside[i]!);
        if (r) return { value: r.value, source: 'periods' };
      }
      return null;
    }
    // sum, cumulative to date: the periods that have a result so far.
    let any = false;
    let sum = 0;
    let numerator = 0;
    let denominator = 0;
    for (const p of inside) {
      const r = this.result(unitId, ind, p);
      if (!r) continue;
      if (r.value.type === 'ratio') {
        numerator += r.value.numerator;
        denominator += r.value.denominator;
      } else if (r.value.type === 'number') {
        sum += r.value.x100;
      } else {
        continue; // levels never add up
      }
      any = true;
    }
    if (!any) return null;
    return ind.kind === 'ratio'
      ? { value: { type: 'ratio', numerator, denominator }, source: 'periods' }
      : { value: { type: 'number', x100: sum }, source: 'periods' };
  }
}

/** Every period whose entered results a roll-up of `period` may read: itself and all inside it. */
export function periodsBeneath(period: Period): Period[] {
  const out: Period[] = [period];
  for (let i = 0; i < out.length; i++) out.push(...directChildren(out[i]!));
  return out;
}

export function periodOrThrow(code: string): Period {
  const p = parsePeriod(code);
  if (!p) throw new Error(`invalid period ${code}`);
  return p;
}
