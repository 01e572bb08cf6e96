import type { IndicatorDef } from '../../shared/indicator';
import type { Period } from '../../shared/period';
import type { DashboardRowDto } from '../../shared/schemas/dashboard';
import { comparable, parseDecimalX100 } from '../../shared/value';

// Comparing periods: how much a result moved from one period to the next.

type Shown = DashboardRowDto['result'];

/** The value a row's result is compared by, back from its JSON form. */
function comparedOf(def: IndicatorDef, result: Shown): number | null {
  if (!result) return null;
  if (def.kind === 'level')
    return typeof result.value === 'string' ? comparable(def, { type: 'level', level: result.value }) : null;
  // Counts, percents and a ratio's rounded percentage: hundredths, exactly.
  return parseDecimalX100(result.value, 2);
}

/**
 * The change from the previous period's result: a difference of counts, of percentage
 * points for percents and ratios (of the percentages shown), of steps on the scale for a
 * level. Null without both results.
 */
export function changeOf(def: IndicatorDef, previous: Shown, current: Shown): number | null {
  const a = comparedOf(def, previous);
  const b = comparedOf(def, current);
  if (a === null || b === null) return null;
  return def.kind === 'level' ? b - a : (b - a) / 100;
}

/** "2021,2022,2023" → periods, in the order asked. */
export function splitPeriods(list: string): string[] {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export type { Period };
