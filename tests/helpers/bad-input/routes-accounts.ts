import fc from 'fast-check';
import { ROLES } from '../../../shared/accounts';
import { TEST_PASSWORD } from '../app';
import { changes, listWithBadItem, malformed, type ObjectSpec } from './faults';
import { badText, badUnitId, notIn, unitName, validGrant } from './pieces';
import { badIdText, badSegment } from './segments';
import { blank, longText, oddString } from './text';
import { type Body, type Req, w } from './world';
import { notABoolean, notAnArray, notAString } from './wrong-values';

// Malformed requests to the write routes of accounts: users, signing in, one's own password.

export const grantSpec = (): ObjectSpec => ({
  bad: { role: notIn(ROLES), unitId: badUnitId() },
  required: ['role', 'unitId'],
});
export const badGrants = () =>
  fc.oneof(
    notAnArray,
    listWithBadItem(validGrant(), grantSpec()),
    validGrant().map((g) => Array.from({ length: 51 }, () => g)),
  );

export const USERNAME = /^[a-z0-9][a-z0-9._-]{2,31}$/;
export const badUsername = () =>
  fc.oneof(
    notAString,
    fc.constantFrom('admin', 'ADMIN', ' Admin ', 'thanh-vien'),
    fc
      .oneof(
        fc.constantFrom(
          '',
          'ab',
          '_abc',
          '.abc',
          '-abc',
          'a b c',
          'đạt',
          'nguyễn',
          'a'.repeat(33),
          'ab@c',
          'abc/d',
        ),
        oddString,
      )
      .filter((s) => !USERNAME.test(s.trim().toLowerCase())),
  );
export const badPassword = fc.oneof(
  notAString,
  fc.string({ maxLength: 7 }),
  fc.constantFrom('', '1234567', 'abc'),
  longText(200),
);

export function accountRoutes(): Record<string, fc.Arbitrary<Req>> {
  return {
    'POST /api/users': malformed('POST /api/users', {
      base: fc
        .record({
          username: fc.integer({ min: 1, max: 1_000_000 }).map((n) => `nguoi-moi-${n}`),
          password: fc.constantFrom('mat-khau-hop-le', 'một mật khẩu dài'),
          displayName: unitName,
          grants: fc.array(validGrant(), { maxLength: 2 }),
        })
        .map((body) => ({ params: {}, body: body as Body })),
      body: {
        bad: {
          username: badUsername(),
          password: badPassword,
          displayName: badText(120),
          grants: badGrants(),
        },
        required: ['username', 'password', 'grants'],
      },
    }),
    'PATCH /api/users/{id}': malformed('PATCH /api/users/{id}', {
      base: fc
        .oneof(
          fc.record({ displayName: unitName }),
          fc.record({ active: fc.boolean() }),
          fc.record({ grants: fc.array(validGrant(), { maxLength: 2 }) }),
        )
        .map((body) => ({ params: { id: w.memberId }, body: body as Body })),
      params: { id: badSegment((s) => w.userIds.includes(s), w.userIds, badIdText(new Set(w.userIds))) },
      special: fc.constant({
        label: 'the admin locking their own account',
        params: { id: w.adminId },
        patch: { active: false },
      }),
      body: changes({
        displayName: badText(120),
        password: badPassword,
        active: notABoolean,
        grants: badGrants(),
      }),
    }),
    'POST /api/auth/login': malformed('POST /api/auth/login', {
      as: 'anonymous',
      base: fc.constant({ params: {}, body: { username: 'admin', password: TEST_PASSWORD } }),
      body: {
        bad: {
          username: fc.oneof(notAString, blank, longText(64)),
          password: fc.oneof(notAString, fc.constant(''), longText(200)),
        },
        required: ['username', 'password'],
      },
    }),
    'POST /api/auth/password': malformed('POST /api/auth/password', {
      base: fc.constant({
        params: {},
        body: { currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-2026' },
      }),
      body: {
        bad: {
          currentPassword: fc.oneof(notAString, fc.constant(''), longText(200)),
          newPassword: badPassword,
        },
        required: ['currentPassword', 'newPassword'],
        special: fc.constant({
          label: 'wrong current password',
          patch: { currentPassword: 'khong-phai-mat-khau' },
        }),
      },
    }),
  };
}
