import {
  COLUMN_LABELS,
  IMPORT_COLUMNS,
  type ImportAction,
  type ImportChange,
  type ImportResponse,
  MAX_LISTED_CHANGES,
  MAX_LISTED_ERRORS,
} from '../../../shared/import-export';
import type { Access } from '../../auth/rights';
import type { Db, DbOrTx, Tx } from '../../db/client';
import type { ResultRow, TargetRow } from '../../db/schema';
import { results, targets } from '../../db/schema';
import { AppError, badRequest } from '../../lib/errors';
import { catalogue } from '../catalogue';
import { applyValuesBulk, type BulkWrite, storedDto, writeUnchanged } from '../value-writes';
import { resultDto, targetDto, valueColumns } from '../values';
import { checkRows, type PlannedRow, type Problem } from './check';
import { readStored } from './queries';
import type { ReadFile } from './read';
import { UnitNames } from './unit-names';

// An import, once its file is read: every row checked (check.ts), then, when none is at fault,
// what each would do to the values stored now (create, update, delete or same), written in one
// transaction unless it is a dry run, and answered with the changes listed row by row.

/**
 * Checks, judges and (unless `dryRun`) writes the rows of a file: inside one transaction for a
 * real import, so that what is judged is what is overwritten and one bad row leaves everything
 * as it was. Throws the refusal naming every problem.
 */
export function importRows(db: Db, access: Access, file: ReadFile, dryRun: boolean): ImportResponse {
  const cat = catalogue(db);
  const names = new UnitNames(cat);
  const run = (tx: DbOrTx): ImportResponse => {
    const checked = checkRows(tx, cat, names, access, file.rows);
    const problems: Problem[] = [
      ...file.problems.map((p) => ({ ...p, kind: 'invalid' as const })),
      ...checked.problems,
    ];
    if (problems.length > 0) throw refusal(problems);
    if (checked.rows === 0)
      throw badRequest('empty_file', 'Tệp không có dòng số liệu nào dưới dòng tiêu đề.', 'file');
    const judged = judgeRows(tx, checked.planned);
    const written = judged.counts.create + judged.counts.update + judged.counts.delete;
    if (!dryRun) applyValuesBulk(tx, access.user, judged.writes);
    const { changes, total } = listChanges(checked.planned, judged);
    return {
      rows: checked.rows,
      written,
      dryRun,
      counts: { ...judged.counts, skipped: checked.skipped },
      changes,
      changesTotal: total,
    };
  };
  return dryRun ? run(db) : db.transaction((tx: Tx) => run(tx));
}

const columnOrder = (c: Problem['column']) => (c === null ? -1 : IMPORT_COLUMNS.indexOf(c));

/** The kinds of problem, the first found deciding the status. */
const KIND_ORDER = ['invalid', 'forbidden', 'derived', 'not_applicable', 'locked'] as const;

/**
 * One refusal naming every problem: 400 if a row is wrong, else 403 for rights, else 409 for
 * a result computed from the units below, else 422 for a unit the indicator does not apply
 * to, else 423 for locks.
 */
function refusal(problems: Problem[]): AppError {
  problems.sort((a, b) => a.row - b.row || columnOrder(a.column) - columnOrder(b.column));
  const kind = KIND_ORDER.find((k) => problems.some((p) => p.kind === k))!;
  const first = problems.find((p) => p.kind === kind)!;
  const where = `dòng ${first.row}${first.column ? `, cột ${COLUMN_LABELS[first.column]}` : ''}`;
  const count = problems.length;
  const reason = {
    invalid: `tệp có ${count} lỗi`,
    forbidden: `có dòng ngoài quyền của bạn (${count} lỗi)`,
    derived: `có dòng ghi kết quả của chỉ tiêu được tính tự động (${count} lỗi)`,
    not_applicable: `có dòng ghi chỉ tiêu cho loại đơn vị mà chỉ tiêu không áp dụng (${count} lỗi)`,
    locked: `có dòng thuộc kỳ đã khóa (${count} lỗi)`,
  }[kind];
  const message = `Không dòng nào được ghi vì ${reason}; ${where}: ${first.message}`;
  const [status, code] = (
    {
      invalid: [400, 'invalid_rows'],
      forbidden: [403, 'forbidden'],
      derived: [409, 'derived_result'],
      not_applicable: [422, 'not_applicable'],
      locked: [423, 'period_locked'],
    } as const
  )[kind];
  return new AppError(status, code, message, undefined, {
    errors: problems
      .slice(0, MAX_LISTED_ERRORS)
      .map(({ row, column, message }) => ({ row, column, message })),
    errorCount: count,
  });
}

