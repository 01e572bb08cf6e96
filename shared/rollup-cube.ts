import type { IndicatorDef } from './indicator';
import { contains, directChildren, type Period, parsePeriod } from './period';
import type { Coverage, Rolled, Source } from './rollup';
import type { Value } from './value';

// docs/rules.md, "Roll-up", for a whole tree at once: every unit's result for every indicator and
// period, kept in flat arrays ("cubes", one per period) and kept current write by write.
// The rules are those of rollup.ts, applied bottom-up over the tree instead of by recursion
// from one unit: entered, else what the child units add up to (count: sum; ratio: sums of
// numerators and denominators), else what the periods inside add up to (timeAggregate sum)
// or the latest of them (last), else none. rollup-cube.test.ts checks the two agree on
// random trees.
//
// Why: a province's root has thousands of units below it. Reading its dashboard by recursion
// reads every result below; here a read is an array lookup, and a write recomputes only the
// written unit and the units above it, in the written period and the periods holding it.

/** The organisation as dense indices: unit i's parent, children, and an order parents-first. */
export interface CubeTree {
  size: number;
  parent: Int32Array;
  children: Int32Array[];
  /** Every unit, each after its parent (a breadth-first walk from the roots). */
  topDown: Int32Array;
}

export function cubeTree(parents: readonly number[]): CubeTree {
  const size = parents.length;
  const kids: number[][] = Array.from({ length: size }, () => []);
  const roots: number[] = [];
  for (const [i, p] of parents.entries()) {
    if (p < 0) roots.push(i);
    else kids[p]!.push(i);
  }
  const order: number[] = [...roots];
  for (let k = 0; k < order.length; k++) order.push(...kids[order[k]!]!);
  if (order.length !== size) throw new Error('cubeTree: the parents do not form a tree');
  return {
    size,
    parent: Int32Array.from(parents),
    children: kids.map((k) => Int32Array.from(k)),
    topDown: Int32Array.from(order),
  };
}

const HAS = 1;
const SOURCE_SHIFT = 1; // bits 1–2: 1 entered, 2 units, 3 periods
const SOURCES: Source[] = ['entered', 'units', 'periods'];
const sourceBits = (s: Source) => (SOURCES.indexOf(s) + 1) << SOURCE_SHIFT;

/** One period: for every unit × indicator slot, the rolled result and what the units add up to. */
export class PeriodCube {
  /** Hundredths for a number, the numerator for a ratio, the position on the scale for a level. */
  readonly a: Float64Array;
  /** The denominator of a ratio. */
  readonly b: Float64Array;
  readonly flags: Uint8Array;
  /** What the child units add up to, whatever the unit entered itself; `reported` 0 is none. */
  readonly ua: Float64Array;
  readonly ub: Float64Array;
  readonly reported: Int32Array;

  constructor(
    readonly period: Period,
    size: number,
  ) {
    this.a = new Float64Array(size);
    this.b = new Float64Array(size);
    this.flags = new Uint8Array(size);
    this.ua = new Float64Array(size);
    this.ub = new Float64Array(size);
    this.reported = new Int32Array(size);
  }
}

/** One entered result: the unit's and indicator's indices, and the value. */
export interface CubeEntry {
  unit: number;
  indicator: number;
  value: Value;
}

const combinesAcrossUnits = (ind: IndicatorDef) => ind.kind === 'count' || ind.kind === 'ratio';

export class RollupCubes {
  private readonly cubes = new Map<string, PeriodCube>();
  private readonly m: number;

  /**
   * @param load the entered results of one period (all units, all indicators), read when the
   *   period is first needed.
   * @param counted per indicator, the units a coverage counts (1): those it applies to or that
   *   hold such units below (relevantUnits); null or absent: every unit.
   */
  constructor(
    readonly tree: CubeTree,
    readonly indicators: readonly IndicatorDef[],
    private readonly load: (period: Period) => Iterable<CubeEntry>,
    private readonly counted: readonly (Uint8Array | null)[] = [],
  ) {
    this.m = indicators.length;
  }

