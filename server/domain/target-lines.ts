import { and, eq } from 'drizzle-orm';
import { isAchieved, lineStatus } from '../../shared/judgement';
import type { Period } from '../../shared/period';
import type { TargetLinesDto } from '../../shared/schemas/target-lines';
import { divRoundHalfUp } from '../../shared/value';
import type { Db, DbOrTx } from '../db/client';
import { targetLines, type UnitRow } from '../db/schema';
import { catalogue } from './catalogue';
import { periodOut, unitRows } from './dashboard';

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
