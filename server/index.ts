import { createServer } from 'node:http';
import { ROLE_LABELS } from '../shared/accounts';
import { createApp } from './app';
import { addDemoUsers, type CreatedAccount, ensureAdmin } from './auth/bootstrap';
import { DEFAULT_LOG2N } from './auth/password';
import { weakPasswordReason } from './auth/password-rule';
import { openDatabase } from './db/client';
import { loadDemoDataIfEmpty } from './db/demo';
import { readEnv } from './env';
import { nodeListener } from './lib/node-listener';

const env = readEnv();
const db = openDatabase(env.DATABASE_PATH);
const created: CreatedAccount[] = [];
const admin = await ensureAdmin(db, env.ADMIN_PASSWORD, DEFAULT_LOG2N);
if (admin) created.push(admin);
if (admin && !admin.generated) {
  // The operator's choice is kept (docs/api.md: admin gets ADMIN_PASSWORD), but not in silence.
  const weak = await weakPasswordReason(admin.password, admin.username);
  if (weak)
    console.warn(`Cảnh báo về ADMIN_PASSWORD: ${weak} Hãy đổi mật khẩu của admin ngay sau khi đăng nhập.`);
}
if (env.DEMO_DATA) {
  const loaded = loadDemoDataIfEmpty(db);
  if (loaded) {
    console.log(
      `Đã nạp dữ liệu mẫu: ${loaded.units} đơn vị, ${loaded.indicators} chỉ tiêu, ${loaded.values} số liệu.`,
    );
    created.push(...(await addDemoUsers(db, DEFAULT_LOG2N)));
  }
}
if (created.length) {
  // Shown this once: only the hashes are stored.
  console.log('\nTài khoản đã tạo (mật khẩu chỉ hiện một lần, hãy ghi lại và đổi sau khi đăng nhập):');
  const shown = created.map((a) => ({ ...a, password: a.generated ? a.password : '(theo ADMIN_PASSWORD)' }));
  const width = Math.max(...shown.map((a) => a.password.length));
  for (const a of shown) {
    const where = a.unitName ? `trên ${a.unitName}` : 'trên mọi đơn vị';
    console.log(`  ${a.username.padEnd(11)} ${a.password.padEnd(width)}  ${ROLE_LABELS[a.role]} ${where}`);
  }
  console.log('');
}

const app = createApp({ db, clientDist: env.CLIENT_DIST, securityHeaders: 'node' });
const listener = await nodeListener(app, db);
const server = createServer(listener);
server.listen(env.PORT, env.HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  console.log(`Chỉ tiêu đang chạy tại http://${env.HOST}:${port}`);
});

const shutdown = () => {
  server.close();
  db.$client.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
