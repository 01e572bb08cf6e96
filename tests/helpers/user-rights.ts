import type { TestApp } from './app';

// For tests/api/user-rights/: a password nobody holds yet, and a sign-in without a session.

export const NEW_PASSWORD = 'nui-cao-suoi-sau-2026';

export const login = (t: TestApp, username: string, password: string) =>
  t.anonymous.call('POST', '/api/auth/login', { username, password });
