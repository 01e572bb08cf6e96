import { formatNumber } from '../../../../shared/format';
import { STATUS_LABELS, type Status } from '../../../../shared/judgement';
import { parsePeriod } from '../../../../shared/period';
import type { ComparePeriodsDto } from '../../../../shared/schemas/compare';
import { formatAchievement } from '../../dashboard/utils/achievement';
import { type ChartScale, chartScale } from '../../dashboard/utils/chart-data';
import { shortPeriodName } from './compare-choice';

export interface PeriodDatum {
  code: string;
  /** On the axis: "2023", "2022–2023". */
  name: string;
  /** In the tooltip and the summary: "6 tháng đầu năm 2023". */
  label: string;
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

function plotted(value: number | string | undefined, scale: ChartScale): number | null {
  if (value === undefined) return null;
  if (scale.kind === 'level') {
    const at = scale.levels.indexOf(String(value));
    return at === -1 ? null : at + 1;
  }
  return typeof value === 'number' ? value : null;
}

/** One pair of bars per period, in the order compared; a missing target or result is no bar. */
export function periodChartData(data: ComparePeriodsDto): { scale: ChartScale; rows: PeriodDatum[] } {
  const scale = chartScale(data.indicator);
  const rows = data.rows.map((r) => {
    const period = parsePeriod(r.period.code);
    return {
      code: r.period.code,
      name: period ? shortPeriodName(period) : r.period.label,
      label: r.period.label,
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
  });
  return { scale, rows };
}

/**
 * What the chart shows, said in one go for a screen reader (the chart is an image to it):
 * "Năm 2022: kế hoạch 2, thực hiện 3 (150% kế hoạch), Vượt."
 */
export function chartSummary(title: string, rows: PeriodDatum[]): string {
  const parts = rows.map((r) => {
    const target = r.targetLabel ? `kế hoạch ${r.targetLabel}` : 'chưa giao kế hoạch';
    const result = r.resultLabel
      ? `thực hiện ${r.resultLabel}${r.parts ? ` (${r.parts})` : ''}${
          r.achievement !== null ? `, bằng ${formatAchievement(r.achievement)} kế hoạch` : ''
        }`
      : 'chưa có kết quả';
    return `${r.label}: ${target}, ${result}, ${STATUS_LABELS[r.status]}.`;
  });
  return `Biểu đồ kế hoạch và thực hiện: ${title}. ${parts.join(' ')}`;
}
