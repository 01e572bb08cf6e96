import type { Period } from '../../shared/period';
import { parsePeriod, periodError } from '../../shared/period';
import type { ItemProblem } from '../../shared/schemas/common';
import type { ResultDto, TargetDto, ValuesBatchBody } from '../../shared/schemas/values';
import { checkChangeInput, type TargetChange } from '../../shared/targets';
import { checkResultInput, checkTargetInput, type Value } from '../../shared/value';
import type { Access } from '../auth/rights';
import type { Db } from '../db/client';
import type { UnitRow } from '../db/schema';
import { isStale } from '../db/versioned';
import { AppError } from '../lib/errors';
import { type Catalogue, catalogue, toIndicatorDef } from './catalogue';
import { assertUnlocked } from './locks';
import { rollupOf } from './rollup-store';
import { targetNow } from './targets';
import { applyWrite, type BulkWrite, storedDto, unwritable, type ValueKey, writeOver } from './value-writes';

// POST /api/values/batch: a screenful of targets and results saved at once, as the targets
// grid and the results screen send them. Every item is checked before anything is written;
// one bad item, one item outside the user's rights, one locked period or one stale version
// refuses the whole batch, and the answer names every item at fault, not only the first.

type List = 'targets' | 'results';

interface Planned {
  list: List;
  index: number;
  key: ValueKey & { unit: UnitRow };
  value: Value | null;
  note: string | null;
  version: number | undefined;
  /** A target relative to last year; each year's on a term (undefined: as stored). */
  target?: { change: TargetChange | null; eachYear?: boolean };
}

const LIST_WORDS: Record<List, string> = { targets: 'chỉ tiêu', results: 'kết quả' };

function where(list: List, index: number) {
  return `${LIST_WORDS[list]} thứ ${index + 1}`;
}

function resolve(
  cat: Catalogue,
  list: List,
  index: number,
  item: { unitId: string; code: string; period: string },
  problems: ItemProblem[],
): (ValueKey & { unit: UnitRow }) | null {
  const unit = cat.units.get(Number(item.unitId));
  if (!unit) {
    problems.push({ list, index, field: 'unitId', message: `Không tìm thấy đơn vị có mã "${item.unitId}".` });
    return null;
  }
  const indicator = cat.indicatorsByCode.get(item.code);
  if (!indicator) {
    problems.push({ list, index, field: 'code', message: `Không tìm thấy chỉ tiêu có mã "${item.code}".` });
    return null;
  }
  const period: Period | null = parsePeriod(item.period);
  if (!period) {
    problems.push({
      list,
      index,
      field: 'period',
      message: periodError(item.period) ?? 'Mã kỳ không hợp lệ.',
    });
    return null;
  }
  return { unit, unitId: unit.id, indicator, def: toIndicatorDef(indicator), period };
}

function refuse(
  status: 400 | 409 | 422,
  code: string,
  problems: ItemProblem[],
  extra: Record<string, unknown> = {},
) {
  const first = problems[0]!;
  const more = problems.length > 1 ? ` (và ${problems.length - 1} lỗi khác)` : '';
  const message = `${where(first.list as List, first.index)}: ${first.message.replace(/\.$/, '')}${more}.`;
  const sentence = message.charAt(0).toUpperCase() + message.slice(1);
  return new AppError(status, code, sentence, first.field && `${first.list}.${first.index}.${first.field}`, {
    errors: problems,
    ...extra,
  });
}

