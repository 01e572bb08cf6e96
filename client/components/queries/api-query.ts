import {
  keepPreviousData,
  type QueryClient,
  type QueryKey,
  queryOptions,
  type UseQueryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';

// The client's reads of the API as queries, said once: a query's key is its name and its
// parameters (so that a write invalidates every view by the name alone), and its request gets
// the signal that cancels it when nobody needs the answer any more.

/** What the typed client takes beside the query: the signal of React Query. */
export type RequestInit = { init: { signal: AbortSignal } };

/**
 * The options of a read of the API named `name`: `get` sends the request (with the typed
 * client, through `unwrap`). `staleTime` 0 for what an editor starts from or a view that is
 * not told of writes made on another screen.
 */
export function apiQuery<P, T>(
  name: string,
  get: (params: P, init: RequestInit) => Promise<T>,
  options: { staleTime?: number } = {},
) {
  return (params: P) =>
    queryOptions({
      queryKey: (params === undefined ? [name] : [name, params]) as QueryKey,
      queryFn: ({ signal }) => get(params, { init: { signal } }),
      ...options,
    });
}

/**
 * A read that waits until its parameters are chosen (null: not yet). With `keep`, the previous
 * answer stays on screen, dimmed, while the next unit or period loads.
 */
export function useChosenQuery<P, T, K extends QueryKey>(
  options: (params: P) => UseQueryOptions<T, Error, T, K>,
  params: P | null,
  empty: P,
  { keep = false }: { keep?: boolean } = {},
) {
  return useQuery({
    ...options(params ?? empty),
    enabled: params !== null,
    ...(keep ? { placeholderData: keepPreviousData } : {}),
  });
}

/** A write of the API, after which the views it changes (`readBack`) are read again. */
export function useWrite<I, A>(write: (input: I) => Promise<A>, readBack: (q: QueryClient) => unknown) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: () => readBack(queryClient) });
}

/**
 * Several writes one after the other (two rows swapping places), read back once. Not atomic:
 * if one is refused the ones before it stay, and the refusal says why.
 */
export function useWritesInTurn<I>(
  write: (input: I) => Promise<unknown>,
  readBack: (q: QueryClient) => unknown,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (inputs: I[]) => {
      try {
        for (const input of inputs) await write(input);
      } finally {
        await readBack(queryClient);
      }
    },
  });
}
