import { describe, expect, it } from 'vitest';
import type { UnitDto } from '../../../../shared/schemas/units';
import { allowedParents, flatten, managedForest, subtreeSizes } from './managed-tree';

const unit = (id: string, parentId: string | null, position: number): UnitDto => ({
  id,
  parentId,
  name: `Đơn vị ${id}`,
  kind: 'chi_bo',
  position,
});

// 1 ─┬─ 2 ─── 4
//    └─ 3
const units = [unit('1', null, 1), unit('2', '1', 2), unit('4', '2', 4), unit('3', '1', 3)];

describe('the tree of the units one manages', () => {
  it('keeps the server order and nests children under their parent', () => {
    const forest = managedForest(units, () => true);
    expect(flatten(forest).map((n) => [n.unit.id, n.depth])).toEqual([
      ['1', 0],
      ['2', 1],
      ['4', 2],
      ['3', 1],
    ]);
  });

  it('starts a tree at each managed unit whose parent is not managed', () => {
    const forest = managedForest(units, (id) => id !== '1');
    expect(forest.map((n) => n.unit.id)).toEqual(['2', '3']);
    expect(flatten(forest).map((n) => n.depth)).toEqual([0, 1, 0]);
  });

  it('offers as new parents every managed unit outside the moved unit and its subtree', () => {
    const forest = managedForest(units, () => true);
    expect(allowedParents(units, forest, units[1]!).map((n) => n.unit.id)).toEqual(['1', '3']);
    expect(allowedParents(units, forest, units[2]!).map((n) => n.unit.id)).toEqual(['1', '2', '3']);
  });

  it('counts each subtree, the unit itself included', () => {
    const sizes = subtreeSizes(managedForest(units, () => true));
    expect(Object.fromEntries(sizes)).toEqual({ '1': 4, '2': 2, '4': 1, '3': 1 });
  });
});
