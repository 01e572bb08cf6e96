import type { ReactNode } from 'react';

interface ConflictChoiceProps {
  /** What the other person saved, and what was typed here, in words. */
  children?: ReactNode;
  /** The server's sentence, above, for the choice on a whole form. */
  message?: string | null | undefined;
  keepLabel: string;
  takeLabel: string;
  onKeep: () => void;
  onTake: () => void;
  /** A save is under way: "keep mine" waits for it. */
  busy?: boolean;
  /**
   * How it stands: the alert of a form (its buttons full-size); an item of a grid's list of
   * conflicts; a named region in a row; or the buttons alone, for every conflict at once.
   */
  as?: 'alert' | 'li' | 'section' | 'p';
  /** For `section`: what the region is called. */
  label?: string;
  className?: string;
  testId?: string;
  dataKey?: string;
}

/**
 * The choice after someone else saved what was being edited (a 409): keep mine, which is
 * written again over the other version, or take theirs into the fields. The same two buttons,
 * in the same order, on every screen that writes values.
 */
export function ConflictChoice({
  children,
  message,
  keepLabel,
  takeLabel,
  onKeep,
  onTake,
  busy,
  as = 'alert',
  label,
  className,
  testId,
  dataKey,
}: ConflictChoiceProps) {
  const compact = as !== 'alert';
  const buttons = (
    <>
      <button
        type="button"
        className={compact ? 'button button-secondary button-small' : 'button'}
        onClick={onKeep}
        aria-disabled={busy}
      >
        {keepLabel}
      </button>
      <button
        type="button"
        className={compact ? 'button button-secondary button-small' : 'button button-secondary'}
        onClick={onTake}
      >
        {takeLabel}
      </button>
    </>
  );
  const cls = (base: string) => (className ? `${base} ${className}` : base);
  const attrs = { 'data-testid': testId, 'data-key': dataKey };

  if (as === 'alert')
    return (
      <div className={cls('value-conflict')} role="alert" {...attrs}>
        {message && <p className="form-error">{message}</p>}
        {children}
        <div className="form-actions">{buttons}</div>
      </div>
    );
  if (as === 'p')
    return (
      <p className={cls('conflict-actions')} {...attrs}>
        {buttons}
      </p>
    );
  const body = (
    <>
      {children}
      <span className="conflict-actions">{buttons}</span>
    </>
  );
  if (as === 'li')
    return (
      <li className={className} {...attrs}>
        {body}
      </li>
    );
  return (
    <section className={className} aria-label={label} {...attrs}>
      {body}
    </section>
  );
}
