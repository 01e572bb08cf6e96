import type { CountUnitsRule, IndicatorDef } from './indicator';
import type { Rolled } from './rollup';

// docs/rules.md, "Units counted by their rating": a `count` or `ratio` indicator whose result
// is computed, never entered, from the units below a unit (at any depth, of the rule's kinds):
// those whose result of a `level` indicator for the same period is at or above a level. Its
// coverage says how many of those units were rated, out of how many there are.

/** One unit below: its kind, and the position of its level on the scale (null: not rated). */
export interface RatedUnit {
  kind: string;
  position: number | null;
}

/**
 * The derived result of `ind` over the units below: a count of those rated `atLeast` or
 * better, or for a ratio that count over the units rated. Null when there is no unit of the
 * kinds below, or none was rated, or the level is not on the scale.
 */
export function countUnits(
  ind: Pick<IndicatorDef, 'kind'>,
  rule: CountUnitsRule,
  levels: readonly string[],
  below: Iterable<RatedUnit>,
): Rolled | null {
  const from = levels.indexOf(rule.atLeast);
  if (from < 0) return null;
  let total = 0;
  let rated = 0;
  let counted = 0;
  for (const u of below) {
    if (!rule.kinds.includes(u.kind)) continue;
    total++;
    if (u.position === null) continue;
    rated++;
    if (u.position >= from) counted++;
  }
  if (rated === 0) return null;
  const coverage = { reported: rated, total };
  return ind.kind === 'ratio'
    ? { value: { type: 'ratio', numerator: counted, denominator: rated }, source: 'derived', coverage }
    : { value: { type: 'number', x100: counted * 100 }, source: 'derived', coverage };
}
