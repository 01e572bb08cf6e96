import type { Status } from '../../../../shared/judgement';
import type { CompareUnitsDto } from '../../../../shared/schemas/compare';
import type { DashboardUnitsDto } from '../../../../shared/schemas/dashboard';
import { type CompareCell, type CompareIndicator, type CompareRow, cellOf, resultMerit } from './scorecard';

// The ranking of the units on one indicator, best first, for the chart and its table.

/**
 * Units with a result are ranked by their verdict, best first, then by achievement (tỷ lệ so
 * với kế hoạch), then by the result itself where there is no achievement (a count whose
 * target is 0, an indicator where less is better, a level). A result without a target
 * cannot be judged and comes after the judged ones.
 */
const STATUS_BEST_FIRST: readonly Status[] = ['exceeded', 'met', 'not_yet', 'missed', 'no_target'];

export interface RankedUnit {
  row: CompareRow;
  cell: CompareCell;
  /** 1 for the best; equal figures share a rank (1, 2, 2, 4). Null without a result. */
  rank: number | null;
}

function rankKey(indicator: CompareIndicator, cell: CompareCell): (number | null)[] {
  return [
    STATUS_BEST_FIRST.length - STATUS_BEST_FIRST.indexOf(cell.status),
    cell.achievement,
    resultMerit(indicator, cell.result),
  ];
}

/** Descending lexicographic order; a missing number counts as worse. */
function compareDesc(a: (number | null)[], b: (number | null)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return x > y ? -1 : 1;
  }
  return 0;
}

/**
 * Every unit, best first: ranked units (those with a result), then those with a target but
 * no result yet, then those with neither. Ties keep the organisation's order.
 */
export function rankUnits(rows: readonly CompareRow[], indicator: CompareIndicator): RankedUnit[] {
  const withCells = rows.map((row) => ({ row, cell: cellOf(row, indicator.code) }));
  const reported = withCells.filter((u) => u.cell.result !== null);
  const keys = new Map(reported.map((u) => [u, rankKey(indicator, u.cell)]));
  reported.sort((a, b) => compareDesc(keys.get(a)!, keys.get(b)!));

  const ranked: RankedUnit[] = [];
  reported.forEach((u, i) => {
    const previous = ranked[i - 1];
    const tied = previous && compareDesc(keys.get(reported[i - 1]!)!, keys.get(u)!) === 0;
    ranked.push({ ...u, rank: tied && previous ? previous.rank : i + 1 });
  });
  const awaiting = withCells.filter((u) => u.cell.result === null && u.cell.target !== null);
  const empty = withCells.filter((u) => u.cell.result === null && u.cell.target === null);
  return [
    ...ranked,
    ...awaiting.map((u) => ({ ...u, rank: null })),
    ...empty.map((u) => ({ ...u, rank: null })),
  ];
}

/** How the order was made, in one sentence under the chart's title. */
export function rankingRule(indicator: CompareIndicator): string {
  if (indicator.kind === 'level') {
    return 'Xếp theo đánh giá, rồi theo mức xếp loại đạt được, từ cao xuống thấp.';
  }
  if (indicator.direction === 'lower') {
    return 'Chỉ tiêu này càng thấp càng tốt: xếp theo đánh giá, rồi đơn vị có kết quả thấp hơn xếp trước.';
  }
  return 'Xếp theo đánh giá, rồi theo tỷ lệ so với kế hoạch (theo kết quả khi không có tỷ lệ), từ cao xuống thấp.';
}

/**
 * The ranking in the shape of GET /api/dashboard/units, so the dashboard's chart draws it as
 * it is: rows in rank order, each name headed by its rank.
 */
export function rankingChartData(
  data: Pick<CompareUnitsDto, 'parent' | 'period'>,
  indicator: CompareIndicator,
  ranking: readonly RankedUnit[],
): DashboardUnitsDto {
  return {
    parent: data.parent,
    period: data.period,
    indicator,
    rows: ranking.map(({ row, cell, rank }) => ({
      unit: { ...row.unit, name: rank === null ? row.unit.name : `${rank}. ${row.unit.name}` },
      target: cell.target,
      result: cell.result,
      status: cell.status,
      achievement: cell.achievement,
    })),
  };
}
