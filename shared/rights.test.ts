import { describe, expect, it } from 'vitest';
import type { Role } from './accounts';
import { holds } from './rights';

const grants = (...roles: Role[]) =>
  roles.map((role, i) => ({ role, unitId: role === 'admin' ? null : i + 1 }));

describe('holds: whether a capability is held on some unit', () => {
  it('gives planning and managing to committees and admins, reporting to all but viewers', () => {
    for (const role of ['admin', 'committee', 'reporter', 'viewer'] as const) {
      const mine = grants(role);
      expect(holds(mine, 'read'), role).toBe(true);
      expect(holds(mine, 'report'), role).toBe(role !== 'viewer');
      expect(holds(mine, 'plan'), role).toBe(role === 'admin' || role === 'committee');
      expect(holds(mine, 'manage'), role).toBe(role === 'admin' || role === 'committee');
    }
  });

  it('is held when any one grant gives it, and not without a grant', () => {
    expect(holds(grants('viewer', 'reporter'), 'report')).toBe(true);
    expect(holds(grants('viewer', 'reporter'), 'plan')).toBe(false);
    expect(holds([], 'read')).toBe(false);
  });
});
