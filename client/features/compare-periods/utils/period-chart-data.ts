import { STATUS_LABELS } from '../../../../shared/judgement';
import { parsePeriod } from '../../../../shared/period';
import type { ComparePeriodsDto } from '../../../../shared/schemas/compare';
import { formatAchievement } from '../../dashboard/utils/achievement';
import { type BarDatum, barOf, type ChartScale, chartScale } from '../../dashboard/utils/chart-data';
import { shortPeriodName } from './compare-choice';

export interface PeriodDatum extends BarDatum {
  code: string;
  /** On the axis: "2023", "2022–2023". */
  name: string;
  /** In the tooltip and the summary: "6 tháng đầu năm 2023". */
  label: string;
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
      ...barOf(r, scale),
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
