// Resets a user's password from the server's console, for the day the only admin forgets it:
//   npm run user:password -- admin                 (makes up a password and prints it once)
//   npm run user:password -- admin 'mật khẩu mới'  (sets this one)
// Reads DATABASE_PATH like the server; the user's open sessions end.
import { eq } from 'drizzle-orm';
import { DEFAULT_LOG2N, hashPassword, randomPassword } from '../server/auth/password';
import { weakPasswordReason } from '../server/auth/password-rule';
import { deleteSessionsOf } from '../server/auth/sessions';
import { openDatabase } from '../server/db/client';
import { users } from '../server/db/schema';
import { recordChange } from '../server/domain/history';
import { readEnv } from '../server/env';
import { passwordSchema, usernameSchema } from '../shared/accounts';

const [rawName, given] = process.argv.slice(2);
if (!rawName) {
  console.error('Cách dùng: npm run user:password -- <tên đăng nhập> [mật khẩu mới]');
  process.exit(2);
}
const username = usernameSchema.safeParse(rawName);
if (!username.success) {
  console.error(username.error.issues[0]?.message);
  process.exit(2);
}
if (given !== undefined) {
  const ok = passwordSchema.safeParse(given);
  if (!ok.success) {
    console.error(ok.error.issues[0]?.message);
    process.exit(2);
  }
}

const env = readEnv();
const db = openDatabase(env.DATABASE_PATH);
const user = db.select().from(users).where(eq(users.username, username.data)).get();
if (!user) {
  console.error(`Không có người dùng "${username.data}" trong ${env.DATABASE_PATH}.`);
  process.exit(1);
}
if (given !== undefined) {
  const weak = await weakPasswordReason(given, user.username);
  if (weak) {
    console.error(weak);
    process.exit(2);
  }
}
const password = given ?? randomPassword();
const passwordHash = await hashPassword(password, DEFAULT_LOG2N);
db.transaction((tx) => {
  tx.update(users)
    .set({ passwordHash, active: true, updatedAt: new Date().toISOString() })
    .where(eq(users.id, user.id))
    .run();
  deleteSessionsOf(tx, user.id);
  recordChange(tx, null, {
    type: 'user',
    action: 'update',
    before: { username: user.username, active: user.active },
    after: { username: user.username, active: true },
    note: 'Đặt lại mật khẩu từ dòng lệnh',
  });
});
db.$client.close();
console.log(
  given
    ? `Đã đặt mật khẩu mới cho "${user.username}".`
    : `Mật khẩu mới của "${user.username}" (chỉ hiện một lần): ${password}`,
);
