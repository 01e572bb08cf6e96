import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { LockIcon } from '../../../components/ui/lock-icon';
import { ValueEditorDialog, type ValueEditorProps } from './value-editor-dialog';

type EditValueButtonProps = Omit<ValueEditorProps, 'onClose' | 'onDone'> & {
  /** The period is closed by a lock: a padlock and its word instead of the button. */
  locked: boolean;
};

/**
 * "Cập nhật" in a row of the dashboard, for those who may set its target or report its
 * result; the dialog opens over the page, outside the table.
 */
export function EditValueButton({ locked, ...editor }: EditValueButtonProps) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  // The confirmation stays a few seconds, then the row is the proof.
  useEffect(() => {
    if (!done) return;
    const timer = window.setTimeout(() => setDone(null), 6000);
    return () => window.clearTimeout(timer);
  }, [done]);

  return (
    <>
      {locked ? (
        // A dialog already open stays: it shows why the save was refused.
        <span className="value-locked" title="Kỳ này đã khóa sau hội nghị đánh giá">
          <LockIcon size={14} />
          Đã khóa
        </span>
      ) : (
        <button
          type="button"
          className="button button-secondary button-small"
          aria-label={`Cập nhật: ${editor.indicator.name}`}
          onClick={() => {
            setDone(null);
            setOpen(true);
          }}
        >
          Cập nhật
        </button>
      )}
      <span className="value-done" role="status">
        {done && (
          <>
            <span aria-hidden="true">✓ </span>
            <span className="visually-hidden">{done}</span>
            <span aria-hidden="true">{done.startsWith('Đã xóa') ? 'Đã xóa' : 'Đã lưu'}</span>
          </>
        )}
      </span>
      {open &&
        createPortal(
          <ValueEditorDialog
            {...editor}
            onClose={() => setOpen(false)}
            onDone={(message) => {
              setOpen(false);
              setDone(message);
            }}
          />,
          document.body,
        )}
    </>
  );
}
