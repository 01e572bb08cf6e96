import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProvince } from '../../scripts/province';
import { MEMORY_GROWTH_BOUND_MB, runSoak, type SoakFigures } from '../../scripts/soak-core';

// The short soak of issue 8: the real server, reads and writes mixed from several clients at
// once, on a small province (two committees per bloc). `npm run soak` is the long one, on the
// province of the benchmark (docs/reliability.md).

const PASSWORD = 'quan-tri-soak-2026';
const dir = mkdtempSync(join(tmpdir(), 'chitieu-soak-test-'));
let figures: SoakFigures;

beforeAll(async () => {
  const source = join(dir, 'province.db');
  await generateProvince(source, PASSWORD, { committeesPerBloc: 2 });
  figures = await runSoak({ source, password: PASSWORD, durationS: 12, clients: 6 });
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a short soak of the real server, reads and writes mixed', () => {
  it('answers every request, reads every kind, and writes', () => {
    expect(figures.errorExamples).toEqual([]);
    expect(figures.errors).toBe(0);
    expect(Object.keys(figures.kinds).length).toBeGreaterThanOrEqual(9);
    expect(figures.requests).toBeGreaterThan(500);
    expect(figures.writes).toBeGreaterThan(100);
  });

  it('shows every write at once, and keeps every one after the stop', () => {
    expect(figures.readBacks).toBe(figures.writes);
    expect(figures.readBackMismatches).toBe(0);
    expect(figures.lostWrites).toBe(0);
    expect(figures.integrity).toBe('ok');
  });

  it('does not grow in memory once warm', () => {
    expect(figures.memory.samples).toBeGreaterThan(10);
    expect(figures.memory.growthMB).toBeLessThan(MEMORY_GROWTH_BOUND_MB);
  });
});
