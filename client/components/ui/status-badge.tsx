import { STATUS_LABELS, type Status } from '../../../shared/judgement';

/** The judgement as a word on a coloured ground: the word is always there, never colour alone. */
export function StatusBadge({ status, className }: { status: Status; className?: string }) {
  return (
    <span className={`status-badge status-${status}${className ? ` ${className}` : ''}`} data-status={status}>
      {STATUS_LABELS[status]}
    </span>
  );
}
