import type { ExportFormat } from '../../../shared/import-export';
import type { Period } from '../../../shared/period';
import type { Db } from '../../db/client';
import type { UnitRow } from '../../db/schema';
import { catalogue } from '../catalogue';
import { readSubtree } from './queries';
import { exportRows, templateRows, treeOrder } from './rows';
import { instructionsSheet } from './template';
import { UnitNames } from './unit-names';
import { toCsv, toXlsx } from './write';

// The two files handed out: the export of a subtree's values, and the template its units fill
// with their results (docs/decisions/006-import-export.md).

/**
 * Every target and result of `unit`'s subtree for the period, as the import reads them back;
 * with the English header, which other programs read.
 */
export async function exportFile(db: Db, unit: UnitRow, period: Period, format: ExportFormat) {
  const cat = catalogue(db);
  const order = treeOrder(cat, unit.id);
  const stored = readSubtree(db, order, period);
  const rows = exportRows(cat, new UnitNames(cat), order, period, stored);
  return format === 'csv' ? toCsv(rows) : toXlsx(rows, { dated: stored.latest });
}

/**
 * One result row per target of the subtree, with the instructions sheet in an XLSX: for a
 * person to fill, so its header and type column are in Vietnamese.
 */
export async function templateFile(db: Db, unit: UnitRow, period: Period, format: ExportFormat) {
  const cat = catalogue(db);
  const order = treeOrder(cat, unit.id);
  const stored = readSubtree(db, order, period);
  const { rows, hints } = templateRows(cat, new UnitNames(cat), order, period, stored);
  return format === 'csv'
    ? toCsv(rows, 'vi')
    : toXlsx(rows, {
        header: 'vi',
        dated: stored.latest,
        hints,
        instructions: instructionsSheet(cat, unit, period, rows, stored),
      });
}
