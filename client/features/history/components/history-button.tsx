import { useState } from 'react';
import { createPortal } from 'react-dom';
import { HistoryDialog, type HistoryDialogProps } from './history-dialog';

/** "Lịch sử" in a row of the dashboard: open to everyone who can read the row. */
export function HistoryButton(props: Omit<HistoryDialogProps, 'onClose'>) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button-secondary button-quiet button-small"
        aria-label={`Lịch sử: ${props.indicator.name}`}
        onClick={() => setOpen(true)}
      >
        Lịch sử
      </button>
      {open && createPortal(<HistoryDialog {...props} onClose={() => setOpen(false)} />, document.body)}
    </>
  );
}
