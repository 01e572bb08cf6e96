import { formatNumber } from '../../../shared/format';
import { STATUS_LABELS, type Status } from '../../../shared/judgement';

/**
 * The headline of a summary, "9/11 chỉ tiêu đạt và vượt (81,82%)", with its bar: the share of
 * the targets (or target lines) met or exceeded.
 */
export function Headline({
  achieved,
  total,
  share,
  testId,
}: {
  achieved: number;
  total: number;
  share: number;
  testId: string;
}) {
  return (
    <div className="headline-block">
      <p className="headline" data-testid={testId}>
        <strong>
          {achieved}/{total}
        </strong>{' '}
        chỉ tiêu đạt và vượt <strong>({formatNumber(share)}%)</strong>
      </p>
      <div className="share-bar" aria-hidden="true">
        <span style={{ width: `${Math.min(100, Math.max(0, share))}%` }} />
      </div>
    </div>
  );
}

/** How many targets have each status, as chips; a status with none is shown faded. */
export function StatusCounts({
  statuses,
  count,
  label,
}: {
  statuses: Status[];
  count: (status: Status) => number;
  label: string;
}) {
  return (
    <ul className="status-counts" aria-label={label}>
      {statuses.map((s) => (
        <li key={s} className={`status-chip status-${s}${count(s) === 0 ? ' is-zero' : ''}`} data-status={s}>
          <span className="status-chip-label">{STATUS_LABELS[s]}</span>
          <span className="status-chip-count">{count(s)}</span>
        </li>
      ))}
    </ul>
  );
}
