import type { Period } from '../../../shared/period';
import { parsePeriod, periodError } from '../../../shared/period';
import type { ItemProblem } from '../../../shared/schemas/common';
import type { ResultDto, TargetDto, ValuesBatchBody } from '../../../shared/schemas/values';
import { checkResultInput, checkTargetInput, type Value } from '../../../shared/value';
import type { Access } from '../../auth/rights';
import type { Db } from '../../db/client';
import type { UnitRow } from '../../db/schema';
import { type Catalogue, catalogue, toIndicatorDef } from '../../domain/catalogue';
import { assertUnlocked } from '../../domain/locks';
import {
  applyResult,
  applyTarget,
  currentResult,
  currentTarget,
  type ValueKey,
} from '../../domain/value-writes';
import { resultDto, targetDto } from '../../domain/values';
import { AppError } from '../../lib/errors';

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
  status: 400 | 409,
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
    if (item.remove && item.value !== undefined) {
      problems.push({ list: 'targets', index, field: 'value', message: 'không thể vừa gửi giá trị vừa xóa' });
      return;
    }
    if (item.remove) {
      plan.push({ list: 'targets', index, key, value: null, note: null, version: item.version });
      return;
    }
    const checked = checkTargetInput(key.def, item.value);
    if (!checked.ok) {
      problems.push({ list: 'targets', index, field: checked.field, message: checked.message });
      return;
    }
    plan.push({ list: 'targets', index, key, value: checked.value, note: null, version: item.version });
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

  return db.transaction((tx) => {
    const checkedLocks = new Set<string>();
    const conflicts: (ItemProblem & { current: TargetDto | ResultDto | null })[] = [];
    const stored = plan.map((p) => {
      const lockKey = `${p.key.unitId}|${p.key.period.code}`;
      if (!checkedLocks.has(lockKey)) {
        assertUnlocked(tx, cat, p.key.unitId, p.key.period);
        checkedLocks.add(lockKey);
      }
      const current = p.list === 'targets' ? currentTarget(tx, p.key) : currentResult(tx, p.key);
      if (p.version !== undefined && (current?.version ?? 0) !== p.version) {
        const dto =
          current === undefined
            ? null
            : p.list === 'targets'
              ? targetDto(p.key.def, current)
              : resultDto(p.key.def, current as NonNullable<ReturnType<typeof currentResult>>);
        conflicts.push({
          list: p.list,
          index: p.index,
          message: `"${p.key.indicator.name}" của ${p.key.unit.name}, ${p.key.period.label.toLowerCase()}, vừa được người khác sửa`,
          current: dto,
        });
      }
      return current;
    });
    if (conflicts.length > 0)
      throw refuse(409, 'version_conflict', conflicts, {
        conflicts: conflicts.map(({ list, index, current }) => ({ list, index, current })),
      });

    let changed = 0;
    const targetsOut: TargetDto[] = [];
    const resultsOut: ResultDto[] = [];
    plan.forEach((p, i) => {
      const current = stored[i];
      const before = current?.version;
      if (p.list === 'targets') {
        const after = applyTarget(
          tx,
          access.user,
          p.key,
          current as ReturnType<typeof currentTarget>,
          p.value,
        );
        if (after) targetsOut.push(after);
        if (after?.version !== before) changed++;
      } else {
        const after = applyResult(
          tx,
          access.user,
          p.key,
          current as ReturnType<typeof currentResult>,
          p.value,
          p.note,
        );
        if (after) resultsOut.push(after);
        if (after?.version !== before) changed++;
      }
    });
    return { targets: targetsOut, results: resultsOut, changed };
  });
}
