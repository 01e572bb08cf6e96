import type { ResultDto, TargetBody, TargetDto } from '../../shared/schemas/values';
import { checkChangeInput, type TargetChange } from '../../shared/targets';
import { checkResultInput, checkTargetInput, type Value } from '../../shared/value';
import type { Db } from '../db/client';
import type { UnitRow, UserRow } from '../db/schema';
import { assertVersion } from '../db/versioned';
import { badRequest, notFound } from '../lib/errors';
import { catalogue } from './catalogue';
import { assertUnlocked } from './locks';
import { rollupOf } from './rollup-store';
import { targetNow } from './targets';
import { applyWrite, type BulkWrite, storedDto, unwritable, type ValueKey, writeOver } from './value-writes';

// PUT and DELETE /api/targets/… and /api/results/…: one target or result set or removed, after
// the checks of a single save: the value read as its indicator's kind, the period open and,
// when the screen says which version it saw, nobody else's change in between.

type Key = ValueKey & { unit: UnitRow };

const WORDS: Record<BulkWrite['type'], { conflict: string; missing: string; notYet: string }> = {
  target: {
    conflict: 'Chỉ tiêu này vừa được người khác sửa; hãy xem giá trị hiện tại rồi lưu lại.',
    missing: 'target_not_found',
    notYet: 'chưa được giao chỉ tiêu này',
  },
  result: {
    conflict: 'Kết quả này vừa được người khác sửa; hãy xem giá trị hiện tại rồi chọn giữ giá trị nào.',
    missing: 'result_not_found',
    notYet: 'chưa báo cáo kết quả này',
  },
};

function save(
  db: Db,
  by: UserRow,
  type: BulkWrite['type'],
  key: Key,
  value: Value | null,
  note: string | null,
  version: number | undefined,
  target: { change?: TargetChange | null; eachYear?: boolean } = {},
) {
  return db.transaction((tx) => {
    assertUnlocked(tx, catalogue(db), key.unitId, key.period);
    const w = writeOver(tx, type, key, value, note, target);
    assertVersion(version, w.current, WORDS[type].conflict, () => storedDto(w));
    return applyWrite(tx, by, w);
  });
}

/**
 * Sets a target from what a request sends: a value, or a change from last year's result
 * (its value is computed now and whenever read); on a term, `eachYear` makes the value each
 * year's too. What is not sent is not kept: a value replaces a change, and the reverse.
 */
export function saveTarget(db: Db, by: UserRow, key: Key, body: TargetBody): TargetDto {
  const refused = unwritable('target', key.def, key.unit);
  if (refused) throw refused;
  if (body.eachYear && key.period.kind !== 'term')
    throw badRequest(
      'invalid_value',
      `Chỉ tiêu hằng năm (eachYear) chỉ giao cho một nhiệm kỳ, ví dụ NK2020-2025; ${key.period.label.toLowerCase()} không phải nhiệm kỳ.`,
      'eachYear',
    );
  let value: Value | null = null;
  let change: TargetChange | null = null;
  if (body.change) {
    const checked = checkChangeInput(key.def, body.change);
    if (!checked.ok) throw badRequest('invalid_value', checked.message, checked.field);
    change = checked.value;
  } else {
    const checked = checkTargetInput(key.def, body.value);
    if (!checked.ok) throw badRequest('invalid_value', checked.message, checked.field);
    value = checked.value;
  }
  const saved = save(db, by, 'target', key, value, null, body.version, {
    change,
    eachYear: body.eachYear ?? false,
  }) as TargetDto;
  // After the commit: the roll-up reads only what is committed.
  return targetNow(db, rollupOf(db), saved, key.def);
}

/** Sets a result, with its note, from what a request sends. */
export function saveResult(
  db: Db,
  by: UserRow,
  key: Key,
  body: { value?: unknown; numerator?: unknown; denominator?: unknown; note?: string; version?: number },
): ResultDto {
  const refused = unwritable('result', key.def, key.unit);
  if (refused) throw refused;
  const checked = checkResultInput(key.def, body);
  if (!checked.ok) throw badRequest('invalid_value', checked.message, checked.field);
  const note = body.note?.trim() ? body.note.trim() : null;
  return save(db, by, 'result', key, checked.value, note, body.version) as ResultDto;
}

/** Removes a target or a result; 404 when none is stored. */
export function removeValue(db: Db, by: UserRow, type: BulkWrite['type'], key: Key) {
  db.transaction((tx) => {
    assertUnlocked(tx, catalogue(db), key.unitId, key.period);
    const w = writeOver(tx, type, key, null, null);
    if (!w.current)
      throw notFound(
        WORDS[type].missing,
        `Đơn vị "${key.unit.name}" ${WORDS[type].notYet} trong ${key.period.label.toLowerCase()}.`,
      );
    applyWrite(tx, by, w);
  });
}
