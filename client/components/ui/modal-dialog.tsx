import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

/** What a dialog that does one thing is given: how to close it, and where to say it was done. */
export interface DoneDialogProps {
  onClose: () => void;
  onDone: (message: string) => void;
}

/**
 * The outcome of a dialog's one write: done (said where the dialog was opened, and the dialog
 * closes) or refused (the server's sentence, said in the dialog).
 */
export function useDialogOutcome({ onClose, onDone }: DoneDialogProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const outcome = (message: string) => ({
    onSuccess: () => {
      onDone(message);
      onClose();
    },
    onError: (e: Error) => setProblem(e.message),
  });
  return { problem, setProblem, outcome };
}

interface ModalDialogProps {
  title: string;
  /** A sentence under the title, read with it when the dialog opens. */
  description?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  className?: string;
}

/**
 * A modal dialog on the native <dialog>: the browser keeps the focus inside, Esc closes it,
 * and the focus goes back where it was. Mounted means open; an element marked
 * `data-autofocus` gets the focus first.
 */
export function ModalDialog({ title, description, onClose, children, className }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // The field to fill first, when the dialog marks one; else the browser's choice.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`modal${className ? ` ${className}` : ''}`}
      aria-labelledby={`${id}-title`}
      aria-describedby={description ? `${id}-description` : undefined}
      onCancel={(e) => {
        e.preventDefault();
        onCloseRef.current();
      }}
    >
      <div className="modal-head">
        <h2 id={`${id}-title`} className="modal-title">
          {title}
        </h2>
        <button type="button" className="modal-close" aria-label="Đóng" onClick={() => onCloseRef.current()}>
          <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
            <path d="M5 5l10 10M15 5 5 15" stroke="currentColor" strokeWidth="2" fill="none" />
          </svg>
        </button>
      </div>
      {description && (
        <p id={`${id}-description`} className="modal-description">
          {description}
        </p>
      )}
      <div className="modal-body">{children}</div>
    </dialog>
  );
}
