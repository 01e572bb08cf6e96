import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { SkeletonRows } from '../../../components/ui/loading';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import { useHistory } from '../api/get-history';
import { belongsToRow, describeChange } from '../utils/describe-change';

export interface HistoryDialogProps {
  unit: { id: string; name: string };
  period: { code: string; label: string };
  indicator: { code: string; name: string };
  onClose: () => void;
}

/**
 * "Lịch sử" of one row: every change of its target and result, and the locks of its period,
 * newest first, with who made it and the evidence note.
 */
export function HistoryDialog({ unit, period, indicator, onClose }: HistoryDialogProps) {
  // Asked without the indicator, so that the locks of the period (which have none) come too.
  const history = useHistory({ unit: unit.id, period: period.code });
  const lines = history.data?.changes.filter((c) => belongsToRow(c, indicator.code)).map(describeChange);

  return (
    <ModalDialog
      title={`Lịch sử: ${indicator.name} — ${period.label}`}
      description={unit.name}
      onClose={onClose}
      className="history-dialog"
    >
      {history.isError ? (
        <ErrorState error={history.error} onRetry={() => history.refetch()} />
      ) : !lines ? (
        <SkeletonRows rows={3} label="Đang tải lịch sử…" />
      ) : lines.length === 0 ? (
        <EmptyState>Chưa có thay đổi nào.</EmptyState>
      ) : (
        <ol className="history-list" aria-label="Các thay đổi, mới nhất trước">
          {lines.map((l) => (
            <li key={l.id} className="history-item" data-testid="history-item">
              <p className="history-head">
                <span className="history-when">{l.when}</span>
                <span aria-hidden="true"> · </span>
                <span className="history-who">{l.who}</span>
                <span aria-hidden="true"> · </span>
                <strong className="history-what">{l.what}</strong>
              </p>
              <p className="history-change">
                <span className="history-before">{l.before}</span>
                <span aria-hidden="true"> → </span>
                <span className="visually-hidden"> thành </span>
                <span className="history-after">{l.after}</span>
              </p>
              {l.note && <p className="history-note">{l.note}</p>}
            </li>
          ))}
        </ol>
      )}
      <div className="form-actions history-actions">
        <button type="button" className="button button-secondary" onClick={onClose} data-autofocus>
          Đóng
        </button>
      </div>
    </ModalDialog>
  );
}
