import { formatNumber } from '../../../../shared/format';
import type { ComparePeriodsDto } from '../../../../shared/schemas/compare';

type Indicator = Pick<ComparePeriodsDto['indicator'], 'kind' | 'unitLabel'>;

/** What a change is counted in: the indicator's own unit, points of a percentage, or steps of a scale. */
function changeUnit(indicator: Indicator): string {
  switch (indicator.kind) {
    case 'count':
      return indicator.unitLabel.trim();
    case 'percent':
    case 'ratio':
      return 'điểm %';
    case 'level':
      return 'mức';
  }
}

/**
 * "Thay đổi so với kỳ trước" in words: "tăng 2 đảng viên", "giảm 13,33 điểm %", "tăng 1 mức",
 * "không đổi"; "—" when the server could not compare (first row, or a result missing). After
 * the same half or quarter of the year before it is "… so với cùng kỳ".
 */
export function changeInWords(change: number | null, indicator: Indicator, sameTimeLastYear = false): string {
  if (change === null) return '—';
  const suffix = sameTimeLastYear ? ' so với cùng kỳ' : '';
  if (change === 0) return `không đổi${suffix}`;
  const unit = changeUnit(indicator);
  const amount = formatNumber(Math.abs(change));
  return `${change > 0 ? 'tăng' : 'giảm'} ${amount}${unit ? ` ${unit}` : ''}${suffix}`;
}

/** Up, down or level, for the arrow beside the words (the words say it; the arrow repeats it). */
export function changeDirection(change: number | null): 'up' | 'down' | 'same' | null {
  if (change === null) return null;
  return change > 0 ? 'up' : change < 0 ? 'down' : 'same';
}
