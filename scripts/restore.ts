// Puts a backup back in place of the database, with the server stopped:
//   npm run restore -- backups/chitieu-20261124-090507.db
// Reads DATABASE_PATH like the server. Checks the backup first, refuses while the server has
// the database open, and keeps the file it replaces beside it as
// <tệp>.truoc-khoi-phuc-<ngày>-<giờ>, so a restore can itself be undone.
import { BackupError, restoreDatabase } from '../server/db/backup';
import { readEnv } from '../server/env';

const args = process.argv.slice(2);
if (args.length !== 1 || args[0]!.startsWith('-')) {
  console.error('Cách dùng: npm run restore -- <tệp sao lưu .db>   (dừng máy chủ trước khi khôi phục)');
  process.exit(2);
}

const backup = args[0]!;
const target = readEnv().DATABASE_PATH;
const vi = (n: number) => n.toLocaleString('vi-VN');
try {
  const done = restoreDatabase(backup, target);
  console.log(
    `Đã khôi phục ${target} từ bản sao lưu ${backup}: ${vi(done.counts.units)} đơn vị, ` +
      `${vi(done.counts.targets)} chỉ tiêu đã giao, ${vi(done.counts.results)} kết quả, ${vi(done.counts.history)} thay đổi trong lịch sử.`,
  );
  if (done.aside) console.log(`Tệp cũ được giữ lại ở ${done.aside}; xóa đi khi không cần nữa.`);
  console.log('Hãy khởi động lại máy chủ (npm start).');
} catch (err) {
  if (!(err instanceof BackupError)) throw err;
  console.error(`Chưa khôi phục. ${err.message}`);
  process.exit(1);
}