  /** The periods whose cubes are in memory. */
  get loaded(): string[] {
    return [...this.cubes.keys()];
  }

  /** The bytes their arrays hold. */
  get bytes(): number {
    let n = 0;
    for (const c of this.cubes.values())
      n +=
        c.a.byteLength +
        c.b.byteLength +
        c.flags.byteLength +
        c.ua.byteLength +
        c.ub.byteLength +
        c.reported.byteLength;
    return n;
  }

  /** The cube of `period`, computed (with every period inside it) when first asked for. */
  cube(period: Period): PeriodCube {
    const known = this.cubes.get(period.code);
    if (known) return known;
    const inside = directChildren(period).map((p) => this.cube(p));
    // The arrays are made on the first entry: a period with nothing entered in it nor in any
    // shorter period (quarters, often) keeps none; a read of it finds nothing, as an absent
    // slot would.
    let cube: PeriodCube | null = null;
    for (const e of this.load(period)) {
      cube ??= new PeriodCube(period, this.tree.size * this.m);
      this.put(cube, e.unit * this.m + e.indicator, e.value, 'entered');
    }
    if (!cube) {
      cube = new PeriodCube(period, inside.every((c) => c.a.length === 0) ? 0 : this.tree.size * this.m);
      if (cube.a.length === 0) {
        this.cubes.set(period.code, cube);
        return cube;
      }
    }
    for (let j = 0; j < this.m; j++) {
      const ind = this.indicators[j]!;
      const order = this.tree.topDown;
      for (let k = order.length - 1; k >= 0; k--) this.settle(cube, inside, order[k]!, j, ind);
    }
    this.cubes.set(period.code, cube);
    return cube;
  }

  /** The result of unit `u` for indicator `j` in `period`, by the three rules; null if none. */
  result(u: number, j: number, period: Period): Rolled | null {
    const cube = this.cube(period);
    const s = u * this.m + j;
    const f = cube.flags[s]!;
    if (!(f & HAS)) return null;
    const source = SOURCES[((f >> SOURCE_SHIFT) & 3) - 1]!;
    const value = this.valueAt(j, cube.a[s]!, cube.b[s]!);
    if (source !== 'units') return { value, source };
    return { value, source, coverage: this.coverage(cube, u, j) };
  }

  /** What the child units of `u` add up to, whether or not `u` entered a result itself. */
  fromUnits(u: number, j: number, period: Period): Rolled | null {
    const cube = this.cube(period);
    const s = u * this.m + j;
    if (!cube.reported[s]) return null;
    return {
      value: this.valueAt(j, cube.ua[s]!, cube.ub[s]!),
      source: 'units',
      coverage: this.coverage(cube, u, j),
    };
  }

  /**
   * A result entered, changed or removed (null) for unit `u`, indicator `j`, `periodCode`: the
   * cubes in memory follow at once. The written unit and every unit above it are recomputed
   * in the written period, then in each longer period holding it, shortest first.
   */
  setEntered(u: number, j: number, periodCode: string, value: Value | null): void {
    const period = parsePeriod(periodCode);
    if (!period) return;
    const affected = [...this.cubes.values()]
      .filter((c) => c.period.code === period.code || contains(c.period, period))
      .sort((x, y) => length(x.period) - length(y.period));
    // A cube without arrays cannot take a value: it and the longer ones are read afresh when
    // next asked for, with the value now stored.
    if (affected.some((c) => c.a.length === 0)) {
      for (const c of affected) this.cubes.delete(c.period.code);
      return;
    }
    const ind = this.indicators[j]!;
    const s = u * this.m + j;
    for (const cube of affected) {
      if (cube.period.code === period.code) {
        cube.flags[s] = 0;
        if (value) this.put(cube, s, value, 'entered');
      }
      const inside = directChildren(cube.period).map((p) => this.cube(p));
      for (let x = u; x >= 0; x = this.tree.parent[x]!) this.settle(cube, inside, x, j, ind);
    }
  }

