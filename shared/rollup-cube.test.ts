import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IndicatorDef } from './indicator';
import { type Period, parsePeriod } from './period';
import { Rollup } from './rollup';
import { type CubeEntry, cubeTree, RollupCubes, relevantUnits } from './rollup-cube';
import type { Value } from './value';

// The cubes must say exactly what the reference roll-up (rollup.ts, the rules as docs/rules.md
// words them) says, for every unit, indicator and period, on random trees and random data,
// and still after any sequence of writes.

const PERIODS = [
  'NK2020-2025',
  '2024',
  '2024-H1',
  '2024-H2',
  '2024-Q1',
  '2024-Q2',
  '2024-Q3',
  '2024-Q4',
  '2025',
  '2025-H1',
  '2025-H2',
  '2023',
  'NH2023-2024',
];
const P = (c: string) => parsePeriod(c)!;
const LEVELS = ['Khá', 'Tốt', 'Xuất sắc'];

// Unit kinds, and the kinds an indicator may apply to: coverage counts only the units concerned.
const KINDS = ['chi_bo', 'doan_the', 'dang_bo'];

const indicatorArb: fc.Arbitrary<IndicatorDef> = fc
  .record({
    kind: fc.constantFrom('count', 'percent', 'ratio', 'level') as fc.Arbitrary<IndicatorDef['kind']>,
    timeAggregate: fc.constantFrom('sum', 'last', 'none') as fc.Arbitrary<IndicatorDef['timeAggregate']>,
    appliesTo: fc.option(fc.subarray(KINDS, { minLength: 1 }), { nil: undefined }),
  })
  .map(({ kind, timeAggregate, appliesTo }) => ({
    code: 'I',
    name: 'X',
    unitLabel: '',
    kind,
    direction: 'higher' as const,
    timeAggregate: kind === 'level' && timeAggregate === 'sum' ? 'last' : timeAggregate,
    ...(kind === 'level' ? { levels: LEVELS } : {}),
    ...(appliesTo ? { appliesTo } : {}),
  }));

function valueArb(ind: IndicatorDef): fc.Arbitrary<Value> {
  switch (ind.kind) {
    case 'ratio':
      return fc
        .tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 60 }))
        .map(([d, n]) => ({ type: 'ratio', numerator: Math.min(n, d), denominator: d }));
    case 'level':
      return fc.constantFrom(...LEVELS).map((level) => ({ type: 'level', level }));
    default:
      return fc.integer({ min: 0, max: 100_000 }).map((x100) => ({ type: 'number', x100 }));
  }
}

interface World {
  parents: number[];
  kinds: string[];
  indicators: IndicatorDef[];
  entered: Map<string, Value>;
}

const key = (u: number, j: number, p: string) => `${u}|${j}|${p}`;

const worldArb: fc.Arbitrary<World> = fc
  .record({
    // Unit i's parent is one of the units before it, or none (several roots).
    parents: fc
      .integer({ min: 1, max: 14 })
      .chain((n) =>
        fc.tuple(
          ...Array.from({ length: n }, (_, i) =>
            i === 0 ? fc.constant(-1) : fc.integer({ min: -1, max: i - 1 }),
          ),
        ),
      ),
    indicators: fc
      .array(indicatorArb, { minLength: 1, maxLength: 4 })
      .map((inds) => inds.map((ind, i) => ({ ...ind, code: `I${i}` }))),
  })
  .chain(({ parents, indicators }) =>
    fc
      .tuple(fc.array(fc.constantFrom(...KINDS), { minLength: parents.length, maxLength: parents.length }))
      .map(([kinds]) => ({ parents, indicators, kinds })),
  )
  .chain(({ parents, indicators, kinds }) =>
    fc
      .array(
        fc.tuple(
          fc.integer({ min: 0, max: parents.length - 1 }),
          fc.integer({ min: 0, max: indicators.length - 1 }),
          fc.constantFrom(...PERIODS),
        ),
        { maxLength: 40 },
      )
      .chain((slots) =>
        fc.tuple(...slots.map(([, j]) => valueArb(indicators[j]!))).map((values) => {
          const entered = new Map<string, Value>();
          for (const [i, [u, j, p]] of slots.entries()) entered.set(key(u, j, p), values[i]!);
          return { parents: [...parents], kinds, indicators, entered };
        }),
      ),
  );

