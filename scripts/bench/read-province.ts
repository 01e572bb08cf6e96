import { and, eq } from 'drizzle-orm';
import { openDatabase } from '../../server/db/client';
import { indicators, results, units } from '../../server/db/schema';
import { CELL_ONLY_COUNT } from '../province';
import { IMPORT_ROWS, WRITE_PERIOD } from './settings';

// The province, read before the server starts: the units the benchmark loads, the write
// loop's cells, and the rows of the import.

export interface Province {
  root: number;
  bloc: { id: number; name: string };
  committee: { id: number; name: string };
  cell: { id: number; name: string };
  cells: number[];
  /** The write loop's indicator at each cell for WRITE_PERIOD: its count, or null when none. */
  written: Map<number, number | null>;
  importRows: string[];
  counts: { units: number; cells: number; committees: number; blocs: number };
}

export function readProvince(path: string): Province {
  const db = openDatabase(path);
  try {
    const all = db
      .select({
        id: units.id,
        parentId: units.parentId,
        name: units.name,
        kind: units.kind,
        position: units.position,
      })
      .from(units)
      .all()
      .sort((a, b) => a.position - b.position || a.id - b.id);
    const childrenOf = new Map<number | null, typeof all>();
    for (const u of all) childrenOf.set(u.parentId, [...(childrenOf.get(u.parentId) ?? []), u]);
    const roots = childrenOf.get(null) ?? [];
    if (roots.length !== 1) throw new Error(`expected one root unit in ${path}, found ${roots.length}`);
    const root = roots[0]!;
    const blocs = childrenOf.get(root.id) ?? [];
    // A district rather than the agencies' bloc: the commonest shape of a province.
    const bloc = blocs.find((b) => b.name.includes('huyện')) ?? blocs[0];
    // A commune with ten cells or more, the commonest grassroots committee.
    const committees = childrenOf.get(bloc?.id ?? -1) ?? [];
    const committee =
      committees.find((c) => c.name.startsWith('Đảng bộ xã') && (childrenOf.get(c.id)?.length ?? 0) >= 10) ??
      committees[0];
    const cell = childrenOf.get(committee?.id ?? -1)?.[0];
    if (!bloc || !committee || !cell) throw new Error(`${path} is not shaped like a province`);
    const cellIds = all.filter((u) => u.kind === 'chi_bo').map((u) => u.id);
    const cellSet = new Set(cellIds);

    const cat = db.select().from(indicators).all();
    const byId = new Map(cat.map((i) => [i.id, i]));
    const writeInd = cat.find((i) => i.code === CELL_ONLY_COUNT);
    if (!writeInd) throw new Error(`${path} has no indicator ${CELL_ONLY_COUNT}`);
    const written = new Map<number, number | null>(cellIds.map((id) => [id, null]));
    for (const r of db
      .select({ unitId: results.unitId, x100: results.valueX100 })
      .from(results)
      .where(and(eq(results.indicatorId, writeInd.id), eq(results.period, WRITE_PERIOD)))
      .all())
      if (cellSet.has(r.unitId)) written.set(r.unitId, (r.x100 ?? 0) / 100);

    // 100.000 results entered at the cells, each to be changed by the import (never the
    // write loop's, which the loop has changed meanwhile).
    const importRows: string[] = [];
    const stored = db.$client
      .prepare(
        `SELECT r.unit_id AS unitId, r.indicator_id AS indicatorId, r.period AS period, r.value_x100 AS x100,
                r.numerator AS numerator, r.denominator AS denominator, r.level AS level
         FROM results r JOIN units u ON u.id = r.unit_id
         WHERE u.kind = 'chi_bo' AND NOT (r.indicator_id = ? AND r.period = ?)
         ORDER BY r.id`,
      )
      .iterate(writeInd.id, WRITE_PERIOD) as IterableIterator<{
      unitId: number;
      indicatorId: number;
      period: string;
      x100: number | null;
      numerator: number | null;
      denominator: number | null;
      level: string | null;
    }>;
    for (const r of stored) {
      if (importRows.length === IMPORT_ROWS) break;
      const ind = byId.get(r.indicatorId)!;
      let value = '';
      let numerator = '';
      let denominator = '';
      if (ind.kind === 'count') value = String((r.x100 ?? 0) / 100 + 1);
      else if (ind.kind === 'percent') {
        const x = r.x100 ?? 0;
        value = String((x >= 5000 ? x - 25 : x + 25) / 100);
      } else if (ind.kind === 'ratio') {
        const n = r.numerator ?? 0;
        numerator = String(n > 0 ? n - 1 : n + 1);
        denominator = String(Math.max(r.denominator ?? 1, 1));
      } else {
        const levels = ind.levels ?? [];
        const at = levels.indexOf(r.level ?? '');
        value = levels[at > 0 ? at - 1 : at + 1] ?? '';
      }
      importRows.push(`${r.unitId},${ind.code},${r.period},result,${value},${numerator},${denominator},`);
    }
    return {
      root: root.id,
      bloc: { id: bloc.id, name: bloc.name },
      committee: { id: committee.id, name: committee.name },
      cell: { id: cell.id, name: cell.name },
      cells: cellIds,
      written,
      importRows,
      counts: {
        units: all.length,
        cells: cellIds.length,
        committees: blocs.reduce((s, b) => s + (childrenOf.get(b.id)?.length ?? 0), 0),
        blocs: blocs.length,
      },
    };
  } finally {
    db.$client.close();
  }
}