  // The rules for one slot, given its children's slots and its shorter periods are settled.
  private settle(cube: PeriodCube, inside: PeriodCube[], u: number, j: number, ind: IndicatorDef) {
    const m = this.m;
    const s = u * m + j;
    const ratio = ind.kind === 'ratio';
    if (combinesAcrossUnits(ind)) {
      let reported = 0;
      let a = 0;
      let b = 0;
      for (const c of this.tree.children[u]!) {
        const cs = c * m + j;
        if (!(cube.flags[cs]! & HAS)) continue;
        reported++;
        a += cube.a[cs]!;
        if (ratio) b += cube.b[cs]!;
      }
      cube.reported[s] = reported;
      cube.ua[s] = a;
      cube.ub[s] = b;
    }
    const entered = cube.flags[s]! === (HAS | sourceBits('entered'));
    if (entered) return;
    if (cube.reported[s]! > 0) {
      cube.a[s] = cube.ua[s]!;
      cube.b[s] = cube.ub[s]!;
      cube.flags[s] = HAS | sourceBits('units');
      return;
    }
    cube.flags[s] = 0;
    if (ind.timeAggregate === 'last') {
      for (let i = inside.length - 1; i >= 0; i--) {
        const sub = inside[i]!;
        if (!(sub.flags[s]! & HAS)) continue;
        cube.a[s] = sub.a[s]!;
        cube.b[s] = sub.b[s]!;
        cube.flags[s] = HAS | sourceBits('periods');
        return;
      }
    } else if (ind.timeAggregate === 'sum' && ind.kind !== 'level') {
      let any = false;
      let a = 0;
      let b = 0;
      for (const sub of inside) {
        if (!(sub.flags[s]! & HAS)) continue;
        any = true;
        a += sub.a[s]!;
        if (ratio) b += sub.b[s]!;
      }
      if (any) {
        cube.a[s] = a;
        cube.b[s] = b;
        cube.flags[s] = HAS | sourceBits('periods');
      }
    }
  }

  private put(cube: PeriodCube, s: number, v: Value, source: Source) {
    const j = s % this.m;
    const ind = this.indicators[j]!;
    if (v.type === 'ratio') {
      cube.a[s] = v.numerator;
      cube.b[s] = v.denominator;
    } else if (v.type === 'number') {
      cube.a[s] = v.x100;
      cube.b[s] = 0;
    } else {
      const i = (ind.levels ?? []).indexOf(v.level);
      if (i < 0) return; // a level no longer on the scale counts as absent, as in the judgement
      cube.a[s] = i;
      cube.b[s] = 0;
    }
    cube.flags[s] = HAS | sourceBits(source);
  }

  private valueAt(j: number, a: number, b: number): Value {
    const ind = this.indicators[j]!;
    if (ind.kind === 'ratio') return { type: 'ratio', numerator: a, denominator: b };
    if (ind.kind === 'level') return { type: 'level', level: ind.levels![a]! };
    return { type: 'number', x100: a };
  }

  // The children counted: those the indicator applies to or holds below, and any that reported.
  private coverage(cube: PeriodCube, u: number, j: number): Coverage {
    const kids = this.tree.children[u]!;
    const counted = this.counted[j];
    let total = kids.length;
    if (counted) {
      total = 0;
      for (const c of kids) if (counted[c] || cube.flags[c * this.m + j]! & HAS) total++;
    }
    return { reported: cube.reported[u * this.m + j]!, total };
  }
}

/**
 * The units an indicator that applies to `kinds` concerns (1): those of the kinds, and those
 * holding such a unit below; by dense index, as the cubes count their coverage.
 */
export function relevantUnits(
  tree: CubeTree,
  kindOf: readonly string[],
  kinds: readonly string[],
): Uint8Array {
  const out = new Uint8Array(tree.size);
  for (let k = tree.topDown.length - 1; k >= 0; k--) {
    const u = tree.topDown[k]!;
    if (kinds.includes(kindOf[u]!)) out[u] = 1;
    if (out[u] && tree.parent[u]! >= 0) out[tree.parent[u]!] = 1;
  }
  return out;
}

const length = (p: Period) => Date.parse(p.end) - Date.parse(p.start);
