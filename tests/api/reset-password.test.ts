import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureAdmin } from '../../server/auth/bootstrap';
import { verifyPassword } from '../../server/auth/password';
import { openDatabase } from '../../server/db/client';

// The console script for the day the only admin forgets the password.
// Each case starts the script as a process (tsx) several times: seconds on a loaded machine.
describe('npm run user:password', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-reset-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'reset.db');
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/reset-password.ts', ...args], {
      env: { ...process.env, DATABASE_PATH: path },
      encoding: 'utf8',
    });
  const hashOf = () => {
    const db = openDatabase(path);
    const row = db.$client.prepare("select password_hash h from users where username = 'admin'").get() as {
      h: string;
    };
    db.$client.close();
    return row.h;
  };

  it('makes up a new password, prints it once, and only it then works', async () => {
    const db = openDatabase(path);
    await ensureAdmin(db, 'mat-khau-cu-da-quen', 10);
    db.$client.close();
    const out = run('admin');
    expect(out.status, out.stderr).toBe(0);
    const printed = out.stdout.match(/: ([a-z2-9]{4}(?:-[a-z2-9]{4}){3})\s*$/)?.[1];
    expect(printed).toBeDefined();
    expect(await verifyPassword(printed!, hashOf())).toBe(true);
    expect(await verifyPassword('mat-khau-cu-da-quen', hashOf())).toBe(false);
  });

  it('sets a given password, and refuses an unknown user, a short or a common password', async () => {
    expect(run('admin', 'mat-khau-tu-chon').status).toBe(0);
    expect(await verifyPassword('mat-khau-tu-chon', hashOf())).toBe(true);
    const unknown = run('khong-co');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('Không có người dùng "khong-co"');
    const short = run('admin', 'ngan');
    expect(short.status).toBe(2);
    expect(short.stderr).toContain('Mật khẩu cần ít nhất 10 ký tự.');
    const common = run('admin', 'matkhau123456');
    expect(common.status).toBe(2);
    expect(common.stderr).toMatch(/^Mật khẩu này dễ bị đoán vì/);
    expect(await verifyPassword('mat-khau-tu-chon', hashOf())).toBe(true);
  });
});
