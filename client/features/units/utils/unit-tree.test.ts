import { describe, expect, it } from 'vitest';
import type { UnitDto } from '../../../../shared/schemas/units';
import { ancestorNames, depths, filterTree, rootUnits } from './unit-tree';

const unit = (id: string, parentId: string | null, name: string): UnitDto => ({
  id,
  parentId,
  name,
  kind: 'chi_bo',
  position: Number(id),
});

// What a user granted on two chi bộ of one Đảng bộ reads: the Đảng bộ (1) is not listed.
const forest = [
  unit('2', '1', 'Chi bộ Khoa Khoa học Tự nhiên'),
  unit('4', '2', 'Tổ bộ môn Toán'),
  unit('3', '1', 'Chi bộ Phòng Đào tạo'),
];

describe('the unit tree of a filtered list', () => {
  it('takes a unit whose parent is not listed for a root', () => {
    expect(rootUnits(forest).map((u) => u.id)).toEqual(['2', '3']);
    expect(rootUnits([unit('1', null, 'Đảng bộ'), ...forest]).map((u) => u.id)).toEqual(['1']);
  });

  it('counts depths from those roots', () => {
    expect(Object.fromEntries(depths(forest))).toEqual({ '2': 0, '4': 1, '3': 0 });
  });

  it('keeps matches with their listed ancestors, and stops at the roots', () => {
    expect(filterTree(forest, 'toan').map((i) => [i.unit.id, i.depth, i.matches])).toEqual([
      ['2', 0, false],
      ['4', 1, true],
    ]);
    expect(ancestorNames(forest, '4')).toEqual(['Chi bộ Khoa Khoa học Tự nhiên']);
    expect(ancestorNames(forest, '2')).toEqual([]);
  });
});
