import { and, eq } from 'drizzle-orm';
import { isAchieved, lineStatus } from '../../shared/judgement';
import type { Period } from '../../shared/period';
import type { TargetLineInput, TargetLinesDto } from '../../shared/schemas/target-lines';
import { divRoundHalfUp } from '../../shared/value';
import type { Db, DbOrTx } from '../db/client';
import { targetLines, type UnitRow, type UserRow } from '../db/schema';
import { assertVersion, putVersioned } from '../db/versioned';
import { badRequest } from '../lib/errors';
import { today } from '../lib/today';
import { catalogue } from './catalogue';
import { periodOut, unitRows } from './dashboard';
import { recordChange } from './history';
import { assertUnlocked } from './locks';

// The "chỉ tiêu chủ yếu" of a unit and period, judged: what GET /api/target-lines answers and
// what the report is written from.

export const storedLines = (db: DbOrTx, unitId: number, period: string) =>
  db
    .select()
    .from(targetLines)
    .where(and(eq(targetLines.unitId, unitId), eq(targetLines.period, period)))
    .get();

/** The lines with their parts judged as the dashboard judges them, and the summary. */
export function judgedLines(db: Db, unit: UnitRow, period: Period, asOf: string): TargetLinesDto {
  const cat = catalogue(db);
  const row = storedLines(db, unit.id, period.code);
  const lines = row?.lines ?? [];
  const bound = cat.indicators.filter((i) => lines.some((l) => l.codes.includes(i.code)));
  const rows = new Map(unitRows(db, unit, period, asOf, bound, true).map((r) => [r.indicator.code, r]));
  const judged = lines.map((l) => {
    const parts = l.codes.flatMap((code) => rows.get(code) ?? []);
    return { text: l.text, codes: l.codes, status: lineStatus(parts.map((p) => p.status)), parts };
  });
  const achieved = judged.filter((l) => isAchieved(l.status)).length;
  return {
    unit: { id: String(unit.id), name: unit.name },
    period: periodOut(period, asOf),
    lines: judged,
    summary: {
      total: judged.length,
      achieved,
      share: judged.length === 0 ? null : divRoundHalfUp(achieved * 10000, judged.length) / 100,
    },
    version: row?.version ?? 0,
  };
}

/**
 * Replaces the lines of a unit and period (PUT /api/target-lines/…): refused when a line binds
 * an indicator the catalogue lacks, the period is locked, or `version` is not the stored one.
 * Returns the lines judged today.
 */
export function saveTargetLines(
  db: Db,
  by: UserRow,
  unit: UnitRow,
  period: Period,
  body: { lines: TargetLineInput[]; version?: number },
): TargetLinesDto {
  const cat = catalogue(db);
  body.lines.forEach((line, i) => {
    line.codes.forEach((code, j) => {
      if (!cat.indicatorsByCode.has(code))
        throw badRequest(
          'indicator_not_found',
          `Chỉ tiêu chủ yếu thứ ${i + 1} gắn với mã chỉ tiêu "${code}" không có trong danh mục.`,
          `lines.${i}.codes.${j}`,
        );
    });
  });
  const lines: TargetLineInput[] = body.lines.map((l) => ({ text: l.text, codes: l.codes }));
  db.transaction((tx) => {
    assertUnlocked(tx, cat, unit.id, period);
    const current = storedLines(tx, unit.id, period.code);
    assertVersion(
      body.version,
      current,
      'Danh sách chỉ tiêu chủ yếu vừa được người khác sửa; hãy xem bản hiện tại rồi lưu lại.',
      () => judgedLines(db, unit, period, today()),
    );
    const before = current?.lines ?? [];
    if (JSON.stringify(before) === JSON.stringify(lines)) return;
    const updatedAt = new Date().toISOString();
    // Emptied lists keep their row, so that the version keeps counting up.
    putVersioned(tx, targetLines, current, { unitId: unit.id, period: period.code }, { lines, updatedAt });
    recordChange(tx, by, {
      type: 'target_line',
      action: !current || before.length === 0 ? 'create' : lines.length === 0 ? 'delete' : 'update',
      unitId: unit.id,
      period: period.code,
      before: before.length ? before : null,
      after: lines.length ? lines : null,
    });
  });
  return judgedLines(db, unit, period, today());
}
