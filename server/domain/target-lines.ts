import { and, eq } from 'drizzle-orm';
import { isAchieved, lineStatus } from '../../shared/judgement';
import type { Period } from '../../shared/period';
import type { TargetLineInput, TargetLinePartDto, TargetLinesDto } from '../../shared/schemas/target-lines';
import { kindsText } from '../../shared/unit';
import { divRoundHalfUp } from '../../shared/value';
import type { Db, DbOrTx } from '../db/client';
import {
  type IndicatorRow,
  type StoredTargetLine,
  targetLines,
  type UnitRow,
  type UserRow,
} from '../db/schema';
import { assertVersion, putVersioned } from '../db/versioned';
import { AppError, badRequest } from '../lib/errors';
import { today } from '../lib/today';
import { type Catalogue, catalogue, subtreeIds } from './catalogue';
import { indicatorOut, periodOut, unitRows, unitsCells } from './dashboard';
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

/**
 * A part of a line bound at the units below of some kinds (docs/rules.md, "One target for each
 * unit below"): those of them that hold the target, each judged, and together by the rule for
 * lines; how many are met or exceeded. `open` overrides the period's (the mid-year review).
 */
export function partBelow(
  db: Db,
  cat: Catalogue,
  unit: UnitRow,
  ind: IndicatorRow,
  below: string[],
  period: Period,
  asOf: string,
  open?: boolean,
): TargetLinePartDto {
  const ids = subtreeIds(cat, unit.id)
    .slice(1)
    .filter((id) => below.includes(cat.units.get(id)!.kind));
  const held = unitsCells(db, ids, ind, period, asOf, open).filter(({ cell }) => cell.target);
  const statuses = held.map(({ cell }) => cell.status);
  const targets = new Set(held.map(({ cell }) => cell.target!.display));
  const first = held[0]?.cell.target ?? null;
  return {
    indicator: indicatorOut(ind),
    // The target they share, when they share one.
    target: targets.size === 1 && first ? { value: first.value, display: first.display } : null,
    result: null,
    status: lineStatus(statuses),
    achievement: null,
    below,
    units: { achieved: statuses.filter(isAchieved).length, total: held.length },
    unitRows: held.map(({ unit: u, cell }) => ({
      unit: { id: String(u.id), name: u.name, kind: u.kind },
      target: cell.target,
      result: cell.result,
      status: cell.status,
      achievement: cell.achievement,
    })),
  };
}

/** The lines with their parts judged as the dashboard judges them, and the summary. */
export function judgedLines(db: Db, unit: UnitRow, period: Period, asOf: string): TargetLinesDto {
  const cat = catalogue(db);
  const row = storedLines(db, unit.id, period.code);
  const lines = row?.lines ?? [];
  const bound = cat.indicators.filter((i) => lines.some((l) => l.codes.includes(i.code)));
  const rows = new Map(unitRows(db, unit, period, asOf, bound, true).map((r) => [r.indicator.code, r]));
  const judged = lines.map((l) => {
    const parts: TargetLinePartDto[] = [
      ...l.codes.flatMap((code) => rows.get(code) ?? []),
      ...(l.parts ?? []).flatMap((p) => {
        const ind = cat.indicatorsByCode.get(p.code);
        return ind ? [partBelow(db, cat, unit, ind, p.below, period, asOf)] : [];
      }),
    ];
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
    line.parts?.forEach((part, j) => {
      const ind = cat.indicatorsByCode.get(part.code);
      if (!ind)
        throw badRequest(
          'indicator_not_found',
          `Chỉ tiêu chủ yếu thứ ${i + 1} gắn với mã chỉ tiêu "${part.code}" không có trong danh mục.`,
          `lines.${i}.parts.${j}.code`,
        );
      const outside = ind.appliesTo ? part.below.filter((k) => !ind.appliesTo!.includes(k)) : [];
      if (outside.length > 0)
        throw new AppError(
          422,
          'not_applicable',
          `Chỉ tiêu chủ yếu thứ ${i + 1}: chỉ tiêu "${ind.name}" chỉ áp dụng cho ${kindsText(ind.appliesTo!)}, không xét ở ${kindsText(outside)}.`,
          `lines.${i}.parts.${j}.below`,
        );
    });
  });
  // Stored as before issue 14 when a line has no parts below, so that equal lists stay equal.
  const lines: StoredTargetLine[] = body.lines.map((l) => ({
    text: l.text,
    codes: l.codes,
    ...(l.parts?.length ? { parts: l.parts.map((p) => ({ code: p.code, below: [...p.below] })) } : {}),
  }));
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
