import { and, eq, sql } from 'drizzle-orm';
import {
  COLUMN_LABELS,
  IMPORT_COLUMNS,
  type ImportAction,
  type ImportChange,
  type ImportColumn,
  type ImportProblem,
  MAX_LISTED_CHANGES,
  REMOVE_WORD,
  readDecimalCell,
} from '../../../shared/import-export';
import type { IndicatorDef } from '../../../shared/indicator';
import { contains, type Period, parsePeriod, periodError } from '../../../shared/period';
import { clipQuote, foldVietnamese, isPlainText } from '../../../shared/text';
import { checkResultInput, checkTargetInput, type Value } from '../../../shared/value';
import type { Access } from '../../auth/rights';
import type { DbOrTx } from '../../db/client';
import {
  type IndicatorRow,
  type LockRow,
  locks,
  type ResultRow,
  results,
  type TargetRow,
  targets,
  type UnitRow,
} from '../../db/schema';
import { type Catalogue, toIndicatorDef } from '../../domain/catalogue';
import { assertUnlocked } from '../../domain/locks';
import { type BulkWrite, resultUnchanged, targetUnchanged, type ValueKey } from '../../domain/value-writes';
import { resultDto, targetDto, valueColumns } from '../../domain/values';
import { AppError } from '../../lib/errors';
import type { Cell, FileRow } from './import-export.read';
import type { UnitNames } from './import-export.units';

// From the rows of a file to what would be written: every row is checked in memory, against
// the catalogue, the user's rights and the locks (read once); then the values stored now
// are read in a few queries and each row is judged: create, update, delete or same.

/** Why a row is refused, which decides the status when nothing else is wrong. */
export type ProblemKind = 'invalid' | 'forbidden' | 'locked';
export type Problem = ImportProblem & { kind: ProblemKind };

export interface PlannedRow {
  row: number;
  type: 'target' | 'result';
  key: ValueKey & { unit: UnitRow };
  /** null: remove what is stored. */
  value: Value | null;
  note: string | null;
}

export interface Checked {
  /** Rows read below the header, blank lines left out. */
  rows: number;
  /** Rows with no value, which leave what is stored as it is. */
  skipped: number;
  planned: PlannedRow[];
  problems: Problem[];
}

const MAX_NOTE = 2000;
const COLUMN_INDEX = Object.fromEntries(IMPORT_COLUMNS.map((c, i) => [c, i])) as Record<ImportColumn, number>;

const sentence = (s: string) => {
  const t = s.trim();
  return `${t.charAt(0).toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}`;
};

