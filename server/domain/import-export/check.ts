import {
  COLUMN_LABELS,
  IMPORT_COLUMNS,
  type ImportColumn,
  type ImportProblem,
  REMOVE_WORD,
  readDecimalCell,
  TYPE_WORDS,
} from '../../../shared/import-export';
import type { IndicatorDef } from '../../../shared/indicator';
import { type Period, parsePeriod, periodError } from '../../../shared/period';
import { chainUp } from '../../../shared/rights';
import { clipQuote, foldVietnamese, isPlainText } from '../../../shared/text';
import { checkResultInput, checkTargetInput, type Value } from '../../../shared/value';
import type { Access } from '../../auth/rights';
import type { DbOrTx } from '../../db/client';
import type { IndicatorRow, UnitRow } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { type Catalogue, parentIn, toIndicatorDef } from '../catalogue';
import { assertUnlocked, closes } from '../locks';
import { unwritable, type ValueKey } from '../value-writes';
import { locksByUnit } from './queries';
import type { Cell, FileRow } from './read';
import type { UnitNames } from './unit-names';

// From the rows of a file to the values they would write: every row is checked in memory,
// against the catalogue, the user's rights and the locks (read once). What each would do to
// the values stored now is judged afterwards (plan.ts).

/** Why a row is refused, which decides the status when nothing else is wrong. */
export type ProblemKind = 'invalid' | 'forbidden' | 'derived' | 'not_applicable' | 'locked';
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
  const byUnit = locksByUnit(db);
  const parentOf = parentIn(cat);
  const memo = new Map<string, string | null>();
  return (unitId: number, period: Period): string | null => {
    const id = `${unitId}|${period.code}`;
    const known = memo.get(id);
    if (known !== undefined) return known;
    const closed = chainUp(parentOf, unitId).some((cur) =>
      (byUnit.get(cur) ?? []).some((l) => closes(l.period, period)),
    );
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

const TYPE_PHRASES = {
  target: 'giao chỉ tiêu (loại target)',
  result: 'báo cáo kết quả (loại result)',
} as const;
const REMOVE_FOLDED = foldVietnamese(REMOVE_WORD);

/** The type column's words, either header's, as compared: without diacritics or case. */
const TYPE_OF = new Map(
  (['target', 'result'] as const).flatMap((type) =>
    TYPE_WORDS[type].map((w) => [foldVietnamese(w), type] as const),
  ),
);

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

    const typeText = text(this.cell('type'));
    const type = typeText ? (TYPE_OF.get(foldVietnamese(typeText)) ?? null) : null;
    if (!typeText) this.problem('type', `Thiếu ${COLUMN_LABELS.type}`);
    else if (!type)
      this.problem(
        'type',
        `Loại "${clipQuote(typeText)}" không hợp lệ: cột loại (type) ghi "kết quả" hoặc result cho kết quả, "chỉ tiêu" (hay "kế hoạch") hoặc target cho chỉ tiêu giao`,
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
      else if (note)
        this.problem('note', 'Kế hoạch (loại target) không có ghi chú; hãy để trống cột ghi chú (note)');
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
              ? `Kế hoạch của chỉ tiêu tỷ lệ "${def.name}" là một tỷ lệ phần trăm ghi ở cột giá trị (value); tử số và mẫu số chỉ dùng cho kết quả`
              : `Tử số và mẫu số chỉ dùng cho kết quả của chỉ tiêu tỷ lệ; chỉ tiêu "${def.name}" ghi kế hoạch ở cột giá trị (value)`,
          );
      if (note)
        this.problem('note', 'Kế hoạch (loại target) không có ghi chú; hãy để trống cột ghi chú (note)');
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
          ? `Bạn chỉ được báo cáo kết quả cho "${unit.name}", không được giao chỉ tiêu (loại target)`
          : `Bạn không có quyền ${TYPE_PHRASES[type]} cho "${unit.name}"`,
        'forbidden',
      );
    }
    if (!removing) {
      const refused = unwritable(type, def, unit);
      if (refused)
        this.problem(
          refused.code === 'derived_result' ? 'type' : 'unit',
          refused.message,
          refused.code === 'derived_result' ? 'derived' : 'not_applicable',
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
