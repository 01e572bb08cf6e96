import { isUnder } from '../../../../shared/rights';
import type { UnitDto } from '../../../../shared/schemas/units';

/** One unit of the tree drawn on the catalogue page, with the units under it. */
export interface UnitNode {
  unit: UnitDto;
  depth: number;
  children: UnitNode[];
}

/**
 * The units the user may manage, as a forest in the server's order (parents before children,
 * siblings by position). A unit whose parent is not managed heads a tree of its own.
 */
export function managedForest(units: readonly UnitDto[], canManage: (id: string) => boolean): UnitNode[] {
  const nodes = new Map<string, UnitNode>();
  const roots: UnitNode[] = [];
  for (const unit of units) {
    if (!canManage(unit.id)) continue;
    const parent = unit.parentId === null ? undefined : nodes.get(unit.parentId);
    const node: UnitNode = { unit, depth: parent ? parent.depth + 1 : 0, children: [] };
    nodes.set(unit.id, node);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** Every node of the forest, in the order it is drawn. */
export function flatten(forest: readonly UnitNode[]): UnitNode[] {
  return forest.flatMap((n) => [n, ...flatten(n.children)]);
}

/**
 * Where `unit` may be moved: every managed unit outside its own subtree, in the tree's order
 * (its present parent included, to show where it is now).
 */
export function allowedParents(
  all: readonly UnitDto[],
  forest: readonly UnitNode[],
  unit: UnitDto,
): UnitNode[] {
  const parents = new Map(all.map((u) => [u.id, u.parentId]));
  const parentOf = (id: string) => parents.get(id);
  return flatten(forest).filter((n) => !isUnder(parentOf, unit.id, n.unit.id));
}

/** How many units each tree of the forest holds from each node down, the node included. */
export function subtreeSizes(forest: readonly UnitNode[]): Map<string, number> {
  const sizes = new Map<string, number>();
  const walk = (n: UnitNode): number => {
    const size = 1 + n.children.reduce((sum, c) => sum + walk(c), 0);
    sizes.set(n.unit.id, size);
    return size;
  };
  for (const root of forest) walk(root);
  return sizes;
}
