import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { grants as grantsTable, users } from '../../../server/db/schema';
import type { Role } from '../../../shared/accounts';
import { seedBasics, type TestApp, testApp } from '../../helpers/app';
import { expectRefusal } from '../../helpers/expect';
import { login, NEW_PASSWORD } from '../../helpers/user-rights';

// Issue 12: nobody climbs above their rights through someone else's account. A user may be
// changed (password, name, roles, locked or not) only by someone whose rights cover every
// grant that user holds; making a user gives no lasting power over it; one's own password
// changes only with the current one, through /api/auth/password, which ends the other sessions.
// This file: the matrix of callers, places and changes.

// ---------------------------------------------------------------------------------------
// The matrix: every user-management route × the caller's role × where the user's grants lie.

type Place = 'same' | 'below' | 'above' | 'sibling' | 'mixed' | 'unitAdmin' | 'admin' | 'none';
type CallerName = 'admin' | 'unitAdmin' | 'committee' | 'committeeRoot' | 'reporter' | 'viewer';

const PLACES: Place[] = ['same', 'below', 'above', 'sibling', 'mixed', 'unitAdmin', 'admin', 'none'];

/**
 * Whether the caller may change a user holding grants at that place, written out by hand
 * from the rule (covering every grant), so that the test does not reuse the code it checks.
 * The caller's grants are on chi bộ A (or on the root for committeeRoot).
 */
const MAY_CHANGE: Record<CallerName, Place[]> = {
  admin: PLACES,
  unitAdmin: ['same', 'below', 'unitAdmin'],
  committee: ['same', 'below'],
  committeeRoot: ['same', 'below', 'above', 'sibling', 'mixed'],
  reporter: [],
  viewer: [],
};

/** Whom the caller sees in GET /api/users: anyone with a role on a unit it manages. */
const SEES: Record<CallerName, Place[]> = {
  admin: PLACES,
  unitAdmin: ['same', 'below', 'mixed', 'unitAdmin'],
  committee: ['same', 'below', 'mixed', 'unitAdmin'],
  committeeRoot: ['same', 'below', 'above', 'sibling', 'mixed', 'unitAdmin'],
  reporter: [],
  viewer: [],
};

interface Tree {
  root: string;
  a: string;
  a1: string;
  b: string;
}

function callerGrants(name: CallerName, w: Tree): { role: Role; unitId: string | null }[] {
  switch (name) {
    case 'admin':
      return [{ role: 'admin', unitId: null }];
    case 'unitAdmin':
      return [{ role: 'admin', unitId: w.a }];
    case 'committeeRoot':
      return [{ role: 'committee', unitId: w.root }];
    default:
      return [{ role: name, unitId: w.a }];
  }
}

function heldAt(place: Place, w: Tree): { role: Role; unitId: string | null }[] {
  switch (place) {
    case 'same':
      return [{ role: 'reporter', unitId: w.a }];
    case 'below':
      return [{ role: 'committee', unitId: w.a1 }];
    case 'above':
      return [{ role: 'viewer', unitId: w.root }];
    case 'sibling':
      return [{ role: 'reporter', unitId: w.b }];
    case 'mixed':
      return [
        { role: 'committee', unitId: w.root },
        { role: 'reporter', unitId: w.a },
      ];
    case 'unitAdmin':
      return [{ role: 'admin', unitId: w.a }];
    case 'admin':
      return [{ role: 'admin', unitId: null }];
    case 'none':
      return [];
  }
}

type Change = 'password' | 'displayName' | 'lock' | 'unlock' | 'grants';
const CHANGES: Change[] = ['password', 'displayName', 'lock', 'unlock', 'grants'];

const CALLERS = Object.keys(MAY_CHANGE) as CallerName[];

