import type { ClipboardEvent, KeyboardEvent } from 'react';
import { type Period, parsePeriod } from '../../../../shared/period';
import type { IndicatorDto } from '../../../../shared/schemas/indicators';
import type { TargetDto } from '../../../../shared/schemas/values';
import { readRelative, relativeText } from '../utils/relative-target';
import { levelsListId } from './target-grid-table';

export type CellLook = 'conflict' | 'invalid' | 'changed' | 'same';

/** "2020" for a year, "6 tháng đầu năm 2020" for a half: the base a change is measured from. */
const basePeriodText = (code: string) => {
  const p = parsePeriod(code);
  if (!p) return code;
  return p.kind === 'year' ? code : p.label.charAt(0).toLowerCase() + p.label.slice(1);
};

/**
 * What a cell says under its value: a change from last year with its base and the value it
 * gives ("tăng 10% so với 2020: 1.650"), or why it has none yet; a year's target taken from
 * its term ("theo nhiệm kỳ 2020–2025").
 */
export function cellNote(
  ind: IndicatorDto,
  text: string,
  stored: TargetDto | null,
  typed: boolean,
  inherited: { text: string; term: Period } | null,
): string | null {
  if (!text.trim() && inherited)
    return `theo ${inherited.term.label.charAt(0).toLowerCase()}${inherited.term.label.slice(1)}: ${inherited.text}`;
  const relative = text.trim() ? readRelative(ind, text) : null;
  if (!relative?.ok) return null;
  if (typed || !stored?.change) return 'tính theo kết quả cùng kỳ năm trước khi lưu';
  const rule = relativeText(ind, stored.change);
  const base = stored.base;
  if (stored.value === null || !base)
    return `chưa có kết quả năm trước${base ? ` (${basePeriodText(base.period)})` : ''}`;
  return `${rule} so với ${basePeriodText(base.period)}${base.display ? ` (${base.display})` : ''}: ${stored.display}`;
}

/** One cell of the targets grid: the typed value, "hằng năm" on a term, and what the value means. */
export function TargetGridCell({
  gridId,
  ind,
  period,
  row,
  col,
  text,
  look,
  problem,
  note,
  placeholder,
  readOnly,
  off,
  eachYear,
  onText,
  onEachYear,
  onKeyDown,
  onPaste,
  onBlur,
}: {
  gridId: string;
  ind: IndicatorDto;
  period: Period;
  row: number;
  col: number;
  text: string;
  look: CellLook;
  problem: string | undefined;
  note: string | null;
  placeholder: string | undefined;
  readOnly: boolean;
  /** Out of a phone's view: another period than the one it shows. */
  off: boolean;
  /** On a term: whether the value is also each year's; undefined elsewhere. */
  eachYear: boolean | undefined;
  onText: (text: string) => void;
  onEachYear: (on: boolean) => void;
  onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => void;
  onPaste: (e: ClipboardEvent<HTMLInputElement>) => void;
  onBlur: () => void;
}) {
  const errorId = `${gridId}-${row}-${col}-error`;
  const noteId = `${gridId}-${row}-${col}-note`;
  const describedBy = [problem ? errorId : '', note ? noteId : ''].filter(Boolean).join(' ') || undefined;
  const relative = ind.kind !== 'level' && readRelative(ind, text)?.ok;
  return (
    <td className={`tg-cell tg-${look}${relative ? ' is-relative' : ''}${off ? ' tg-off' : ''}`}>
      <input
        type="text"
        inputMode={ind.kind === 'level' ? 'text' : undefined}
        list={ind.kind === 'level' ? levelsListId(gridId, ind.code) : undefined}
        autoComplete="off"
        spellCheck={false}
        data-row={row}
        data-col={col}
        data-period={period.code}
        aria-label={`${ind.name} — ${period.label}`}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy}
        placeholder={placeholder}
        readOnly={readOnly}
        value={text}
        onChange={(e) => onText(e.target.value)}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        onBlur={onBlur}
        onFocus={(e) => e.currentTarget.select()}
      />
      {ind.kind === 'level' && text.trim() !== '' && (
        <span className="tg-level-full" aria-hidden="true">
          {text}
        </span>
      )}
      {/* "Hằng năm" where there is a value to give each year, or where it is ticked. */}
      {eachYear !== undefined && (eachYear || (text.trim() !== '' && !relative)) && (
        <label className="tg-yearly">
          <input
            type="checkbox"
            checked={eachYear}
            disabled={readOnly}
            aria-label={`${ind.name} — ${period.label}: giao hằng năm`}
            onChange={(e) => onEachYear(e.target.checked)}
          />
          <span aria-hidden="true">Hằng năm</span>
        </label>
      )}
      {note && (
        <span id={noteId} className="tg-note" data-testid="cell-note">
          {note}
        </span>
      )}
      {problem && (
        <span id={errorId} className="visually-hidden">
          {problem}
        </span>
      )}
      {look === 'changed' && <span className="visually-hidden">(đã sửa, chưa lưu)</span>}
    </td>
  );
}
