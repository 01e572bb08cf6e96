import { and, eq, gt, lte, max, sql } from 'drizzle-orm';
import { countUnits, type RatedUnit } from '../../shared/derived';
import type { IndicatorDef } from '../../shared/indicator';
import type { Period } from '../../shared/period';
import type { Rolled } from '../../shared/rollup';
import { type CubeEntry, cubeTree, RollupCubes, relevantUnits } from '../../shared/rollup-cube';
import type { Db } from '../db/client';
import { resultChanges, results } from '../db/schema';
import { type Catalogue, catalogue, toIndicatorDef } from './catalogue';
import { columnsToValue } from './values';

// The roll-up of the whole organisation, kept in memory (docs/decisions/007): one set of
// cubes per database, built lazily period by period, and kept current by the change log that
// triggers on `results` write in the same transaction as each change. Before every read the
// store applies what was committed since its last read — by this process or another — so a
// write is never served stale, and a rolled-back write never seen. A change of the tree or
// the catalogue of indicators starts it afresh.

/** Above this many changes at once (an import), reading the periods afresh is cheaper. */
const REBUILD_AFTER = 5_000;
/** The change log keeps about this many rows once read. */
const KEEP_CHANGES = 20_000;

interface Store {
  cat: Catalogue;
  cubes: RollupCubes;
  /** The kind of each unit, by dense index. */
  kindOf: string[];
  /** Per indicator that applies to some kinds, the units it concerns (relevantUnits); null: all. */
  counted: (Uint8Array | null)[];
  /** Derived results computed since the last change applied, by `unit|indicator|period`. */
  derived: Map<string, Rolled | null>;
  unitIndex: Map<number, number>;
  indicatorIndex: Map<number, number>;
  codeIndex: Map<string, number>;
  /** The last change applied, and where the log was last pruned. */
  seen: number;
  prunedAt: number;
}

const stores = new WeakMap<Db, Store>();

function lastChange(db: Db): number {
  return (
    db
      .select({ id: max(resultChanges.id) })
      .from(resultChanges)
      .get()?.id ?? 0
  );
}

function build(db: Db, cat: Catalogue): Store {
  const ids = [...cat.units.keys()];
  const unitIndex = new Map(ids.map((id, i) => [id, i]));
  const parents = ids.map((id) => {
    const p = cat.units.get(id)!.parentId;
    return p === null ? -1 : (unitIndex.get(p) ?? -1);
  });
  const defs: IndicatorDef[] = cat.indicators.map(toIndicatorDef);
  const indicatorIndex = new Map(cat.indicators.map((ind, j) => [ind.id, j]));
  const codeIndex = new Map(cat.indicators.map((ind, j) => [ind.code, j]));
  // Read before the periods are: a change committed in between is then applied twice, which
  // is harmless, rather than missed.
  const seen = lastChange(db);
  // The hot path of a first read: a province's year is hundreds of thousands of rows, read
  // as plain arrays one at a time rather than as objects all at once (memory, not only time).
  const query = db
    .select({
      unitId: results.unitId,
      indicatorId: results.indicatorId,
      valueX100: results.valueX100,
      numerator: results.numerator,
      denominator: results.denominator,
      level: results.level,
    })
    .from(results)
    .where(eq(results.period, sql.placeholder('period')))
    .toSQL();
  const statement = db.$client.prepare(query.sql).raw();
  function* load(period: Period): Iterable<CubeEntry> {
    for (const row of statement.iterate(period.code) as Iterable<
      [number, number, number | null, number | null, number | null, string | null]
    >) {
      const [unitId, indicatorId, valueX100, numerator, denominator, level] = row;
      const unit = unitIndex.get(unitId);
      const indicator = indicatorIndex.get(indicatorId);
      const value = columnsToValue({ valueX100, numerator, denominator, level });
      if (unit !== undefined && indicator !== undefined && value) yield { unit, indicator, value };
    }
  }
  const tree = cubeTree(parents);
  const kindOf = ids.map((id) => cat.units.get(id)!.kind);
  // Coverage counts the units an indicator applies to, or that hold such units below.
  const counted = defs.map((d) => (d.appliesTo ? relevantUnits(tree, kindOf, d.appliesTo) : null));
  const cubes = new RollupCubes(tree, defs, load, counted);
  const st = {
    cat,
    cubes,
    kindOf,
    counted,
    derived: new Map<string, Rolled | null>(),
    unitIndex,
    indicatorIndex,
    codeIndex,
    seen,
    prunedAt: 0,
  };
  prune(db, st);
  return st;
}

