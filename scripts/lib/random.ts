// Seeded random numbers for the scripts: the generator itself is shared/random.ts (the demo
// uses it too); here, the helpers the province generator draws with.

import { prng } from '../../shared/random';

export { prng };

export type Rand = () => number;
export const int = (rand: Rand, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
export const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
