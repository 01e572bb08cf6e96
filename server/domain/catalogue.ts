import { asc } from 'drizzle-orm';
import type { IndicatorDef } from '../../shared/indicator';
import type { ParentOf } from '../../shared/rights';
import type { Db, Tx } from '../db/client';
import { type IndicatorRow, indicators, type UnitRow, units } from '../db/schema';
import { dataVersion } from '../lib/data-stamp';
import { type Change, recordChange } from './history';

/**
 * The organisation tree and the indicators, read once and kept in memory until something
 * changes them. Every dashboard needs both whole, and they change rarely; re-reading them
 * per request would cost more than the roll-up itself on a province-sized tree.
 *
 * Validity: our own writes call `invalidate`; writes by another connection (a script, a
 * second process) move SQLite's `PRAGMA data_version`, checked on every read.
 */
export interface Catalogue {
  units: Map<number, UnitRow>;
  children: Map<number | null, number[]>;
  indicators: IndicatorRow[];
  indicatorsByCode: Map<string, IndicatorRow>;
  indicatorsById: Map<number, IndicatorRow>;
}

const cache = new WeakMap<Db, { dataVersion: number; catalogue: Catalogue }>();

export function invalidateCatalogue(db: Db) {
  cache.delete(db);
}

/**
 * A change of the tree or of the indicators: written and recorded in one transaction, then the
 * kept catalogue let go. Returns the row written as the API shows it.
 */
export function changeCatalogue<Row, Dto>(
  db: Db,
  by: Parameters<typeof recordChange>[1],
  write: (tx: Tx) => Row,
  dto: (row: Row) => Dto,
  change: (shown: Dto, row: Row) => Change,
): Dto {
  const row = db.transaction((tx) => {
    const written = write(tx);
    recordChange(tx, by, change(dto(written), written));
    return written;
  });
  invalidateCatalogue(db);
  return dto(row);
}

export function catalogue(db: Db): Catalogue {
  const version = dataVersion(db);
  const hit = cache.get(db);
  if (hit && hit.dataVersion === version) return hit.catalogue;
  const loaded = load(db);
  cache.set(db, { dataVersion: version, catalogue: loaded });
  return loaded;
}

function load(db: Db): Catalogue {
  const unitRows = db.select().from(units).orderBy(asc(units.position), asc(units.id)).all();
  const unitMap = new Map<number, UnitRow>();
  const children = new Map<number | null, number[]>();
  for (const u of unitRows) {
    unitMap.set(u.id, u);
    const list = children.get(u.parentId) ?? [];
    list.push(u.id);
    children.set(u.parentId, list);
  }
  const indicatorRows = db
    .select()
    .from(indicators)
    .orderBy(asc(indicators.position), asc(indicators.id))
    .all();
  return {
    units: unitMap,
    children,
    indicators: indicatorRows,
    indicatorsByCode: new Map(indicatorRows.map((i) => [i.code, i])),
    indicatorsById: new Map(indicatorRows.map((i) => [i.id, i])),
  };
}

export function toIndicatorDef(row: IndicatorRow): IndicatorDef {
  return {
    code: row.code,
    name: row.name,
    unitLabel: row.unitLabel,
    kind: row.kind,
    direction: row.direction,
    timeAggregate: row.timeAggregate,
    ...(row.kind === 'level' ? { levels: row.levels ?? [] } : {}),
    ...(row.appliesTo ? { appliesTo: row.appliesTo } : {}),
    ...(row.derived ? { derived: row.derived } : {}),
  };
}

/** The ids of `rootId` and every unit under it. */
export function subtreeIds(cat: Catalogue, rootId: number): number[] {
  const out = [rootId];
  for (let i = 0; i < out.length; i++) out.push(...(cat.children.get(out[i]!) ?? []));
  return out;
}

/** The parent of a unit in the tree, as shared/rights.ts asks for it. */
export const parentIn =
  (cat: Catalogue): ParentOf<number> =>
  (id) =>
    cat.units.get(id)?.parentId;