function reference(w: World) {
  const tree = cubeTree(w.parents);
  // A unit concerns an indicator when it or a unit below it is of a kind it applies to.
  const memo = new Map<string, boolean>();
  const concerns = (u: number, kinds: string[]): boolean => {
    const k = `${u}|${kinds.join()}`;
    let known = memo.get(k);
    if (known === undefined) {
      known = kinds.includes(w.kinds[u]!) || Array.from(tree.children[u]!).some((c) => concerns(c, kinds));
      memo.set(k, known);
    }
    return known;
  };
  return new Rollup({
    children: (u) => Array.from(tree.children[u]!),
    entered: (u, code, p) => w.entered.get(key(u, Number(code.slice(1)), p)),
    counted: (u, ind) => !ind.appliesTo || concerns(u, ind.appliesTo),
  });
}

function cubesOf(w: World) {
  const tree = cubeTree(w.parents);
  const counted = w.indicators.map((ind) =>
    ind.appliesTo ? relevantUnits(tree, w.kinds, ind.appliesTo) : null,
  );
  return new RollupCubes(
    tree,
    w.indicators,
    (period: Period) => {
      const out: CubeEntry[] = [];
      for (const [k, value] of w.entered) {
        const [u, j, p] = k.split('|');
        if (p === period.code) out.push({ unit: Number(u), indicator: Number(j), value });
      }
      return out;
    },
    counted,
  );
}

function expectSame(w: World, cubes: RollupCubes) {
  const ref = reference(w);
  for (let u = 0; u < w.parents.length; u++)
    w.indicators.forEach((ind, j) => {
      for (const code of PERIODS) {
        const where = `unit ${u}, ${ind.kind}/${ind.timeAggregate}, ${code}`;
        expect(cubes.result(u, j, P(code)), where).toEqual(ref.result(u, ind, P(code)));
        expect(cubes.fromUnits(u, j, P(code)), where).toEqual(ref.fromUnits(u, ind, P(code)));
      }
    });
}

describe('the roll-up of a whole tree in cubes', () => {
  it('gives every unit, indicator and period the result the rules give', () => {
    fc.assert(
      fc.property(worldArb, (w) => expectSame(w, cubesOf(w))),
      { numRuns: 300 },
    );
  }, 30_000);

  it('stays equal to the rules after any sequence of writes and removals', () => {
    fc.assert(
      fc.property(
        worldArb.chain((w) =>
          fc.tuple(
            fc.constant(w),
            fc.array(
              fc
                .tuple(
                  fc.integer({ min: 0, max: w.parents.length - 1 }),
                  fc.integer({ min: 0, max: w.indicators.length - 1 }),
                  fc.constantFrom(...PERIODS),
                  fc.boolean(),
                )
                .chain(([u, j, p, remove]) =>
                  (remove ? fc.constant(null) : valueArb(w.indicators[j]!)).map((v) => [u, j, p, v] as const),
                ),
              { maxLength: 12 },
            ),
          ),
        ),
        ([w, writes]) => {
          const cubes = cubesOf(w);
          // Load a few periods first, as reads would, so that writes meet loaded cubes.
          cubes.cube(P('NK2020-2025'));
          cubes.cube(P('NH2023-2024'));
          for (const [u, j, p, v] of writes) {
            if (v) w.entered.set(key(u, j, p), v);
            else w.entered.delete(key(u, j, p));
            cubes.setEntered(u, j, p, v);
          }
          expectSame(w, cubes);
        },
      ),
      { numRuns: 300 },
    );
  }, 30_000);

  it('keeps no arrays for a period where nothing was entered', () => {
    const cubes = new RollupCubes(
      cubeTree([-1, 0]),
      [{ code: 'I0', name: 'X', unitLabel: '', kind: 'count', direction: 'higher', timeAggregate: 'sum' }],
      () => [],
    );
    expect(cubes.cube(P('2024')).a.length).toBe(0);
    expect(cubes.result(0, 0, P('2024'))).toBeNull();
  });
});
