import { describe, expect, it } from 'vitest';
import type { IndicatorDto } from '../../../../shared/schemas/indicators';
import {
  checkDraft,
  draftOf,
  emptyDraft,
  fieldOfRefusal,
  newLevel,
  patchFor,
  withKind,
} from './indicator-form';

const ratio: IndicatorDto = {
  code: 'DV_HTT',
  name: 'Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên',
  unitLabel: '%',
  kind: 'ratio',
  direction: 'higher',
  timeAggregate: 'none',
  memberRating: 'good_or_better',
  position: 1,
  archived: false,
};

const level: IndicatorDto = {
  code: 'XL_CB',
  name: 'Xếp loại chi bộ',
  unitLabel: 'mức',
  kind: 'level',
  direction: 'higher',
  timeAggregate: 'last',
  levels: ['Hoàn thành nhiệm vụ', 'Hoàn thành tốt nhiệm vụ'],
  position: 2,
  archived: false,
};

describe('checking a new indicator with the server schema', () => {
  it('names the field at fault with its Vietnamese message', () => {
    const result = checkDraft({ ...emptyDraft(), code: 'ab', name: 'Số đề tài', unitLabel: 'đề tài' });
    expect(result).toEqual({
      problem: {
        field: 'code',
        index: undefined,
        message: 'Mã chỉ tiêu gồm 2 đến 40 ký tự in hoa không dấu, chữ số hoặc dấu gạch dưới (ví dụ DV_HTT).',
      },
    });
  });

  it('sends levels only for a scale, and points at the empty level', () => {
    const draft = withKind({ ...emptyDraft(), code: 'XL', name: 'Xếp loại', unitLabel: 'mức' }, 'level');
    expect(draft.levels).toHaveLength(2);
    draft.levels[0]!.text = 'Khá';
    expect(checkDraft(draft)).toMatchObject({ problem: { field: 'levels', index: 1 } });
    draft.levels[1]!.text = 'Tốt';
    expect(checkDraft(draft)).toMatchObject({ body: { levels: ['Khá', 'Tốt'] } });
    expect(checkDraft(withKind(draft, 'count'))).toMatchObject({ body: { kind: 'count' } });
    expect(checkDraft(withKind(draft, 'count'))).not.toHaveProperty('body.levels');
  });

  it('a scale cannot be summed over periods: choosing level leaves "sum"', () => {
    expect(withKind({ ...emptyDraft(), timeAggregate: 'sum' }, 'level').timeAggregate).toBe('none');
  });
});

describe('what an edit sends', () => {
  it('nothing when nothing changed', () => {
    expect(patchFor(ratio, draftOf(ratio))).toEqual({ body: null });
    expect(patchFor(level, draftOf(level))).toEqual({ body: null });
  });

  it('only the changed fields', () => {
    expect(patchFor(ratio, { ...draftOf(ratio), name: 'Tỷ lệ mới', memberRating: '' })).toEqual({
      body: { name: 'Tỷ lệ mới', memberRating: null },
    });
  });

  it('drops the member-rating binding when the kind is no longer a ratio', () => {
    expect(patchFor(ratio, withKind(draftOf(ratio), 'percent'))).toEqual({
      body: { kind: 'percent', memberRating: null },
    });
  });

  it('the whole scale, in its new order, when a level moved', () => {
    const draft = draftOf(level);
    draft.levels = [draft.levels[1]!, draft.levels[0]!, newLevel('Hoàn thành xuất sắc nhiệm vụ')];
    expect(patchFor(level, draft)).toEqual({
      body: { levels: ['Hoàn thành tốt nhiệm vụ', 'Hoàn thành nhiệm vụ', 'Hoàn thành xuất sắc nhiệm vụ'] },
    });
  });
});

describe('where a refusal of the server is shown', () => {
  it('beside the kind when the indicator is in use, beside the field it names otherwise', () => {
    expect(fieldOfRefusal('indicator_in_use', undefined)).toBe('kind');
    expect(fieldOfRefusal('level_in_use', undefined)).toBe('levels');
    expect(fieldOfRefusal('member_rating_taken', 'memberRating')).toBe('memberRating');
    expect(fieldOfRefusal('indicator_exists', 'code')).toBe('code');
    expect(fieldOfRefusal('forbidden', undefined)).toBeUndefined();
  });
});

describe('where an indicator applies, and a count of the units below', () => {
  const count = { ...emptyDraft(), code: 'CB_HTT', name: 'Số chi bộ HTTNV trở lên', unitLabel: 'chi bộ' };
  const rule = { indicator: 'XL_CB', atLeast: 'Hoàn thành tốt nhiệm vụ', kinds: ['chi_bo'] };

  it('no kind ticked sends no appliesTo: every kind', () => {
    expect(checkDraft(count)).not.toHaveProperty('body.appliesTo');
    expect(checkDraft({ ...count, appliesTo: ['dang_bo'] })).toMatchObject({
      body: { appliesTo: ['dang_bo'] },
    });
  });

  it('sends derived.countUnits only when switched on, and only for a count or a ratio', () => {
    const on = { ...count, derived: { on: true, ...rule } };
    expect(checkDraft(on)).toMatchObject({ body: { derived: { countUnits: rule } } });
    expect(checkDraft({ ...on, derived: { ...on.derived, on: false } })).not.toHaveProperty('body.derived');
    expect(checkDraft(withKind({ ...on }, 'percent'))).not.toHaveProperty('body.derived');
  });

  it('a derived rule without kinds is refused on the derived field', () => {
    const on = { ...count, derived: { on: true, ...rule, kinds: [] } };
    expect(checkDraft(on)).toMatchObject({ problem: { field: 'derived' } });
  });

  it('an edit sends appliesTo null when every kind is ticked off, and derived null when switched off', () => {
    const applied: IndicatorDto = { ...ratio, appliesTo: ['chi_bo', 'dang_bo'] };
    expect(patchFor(applied, { ...draftOf(applied), appliesTo: [] })).toEqual({ body: { appliesTo: null } });
    const derived: IndicatorDto = {
      ...level,
      code: 'CB',
      kind: 'count',
      levels: undefined,
      derived: { countUnits: rule },
    };
    expect(patchFor(derived, draftOf(derived))).toEqual({ body: null });
    const off = draftOf(derived);
    off.derived.on = false;
    expect(patchFor(derived, off)).toEqual({ body: { derived: null } });
  });
});
