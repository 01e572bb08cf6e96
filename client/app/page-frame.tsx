import { type ReactNode, type RefObject, useId } from 'react';
import { EmptyState } from '../components/ui/empty-state';
import { ErrorState } from '../components/ui/error-state';
import { SkeletonRows } from '../components/ui/loading';
import { PeriodPicker } from '../features/periods/components/period-picker';
import { UnitPicker } from '../features/units/components/unit-picker';
import type { UnitPeriod } from './page-state';

// What the pages are made of: the pickers of the unit and period, the states before the
// content, the cards, and the scroll to a part the person asked to see.

/** The unit and period pickers above a page. */
export function UnitPeriodToolbar({
  unit,
  period,
  onChange,
  className = '',
}: {
  unit: string | undefined;
  period: string;
  onChange: (patch: UnitPeriod) => void;
  className?: string;
}) {
  return (
    <section className={`card toolbar${className ? ` ${className}` : ''}`} aria-label="Chọn đơn vị và kỳ">
      <UnitPicker value={unit} onChange={(u) => onChange({ unit: u })} />
      <PeriodPicker value={period} onChange={(p) => onChange({ period: p })} />
    </section>
  );
}

interface PageStatusProps {
  /** The page's heading while its content is not there; the content brings its own. */
  heading?: string;
  /** Said when the organisation has no unit yet: what to do first. */
  noUnits?: string | false;
  error?: unknown;
  errorTitle?: string;
  onRetry?: () => void;
  /** Said while the content is not there yet. */
  loading: string;
  rows?: number;
  /** Without its own card: the page has put the states in one already. */
  bare?: boolean;
  /** The content, once there; null or false while it is coming. */
  children: ReactNode;
}

/** The states before a page's content: no unit yet, a failure to read, or reading. */
export function PageStatus({
  heading,
  noUnits,
  error,
  errorTitle,
  onRetry,
  loading,
  rows,
  bare,
  children,
}: PageStatusProps) {
  let state: ReactNode;
  if (noUnits) state = <EmptyState hint={noUnits}>Chưa có đơn vị nào.</EmptyState>;
  else if (error) state = <ErrorState title={errorTitle} error={error} onRetry={onRetry} />;
  else if (children === null || children === false || children === undefined)
    state = <SkeletonRows rows={rows} label={loading} />;
  else return children;
  return (
    <>
      {heading && <h1 className="page-title">{heading}</h1>}
      {bare ? state : <div className="card">{state}</div>}
    </>
  );
}

const scrollBehavior = (): ScrollBehavior =>
  window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';

/** Brings a part of the page into view when it is off screen, as the click that changed it asked to see it. */
export function bringIntoView(ref: RefObject<HTMLElement | null>) {
  requestAnimationFrame(() => {
    const el = ref.current;
    if (!el) return;
    const top = el.getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight - 120) {
      el.scrollIntoView({ behavior: scrollBehavior(), block: 'start' });
    }
  });
}

/** A card of a page, named by its heading for screen readers, with a hint or a control beside it. */
export function Card({
  title,
  hint,
  aside,
  className = 'card',
  children,
}: {
  title: ReactNode;
  hint?: ReactNode;
  aside?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className={className} aria-labelledby={id}>
      <div className="card-head">
        <h2 id={id} className="card-title">
          {title}
        </h2>
        {hint && <p className="card-hint">{hint}</p>}
        {aside}
      </div>
      {children}
    </section>
  );
}

/** What was just said ("Đã mở khóa…"), announced to screen readers; nothing when nothing was. */
export function Notice({ text }: { text: string | null }) {
  return text ? (
    <p className="form-success" role="status">
      {text}
    </p>
  ) : null;
}
