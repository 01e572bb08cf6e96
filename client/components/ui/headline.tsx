import { formatNumber } from '../../../shared/format';
import { STATUS_LABELS, type Status } from '../../../shared/judgement';

/** A count of targets met or exceeded, and its share (null: none counted). */
export interface Counted {
  achieved: number;
  total: number;
  share: number | null;
}

/** "5/7 chỉ tiêu chủ yếu đạt và vượt (71,43%)", "13/15 chỉ tiêu cụ thể đạt và vượt (86,67%)". */
export function countedText(c: Counted, what: 'chỉ tiêu chủ yếu' | 'chỉ tiêu cụ thể'): string {
  return `${c.achieved}/${c.total} ${what} đạt và vượt${c.share === null ? '' : ` (${formatNumber(c.share)}%)`}`;
}

function Line({ c, what, testId, main }: { c: Counted; what: string; testId: string; main: boolean }) {
  return (
    <div className={`headline-block${main ? '' : ' headline-block-second'}`}>
      <p className={main ? 'headline' : 'headline headline-second'} data-testid={testId}>
        <strong>
          {c.achieved}/{c.total}
        </strong>{' '}
        {what} đạt và vượt{c.share !== null && <strong> ({formatNumber(c.share)}%)</strong>}
      </p>
      {main && c.share !== null && (
        <div className="share-bar" aria-hidden="true">
          <span style={{ width: `${Math.min(100, Math.max(0, c.share))}%` }} />
        </div>
      )}
    </div>
  );
}

/**
 * The one headline of every summary of a unit and period (docs/rules.md, "One headline"): its
 * "chỉ tiêu chủ yếu" when it has lines, then its single targets, "chỉ tiêu cụ thể"; without
 * lines only the second. `empty` is said when neither has anything to count.
 */
export function Headline({
  lines,
  single,
  empty,
}: {
  lines: Counted | null | undefined;
  single: Counted | null | undefined;
  empty: string;
}) {
  const hasLines = !!lines && lines.total > 0;
  const hasSingle = !!single && single.total > 0;
  if (!hasLines && !hasSingle) return <p className="headline">{empty}</p>;
  return (
    <div className="headlines">
      {hasLines && <Line c={lines} what="chỉ tiêu chủ yếu" testId="headline-lines" main />}
      {hasSingle && <Line c={single} what="chỉ tiêu cụ thể" testId="headline" main={!hasLines} />}
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
