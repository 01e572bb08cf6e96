import { and, eq, inArray } from 'drizzle-orm';
import type { Period } from '../../../shared/period';
import type { Value } from '../../../shared/value';
import type { Db } from '../../db/client';
import { type ResultRow, results, type TargetRow, targets } from '../../db/schema';
import type { Catalogue } from '../../domain/catalogue';
import { columnsToValue } from '../../domain/values';
import type { RowHint, SheetRow } from './import-export.files';
import type { UnitNames } from './import-export.units';

// The rows of an export and of a template: the unit's whole subtree in tree order (each
// unit, then its children in their order), indicators in the catalogue's order, the target
// before the result. Read with one query per table.

/** The unit and everything under it, depth first, in the tree's order. */
export function treeOrder(cat: Catalogue, rootId: number): number[] {
  const out: number[] = [];
  const visit = (id: number) => {
    out.push(id);
    for (const child of cat.children.get(id) ?? []) visit(child);
  };
  visit(rootId);
  return out;
}

function readPeriod<T extends TargetRow | ResultRow>(
  db: Db,
  table: typeof targets | typeof results,
  unitIds: number[],
  period: Period,
): T[] {
  const inTree = new Set(unitIds);
  // A long IN list costs more than scanning the period's rows (decision 001).
  const where =
    unitIds.length <= 500
      ? and(eq(table.period, period.code), inArray(table.unitId, unitIds))
      : eq(table.period, period.code);
  return (db.select().from(table).where(where).all() as T[]).filter((r) => inTree.has(r.unitId));
}

const cellValue = (v: Value): Pick<SheetRow, 'value' | 'numerator' | 'denominator'> => {
  switch (v.type) {
    case 'number':
      return { value: v.x100 / 100, numerator: null, denominator: null };
    case 'level':
      return { value: v.level, numerator: null, denominator: null };
    case 'ratio':
      return { value: null, numerator: v.numerator, denominator: v.denominator };
  }
};

export interface Stored {
  /** unit id → indicator id → row */
  targets: Map<number, Map<number, TargetRow>>;
  results: Map<number, Map<number, ResultRow>>;
  /** The latest change among them; the start of 2000 when there is none. */
  latest: Date;
}

export function readSubtree(db: Db, order: number[], period: Period): Stored {
  const group = <T extends TargetRow | ResultRow>(rows: T[]) => {
    const out = new Map<number, Map<number, T>>();
    for (const r of rows) {
      const inner = out.get(r.unitId) ?? new Map<number, T>();
      inner.set(r.indicatorId, r);
      out.set(r.unitId, inner);
    }
    return out;
  };
  const t = readPeriod<TargetRow>(db, targets, order, period);
  const r = readPeriod<ResultRow>(db, results, order, period);
  let latest = '2000-01-01T00:00:00.000Z';
  for (const row of [...t, ...r]) if (row.updatedAt > latest) latest = row.updatedAt;
  return { targets: group(t), results: group(r), latest: new Date(latest) };
}

/** Every target and result of the subtree for the period, in the import layout. */
export function exportRows(
  cat: Catalogue,
  names: UnitNames,
  order: number[],
  period: Period,
  stored: Stored,
) {
  const rows: SheetRow[] = [];
  for (const unitId of order) {
    const unitTargets = stored.targets.get(unitId);
    const unitResults = stored.results.get(unitId);
    if (!unitTargets && !unitResults) continue;
    const unit = names.label(unitId);
    for (const ind of cat.indicators) {
      const base = { unit, code: ind.code, period: period.code };
      const t = unitTargets?.get(ind.id);
      const tv = t && columnsToValue(t);
      if (tv) rows.push({ ...base, type: 'target', ...cellValue(tv), note: null });
      const r = unitResults?.get(ind.id);
      const rv = r && columnsToValue(r);
      if (rv) rows.push({ ...base, type: 'result', ...cellValue(rv), note: r.note });
    }
  }
  return rows;
}

export interface TemplateRow extends SheetRow {
  unitId: number;
  indicatorId: number;
}

/**
 * One result row per target of the subtree for the period: what a unit fills and sends
 * back. A result already entered is written in, so that sending the file back unchanged
 * changes nothing; the others are empty.
 */
export function templateRows(
  cat: Catalogue,
  names: UnitNames,
  order: number[],
  period: Period,
  stored: Stored,
) {
  const rows: TemplateRow[] = [];
  const hints: RowHint[] = [];
  for (const unitId of order) {
    const unitTargets = stored.targets.get(unitId);
    if (!unitTargets) continue;
    const unit = names.label(unitId);
    for (const ind of cat.indicators) {
      if (!unitTargets.has(ind.id)) continue;
      const r = stored.results.get(unitId)?.get(ind.id);
      const rv = r ? columnsToValue(r) : null;
      rows.push({
        unitId,
        indicatorId: ind.id,
        unit,
        code: ind.code,
        period: period.code,
        type: 'result',
        ...(rv ? cellValue(rv) : { value: null, numerator: null, denominator: null }),
        note: r?.note ?? null,
      });
      hints.push(ind.kind === 'ratio' ? 'ratio' : 'value');
    }
  }
  return { rows, hints };
}