export interface Judged {
  writes: BulkWrite[];
  actions: ImportAction[];
  counts: Record<ImportAction, number>;
}

/** What each planned row would do to what is stored now. */
export function judgeRows(db: DbOrTx, planned: PlannedRow[]): Judged {
  const storedTargets = readStored<TargetRow>(
    db,
    targets,
    planned.filter((p) => p.type === 'target'),
  );
  const storedResults = readStored<ResultRow>(
    db,
    results,
    planned.filter((p) => p.type === 'result'),
  );
  const counts: Record<ImportAction, number> = { create: 0, update: 0, delete: 0, same: 0 };
  const writes: BulkWrite[] = [];
  const actions: ImportAction[] = [];
  for (const p of planned) {
    const id = `${p.key.unitId}|${p.key.indicator.id}|${p.key.period.code}`;
    const write: BulkWrite =
      p.type === 'target'
        ? { type: 'target', key: p.key, current: storedTargets.get(id), value: p.value }
        : { type: 'result', key: p.key, current: storedResults.get(id), value: p.value, note: p.note };
    const action: ImportAction = writeUnchanged(write)
      ? 'same'
      : p.value === null
        ? 'delete'
        : write.current
          ? 'update'
          : 'create';
    writes.push(write);
    counts[action]++;
    actions.push(action);
  }
  return { writes, actions, counts };
}

/** The rows that change, then the unchanged ones, each as before → after; at most MAX_LISTED_CHANGES. */
export function listChanges(
  planned: PlannedRow[],
  judged: Judged,
): { changes: ImportChange[]; total: number } {
  const indexes = planned.map((_, i) => i);
  const order = [
    ...indexes.filter((i) => judged.actions[i] !== 'same'),
    ...indexes.filter((i) => judged.actions[i] === 'same'),
  ];
  const changes = order.slice(0, MAX_LISTED_CHANGES).map((i): ImportChange => {
    const p = planned[i]!;
    const w = judged.writes[i]!;
    const before = storedDto(w);
    const after =
      p.value === null
        ? null
        : w.type === 'target'
          ? targetDto(p.key.def, { ...stub(p), ...valueColumns(p.value) })
          : resultDto(p.key.def, { ...stub(p), ...valueColumns(p.value), note: p.note });
    return {
      row: p.row,
      unit: { id: String(p.key.unitId), name: p.key.unit.name },
      code: p.key.indicator.code,
      indicatorName: p.key.indicator.name,
      period: p.key.period.code,
      type: p.type,
      action: judged.actions[i]!,
      before: before && shown(before),
      after: after && shown(after),
    };
  });
  return { changes, total: order.length };
}

const stub = (p: PlannedRow) => ({
  unitId: p.key.unitId,
  period: p.key.period.code,
  version: 0,
  updatedAt: '',
});

function shown(dto: {
  /** Null for a target relative to last year (its display says the change). */
  value: number | string | null;
  display: string;
  numerator?: number;
  denominator?: number;
  note?: string | null;
}) {
  return {
    value: dto.value,
    display: dto.display,
    ...(dto.numerator !== undefined ? { numerator: dto.numerator, denominator: dto.denominator } : {}),
    ...(dto.note !== undefined ? { note: dto.note } : {}),
  };
}
