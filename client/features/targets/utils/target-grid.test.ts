import { describe, expect, it } from 'vitest';
import type { IndicatorDef } from '../../../../shared/indicator';
import { parsePeriod } from '../../../../shared/period';
import type { TargetDto } from '../../../../shared/schemas/values';
import {
  cellState,
  gridPeriods,
  inheritedTarget,
  isBlock,
  lockCloses,
  matchLevel,
  parseClipboardGrid,
  pasteBlock,
} from './target-grid';

const count: IndicatorDef = {
  code: 'KET_NAP',
  name: 'Số đảng viên mới được kết nạp',
  unitLabel: 'đảng viên',
  kind: 'count',
  direction: 'higher',
  timeAggregate: 'sum',
};
const level: IndicatorDef = {
  code: 'XL',
  name: 'Xếp loại',
  unitLabel: 'mức',
  kind: 'level',
  direction: 'higher',
  timeAggregate: 'last',
  levels: ['Khá', 'Vững mạnh', 'Vững mạnh tiêu biểu'],
};
const stored = (value: number | string, version = 3): TargetDto => ({
  unitId: '1',
  code: 'KET_NAP',
  period: '2026',
  value,
  display: String(value),
  version,
  updatedAt: '2026-01-01T00:00:00Z',
});

describe('the targets grid', () => {
  it('has the year, its halves and every term holding the year as columns', () => {
    expect(gridPeriods(2026).map((p) => p.code)).toEqual(['2026', '2026-H1', '2026-H2', 'NK2025-2030']);
    expect(gridPeriods(2025).map((p) => p.code)).toEqual([
      '2025',
      '2025-H1',
      '2025-H2',
      'NK2020-2025',
      'NK2025-2030',
    ]);
  });

  it('reads levels typed loosely as the scale spells them, and leaves the rest as typed', () => {
    expect(matchLevel(level.levels!, 'vung manh')).toBe('Vững mạnh');
    expect(matchLevel(level.levels!, 'VỮNG MẠNH TIÊU')).toBe('Vững mạnh tiêu biểu');
    expect(matchLevel(level.levels!, 'kh')).toBe('Khá');
    expect(matchLevel(level.levels!, 'xuất sắc')).toBe('xuất sắc');
  });

  it('tells a changed cell from an unchanged one by value, not by text', () => {
    expect(cellState(count, '2026', '1.500', stored(1500))).toEqual({ kind: 'same' });
    expect(cellState(count, '2026', '1.501', stored(1500))).toEqual({
      kind: 'changed',
      item: { code: 'KET_NAP', period: '2026', value: '1501', version: 3 },
    });
    expect(cellState(count, '2026', '4', null)).toEqual({
      kind: 'changed',
      item: { code: 'KET_NAP', period: '2026', value: '4', version: 0 },
    });
  });

  it('removes a stored target whose cell is emptied, and ignores an empty cell with nothing stored', () => {
    expect(cellState(count, '2026', '  ', stored(2, 5))).toEqual({
      kind: 'changed',
      item: { code: 'KET_NAP', period: '2026', remove: true, version: 5 },
    });
    expect(cellState(count, '2026', '', null)).toEqual({ kind: 'same' });
  });

  it('refuses what the server would refuse, in its words', () => {
    const s = cellState(count, '2026', '2,5', null);
    expect(s.kind).toBe('invalid');
    expect(s.kind === 'invalid' && s.message).toContain('số nguyên không âm');
    expect(cellState(level, '2026', 'Xuất sắc', null).kind).toBe('invalid');
    expect(cellState(level, '2026', 'vung manh', null)).toMatchObject({
      kind: 'changed',
      item: { value: 'Vững mạnh' },
    });
  });

  it('reads a block copied from a spreadsheet, and lays it over the grid from the chosen cell', () => {
    const text = '90\t92,5\r\n1.500\t\r\n';
    expect(isBlock(text)).toBe(true);
    expect(isBlock('90\n')).toBe(false);
    const block = parseClipboardGrid(text);
    expect(block).toEqual([
      ['90', '92,5'],
      ['1.500', ''],
    ]);
    const { writes, skipped } = pasteBlock(
      block,
      { row: 1, col: 1 },
      ['A', 'B', 'C'],
      ['2026', '2026-H1', '2026-H2'],
      (_r, c) => c !== 2,
    );
    expect([...writes]).toEqual([
      ['B|2026-H1', '90'],
      ['C|2026-H1', '1.500'],
    ]);
    expect(skipped).toBe(2);
  });

  it('knows which periods a lock closes', () => {
    expect(lockCloses('2025', '2025-H1')).toBe(true);
    expect(lockCloses('2025', '2025')).toBe(true);
    expect(lockCloses('2025-H1', '2025')).toBe(false);
    expect(lockCloses('2025', 'NK2020-2025')).toBe(false);
  });
});

describe('targets as a resolution writes them', () => {
  it('sends "tăng 10%" as a change, and nothing when the stored change is the same', () => {
    expect(cellState(count, '2026', 'tăng 10%', null)).toEqual({
      kind: 'changed',
      item: { code: 'KET_NAP', period: '2026', change: { percent: 10 }, version: 0 },
    });
    const relative = { ...stored(0), value: null, change: { percent: 10 } };
    expect(cellState(count, '2026', 'tang 10 %', relative)).toEqual({ kind: 'same' });
    // The same number typed as a value replaces the rule.
    expect(cellState(count, '2026', '0', relative)).toMatchObject({ kind: 'changed', item: { value: '0' } });
  });

  it('refuses a change on a level and on a term marked each year', () => {
    expect(cellState(level, '2026', 'tăng 1', null)).toMatchObject({ kind: 'invalid' });
    expect(cellState(count, 'NK2025-2030', 'tăng 10%', null, true)).toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('hằng năm'),
    });
  });

  it('sends eachYear on a term when it is ticked or unticked', () => {
    const term = { ...stored(90), period: 'NK2025-2030' };
    expect(cellState(count, 'NK2025-2030', '90', term, false)).toEqual({ kind: 'same' });
    expect(cellState(count, 'NK2025-2030', '90', term, true)).toEqual({
      kind: 'changed',
      item: { code: 'KET_NAP', period: 'NK2025-2030', value: '90', eachYear: true, version: 3 },
    });
    expect(cellState(count, 'NK2025-2030', '90', { ...term, eachYear: true }, true)).toEqual({
      kind: 'same',
    });
  });

  it("a year without its own target shows the term's yearly one, saying which term", () => {
    const periods = gridPeriods(2026);
    const year = parsePeriod('2026')!;
    const texts: Record<string, string> = { 'NK2025-2030': '90' };
    const inherited = inheritedTarget(
      count,
      year,
      periods,
      (p) => texts[p] ?? '',
      (p) => p === 'NK2025-2030',
    );
    expect(inherited?.text).toBe('90');
    expect(inherited?.term.code).toBe('NK2025-2030');
    expect(
      inheritedTarget(
        count,
        year,
        periods,
        (p) => texts[p] ?? '',
        () => false,
      ),
    ).toBeNull();
    expect(
      inheritedTarget(
        count,
        parsePeriod('2026-H1')!,
        periods,
        (p) => texts[p] ?? '',
        () => true,
      ),
    ).toBeNull();
  });
});
