import type { ReactNode } from 'react';

// The end of a form: what went wrong as a whole, the buttons, and the word that it is done.

/** A refusal that names no field, announced when it appears. */
export function FormError({
  id,
  className,
  children,
}: {
  id?: string;
  className?: string;
  children: ReactNode;
}) {
  if (!children) return null;
  return (
    <p id={id} className={className ? `form-error ${className}` : 'form-error'} role="alert">
      {children}
    </p>
  );
}

export function FormActions({ className, children }: { className?: string; children: ReactNode }) {
  return <div className={className ? `form-actions ${className}` : 'form-actions'}>{children}</div>;
}

/**
 * The button that sends the form (or, given `onClick`, does the dialog's one thing). While the
 * request runs it says so and stays focusable, only marked busy.
 */
export function SubmitButton({
  pending,
  pendingLabel,
  danger,
  onClick,
  children,
}: {
  pending: boolean;
  pendingLabel: string;
  danger?: boolean;
  onClick?: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type={onClick ? 'button' : 'submit'}
      className={danger ? 'button button-danger' : 'button'}
      aria-disabled={pending}
      onClick={onClick}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}

export function CancelButton({ onClick, children = 'Hủy' }: { onClick: () => void; children?: ReactNode }) {
  return (
    <button type="button" className="button button-secondary" onClick={onClick}>
      {children}
    </button>
  );
}

/** A dialog's work done: the sentence that says so, and "Đóng". */
export function FormDone({ onClose, children }: { onClose: () => void; children: ReactNode }) {
  return (
    <div className="form-stack">
      <p className="form-success" role="status">
        {children}
      </p>
      <FormActions>
        <button type="button" className="button" onClick={onClose}>
          Đóng
        </button>
      </FormActions>
    </div>
  );
}
