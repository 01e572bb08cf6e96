import { describe, expect, it } from 'vitest';
import { kindsBelow, planBelow, unitsBelow } from './below';

const units = [
  { id: '1', parentId: null, name: 'Đảng bộ Trường', kind: 'dang_bo' },
  { id: '2', parentId: '1', name: 'Chi bộ Giảng viên', kind: 'chi_bo' },
  { id: '3', parentId: '1', name: 'Đoàn Thanh niên', kind: 'doan_the' },
  { id: '4', parentId: '1', name: 'Công đoàn', kind: 'doan_the' },
  { id: '5', parentId: '2', name: 'Tổ Lý luận', kind: 'don_vi' },
  { id: '6', parentId: null, name: 'Trường khác', kind: 'dang_bo' },
];

describe('the units below a committee', () => {
  it('at any depth, in the tree order, never the committee itself nor another tree', () => {
    expect(unitsBelow(units, '1').map((u) => u.id)).toEqual(['2', '5', '3', '4']);
    expect(kindsBelow(units, '1')).toEqual(['chi_bo', 'don_vi', 'doan_the']);
    expect(unitsBelow(units, '6')).toEqual([]);
  });
});

describe('who gets the target and who keeps their own', () => {
  const current = (id: string) => (id === '4' ? 'Vững mạnh tiêu biểu' : null);

  it('keeps a target a unit already has, unless replacing', () => {
    const below = unitsBelow(units, '1');
    const kept = planBelow(below, ['doan_the'], current, false);
    expect(kept.written.map((w) => w.unit.name)).toEqual(['Đoàn Thanh niên']);
    expect(kept.kept).toEqual([{ unit: units[3], display: 'Vững mạnh tiêu biểu' }]);
    const replaced = planBelow(below, ['doan_the'], current, true);
    expect(replaced.written.map((w) => [w.unit.name, w.replaces])).toEqual([
      ['Đoàn Thanh niên', null],
      ['Công đoàn', 'Vững mạnh tiêu biểu'],
    ]);
    expect(replaced.kept).toEqual([]);
  });

  it('counts only the kinds chosen', () => {
    expect(planBelow(unitsBelow(units, '1'), [], current, false)).toEqual({ written: [], kept: [] });
    expect(planBelow(unitsBelow(units, '1'), ['chi_bo'], current, false).written).toHaveLength(1);
  });
});
