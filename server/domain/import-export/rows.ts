import type { Period } from '../../../shared/period';
import type { Value } from '../../../shared/value';
import type { Catalogue } from '../catalogue';
import { columnsToValue } from '../values';
import type { Stored } from './queries';
import type { UnitNames } from './unit-names';
import type { RowHint, SheetRow } from './write';

// The rows of an export and of a template: the unit's whole subtree in tree order (each
// unit, then its children in their order), indicators in the catalogue's order, the target
// before the result, from what queries.ts reads in one query per table.

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
    const kind = cat.units.get(unitId)?.kind ?? '';
    for (const ind of cat.indicators) {
      if (!unitTargets.has(ind.id)) continue;
      // Nothing to enter: computed from the units below, or not for this kind of unit.
      if (ind.derived || (ind.appliesTo && !ind.appliesTo.includes(kind))) continue;
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
