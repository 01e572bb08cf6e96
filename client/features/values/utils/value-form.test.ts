import { describe, expect, it } from 'vitest';
import type { IndicatorDef } from '../../../../shared/indicator';
import type { ResultDto, TargetDto } from '../../../../shared/schemas/values';
import {
  checkResult,
  checkTarget,
  formFromStored,
  planSave,
  previewOf,
  type ValueFormState,
} from './value-form';

const ratio: IndicatorDef = {
  code: 'DV_HTT',
  name: 'Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên',
  unitLabel: '%',
  kind: 'ratio',
  direction: 'higher',
  timeAggregate: 'none',
};
const count: IndicatorDef = {
  ...ratio,
  code: 'TUYEN_SINH',
  name: 'Tuyển sinh',
  unitLabel: 'người',
  kind: 'count',
};
const percent: IndicatorDef = { ...ratio, code: 'KH', name: 'Kế hoạch đào tạo', kind: 'percent' };
const level: IndicatorDef = {
  ...ratio,
  code: 'XL',
  name: 'Xếp loại',
  unitLabel: 'mức',
  kind: 'level',
  levels: ['Trung bình', 'Khá', 'Vững mạnh'],
};

const empty: ValueFormState = { target: '', value: '', numerator: '', denominator: '', note: '' };
const target = (value: number | string, version = 3): TargetDto => ({
  unitId: '2',
  code: 'X',
  period: '2026',
  value,
  display: String(value),
  version,
  updatedAt: '2026-01-01T00:00:00.000Z',
});
const result = (extra: Partial<ResultDto>): ResultDto => ({
  unitId: '2',
  code: 'X',
  period: '2026',
  value: 0,
  note: null,
  display: '',
  version: 5,
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});
const all = { plan: true, report: true };

describe('the value editor checks', () => {
  it('reads a Vietnamese decimal comma and quotes a refusal as it was typed', () => {
    expect(checkTarget(percent, '103,5')).toMatchObject({ kind: 'ok', send: { value: '103.5' } });
    expect(checkTarget(count, '1.500')).toMatchObject({ kind: 'ok', send: { value: '1500' } });
    const refused = checkTarget(count, '1,5');
    expect(refused).toMatchObject({ kind: 'invalid', field: 'target' });
    if (refused.kind === 'invalid') expect(refused.message).toContain('"1,5"');
    expect(checkTarget(ratio, '101')).toMatchObject({ kind: 'invalid' });
    expect(checkTarget(level, 'Khá')).toMatchObject({ kind: 'ok', send: { value: 'Khá' } });
  });

  it('takes a ratio as whole numerator and denominator, no larger than it', () => {
    expect(checkResult(ratio, { ...empty, numerator: '13', denominator: '14' })).toMatchObject({
      kind: 'ok',
      send: { numerator: 13, denominator: 14 },
    });
    expect(checkResult(ratio, { ...empty, numerator: '15', denominator: '14' })).toMatchObject({
      kind: 'invalid',
      field: 'numerator',
    });
    expect(checkResult(ratio, { ...empty, numerator: '3' })).toMatchObject({
      kind: 'invalid',
      field: 'denominator',
    });
    expect(checkResult(ratio, empty)).toEqual({ kind: 'empty' });
  });

  it('sends only what changed, with the version it was read at', () => {
    const stored = { target: target(90), result: result({ value: 85.71, numerator: 12, denominator: 14 }) };
    const form = formFromStored(ratio, stored);
    expect(form).toMatchObject({ target: '90', numerator: '12', denominator: '14' });
    expect(planSave(ratio, form, stored, all)).toEqual({ target: null, result: null, problems: [] });

    const changed = planSave(ratio, { ...form, numerator: '13' }, stored, all);
    expect(changed.target).toBeNull();
    expect(changed.result).toEqual({ send: { numerator: 13, denominator: 14, note: '' }, version: 5 });

    const noted = planSave(ratio, { ...form, note: ' Biên bản số 5 ' }, stored, all);
    expect(noted.result?.send).toMatchObject({ note: 'Biên bản số 5' });

    const planned = planSave(ratio, { ...form, target: '95' }, stored, all);
    expect(planned.target).toEqual({ send: { value: '95' }, version: 3 });
    expect(planned.result).toBeNull();
  });

  it('never sends a target for a reporter, and refuses an emptied result', () => {
    const stored = { target: target(90), result: result({ value: 85.71, numerator: 12, denominator: 14 }) };
    const form = { ...formFromStored(ratio, stored), target: '95' };
    expect(planSave(ratio, form, stored, { plan: false, report: true }).target).toBeNull();
    const cleared = planSave(ratio, { ...form, numerator: '', denominator: '' }, stored, all);
    expect(cleared.problems[0]?.message).toContain('Xóa kết quả');
  });

  it('previews the status and achievement the dashboard will show', () => {
    const stored = { target: target(90), result: null };
    const p = previewOf(
      ratio,
      { ...empty, target: '90', numerator: '13', denominator: '14' },
      stored,
      null,
      true,
      all,
    );
    expect(p.status).toBe('exceeded');
    expect(p.achievementX100).toBe(10318);
    const low = previewOf(
      ratio,
      { ...empty, target: '90', numerator: '10', denominator: '14' },
      stored,
      null,
      true,
      all,
    );
    expect(low.status).toBe('not_yet');
    const closed = previewOf(
      ratio,
      { ...empty, target: '90', numerator: '10', denominator: '14' },
      stored,
      null,
      false,
      all,
    );
    expect(closed.status).toBe('missed');
    expect(previewOf(ratio, empty, stored, null, true, { plan: false, report: true }).status).toBe('no_data');
  });
});
