import { formatNumber } from '../../../../shared/format';
import type { Status } from '../../../../shared/judgement';
import type { DashboardUnitsDto } from '../../../../shared/schemas/dashboard';

/** What a pair of bars says: the figures, the counts of a ratio, the achievement, the judgement. */
export interface BarDatum {
  /** The plotted target: the number itself, or a level's position 1..n. */
  target: number | null;
  result: number | null;
  targetLabel: string;
  resultLabel: string;
  status: Status;
  achievement: number | null;
  /** '54/60' for a ratio. */
  parts: string | null;
}

export interface ChartDatum extends BarDatum {
  name: string;
}

export type ChartScale = { kind: 'count' } | { kind: 'percent' } | { kind: 'level'; levels: string[] };

export function chartScale(indicator: DashboardUnitsDto['indicator']): ChartScale {
  if (indicator.kind === 'level') return { kind: 'level', levels: indicator.levels ?? [] };
  return indicator.kind === 'count' ? { kind: 'count' } : { kind: 'percent' };
}

function plotted(value: number | string | undefined, scale: ChartScale): number | null {
  if (value === undefined) return null;
  if (scale.kind === 'level') {
    const at = scale.levels.indexOf(String(value));
    return at === -1 ? null : at + 1;
  }
  return typeof value === 'number' ? value : null;
}

type Figure = { value: number | string; display: string; numerator?: number; denominator?: number } | null;

/** A row's target and result as a pair of bars on `scale`; a missing figure is simply no bar. */
export function barOf(
  r: { target: Figure; result: Figure; status: Status; achievement: number | null },
  scale: ChartScale,
): BarDatum {
  return {
    target: plotted(r.target?.value, scale),
    result: plotted(r.result?.value, scale),
    targetLabel: r.target?.display ?? '',
    resultLabel: r.result?.display ?? '',
    status: r.status,
    achievement: r.achievement,
    parts:
      r.result?.numerator !== undefined && r.result.denominator !== undefined
        ? `${formatNumber(r.result.numerator)}/${formatNumber(r.result.denominator)}`
        : null,
  };
}

/** One bar pair per child unit. */
export function chartData(data: DashboardUnitsDto) {
  const scale = chartScale(data.indicator);
  const rows: ChartDatum[] = data.rows.map((r) => ({ name: r.unit.name, ...barOf(r, scale) }));
  return { scale, rows };
}
