import { beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/accounts';
import { seedBasics, type TestApp, testApp } from '../helpers/app';
import { expectRefusal } from '../helpers/expect';
import { REPORT_SETTINGS } from '../helpers/report-settings';

// The settings of a unit's report document (docs/api.md, "The report"): the defaults of its
// kind and place in the tree, saved whole with a version, refused in Vietnamese when wrong, and
// written only by the committee that issues the report or one above it.

let t: TestApp;
let ids: Awaited<ReturnType<typeof seedBasics>>;

beforeEach(async () => {
  t = testApp();
  ids = await seedBasics(t);
});

const path = (unit: string) => `/api/units/${unit}/report-settings`;

const BODY = REPORT_SETTINGS;

describe('the settings of a report document', () => {
  it('start from the unit’s kind and the unit above it', async () => {
    const root = (await t.call('GET', path(ids.root.id))).body;
    expect(root.version).toBe(0);
    expect(root.settings).toEqual(root.defaults);
    expect(root.settings).toMatchObject({
      above: '',
      issuer: 'ĐẢNG ỦY TRƯỜNG THỬ',
      symbol: 'BC/ĐU',
      onBehalf: 'T/M ĐẢNG ỦY',
      signerTitle: 'BÍ THƯ',
      number: '',
      place: '',
      signer: '',
    });
    const a = (await t.call('GET', path(ids.a.id))).body.settings;
    expect(a).toMatchObject({
      above: 'ĐẢNG BỘ TRƯỜNG THỬ',
      issuer: 'CHI BỘ A',
      symbol: 'BC/CB',
      onBehalf: 'T/M CHI BỘ',
    });
    expect(a.recipients[0]).toBe('Đảng ủy Trường Thử (để báo cáo)');
  });

  it('are saved whole, kept with the unit, and versioned', async () => {
    const saved = await t.call('PUT', path(ids.root.id), { ...BODY, version: 0 });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(1);
    expect(saved.body.settings).toEqual(BODY);
    expect((await t.call('GET', path(ids.root.id))).body.settings).toEqual(BODY);
    // Another screen that still saw nothing stored is told what is there now.
    const stale = await t.call('PUT', path(ids.root.id), { ...BODY, place: 'Sa Đéc', version: 0 });
    expectRefusal(stale, 409, 'version_conflict');
    expect(stale.body.current.settings.place).toBe('Cao Lãnh');
    const again = await t.call('PUT', path(ids.root.id), { ...BODY, place: 'Sa Đéc', version: 1 });
    expect(again.body).toMatchObject({ version: 2, settings: { place: 'Sa Đéc' } });
    // Another unit's settings are its own.
    expect((await t.call('GET', path(ids.a.id))).body.version).toBe(0);
  });

  it('go with the unit when it is removed', async () => {
    const leaf = (
      await t.call('POST', '/api/units', { parentId: ids.a.id, name: 'Tổ đảng 1', kind: 'chi_bo' })
    ).body.unit.id;
    expect((await t.call('PUT', path(leaf), { ...BODY, version: 0 })).status).toBe(200);
    expect((await t.call('DELETE', `/api/units/${leaf}`)).status).toBe(200);
    expectRefusal(await t.call('GET', path(leaf)), 404, 'unit_not_found');
  });

  it('refuses what is wrong in one Vietnamese sentence, and changes nothing', async () => {
    const before = t.snapshot();
    const cases: [unknown, string][] = [
      [{ ...BODY, issuer: '  ', version: 0 }, 'Tên cấp ủy ban hành không được để trống.'],
      [{ ...BODY, number: '1'.repeat(21), version: 0 }, 'Số văn bản dài quá 20 ký tự.'],
      [{ ...BODY, recipients: Array(13).fill('Lưu'), version: 0 }, 'Nơi nhận có nhiều nhất 12 dòng.'],
      [{ ...BODY, recipients: 'Lưu', version: 0 }, 'Nơi nhận phải là một danh sách.'],
      [{ ...BODY, signer: 'Nguyễn\u0000Văn', version: 0 }, 'Họ tên người ký chứa ký tự không hợp lệ'],
      [{ ...BODY }, 'Thiếu phiên bản (version) của thông tin văn bản.'],
    ];
    for (const [body, message] of cases) {
      const res = await t.call('PUT', path(ids.root.id), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message).toContain(message);
    }
    expect((await t.call('PUT', path(ids.root.id), { ...BODY, version: 0, extra: 1 })).status).toBe(400);
    expectRefusal(await t.call('PUT', path('999'), { ...BODY, version: 0 }), 404, 'unit_not_found');
    expect(t.snapshot()).toBe(before);
  });
});

describe('who may write a unit’s report settings', () => {
  // Every role, granted on the unit itself, above it, below it, and on its sibling.
  type Place = 'same' | 'above' | 'below' | 'sibling';
  const ROLES: Role[] = ['admin', 'committee', 'reporter', 'viewer'];
  const PLACES: Place[] = ['same', 'above', 'below', 'sibling'];
  const may = (role: Role, place: Place) =>
    (role === 'admin' || role === 'committee') && (place === 'same' || place === 'above');

  for (const role of ROLES)
    for (const place of PLACES) {
      it(`${role} granted ${place}: ${may(role, place) ? 'may' : 'is refused with 403'}`, async () => {
        // The target is chi bộ A; "below" is a unit under A, "sibling" chi bộ B.
        const below = (
          await t.call('POST', '/api/units', { parentId: ids.a.id, name: 'Tổ đảng 1', kind: 'chi_bo' })
        ).body.unit.id;
        const grantedOn = { same: ids.a.id, above: ids.root.id, below, sibling: ids.b.id }[place];
        const caller = t.as([{ role, unitId: grantedOn }]);
        const before = t.snapshot();
        const res = await caller.call('PUT', path(ids.a.id), { ...BODY, version: 0 });
        if (may(role, place)) {
          expect(res.status, JSON.stringify(res.body)).toBe(200);
          expect((await t.call('GET', path(ids.a.id))).body.settings.place).toBe('Cao Lãnh');
        } else {
          expectRefusal(res, 403, 'forbidden');
          expect(t.snapshot()).toBe(before);
        }
        // Reading follows the read right: on the unit or above it.
        const read = await caller.call('GET', path(ids.a.id));
        expect(read.status).toBe(place === 'same' || place === 'above' ? 200 : 403);
      });
    }

  it('nobody signed in may read or write', async () => {
    expectRefusal(await t.anonymous.call('GET', path(ids.a.id)), 401, 'unauthenticated');
    expectRefusal(
      await t.anonymous.call('PUT', path(ids.a.id), { ...BODY, version: 0 }),
      401,
      'unauthenticated',
    );
  });
});
