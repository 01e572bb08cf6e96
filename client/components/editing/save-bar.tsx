import type { ReactNode } from 'react';

/** What a form of many values says after a try to save: done, to know, or gone wrong. */
export type EditNoticeValue = { tone: 'ok' | 'info' | 'error'; text: string } | null;

/** The line under a form of many values: an alert when it went wrong, a status otherwise. */
export function EditNotice({ notice }: { notice: EditNoticeValue }) {
  if (!notice) return null;
  return (
    <p
      className={`edit-notice edit-notice-${notice.tone}`}
      role={notice.tone === 'error' ? 'alert' : 'status'}
    >
      {notice.text}
    </p>
  );
}

interface SaveBarProps {
  /** How many values are changed, and how many are typed but not valid. */
  changed: number;
  invalid: number;
  /** What one changed value is called in "Lưu 3 …". */
  noun: string;
  /**
   * The versioned save of the form: while it writes, or while a conflict with another person's
   * save waits to be chosen, nothing more is written; throwing the changes away forgets its
   * refusals and conflicts too.
   */
  save: { saving: boolean; conflicts: { size: number }; reset: () => void };
  onSave: () => void;
  /** Whether there is anything typed to throw away, and what else is forgotten with it. */
  canDiscard: boolean;
  onDiscard: () => void;
  /** The screen's own class, for where it stands on narrow screens. */
  className: string;
  /** What the screen adds between the two buttons (e.g. a copy from last year). */
  extra?: ReactNode;
  /** What the screen adds after the buttons (e.g. a count). */
  children?: ReactNode;
}

/**
 * The buttons under a form of many values: save the changes, throw them away. While something
 * is unsaved it follows the person down the form.
 */
export function SaveBar({
  changed,
  invalid,
  noun,
  save,
  onSave,
  canDiscard,
  onDiscard,
  className,
  extra,
  children,
}: SaveBarProps) {
  const dirty = changed + invalid > 0;
  return (
    <div className={`save-bar ${className}${dirty ? ' is-dirty' : ''}`}>
      <button
        type="button"
        className="button"
        onClick={onSave}
        disabled={save.saving || !dirty || save.conflicts.size > 0}
      >
        {save.saving ? 'Đang lưu…' : changed > 0 ? `Lưu ${changed} ${noun}` : 'Lưu'}
      </button>
      {extra}
      <button
        type="button"
        className="button button-secondary button-quiet"
        disabled={!canDiscard}
        onClick={() => {
          onDiscard();
          save.reset();
        }}
      >
        Bỏ các thay đổi
      </button>
      {children}
    </div>
  );
}
