import { type ReactNode, useId, useState } from 'react';
import { Loaded, type Read } from '../../../components/ui/loaded';
import { SkeletonRows } from '../../../components/ui/loading';

/**
 * What a part of the catalogue page keeps: the dialog open over it, what was just done (said
 * in its notice), and the refusal of a change made from a row, shown under that row.
 */
export function useCatalogueSection<Open>() {
  const id = useId();
  const [open, setOpen] = useState<Open | null>(null);
  const [notice, setNotice] = useState('');
  const [rowError, setRowError] = useState<{ key: string; message: string } | null>(null);
  /** What was just done, in words; a row's refusal is gone with it ('' while a change is under way). */
  const done = (message: string) => {
    setRowError(null);
    setNotice(message);
  };
  return {
    id,
    headingId: `${id}-title`,
    open,
    setOpen,
    notice,
    done,
    /** A change made from the row `key` refused. */
    fail: (key: string, message: string) => setRowError({ key, message }),
    /** The refusal under the row `key`, if it is that row's. */
    rowErrorAt: (key: string) =>
      rowError?.key === key && (
        <p className="form-error row-error" role="alert">
          {rowError.message}
        </p>
      ),
  };
}

/**
 * A part of the catalogue page: its heading (which the focus goes back to when what it was on
 * is gone), what it is for, the button that adds to it, the line that says what was just done,
 * and its list once it is read.
 */
export function CatalogueSection<T>({
  state: { headingId, notice },
  title,
  hint,
  action,
  query,
  list,
  rows,
  children,
  dialogs,
}: {
  state: { headingId: string; notice: string };
  title: string;
  hint: ReactNode;
  action: ReactNode;
  query: Read<T>;
  /** What the list is called, in "Không tải được …" and "Đang tải …". */
  list: string;
  /** How many rows stand in while it loads. */
  rows: number;
  children: (data: T) => ReactNode;
  /** The dialogs open over it. */
  dialogs: ReactNode;
}) {
  return (
    <section className="card catalogue-section" aria-labelledby={headingId}>
      <div className="card-head">
        <div>
          <h2 id={headingId} className="card-title" tabIndex={-1}>
            {title}
          </h2>
          <p className="card-hint">{hint}</p>
        </div>
        {action}
      </div>
      <p className="form-success notice" role="status">
        {notice}
      </p>
      <Loaded
        query={query}
        errorTitle={`Không tải được ${list}`}
        loading={<SkeletonRows rows={rows} label={`Đang tải ${list}…`} />}
      >
        {children}
      </Loaded>
      {dialogs}
    </section>
  );
}
