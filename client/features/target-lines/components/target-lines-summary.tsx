import type { ReactNode } from 'react';
import { formatDate, formatNumber } from '../../../../shared/format';
import type { Status } from '../../../../shared/judgement';
import type { TargetLinesDto } from '../../../../shared/schemas/target-lines';
import { StatusCounts } from '../../../components/ui/headline';

const SHOWN: Status[] = ['exceeded', 'met', 'not_yet', 'missed', 'no_data'];

/**
 * The heading of the page and its headline, "7/9 chỉ tiêu chủ yếu đạt và vượt (77,78%)", counted on
 * the list as stored. A `banner` (the lock of the period) goes under the period's dates.
 */
export function TargetLinesSummary({
  data,
  headingId,
  banner,
  editable = false,
}: {
  data: TargetLinesDto;
  headingId: string;
  banner?: ReactNode;
  /** Whether the list below can be edited: the headline then counts only what is saved. */
  editable?: boolean;
}) {
  const { unit, period, summary, lines } = data;
  const count = (s: Status) => lines.filter((l) => l.status === s).length;
  return (
    <div className="summary">
      <h1 id={headingId} className="page-title">
        Chỉ tiêu chủ yếu: {unit.name} — {period.label}
      </h1>
      <p className="period-line">
        <span>
          Từ {formatDate(period.start)} đến {formatDate(period.end)}
        </span>
        <span className={`period-state ${period.open ? 'is-open' : 'is-over'}`}>
          {period.open ? 'Kỳ đang diễn ra' : 'Kỳ đã kết thúc'}
        </span>
      </p>
      {banner}
      {summary.total === 0 || summary.share === null ? (
        <p className="headline">Chưa có chỉ tiêu chủ yếu nào được lưu cho kỳ này.</p>
      ) : (
        <>
          <div className="headline-block">
            <p className="headline" data-testid="lines-headline">
              <strong>
                {summary.achieved}/{summary.total}
              </strong>{' '}
              chỉ tiêu chủ yếu đạt và vượt <strong>({formatNumber(summary.share)}%)</strong>
            </p>
            <div className="share-bar" aria-hidden="true">
              <span style={{ width: `${Math.min(100, Math.max(0, summary.share))}%` }} />
            </div>
          </div>
          <StatusCounts statuses={SHOWN} count={count} label="Số chỉ tiêu chủ yếu theo đánh giá" />
          {editable && (
            <p className="field-hint">Tính theo danh sách đã lưu; thay đổi chưa lưu chưa được tính.</p>
          )}
        </>
      )}
    </div>
  );
}