// A CSV export writes "'" before a cell that Excel would otherwise run as a formula, and an
// export of either kind before a text already beginning with apostrophes and such a character.
const unguard = (s: string) => (/^'+[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

const text = (cell: Cell | undefined) =>
  cell === undefined ? '' : typeof cell === 'number' ? String(cell) : unguard(cell).trim();
const isEmpty = (cell: Cell | undefined) =>
  cell === undefined || (typeof cell === 'string' && cell.trim() === '');

type Input = { ok: true; input: unknown; shown: string; canonical: string } | { ok: false; message: string };

// A number cell as the value checks read it.
function numberInput(cell: Cell): Input {
  if (typeof cell === 'number')
    return { ok: true, input: cell, shown: String(cell), canonical: String(cell) };
  const raw = text(cell);
  const read = readDecimalCell(raw);
  if (!read.ok) return { ok: false, message: read.message };
  return { ok: true, input: read.text, shown: raw, canonical: read.text };
}

// The checks quote the value they were given; quote it as the file has it.
const quoted = (message: string, input: Input) =>
  input.ok && input.shown !== input.canonical
    ? message
        .replace(`"${input.canonical}"`, `"${input.shown}"`)
        .replace(`${input.canonical} không`, `"${input.shown}" không`)
    : message;

/** The lock closing a unit's period, from one read of the locks; the message as assertUnlocked words it. */
function lockMessages(db: DbOrTx, cat: Catalogue) {
  const byUnit = new Map<number, LockRow[]>();
  for (const l of db.select().from(locks).all()) {
    const list = byUnit.get(l.unitId);
    if (list) list.push(l);
    else byUnit.set(l.unitId, [l]);
  }
  const memo = new Map<string, string | null>();
  return (unitId: number, period: Period): string | null => {
    const id = `${unitId}|${period.code}`;
    const known = memo.get(id);
    if (known !== undefined) return known;
    let closed = false;
    for (
      let cur: number | null = unitId;
      cur !== null && !closed;
      cur = cat.units.get(cur)?.parentId ?? null
    ) {
      closed = (byUnit.get(cur) ?? []).some((l) => {
        const locked = parsePeriod(l.period);
        return locked !== null && (locked.code === period.code || contains(locked, period));
      });
    }
    let message: string | null = null;
    if (closed) {
      try {
        assertUnlocked(db, cat, unitId, period);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        message = err.message;
      }
    }
    memo.set(id, message);
    return message;
  };
}

const TYPE_WORDS = {
  target: 'giao chỉ tiêu (type target)',
  result: 'báo cáo kết quả (type result)',
} as const;
const REMOVE_FOLDED = foldVietnamese(REMOVE_WORD);

/**
 * Checks the rows one by one. Written as a class with the row in hand as fields, not as
 * closures made per row: a file of a hundred thousand rows must not allocate a dozen
 * functions for each.
 */
class RowChecker {
  readonly problems: Problem[] = [];
  readonly planned: PlannedRow[] = [];
  rows = 0;
  skipped = 0;
  private readonly firstRowOf = new Map<string, number>();
  private readonly periods = new Map<string, Period | null>();
  private readonly defs = new Map<number, IndicatorDef>();
  private readonly foldedLevels = new Map<number, string[]>();
  private readonly lockOf: (unitId: number, period: Period) => string | null;
  private readonly rights = new Map<string, boolean>();
  private row = 0;
  private cells: Cell[] = [];
  private problemsBefore = 0;

  constructor(
    db: DbOrTx,
    private readonly cat: Catalogue,
    private readonly names: UnitNames,
    private readonly access: Access,
  ) {
    this.lockOf = lockMessages(db, cat);
  }

  private problem(column: ImportColumn | null, message: string, kind: ProblemKind = 'invalid') {
    this.problems.push({ row: this.row, column, message: sentence(message), kind });
  }

  private get rowIsBad() {
    return this.problems.length > this.problemsBefore;
  }

  private can(capability: 'plan' | 'report', unitId: number): boolean {
    const id = `${capability}|${unitId}`;
    let may = this.rights.get(id);
    if (may === undefined) {
      may = this.access.can(capability, unitId);
      this.rights.set(id, may);
    }
    return may;
  }

  private cell(c: ImportColumn): Cell {
    return this.cells[COLUMN_INDEX[c]] ?? '';
  }

  private def(indicator: IndicatorRow): IndicatorDef {
    let def = this.defs.get(indicator.id);
    if (!def) {
      def = toIndicatorDef(indicator);
      this.defs.set(indicator.id, def);
    }
    return def;
  }

  // A level typed without diacritics or in another case takes the scale's spelling, when only one level matches.
  private levelInput(indicator: IndicatorRow, def: IndicatorDef, cell: Cell): Input {
    const raw = text(cell);
    const levels = def.levels ?? [];
    if (levels.includes(raw)) return { ok: true, input: raw, shown: raw, canonical: raw };
    let folded = this.foldedLevels.get(indicator.id);
    if (!folded) {
      folded = levels.map(foldVietnamese);
      this.foldedLevels.set(indicator.id, folded);
    }
    const typed = foldVietnamese(raw);
    const matches = levels.filter((_, i) => folded[i] === typed);
    const level = matches.length === 1 ? matches[0]! : raw;
    return { ok: true, input: level, shown: raw, canonical: level };
  }

  private valueInput(indicator: IndicatorRow, def: IndicatorDef, cell: Cell): Input {
    return def.kind === 'level' ? this.levelInput(indicator, def, cell) : numberInput(cell);
  }

  check(fileRow: FileRow) {
    const cells = fileRow.cells;
    if (cells.every(isEmpty)) return;
    this.rows++;
    this.row = fileRow.row;
    this.cells = cells;
    this.problemsBefore = this.problems.length;

    if (cells.length > IMPORT_COLUMNS.length && cells.slice(IMPORT_COLUMNS.length).some((c) => !isEmpty(c)))
      this.problem(
        'note',
        `Dòng có ${cells.length} ô, nhiều hơn ${IMPORT_COLUMNS.length} cột của dòng tiêu đề; ô chứa dấu phẩy phải đặt trong dấu ngoặc kép`,
      );

    let unit: UnitRow | undefined;
    if (isEmpty(this.cell('unit'))) this.problem('unit', `Thiếu ${COLUMN_LABELS.unit}`);
    else {
      const found = this.names.resolve(text(this.cell('unit')));
      if (found.ok) unit = found.unit;
      else this.problem('unit', found.message);
    }

    const codeText = text(this.cell('code')).toUpperCase();
    const indicator = codeText ? this.cat.indicatorsByCode.get(codeText) : undefined;
    if (!codeText) this.problem('code', `Thiếu ${COLUMN_LABELS.code}`);
    else if (!indicator)
      this.problem('code', `Không có chỉ tiêu nào mã "${clipQuote(text(this.cell('code')))}"`);

    const periodText = text(this.cell('period'));
    let period: Period | null = null;
    if (!periodText) this.problem('period', `Thiếu ${COLUMN_LABELS.period}`);
    else {
      if (!this.periods.has(periodText)) this.periods.set(periodText, parsePeriod(periodText));
      period = this.periods.get(periodText)!;
      if (!period)
        this.problem('period', periodError(periodText) ?? `Mã kỳ "${clipQuote(periodText)}" không hợp lệ`);
    }

    const typeText = text(this.cell('type')).toLowerCase();
    const type = typeText === 'target' || typeText === 'result' ? typeText : null;
    if (!typeText) this.problem('type', `Thiếu ${COLUMN_LABELS.type}`);
    else if (!type)
      this.problem(
        'type',
        `Loại "${clipQuote(text(this.cell('type')))}" không hợp lệ: cột type ghi target (kế hoạch) hoặc result (kết quả)`,
      );

    if (!unit || !indicator || !period || !type) return;
    const def = this.def(indicator);
    const key = { unit, unitId: unit.id, indicator, def, period };

    const note = text(this.cell('note'));
    const valueCell = this.cell('value');
    const noParts = isEmpty(this.cell('numerator')) && isEmpty(this.cell('denominator'));
    if (isEmpty(valueCell) && noParts) {
      if (note && type === 'result')
        this.problem(
          'value',
          'Dòng có ghi chú nhưng chưa có kết quả; hãy nhập kết quả, hoặc để trống cả ghi chú',
        );
      else if (note) this.problem('note', 'Kế hoạch (type target) không có ghi chú; hãy để trống cột note');
      else this.skipped++;
      return;
    }
    const removing =
      noParts && typeof valueCell === 'string' && valueCell.trim().length === REMOVE_FOLDED.length
        ? foldVietnamese(valueCell) === REMOVE_FOLDED
        : false;

    let value: Value | null = null;
    if (type === 'target') {
      for (const c of ['numerator', 'denominator'] as const)
        if (!isEmpty(this.cell(c)))
          this.problem(
            c,
            def.kind === 'ratio'
              ? `Kế hoạch của chỉ tiêu tỷ lệ "${def.name}" là một tỷ lệ phần trăm ghi ở cột value; tử số và mẫu số chỉ dùng cho kết quả`
              : `Tử số và mẫu số chỉ dùng cho kết quả của chỉ tiêu tỷ lệ; chỉ tiêu "${def.name}" ghi kế hoạch ở cột value`,
          );
      if (note) this.problem('note', 'Kế hoạch (type target) không có ghi chú; hãy để trống cột note');
      if (!removing && !this.rowIsBad) {
        const input = this.valueInput(indicator, def, valueCell);
        if (!input.ok) this.problem('value', input.message);
        else {
          const checked = checkTargetInput(def, input.input);
          if (checked.ok) value = checked.value;
          else this.problem('value', quoted(checked.message, input));
        }
      }
    } else if (!removing) {
      const given: { value?: unknown; numerator?: unknown; denominator?: unknown } = {};
      const inputs: Partial<Record<'value' | 'numerator' | 'denominator', Input>> = {};
      for (const c of ['value', 'numerator', 'denominator'] as const) {
        const cell = this.cell(c);
        if (isEmpty(cell)) continue;
        const input = c === 'value' ? this.valueInput(indicator, def, cell) : numberInput(cell);
        inputs[c] = input;
        if (!input.ok) this.problem(c, input.message);
        else given[c] = input.input;
      }
      if (!this.rowIsBad) {
        const checked = checkResultInput(def, given);
        if (checked.ok) value = checked.value;
        else {
          const field = checked.field as 'value' | 'numerator' | 'denominator';
          const input = inputs[field];
          this.problem(field, input ? quoted(checked.message, input) : checked.message);
        }
      }
    }
    if (note.length > MAX_NOTE)
      this.problem(
        'note',
        `Ghi chú dài ${note.length} ký tự, nhiều hơn ${MAX_NOTE.toLocaleString('vi-VN')} ký tự cho phép`,
      );
    else if (!isPlainText(note, true))
      this.problem('note', 'Ghi chú chứa ký tự không hợp lệ (ký tự điều khiển hoặc lỗi mã hóa); hãy gõ lại');

    const id = `${type}|${unit.id}|${indicator.id}|${period.code}`;
    const first = this.firstRowOf.get(id);
    if (first !== undefined)
      this.problem(
        null,
        `Trùng với dòng ${first}: cùng đơn vị, mã chỉ tiêu, kỳ và loại; mỗi giá trị chỉ ghi một dòng`,
      );
    else this.firstRowOf.set(id, this.row);

    if (!this.can(type === 'target' ? 'plan' : 'report', unit.id)) {
      const mayReport = type === 'target' && this.can('report', unit.id);
      this.problem(
        mayReport ? 'type' : 'unit',
        mayReport
          ? `Bạn chỉ được báo cáo kết quả cho "${unit.name}", không được giao chỉ tiêu (type target)`
          : `Bạn không có quyền ${TYPE_WORDS[type]} cho "${unit.name}"`,
        'forbidden',
      );
    }
    const locked = this.lockOf(unit.id, period);
    if (locked) this.problem('period', locked, 'locked');

    if (!this.rowIsBad)
      this.planned.push({
        row: this.row,
        type,
        key,
        value: removing ? null : value,
        note: type === 'result' && !removing ? note || null : null,
      });
  }
}

export function checkRows(
  db: DbOrTx,
  cat: Catalogue,
  names: UnitNames,
  access: Access,
  fileRows: FileRow[],
): Checked {
  const checker = new RowChecker(db, cat, names, access);
  for (const r of fileRows) checker.check(r);
  return {
    rows: checker.rows,
    skipped: checker.skipped,
    planned: checker.planned,
    problems: checker.problems,
  };
}

/** The values stored now for the planned rows, read by period (and by unit when few), not row by row. */
function readStored<T extends TargetRow | ResultRow>(
  db: DbOrTx,
  table: typeof targets | typeof results,
  rows: PlannedRow[],
): Map<string, T> {
  const out = new Map<string, T>();
  if (rows.length === 0) return out;
  // One lookup by the unique key per row: a province's file touches a sliver of each
  // period's rows, and reading whole periods to find them cost more than the rest together.
  const ph = sql.placeholder;
  const lookup = db
    .select()
    .from(table)
    .where(
      and(
        eq(table.unitId, ph('unitId')),
        eq(table.indicatorId, ph('indicatorId')),
        eq(table.period, ph('period')),
      ),
    )
    .prepare();
  for (const r of rows) {
    const id = `${r.key.unitId}|${r.key.indicator.id}|${r.key.period.code}`;
    if (out.has(id)) continue;
    const found = lookup.get({
      unitId: r.key.unitId,
      indicatorId: r.key.indicator.id,
      period: r.key.period.code,
    }) as T | undefined;
    if (found) out.set(id, found);
  }
  return out;
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
    let action: ImportAction;
    if (p.type === 'target') {
      const current = storedTargets.get(id);
      action = targetUnchanged(current, p.value)
        ? 'same'
        : p.value === null
          ? 'delete'
          : current
            ? 'update'
            : 'create';
      writes.push({ type: 'target', key: p.key, current, value: p.value });
    } else {
      const current = storedResults.get(id);
      action = resultUnchanged(current, p.value, p.note)
        ? 'same'
        : p.value === null
          ? 'delete'
          : current
            ? 'update'
            : 'create';
      writes.push({ type: 'result', key: p.key, current, value: p.value, note: p.note });
    }
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
    const before = w.current
      ? w.type === 'target'
        ? targetDto(p.key.def, w.current)
        : resultDto(p.key.def, w.current)
      : null;
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
  value: number | string;
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
