import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { ApiError } from '../lib/api';

function makeQueryClient() {
  return new QueryClient({
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
}

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(makeQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
