import { describe, expect, it } from 'vitest';
import {
  addBelow,
  belowOf,
  checkLines,
  draftFrom,
  isDirty,
  lineChanged,
  moveLine,
  newLine,
  previewStatus,
  problemAt,
  toggleCode,
} from './lines-draft';

const stored = [
  { text: 'Có 90% đảng viên xếp loại hoàn thành tốt nhiệm vụ trở lên', codes: ['DV_HTT', 'DV_HTXS'] },
  { text: 'Kết nạp 02 đảng viên mới', codes: ['KET_NAP'] },
];

describe('the list being written', () => {
  it('is not changed by spaces at the ends of a text, which the server trims', () => {
    const draft = draftFrom(stored).map((l) => ({ ...l, text: ` ${l.text}  ` }));
    expect(isDirty(draft, stored)).toBe(false);
    expect(lineChanged(draft[0]!, stored)).toBe(false);
  });

  it('is changed by a move, and the moved line itself is not', () => {
    const draft = moveLine(draftFrom(stored), 1, -1);
    expect(draft.map((l) => l.codes[0])).toEqual(['KET_NAP', 'DV_HTT']);
    expect(isDirty(draft, stored)).toBe(true);
    expect(draft.some((l) => lineChanged(l, stored))).toBe(false);
  });

  it('does not move the first line up or the last line down', () => {
    const draft = draftFrom(stored);
    expect(moveLine(draft, 0, -1)).toEqual(draft);
    expect(moveLine(draft, 1, 1)).toEqual(draft);
  });

  it('marks an added line and a rebound line as changed', () => {
    const draft = draftFrom(stored);
    draft[1] = { ...draft[1]!, codes: toggleCode(draft[1]!.codes, 'GV_GIOI', true) };
    expect(draft[1].codes).toEqual(['KET_NAP', 'GV_GIOI']);
    expect(lineChanged(draft[1], stored)).toBe(true);
    expect(lineChanged(newLine(), stored)).toBe(true);
    expect(toggleCode(['A1', 'B2'], 'A1', false)).toEqual(['B2']);
  });
});

describe('checking before sending', () => {
  it('sends trimmed texts and the version read', () => {
    const draft = draftFrom(stored).map((l) => ({ ...l, text: `${l.text} ` }));
    expect(checkLines(draft, 3)).toEqual({ ok: true, body: { lines: stored, version: 3 } });
  });

  it('names the line and field at fault, in Vietnamese', () => {
    const draft = [...draftFrom(stored), { ...newLine(), text: '   ' }];
    const checked = checkLines(draft, 0);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems).toEqual([
      { index: 2, field: 'text', message: 'Nội dung chỉ tiêu chủ yếu không được để trống.' },
      { index: 2, field: 'codes', message: 'Mỗi chỉ tiêu chủ yếu phải gắn với ít nhất một chỉ tiêu.' },
    ]);
  });

  it('reads the field the server names', () => {
    expect(problemAt('lines.2.codes.0')).toEqual({ index: 2, field: 'codes' });
    expect(problemAt('lines.0.text')).toEqual({ index: 0, field: 'text' });
    expect(problemAt('version')).toEqual({ index: null, field: null });
    expect(problemAt(undefined)).toEqual({ index: null, field: null });
  });
});

describe('the status a line will get', () => {
  it('is Vượt for 100% against 90% with 20% against 20%, as the 2021 report says', () => {
    expect(previewStatus([{ status: 'exceeded' }, { status: 'met' }])).toBe('exceeded');
  });

  it('is Chưa có số liệu while a part has no target or no result', () => {
    expect(previewStatus([{ status: 'exceeded' }, { status: 'no_target' }])).toBe('no_data');
    expect(previewStatus([])).toBe('no_data');
  });
});

describe('parts at the units below', () => {
  const line = {
    text: 'Lãnh đạo các đoàn thể đạt vững mạnh',
    codes: [],
    parts: [{ code: 'XL_DOAN_THE', below: ['doan_the'] }],
  };

  it('are read from a line as sent or as judged, and sent back as parts', () => {
    expect(belowOf(line)).toEqual([{ code: 'XL_DOAN_THE', below: ['doan_the'] }]);
    const judged = {
      text: line.text,
      codes: [],
      parts: [{ indicator: { code: 'XL_DOAN_THE' }, below: ['doan_the'] }],
    };
    expect(belowOf(judged)).toEqual([{ code: 'XL_DOAN_THE', below: ['doan_the'] }]);
    const draft = draftFrom([judged]);
    expect(isDirty(draft, [line])).toBe(false);
    expect(checkLines(draft, 1)).toEqual({ ok: true, body: { lines: [line], version: 1 } });
  });

  it('count as bound: a line with only a part below is whole, and adding the same part twice adds it once', () => {
    const draft = [
      { ...newLine(), text: 'Các đoàn thể vững mạnh', below: [{ code: 'XL_DOAN_THE', below: ['doan_the'] }] },
    ];
    expect(checkLines(draft, 0).ok).toBe(true);
    expect(addBelow(draft[0]!.below, { code: 'XL_DOAN_THE', below: ['doan_the'] })).toHaveLength(1);
    expect(isDirty([{ ...draft[0]!, below: [] }], [line])).toBe(true);
  });
});
