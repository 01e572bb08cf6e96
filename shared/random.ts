// Seeded random numbers, the same on every machine: the demo's figures, the province
// generator's data and the crash test's choices (CRASH_SEED replays a run) come from here.

/** mulberry32: small, fast and the same on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
