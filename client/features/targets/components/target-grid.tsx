import { useQueryClient } from '@tanstack/react-query';
import { type ClipboardEvent, type KeyboardEvent, useId, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { LockDto } from '../../../../shared/accounts';
import type { Period } from '../../../../shared/period';
import type { IndicatorDto } from '../../../../shared/schemas/indicators';
import type { TargetDto } from '../../../../shared/schemas/values';
import { EditNotice, type EditNoticeValue, SaveBar } from '../../../components/editing/save-bar';
import { useVersionedSave } from '../../../components/editing/use-versioned-save';
import { useLeaveGuard } from '../../../lib/navigation';
import { valuesQueryOptions } from '../../values/api/get-values';
import { useSaveValuesBatch } from '../../values/api/save-values-batch';
import { previousYearTexts } from '../utils/previous-year';
import {
  type CellState,
  cellKey,
  cellState,
  countByPeriod,
  inheritedTarget,
  isBlock,
  matchLevel,
  parseClipboardGrid,
  pasteBlock,
  storedText,
} from '../utils/target-grid';
import { PeriodSwitch } from './period-switch';
import { cellNote, TargetGridCell } from './target-grid-cell';
import { GridConflicts, GridProblems } from './target-grid-lists';
import { TargetGridTable } from './target-grid-table';
import './target-grid.css';
import './target-grid-phone.css';

export interface TargetGridProps {
  unit: { id: string; name: string };
  periods: Period[];
  indicators: IndicatorDto[];
  /** What is stored now, by cell key. */
  stored: ReadonlyMap<string, TargetDto>;
  /** The lock closing a column's period for this unit, if any. */
  locks: ReadonlyMap<string, LockDto>;
  canPlan: boolean;
}

const withoutKey = <V,>(map: ReadonlyMap<string, V>, key: string) => {
  const next = new Map(map);
  next.delete(key);
  return next;
};

/**
 * "Giao chỉ tiêu": one unit's targets for a year, its halves and its term, indicators by
 * periods. Each cell is checked as it is typed by the rules the server applies; Enter and the
 * arrow keys move between cells as in a spreadsheet, a block copied from a spreadsheet pastes
 * in place, and "Lưu" writes every changed cell in one transaction or none.
 */
export function TargetGrid({ unit, periods, indicators, stored: initial, locks, canPlan }: TargetGridProps) {
  const id = useId();
  const queryClient = useQueryClient();
  const batch = useSaveValuesBatch();
  const gridRef = useRef<HTMLTableElement>(null);
  const [texts, setTexts] = useState<ReadonlyMap<string, string>>(() => new Map());
  // "Hằng năm" as ticked on a term's cells, where it differs from what is stored.
  const [yearly, setYearly] = useState<ReadonlyMap<string, boolean>>(() => new Map());
  const [notice, setNotice] = useState<EditNoticeValue>(null);
  const [copying, setCopying] = useState(false);
  // The period a phone shows, beside the indicators' names (PeriodSwitch).
  const [shown, setShown] = useState(0);
  const saving = useVersionedSave<string, TargetDto>({
    initial: () => initial,
    // "Lấy giá trị kia": the cell shows what is stored, the typing is dropped.
    onTheirs: (key) => {
      setTexts((prev) => withoutKey(prev, key));
      setYearly((prev) => withoutKey(prev, key));
    },
    unexpected: 'Không lưu được; hãy thử lại.',
  });
  const { stored, conflicts, itemRefusals: refused } = saving;

  const codes = indicators.map((i) => i.code);
  const cols = periods.map((p) => p.code);
  const writable = (col: number) => canPlan && !locks.has(cols[col]!);

  const textOf = (ind: IndicatorDto, period: string) => {
    const key = cellKey(ind.code, period);
    return texts.get(key) ?? storedText(ind, stored.get(key) ?? null);
  };

  const eachYearOf = (key: string) => yearly.get(key) ?? stored.get(key)?.eachYear ?? false;
  const inheritedOf = (ind: IndicatorDto, p: Period) =>
    inheritedTarget(
      ind,
      p,
      periods,
      (period) => textOf(ind, period),
      (period) => eachYearOf(cellKey(ind.code, period)),
    );

  // Every cell's meaning, recomputed as the person types.
  const states = useMemo(() => {
    const out = new Map<string, CellState>();
    for (const ind of indicators)
      for (const p of periods) {
        const key = cellKey(ind.code, p.code);
        const text = texts.get(key);
        const target = stored.get(key) ?? null;
        const each = p.kind === 'term' ? (yearly.get(key) ?? target?.eachYear ?? false) : undefined;
        out.set(
          key,
          text === undefined && !yearly.has(key)
            ? { kind: 'same' }
            : cellState(ind, p.code, text ?? storedText(ind, target), target, each),
        );
      }
    return out;
  }, [indicators, periods, texts, yearly, stored]);

  const changed = [...states.entries()].filter(([, s]) => s.kind === 'changed');
  const invalid = [...states.entries()].filter(
    (e): e is [string, Extract<CellState, { kind: 'invalid' }>] => e[1].kind === 'invalid',
  );
  useLeaveGuard(changed.length > 0 || invalid.length > 0);

  const parse = (key: string) => {
    const [code, period] = key.split('|') as [string, string];
    return { code, period, ind: indicators.find((i) => i.code === code) };
  };
  const labelOf = (key: string) => {
    const { code, period, ind } = parse(key);
    return `${ind?.name ?? code} — ${periods.find((x) => x.code === period)?.label ?? period}`;
  };

  const focusCell = (row: number, col: number) => {
    const r = Math.max(0, Math.min(codes.length - 1, row));
    const c = Math.max(0, Math.min(cols.length - 1, col));
    // On a phone another period's cells are hidden until it is shown.
    if (c !== shown) flushSync(() => setShown(c));
    const input = gridRef.current?.querySelector<HTMLInputElement>(`input[data-row="${r}"][data-col="${c}"]`);
    input?.focus();
    input?.select();
  };

  const focusKey = (key: string) => {
    const { code, period } = parse(key);
    focusCell(codes.indexOf(code), cols.indexOf(period));
  };

  const setText = (key: string, text: string) => {
    setTexts((prev) => new Map(prev).set(key, text));
    saving.forget({ key });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>, row: number, col: number) => {
    const input = e.currentTarget;
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length && input.selectionEnd === input.value.length;
    const move = (r: number, c: number) => {
      e.preventDefault();
      focusCell(r, c);
    };
    if (e.key === 'Enter') move(row + (e.shiftKey ? -1 : 1), col);
    else if (e.key === 'ArrowDown') move(row + 1, col);
    else if (e.key === 'ArrowUp') move(row - 1, col);
    else if (e.key === 'ArrowLeft' && (atStart || input.readOnly)) move(row, col - 1);
    else if (e.key === 'ArrowRight' && (atEnd || input.readOnly)) move(row, col + 1);
    else if (e.key === 'Escape') {
      // Back to what is stored, as a spreadsheet undoes the typing of a cell.
      const key = cellKey(codes[row]!, cols[col]!);
      if (texts.has(key)) {
        e.preventDefault();
        setTexts((prev) => withoutKey(prev, key));
      }
    }
  };

  const onPaste = (e: ClipboardEvent<HTMLInputElement>, row: number, col: number) => {
    const text = e.clipboardData.getData('text/plain');
    if (!isBlock(text)) return;
    e.preventDefault();
    const block = parseClipboardGrid(text);
    const { writes, skipped } = pasteBlock(block, { row, col }, codes, cols, (_r, c) => writable(c));
    setTexts((prev) => new Map([...prev, ...writes]));
    setNotice({
      tone: skipped ? 'info' : 'ok',
      text:
        `Đã dán ${writes.size} ô từ bảng tính.` +
        (skipped ? ` ${skipped} ô nằm ngoài bảng hoặc ở kỳ đã khóa nên không được dán.` : '') +
        ' Kiểm tra rồi bấm “Lưu”.',
    });
  };

  // A level typed loosely ("vung manh") takes the scale's spelling when the cell is left.
  const onBlur = (ind: IndicatorDto, period: string) => {
    if (ind.kind !== 'level') return;
    const key = cellKey(ind.code, period);
    const text = texts.get(key);
    if (text === undefined) return;
    const matched = matchLevel(ind.levels ?? [], text);
    if (matched !== text) setText(key, matched);
  };

  async function copyPreviousYear() {
    setCopying(true);
    setNotice(null);
    try {
      const { writes, notice } = await previousYearTexts(
        (period) => queryClient.fetchQuery(valuesQueryOptions({ unit: unit.id, period })),
        { periods, indicators, locked: (p) => locks.has(p), textOf },
      );
      setTexts((prev) => new Map([...prev, ...writes]));
      setNotice(notice);
    } catch (err) {
      setNotice({
        tone: 'error',
        text: err instanceof Error ? err.message : 'Không chép được chỉ tiêu năm trước.',
      });
    } finally {
      setCopying(false);
    }
  }

  async function onSave() {
    setNotice(null);
    if (invalid.length > 0) {
      setNotice({ tone: 'error', text: `Còn ${invalid.length} ô chưa hợp lệ; hãy sửa trước khi lưu.` });
      focusKey(invalid[0]![0]);
      return;
    }
    const items = changed.map(([key, s]) => ({
      key,
      item: (s as Extract<CellState, { kind: 'changed' }>).item,
    }));
    if (items.length === 0) return;
    const out = await saving.save(
      () => batch.mutateAsync({ targets: items.map(({ item }) => ({ unitId: unit.id, ...item })) }),
      { keyAt: (index) => items[index]?.key },
    );
    if (out.ok) {
      saving.remember([
        ...items.flatMap(({ key, item }) => (item.remove ? [[key, null] as const] : [])),
        ...out.answer.targets.map((t) => [cellKey(t.code, t.period), t] as const),
      ]);
      setTexts((prev) => new Map([...prev].filter(([key]) => !items.some((i) => i.key === key))));
      setYearly((prev) => new Map([...prev].filter(([key]) => !items.some((i) => i.key === key))));
      setNotice({ tone: 'ok', text: `Đã lưu ${items.length} chỉ tiêu của ${unit.name}.` });
    } else if (out.conflicts > 0)
      setNotice({
        tone: 'error',
        text: `Có ${out.conflicts} chỉ tiêu vừa được người khác sửa trong lúc bạn nhập; chưa ô nào được lưu. Với mỗi ô, hãy chọn giữ giá trị của bạn hay lấy giá trị của người kia.`,
      });
    else if (out.refusal)
      setNotice({
        tone: 'error',
        text:
          out.refusal.code === 'unexpected'
            ? out.refusal.message
            : `${out.refusal.message} Chưa ô nào được lưu.`,
      });
  }

  const hintId = `${id}-hint`;

  return (
    <div className="target-grid-wrap">
      {canPlan ? (
        <p className="card-hint target-grid-help" id={hintId}>
          Gõ số như trên giấy (1.500; 92,5), hoặc mức so với cùng kỳ năm trước (“tăng 10%”, “giảm 5%”, “tăng
          2”). Ở cột nhiệm kỳ, đánh dấu “Hằng năm” để chỉ tiêu là chỉ tiêu của mỗi năm.{' '}
          <span className="tg-help-keys">
            Enter hoặc các phím mũi tên để chuyển ô, Esc để bỏ phần vừa gõ; dán được cả một vùng chép từ
            Excel.{' '}
          </span>
          <span className="tg-help-phone">Chọn kỳ cần nhập ở các nút ngay dưới đây. </span>Ô đổi màu vàng là ô
          đã sửa chưa lưu.
        </p>
      ) : (
        <p className="card-hint target-grid-help" id={hintId}>
          Bạn chỉ được xem chỉ tiêu của {unit.name}; việc giao chỉ tiêu do cấp ủy thực hiện.
        </p>
      )}

      <PeriodSwitch
        periods={periods}
        shown={shown}
        onShow={setShown}
        changed={countByPeriod(changed)}
        invalid={countByPeriod(invalid)}
        locks={locks}
      />

      <TargetGridTable
        id={id}
        unitName={unit.name}
        periods={periods}
        indicators={indicators}
        locks={locks}
        tableRef={gridRef}
        describedBy={hintId}
        shown={shown}
        cell={(ind, p, row, col) => {
          const key = cellKey(ind.code, p.code);
          const state = states.get(key)!;
          const problem = state.kind === 'invalid' ? state.message : refused.get(key);
          const text = textOf(ind, p.code);
          const inherited = text.trim() === '' ? inheritedOf(ind, p) : null;
          return (
            <TargetGridCell
              key={p.code}
              gridId={id}
              ind={ind}
              period={p}
              row={row}
              col={col}
              text={text}
              look={
                conflicts.has(key)
                  ? 'conflict'
                  : problem
                    ? 'invalid'
                    : state.kind === 'changed'
                      ? 'changed'
                      : 'same'
              }
              problem={problem}
              note={cellNote(ind, text, stored.get(key) ?? null, texts.has(key), inherited)}
              placeholder={inherited?.text}
              readOnly={!writable(col)}
              off={col !== shown}
              eachYear={p.kind === 'term' ? eachYearOf(key) : undefined}
              onText={(t) => setText(key, t)}
              onEachYear={(on) => {
                setYearly((prev) => new Map(prev).set(key, on));
                saving.forget({ key });
              }}
              onKeyDown={(e) => onKeyDown(e, row, col)}
              onPaste={(e) => onPaste(e, row, col)}
              onBlur={() => onBlur(ind, p.code)}
            />
          );
        }}
      />

      <GridProblems
        problems={[...invalid.map(([key, s]) => [key, s.message] as const), ...refused.entries()]}
        labelOf={labelOf}
        onGo={focusKey}
      />

      <GridConflicts
        saving={saving}
        labelOf={labelOf}
        mineOf={(key) => {
          const { period, ind } = parse(key);
          return ind ? textOf(ind, period).trim() : '';
        }}
      />

      <EditNotice notice={notice} />

      {canPlan && (
        <SaveBar
          className="tg-actions"
          changed={changed.length}
          invalid={invalid.length}
          noun="thay đổi"
          save={saving}
          onSave={onSave}
          canDiscard={texts.size + yearly.size > 0}
          onDiscard={() => {
            setTexts(new Map());
            setYearly(new Map());
            setNotice(null);
          }}
          extra={
            <button
              type="button"
              className="button button-secondary"
              onClick={copyPreviousYear}
              disabled={copying || saving.saving}
            >
              {copying ? 'Đang chép…' : 'Chép từ năm trước'}
            </button>
          }
        >
          <span className="tg-count" aria-live="polite">
            {changed.length > 0 && `${changed.length} ô đã sửa`}
            {invalid.length > 0 && `${changed.length > 0 ? '; ' : ''}${invalid.length} ô chưa hợp lệ`}
          </span>
        </SaveBar>
      )}
    </div>
  );
}
