import { describe, expect, it } from 'vitest';
import type { ChangeDto } from '../../../../shared/accounts';
import { belongsToRow, describeChange } from './describe-change';

const change = (extra: Partial<ChangeDto>): ChangeDto => ({
  id: '1',
  at: '2026-11-24T03:05:00.000Z',
  user: 'chibo.gdth',
  type: 'result',
  action: 'update',
  unitId: '2',
  code: 'DV_HTT',
  period: '2026',
  before: null,
  after: null,
  note: null,
  ...extra,
});

describe('a line of history', () => {
  it('shows when, who, what, before → after and the note', () => {
    const line = describeChange(
      change({
        before: { display: '85,71%', numerator: 12, denominator: 14 },
        after: { display: '92,86%', numerator: 13, denominator: 14 },
        note: 'Biên bản kiểm điểm',
      }),
    );
    expect(line).toMatchObject({
      when: '24/11/2026 10:05',
      who: 'chibo.gdth',
      what: 'Kết quả',
      before: '85,71% (12/14)',
      after: '92,86% (13/14)',
      note: 'Biên bản kiểm điểm',
    });
  });

  it('words a new target, a deletion, a lock and an unlock', () => {
    expect(
      describeChange(change({ type: 'target', action: 'create', after: { display: '1.500' } })),
    ).toMatchObject({ what: 'Kế hoạch', before: '—', after: '1.500' });
    expect(describeChange(change({ action: 'delete', before: { display: '3' } }))).toMatchObject({
      before: '3',
      after: 'đã xóa',
    });
    expect(
      describeChange(
        change({ type: 'lock', action: 'create', code: null, after: { locked: true }, note: 'HN' }),
      ),
    ).toMatchObject({ what: 'Khóa kỳ', after: 'Đã khóa', note: 'HN' });
    expect(
      describeChange(
        change({
          type: 'lock',
          action: 'delete',
          before: { locked: true },
          after: { locked: false },
          note: 'Sai số',
        }),
      ),
    ).toMatchObject({ what: 'Mở khóa kỳ', before: 'Đã khóa', after: 'Mở', note: 'Lý do: Sai số' });
  });

  it('keeps to its row: its indicator, and the locks of the period', () => {
    expect(belongsToRow(change({}), 'DV_HTT')).toBe(true);
    expect(belongsToRow(change({ code: 'KET_NAP' }), 'DV_HTT')).toBe(false);
    expect(belongsToRow(change({ type: 'lock', code: null }), 'DV_HTT')).toBe(true);
  });
});
