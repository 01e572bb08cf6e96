import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { meQueryKey } from '../features/auth/api/get-me';
import { ApiError } from '../lib/api';

function makeQueryClient() {
  // A 401 anywhere means the session ended (expired, signed out elsewhere, account locked):
  // nobody is signed in any more, and the app shows the sign-in page.
  const onError = (error: unknown) => {
    if (error instanceof ApiError && error.status === 401 && client.getQueryData(meQueryKey) != null) {
      client.setQueryData(meQueryKey, null);
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        // Targets and results change a few times a day; a minute is fresh enough and
        // spares the server when someone flips between units and periods.
        staleTime: 60_000,
        gcTime: 10 * 60_000,
        // A refusal (4xx) will be refused again: only the network and faults of the server
        // are worth another try.
        retry: (failureCount, error) => failureCount < 2 && error instanceof ApiError && error.transient,
        retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 8000),
      },
    },
  });
  return client;
}

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(makeQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
