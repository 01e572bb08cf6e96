import { formatNumber } from '../../../../shared/format';
import type { Status } from '../../../../shared/judgement';
import type { DashboardUnitsDto } from '../../../../shared/schemas/dashboard';

export interface ChartDatum {
  name: string;
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

/** One bar pair per child unit; a missing target or result is simply no bar. */
export function chartData(data: DashboardUnitsDto) {
  const scale = chartScale(data.indicator);
  const rows: ChartDatum[] = data.rows.map((r) => ({
    name: r.unit.name,
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
  }));
  return { scale, rows };
}
