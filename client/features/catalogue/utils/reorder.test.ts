import { describe, expect, it } from 'vitest';
import { moveByOne } from './reorder';

const items = (...positions: number[]) => positions.map((position, i) => ({ id: `u${i}`, position }));
const key = (x: { id: string }) => x.id;

describe('moving one place up or down among siblings', () => {
  it('swaps the positions of the two neighbours: two writes', () => {
    expect(moveByOne(items(3, 7, 9), 1, -1, key)).toEqual([
      { key: 'u1', position: 3 },
      { key: 'u0', position: 7 },
    ]);
    expect(moveByOne(items(3, 7, 9), 1, 1, key)).toEqual([
      { key: 'u1', position: 9 },
      { key: 'u2', position: 7 },
    ]);
  });

  it('does nothing past either end', () => {
    expect(moveByOne(items(1, 2), 0, -1, key)).toEqual([]);
    expect(moveByOne(items(1, 2), 1, 1, key)).toEqual([]);
  });

  it('numbers the list afresh when the two share a position, writing only what changes', () => {
    // u1 and u2 both at 4 (one was moved here from another unit); u1 keeps its 4.
    expect(moveByOne(items(2, 4, 4, 9), 2, -1, key)).toEqual([
      { key: 'u2', position: 3 },
      { key: 'u3', position: 5 },
    ]);
  });
});
