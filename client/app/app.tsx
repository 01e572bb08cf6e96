import { DashboardPage } from './dashboard-page';
import { Layout } from './layout';
import { Providers } from './providers';

export function App() {
  return (
    <Providers>
      <Layout>
        <DashboardPage />
      </Layout>
    </Providers>
  );
}
