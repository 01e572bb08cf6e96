import { RouterProvider } from '@tanstack/react-router';
import { Providers } from './providers';
import { router } from './routes';

/** The app: its queries (TanStack Query) and its pages (TanStack Router, routes.tsx). */
export function App() {
  return (
    <Providers>
      <RouterProvider router={router} />
    </Providers>
  );
}
