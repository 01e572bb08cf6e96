import { type ReactNode, type RefObject, useId } from 'react';
import { Loaded, type Read } from './loaded';

interface LoadedCardProps<T> {
  className: string;
  testId: string;
  /** The read the card shows: busy while it fetches again. */
  query: Read<T> & { isFetching: boolean };
  title: ReactNode;
  /** Where the focus goes when what the card shows changes (the heading takes it). */
  headingRef?: RefObject<HTMLHeadingElement | null>;
  headClassName?: string;
  /** What stands beside the title: a choice, a link, a hint. */
  aside?: ReactNode;
  errorTitle: string;
  loading: ReactNode;
  children: (data: T) => ReactNode;
}

/**
 * A card titled by its heading whose body is one read: the answer once it is in, the refusal
 * with a way to try again, or what stands in while it loads.
 */
export function LoadedCard<T>({
  className,
  testId,
  query,
  title,
  headingRef,
  headClassName = 'card-head',
  aside,
  errorTitle,
  loading,
  children,
}: LoadedCardProps<T>) {
  const id = useId();
  return (
    <section
      className={className}
      data-testid={testId}
      aria-labelledby={`${id}-title`}
      aria-busy={query.isFetching}
    >
      <div className={headClassName}>
        <h2 id={`${id}-title`} className="card-title" ref={headingRef} tabIndex={headingRef ? -1 : undefined}>
          {title}
        </h2>
        {aside}
      </div>

      <Loaded query={query} errorTitle={errorTitle} loading={loading}>
        {children}
      </Loaded>
    </section>
  );
}
