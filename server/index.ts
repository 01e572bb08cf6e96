import { serve } from '@hono/node-server';
import { createApp } from './app';
import { openDatabase } from './db/client';
import { loadDemoDataIfEmpty } from './db/demo';
import { readEnv } from './env';

const env = readEnv();
const db = openDatabase(env.DATABASE_PATH);
if (env.DEMO_DATA) {
  const loaded = loadDemoDataIfEmpty(db);
  if (loaded)
    console.log(
      `Đã nạp dữ liệu mẫu: ${loaded.units} đơn vị, ${loaded.indicators} chỉ tiêu, ${loaded.values} số liệu.`,
    );
}

const app = createApp({ db, clientDist: env.CLIENT_DIST });
const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  console.log(`Chỉ tiêu đang chạy tại http://${env.HOST}:${info.port}`);
});

const shutdown = () => {
  server.close();
  db.$client.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
