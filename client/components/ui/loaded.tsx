import type { ReactNode } from 'react';
import { ErrorState } from './error-state';

/** What `Loaded` needs of a query. */
export interface Read<T> {
  data: T | undefined;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

/**
 * What a read shows: its answer once it is in (`children`), and until then the refusal with a
 * way to try again, or what stands in while it loads. An answer already on screen stays when a
 * later read fails.
 */
export function Loaded<T>(props: {
  query: Read<T>;
  errorTitle: string;
  loading: ReactNode;
  children: (data: T) => ReactNode;
}): ReactNode;
export function Loaded<T>(props: {
  query: Read<unknown>;
  /** The answer, when it is not the query's own (a part of it, or one that belongs to this view). */
  data: T | undefined;
  errorTitle: string;
  loading: ReactNode;
  children: (data: T) => ReactNode;
}): ReactNode;
export function Loaded<T>(props: {
  query: Read<unknown>;
  data?: T | undefined;
  errorTitle: string;
  loading: ReactNode;
  children: (data: T) => ReactNode;
}) {
  const { query, errorTitle, loading, children } = props;
  const data = 'data' in props ? props.data : (query.data as T | undefined);
  if (data !== undefined) return children(data);
  if (query.isError)
    return <ErrorState title={errorTitle} error={query.error} onRetry={() => query.refetch()} />;
  return loading;
}