/** Applies the committed changes since the last read; false when starting afresh is better. */
function catchUp(db: Db, st: Store): boolean {
  const changes = db
    .select()
    .from(resultChanges)
    .where(gt(resultChanges.id, st.seen))
    .orderBy(resultChanges.id)
    .limit(REBUILD_AFTER + 1)
    .all();
  if (changes.length === 0) return true;
  st.derived.clear();
  // Pruned past what this store saw (another process read far ahead): read everything afresh.
  if (st.seen > 0 && changes[0]!.id !== st.seen + 1) return false;
  if (changes.length > REBUILD_AFTER) return false;
  const done = new Set<string>();
  for (const c of changes) {
    const key = `${c.unitId}|${c.indicatorId}|${c.period}`;
    if (done.has(key)) continue;
    done.add(key);
    const u = st.unitIndex.get(c.unitId);
    const j = st.indicatorIndex.get(c.indicatorId);
    if (u === undefined || j === undefined) return false;
    const row = db
      .select()
      .from(results)
      .where(
        and(
          eq(results.unitId, c.unitId),
          eq(results.indicatorId, c.indicatorId),
          eq(results.period, c.period),
        ),
      )
      .get();
    st.cubes.setEntered(u, j, c.period, row ? columnsToValue(row) : null);
  }
  st.seen = changes[changes.length - 1]!.id;
  prune(db, st);
  return true;
}

/** Keeps the log short: what every reader has long applied goes, a thousand changes at a time. */
function prune(db: Db, st: Store) {
  if (st.seen - st.prunedAt < 1000 || st.seen <= KEEP_CHANGES) return;
  db.delete(resultChanges)
    .where(lte(resultChanges.id, st.seen - KEEP_CHANGES))
    .run();
  st.prunedAt = st.seen;
}

/** What a dashboard reads: the same questions as shared/rollup.ts's Rollup, by unit id and indicator. */
export interface RollupView {
  result(unitId: number, ind: IndicatorDef, period: Period): Rolled | null;
  fromUnits(unitId: number, ind: IndicatorDef, period: Period): Rolled | null;
  /** Whether the indicator applies at the unit or at a unit below it (docs/rules.md). */
  concerns(unitId: number, ind: IndicatorDef): boolean;
}

/**
 * A derived result (docs/rules.md, "Units counted by their rating"): every unit below `u`, at
 * any depth, with its level of the rule's indicator for the period as the roll-up finds it
 * (entered, or the latest of the periods inside for `last`). A walk of the subtree, kept until
 * the next change applied.
 */
function derivedAt(st: Store, u: number, j: number, period: Period): Rolled | null {
  const key = `${u}|${j}|${period.code}`;
  const known = st.derived.get(key);
  if (known !== undefined) return known;
  const ind = st.cat.indicators[j]!;
  const rule = ind.derived!.countUnits;
  const jl = st.codeIndex.get(rule.indicator);
  const base = jl === undefined ? undefined : st.cat.indicators[jl];
  let found: Rolled | null = null;
  if (jl !== undefined && base?.kind === 'level') {
    const levels = base.levels ?? [];
    const tree = st.cubes.tree;
    const below: RatedUnit[] = [];
    const stack = [...tree.children[u]!];
    while (stack.length > 0) {
      const v = stack.pop()!;
      stack.push(...tree.children[v]!);
      const kind = st.kindOf[v]!;
      if (!rule.kinds.includes(kind)) continue;
      const r = st.cubes.result(v, jl, period);
      below.push({ kind, position: r?.value.type === 'level' ? levels.indexOf(r.value.level) : null });
    }
    found = countUnits(ind, rule, levels, below);
  }
  st.derived.set(key, found);
  return found;
}

/** The roll-up of `db`, current with every committed write. */
export function rollupOf(db: Db): RollupView {
  const cat = catalogue(db);
  let st = stores.get(db);
  if (!st || st.cat !== cat || !catchUp(db, st)) {
    st = build(db, cat);
    stores.set(db, st);
  }
  const store = st;
  const at = (unitId: number, ind: IndicatorDef) => {
    const u = store.unitIndex.get(unitId);
    const j = store.codeIndex.get(ind.code);
    return u === undefined || j === undefined ? null : ([u, j] as const);
  };
  const isDerived = (j: number) => store.cat.indicators[j]!.derived !== null;
  const concerned = (u: number, j: number) => {
    const counted = store.counted[j];
    return !counted || counted[u] === 1;
  };
  return {
    result(unitId, ind, period) {
      const slot = at(unitId, ind);
      if (!slot) return null;
      // A derived indicator is counted only where it applies, or above units where it does.
      if (isDerived(slot[1]))
        return concerned(slot[0], slot[1]) ? derivedAt(store, slot[0], slot[1], period) : null;
      return store.cubes.result(slot[0], slot[1], period);
    },
    concerns(unitId, ind) {
      const slot = at(unitId, ind);
      return !slot || concerned(slot[0], slot[1]);
    },
    fromUnits(unitId, ind, period) {
      const slot = at(unitId, ind);
      return slot && !isDerived(slot[1]) ? store.cubes.fromUnits(slot[0], slot[1], period) : null;
    },
  };
}

/** For tests and the benchmark: the periods whose cubes are in memory. */
export function loadedPeriods(db: Db): string[] {
  return stores.get(db)?.cubes.loaded ?? [];
}

/** For the benchmark: the bytes the cubes in memory hold. */
export function cubeBytes(db: Db): number {
  return stores.get(db)?.cubes.bytes ?? 0;
}