export function writeBatch(db: Db, access: Access, body: ValuesBatchBody) {
  const cat = catalogue(db);
  const problems: ItemProblem[] = [];
  const plan: Planned[] = [];
  const seen = new Map<string, number>();

  const keyOnce = (list: List, index: number, k: ValueKey) => {
    const id = `${list}|${k.unitId}|${k.indicator.code}|${k.period.code}`;
    const first = seen.get(id);
    if (first !== undefined) {
      problems.push({
        list,
        index,
        message: `trùng với ${where(list, first)} (cùng đơn vị, chỉ tiêu và kỳ)`,
      });
      return false;
    }
    seen.set(id, index);
    return true;
  };

  body.targets?.forEach((item, index) => {
    const key = resolve(cat, 'targets', index, item, problems);
    if (!key || !keyOnce('targets', index, key)) return;
    if (item.remove && (item.value !== undefined || item.change !== undefined)) {
      problems.push({ list: 'targets', index, field: 'value', message: 'không thể vừa gửi giá trị vừa xóa' });
      return;
    }
    if (item.remove) {
      plan.push({ list: 'targets', index, key, value: null, note: null, version: item.version });
      return;
    }
    if (item.value !== undefined && item.change !== undefined) {
      problems.push({
        list: 'targets',
        index,
        field: 'change',
        message: 'chỉ gửi một trong hai: giá trị (value) hoặc mức tăng, giảm so với năm trước (change)',
      });
      return;
    }
    if (item.eachYear && (key.period.kind !== 'term' || item.change !== undefined)) {
      problems.push({
        list: 'targets',
        index,
        field: 'eachYear',
        message:
          item.change !== undefined
            ? 'chỉ tiêu hằng năm (eachYear) cần một giá trị (value), không theo mức tăng, giảm'
            : 'chỉ tiêu hằng năm (eachYear) chỉ giao cho một nhiệm kỳ, ví dụ NK2020-2025',
      });
      return;
    }
    if (item.change !== undefined) {
      const checked = checkChangeInput(key.def, item.change);
      if (!checked.ok) {
        problems.push({ list: 'targets', index, field: checked.field, message: checked.message });
        return;
      }
      plan.push({
        list: 'targets',
        index,
        key,
        value: null,
        note: null,
        version: item.version,
        target: { change: checked.value, eachYear: false },
      });
      return;
    }
    const checked = checkTargetInput(key.def, item.value);
    if (!checked.ok) {
      problems.push({ list: 'targets', index, field: checked.field, message: checked.message });
      return;
    }
    plan.push({
      list: 'targets',
      index,
      key,
      value: checked.value,
      note: null,
      version: item.version,
      target: { change: null, ...(item.eachYear !== undefined ? { eachYear: item.eachYear } : {}) },
    });
  });

  body.results?.forEach((item, index) => {
    const key = resolve(cat, 'results', index, item, problems);
    if (!key || !keyOnce('results', index, key)) return;
    const given = item.value !== undefined || item.numerator !== undefined || item.denominator !== undefined;
    if (item.remove && given) {
      problems.push({ list: 'results', index, field: 'value', message: 'không thể vừa gửi giá trị vừa xóa' });
      return;
    }
    if (item.remove) {
      plan.push({ list: 'results', index, key, value: null, note: null, version: item.version });
      return;
    }
    const checked = checkResultInput(key.def, item);
    if (!checked.ok) {
      problems.push({ list: 'results', index, field: checked.field, message: checked.message });
      return;
    }
    const note = item.note?.trim() ? item.note.trim() : null;
    plan.push({ list: 'results', index, key, value: checked.value, note, version: item.version });
  });

  if (problems.length > 0) throw refuse(400, 'invalid_value', problems);

  for (const p of plan) access.demand(p.list === 'targets' ? 'plan' : 'report', p.key.unitId);

  // Within the caller's rights: a result computed from the units below (409), a unit the
  // indicator does not apply to (422). Removals stay possible.
  const unfit = new Map<string, ItemProblem[]>();
  for (const p of plan) {
    if (p.value === null && !p.target?.change) continue;
    const refused = unwritable(p.list === 'targets' ? 'target' : 'result', p.key.def, p.key.unit);
    if (!refused) continue;
    const list = unfit.get(refused.code) ?? [];
    list.push({ list: p.list, index: p.index, field: refused.field, message: refused.message });
    unfit.set(refused.code, list);
  }
  for (const [code, status] of [
    ['derived_result', 409],
    ['not_applicable', 422],
  ] as const) {
    const found = unfit.get(code);
    if (found) throw refuse(status, code, found);
  }

  const saved = db.transaction((tx) => {
    const checkedLocks = new Set<string>();
    const conflicts: (ItemProblem & { current: TargetDto | ResultDto | null })[] = [];
    const writes: BulkWrite[] = plan.map((p) => {
      const lockKey = `${p.key.unitId}|${p.key.period.code}`;
      if (!checkedLocks.has(lockKey)) {
        assertUnlocked(tx, cat, p.key.unitId, p.key.period);
        checkedLocks.add(lockKey);
      }
      const w = writeOver(tx, p.list === 'targets' ? 'target' : 'result', p.key, p.value, p.note, p.target);
      if (isStale(p.version, w.current))
        conflicts.push({
          list: p.list,
          index: p.index,
          message: `"${p.key.indicator.name}" của ${p.key.unit.name}, ${p.key.period.label.toLowerCase()}, vừa được người khác sửa`,
          current: storedDto(w),
        });
      return w;
    });
    if (conflicts.length > 0)
      throw refuse(409, 'version_conflict', conflicts, {
        conflicts: conflicts.map(({ list, index, current }) => ({ list, index, current })),
      });

    let changed = 0;
    const targetsOut: TargetDto[] = [];
    const resultsOut: ResultDto[] = [];
    for (const w of writes) {
      const after = applyWrite(tx, access.user, w);
      if (after && w.type === 'target') targetsOut.push(after as TargetDto);
      if (after && w.type === 'result') resultsOut.push(after as ResultDto);
      if (after?.version !== w.current?.version) changed++;
    }
    return { targets: targetsOut, results: resultsOut, changed };
  });
  // Relative targets' values, once committed: the roll-up reads only what is committed.
  if (!saved.targets.some((t) => t.change)) return saved;
  const rollup = rollupOf(db);
  return {
    ...saved,
    targets: saved.targets.map((t) =>
      targetNow(db, rollup, t, toIndicatorDef(cat.indicatorsByCode.get(t.code)!)),
    ),
  };
}
