import { eq } from 'drizzle-orm';
import { defaultReportSettings } from '../../shared/report-document';
import type {
  PutReportSettingsBody,
  ReportSettings,
  ReportSettingsDto,
} from '../../shared/schemas/report-settings';
import type { Db, DbOrTx } from '../db/client';
import { reportSettings, type UnitRow, type UserRow } from '../db/schema';
import { conflict } from '../lib/errors';
import type { Catalogue } from './catalogue';

// The settings of a unit's report document (shared/schemas/report-settings.ts): what was saved,
// or the defaults of its kind and place in the tree until a committee saves its own.

function stored(db: DbOrTx, unitId: number) {
  return db.select().from(reportSettings).where(eq(reportSettings.unitId, unitId)).get();
}

export function reportSettingsOf(db: DbOrTx, cat: Catalogue, unit: UnitRow): ReportSettingsDto {
  const parent = unit.parentId === null ? null : (cat.units.get(unit.parentId) ?? null);
  const defaults = defaultReportSettings(unit, parent);
  const row = stored(db, unit.id);
  return {
    settings: row ? { ...defaults, ...row.settings } : defaults,
    defaults,
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt ?? null,
  };
}

/** The settings the documents use: what was saved, else the defaults. */
export const effectiveReportSettings = (db: Db, cat: Catalogue, unit: UnitRow): ReportSettings =>
  reportSettingsOf(db, cat, unit).settings;

/**
 * Saves the settings whole. A screen that saw another version than the stored one (someone
 * saved meanwhile) is refused with 409 and what is stored now, nothing written.
 */
export function saveReportSettings(
  db: Db,
  cat: Catalogue,
  by: UserRow,
  unit: UnitRow,
  body: PutReportSettingsBody,
): ReportSettingsDto {
  const { version, ...settings } = body;
  return db.transaction((tx) => {
    const row = stored(tx, unit.id);
    if ((row?.version ?? 0) !== version)
      throw conflict(
        'version_conflict',
        `Thông tin văn bản của "${unit.name}" vừa được người khác lưu; hãy xem lại rồi lưu lần nữa.`,
        { current: reportSettingsOf(tx, cat, unit) },
      );
    const now = new Date().toISOString();
    if (row)
      tx.update(reportSettings)
        .set({ settings, updatedBy: by.id, version: row.version + 1, updatedAt: now })
        .where(eq(reportSettings.unitId, unit.id))
        .run();
    else
      tx.insert(reportSettings).values({ unitId: unit.id, settings, updatedBy: by.id, updatedAt: now }).run();
    return reportSettingsOf(tx, cat, unit);
  });
}
