import { formatNumber } from './format';
import { type DerivedRule, TIME_AGGREGATE_LABELS, type TimeAggregate } from './indicator';
import type { Coverage, Source } from './rollup';
import { kindsText } from './unit';

// docs/rules.md, "Roll-up", "How a result's source is worded": the words every screen writes
// under a result that nobody entered for its unit and period (the dashboard, the lines, the
// slides, the entry forms), made here once from the result's source and the indicator's rule,
// so a result that carries the latest period over never reads "cộng dồn".

/** What the API says of a result: how it was found, and from how many units. */
export interface ResultSource {
  source: Source;
  coverage?: Coverage | undefined;
}

/** What of the indicator the words depend on. */
export interface RollupRule {
  timeAggregate: TimeAggregate;
  derived?: DerivedRule | undefined;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** "5/10 đơn vị", "4/5 chi bộ": how many reported, out of how many. */
export function coverageWords(coverage: Coverage, who = 'đơn vị'): string {
  return `${formatNumber(coverage.reported)}/${formatNumber(coverage.total)} ${who}`;
}

/** The units a derived result counts: "chi bộ", "chi bộ và đảng bộ"; "đơn vị trực thuộc" without a rule. */
function countedKinds(rule: RollupRule): string {
  const kinds = rule.derived?.countUnits.kinds ?? [];
  return kinds.length > 0 ? kindsText(kinds) : 'đơn vị trực thuộc';
}

/**
 * How a result was found, as a phrase in lower case to follow it or a comma: null for an
 * entered one; "tổng hợp từ 5/10 đơn vị" from the units below; "cộng dồn các kỳ" from the
 * periods inside for `sum`, "lấy kỳ gần nhất có số liệu" for `last`; "tính từ xếp loại của
 * 5/5 chi bộ" for a derived one. Without a coverage the units are named, not counted.
 */
export function sourceWords(result: ResultSource, rule: RollupRule): string | null {
  const { coverage } = result;
  switch (result.source) {
    case 'entered':
      return null;
    case 'units':
      return coverage ? `tổng hợp từ ${coverageWords(coverage)}` : 'tổng hợp từ các đơn vị trực thuộc';
    case 'derived': {
      const who = countedKinds(rule);
      return coverage
        ? `tính từ xếp loại của ${coverageWords(coverage, who)}`
        : `tính từ xếp loại của các ${who}`;
    }
    case 'periods':
      // `none` never combines periods (shared/rollup.ts); should such a result come, say so plainly.
      if (rule.timeAggregate === 'last') return `${lowerFirst(TIME_AGGREGATE_LABELS.last)} có số liệu`;
      if (rule.timeAggregate === 'sum') return lowerFirst(TIME_AGGREGATE_LABELS.sum);
      return 'lấy từ các kỳ bên trong';
  }
}

/** The same words opening a line of their own: "Tổng hợp từ 5/10 đơn vị". */
export function sourceLine(result: ResultSource, rule: RollupRule): string | null {
  const words = sourceWords(result, rule);
  return words && words.charAt(0).toUpperCase() + words.slice(1);
}
