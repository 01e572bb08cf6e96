// Backs up the database while the server keeps serving and writing (SQLite's online backup),
// then checks the copy:
//   npm run backup                         into backups/chitieu-<ngày>-<giờ>.db
//   npm run backup -- <tệp đích.db>        into that file (never over an existing one)
// Reads DATABASE_PATH like the server. Put a backup back with npm run restore.
import { BackupError, backupDatabase, defaultBackupPath } from '../server/db/backup';
import { readEnv } from '../server/env';

const args = process.argv.slice(2);
if (args.length > 1 || args.some((a) => a.startsWith('-'))) {
  console.error('Cách dùng: npm run backup [-- <tệp đích .db>]');
  process.exit(2);
}

const source = readEnv().DATABASE_PATH;
const dest = args[0] ?? defaultBackupPath(source);
const vi = (n: number, digits = 0) => n.toLocaleString('vi-VN', { maximumFractionDigits: digits });
try {
  const done = await backupDatabase(source, dest);
  console.log(
    `Đã sao lưu ${source} vào ${dest} (${vi(done.bytes / 1e6, 1)} MB, ${vi(done.milliseconds / 1000, 2)} giây): ` +
      `${vi(done.counts.units)} đơn vị, ${vi(done.counts.targets)} chỉ tiêu đã giao, ${vi(done.counts.results)} kết quả, ` +
      `${vi(done.counts.history)} thay đổi trong lịch sử. Bản sao đã qua kiểm tra toàn vẹn.`,
  );
  console.log(`Khi cần khôi phục bản này (dừng máy chủ trước): npm run restore -- ${dest}`);
} catch (err) {
  if (!(err instanceof BackupError)) throw err;
  console.error(`Chưa sao lưu được. ${err.message}`);
  process.exit(1);
}
