import type { ReactNode } from 'react';
import { formatDate } from '../../../../shared/format';
import type { Status } from '../../../../shared/judgement';
import type { DashboardDto } from '../../../../shared/schemas/dashboard';
import { Headline, StatusCounts } from '../../../components/ui/headline';

const SUMMARY_STATUSES: Status[] = ['exceeded', 'met', 'not_yet', 'missed', 'no_data', 'no_target'];

/**
 * The heading of the page and the one headline: "5/7 chỉ tiêu chủ yếu đạt và vượt (71,43%)" when
 * the unit has lines for the period, then "9/11 chỉ tiêu cụ thể đạt và vượt (81,82%)". A `banner`
 * (the lock of the period) goes right under the period's dates, a `footer` (its actions)
 * after the counts.
 */
export function DashboardSummary({
  data,
  headingId,
  banner,
  footer,
}: {
  data: DashboardDto;
  headingId: string;
  banner?: ReactNode;
  footer?: ReactNode;
}) {
  const { unit, period, summary, asOf } = data;
  const shown = SUMMARY_STATUSES.filter((s) => s !== 'no_target' || summary.no_target > 0);

  return (
    <div className="summary">
      <h1 id={headingId} className="page-title">
        {unit.name} — {period.label}
      </h1>
      <p className="period-line">
        <span>
          Từ {formatDate(period.start)} đến {formatDate(period.end)}
        </span>
        <span className={`period-state ${period.open ? 'is-open' : 'is-over'}`}>
          {period.open ? `Kỳ đang diễn ra, tính đến ${formatDate(asOf)}` : 'Kỳ đã kết thúc'}
        </span>
      </p>
      {banner}

      <Headline
        lines={summary.lines}
        single={{ achieved: summary.achieved, total: summary.withTarget, share: summary.share }}
        empty="Chưa có chỉ tiêu nào được giao trong kỳ này."
      />

      <StatusCounts statuses={shown} count={(s) => summary[s]} label="Số chỉ tiêu theo đánh giá" />
      {footer}
    </div>
  );
}
