/** A new `position` for one item of a list. */
export interface PositionChange {
  key: string;
  position: number;
}

/**
 * The changes of `position` that move `items[index]` one place up (-1) or down (+1) among
 * `items` (siblings in their shown order, which is by position). Two different positions are
 * swapped: two writes. Equal ones (left by a move from another parent) cannot be swapped, so
 * the whole list is numbered afresh from its first position, writing only what changes.
 */
export function moveByOne<T extends { position: number }>(
  items: readonly T[],
  index: number,
  delta: -1 | 1,
  keyOf: (item: T) => string,
): PositionChange[] {
  const a = items[index];
  const b = items[index + delta];
  if (!a || !b) return [];
  if (a.position !== b.position)
    return [
      { key: keyOf(a), position: b.position },
      { key: keyOf(b), position: a.position },
    ];
  const order = [...items];
  order[index] = b;
  order[index + delta] = a;
  const base = Math.min(...items.map((i) => i.position));
  return order.flatMap((item, i) =>
    item.position === base + i ? [] : [{ key: keyOf(item), position: base + i }],
  );
}