describe('who may change whom, every route × role × place', () => {
  let t: TestApp;
  let w: Tree;
  let n = 0;
  beforeEach(async () => {
    t = testApp();
    const { root, a, b } = await seedBasics(t);
    const a1 = (await t.call('POST', '/api/units', { parentId: a.id, name: 'Tổ Toán', kind: 'don_vi' })).body
      .unit;
    w = { root: root.id, a: a.id, a1: a1.id, b: b.id };
  });

  const target = (place: Place, active = true) => {
    const user = t.as(heldAt(place, w), `dich-${++n}`);
    if (!active) t.db.update(users).set({ active: false }).where(eq(users.id, user.userId)).run();
    return user;
  };

  const bodyOf = (change: Change) =>
    ({
      password: { password: NEW_PASSWORD },
      displayName: { displayName: 'Tên đã sửa' },
      lock: { active: false },
      unlock: { active: true },
      grants: { grants: [{ role: 'viewer', unitId: w.a1 }] },
    })[change];

  for (const callerName of CALLERS)
    it(`${callerName}: PATCH /api/users/:id for each change and each place, and POST /api/users`, async () => {
      const caller = t.as(callerGrants(callerName, w), `goi-${callerName}`);
      for (const place of PLACES) {
        for (const change of CHANGES) {
          const user = target(place, change !== 'unlock');
          const before = t.snapshot();
          const res = await caller.call('PATCH', `/api/users/${user.userId}`, bodyOf(change));
          const allowed = MAY_CHANGE[callerName].includes(place);
          const label = `${callerName} → ${place}, ${change}: ${JSON.stringify(res.body)}`;
          if (!allowed) {
            expectRefusal(res, 403, 'forbidden');
            expect(t.snapshot(), label).toBe(before);
            continue;
          }
          expect(res.status, label).toBe(200);
          const stored = t.db.select().from(users).where(eq(users.id, user.userId)).get()!;
          const held = t.db.select().from(grantsTable).where(eq(grantsTable.userId, user.userId)).all();
          if (change === 'password') {
            expect((await login(t, stored.username, NEW_PASSWORD)).status, label).toBe(200);
            expect((await user.call('GET', '/api/auth/me')).status, label).toBe(401);
          }
          if (change === 'displayName') expect(stored.displayName, label).toBe('Tên đã sửa');
          if (change === 'lock') {
            expect(stored.active, label).toBe(false);
            expect((await user.call('GET', '/api/auth/me')).status, label).toBe(401);
          }
          if (change === 'unlock') expect(stored.active, label).toBe(true);
          if (change === 'grants')
            expect(
              held.map((g) => `${g.role}@${g.unitId}`),
              label,
            ).toEqual([`viewer@${w.a1}`]);
        }

        // Creating a user with grants at that place: allowed where they could be changed.
        const created = await caller.call('POST', '/api/users', {
          username: `moi-${++n}`,
          password: 'mat-khau-ban-dau-1',
          grants: heldAt(place, w),
        });
        const label = `${callerName} creates at ${place}: ${JSON.stringify(created.body)}`;
        if (place === 'none' && callerName !== 'admin' && MAY_CHANGE[callerName].length > 0)
          expectRefusal(created, 400, 'grants_required');
        else if (MAY_CHANGE[callerName].includes(place)) expect(created.status, label).toBe(201);
        else expectRefusal(created, 403, 'forbidden');
      }

      // And whom it sees.
      const placed = new Map(PLACES.map((p) => [target(p).userId, p]));
      const listed = (await caller.call('GET', '/api/users')).body.users as { id: string }[];
      const seenPlaces = listed.map((u) => placed.get(Number(u.id))).filter((p): p is Place => !!p);
      expect(seenPlaces.sort()).toEqual([...SEES[callerName]].sort());
    });

  it('nobody reaches an unknown user, and someone out of sight is refused without being named', async () => {
    const committee = t.as([{ role: 'committee', unitId: w.a }]);
    const other = target('sibling');
    expectRefusal(
      await committee.call('PATCH', '/api/users/999999', { displayName: 'X' }),
      404,
      'user_not_found',
    );
    const hidden = await committee.call('PATCH', `/api/users/${other.userId}`, { displayName: 'X' });
    expectRefusal(hidden, 403, 'forbidden');
    expect(hidden.body.error.message).not.toContain('dich-');
  });
});
