import type { ReactNode } from 'react';
import type { Choice } from './use-versioned-save';

interface ConflictChoiceProps<K> {
  /** The versioned save the conflict is of, and the key it is filed under. */
  of: { conflictMessage: string | null; saving: boolean; choose: (key: K, choice: Choice) => unknown };
  at: K;
  /** What the two buttons say on this screen: keep mine, take theirs. */
  labels: readonly [keep: string, take: string];
  /** What the other person saved, and what was typed here, in words. */
  children?: ReactNode;
  /** Instead of choosing: an editor of one value writes again at once on "keep mine". */
  onKeep?: () => void;
  /** Instead of choosing one: the choice for every conflict at once. */
  onTake?: () => void;
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
export function ConflictChoice<K>({
  of,
  at,
  labels: [keepLabel, takeLabel],
  children,
  onKeep = () => of.choose(at, 'mine'),
  onTake = () => of.choose(at, 'theirs'),
  as = 'alert',
  label,
  className,
  testId,
  dataKey,
}: ConflictChoiceProps<K>) {
  const compact = as !== 'alert';
  // A save under way: "keep mine" waits for it (the grids write on their next "Lưu").
  const busy = compact ? undefined : of.saving;
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
        {of.conflictMessage && <p className="form-error">{of.conflictMessage}</p>}
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
