import { useQueryClient } from '@tanstack/react-query';
import { type ClipboardEvent, type KeyboardEvent, useId, useMemo, useRef, useState } from 'react';
import type { LockDto } from '../../../../shared/accounts';
import type { IndicatorDef } from '../../../../shared/indicator';
import type { Period } from '../../../../shared/period';
import { samePeriodLastYear } from '../../../../shared/period';
import type { ItemProblem } from '../../../../shared/schemas/common';
import type { IndicatorDto } from '../../../../shared/schemas/indicators';
import type { TargetDto } from '../../../../shared/schemas/values';
import { LockIcon } from '../../../components/ui/lock-icon';
import { ApiError } from '../../../lib/api';
import { useLeaveGuard } from '../../../lib/navigation';
import { valuesQueryOptions } from '../../values/api/get-values';
import { useSaveValuesBatch } from '../../values/api/save-values-batch';
import {
  type CellState,
  cellKey,
  cellState,
  isBlock,
  matchLevel,
  parseClipboardGrid,
  pasteBlock,
  storedText,
} from '../utils/target-grid';
import './target-grid.css';

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

interface Conflict {
  current: TargetDto | null;
}

type Notice = { tone: 'ok' | 'error' | 'info'; text: string } | null;

const HINTS: Record<IndicatorDef['kind'], string> = {
  count: 'số nguyên',
  percent: '%, tối đa 2 chữ số thập phân',
  ratio: '% từ 0 đến 100',
  level: 'một mức xếp loại',
};

function shownTarget(t: TargetDto | null): string {
  return t ? t.display : 'trống';
}

/**
 * "Giao chỉ tiêu": one unit's targets for a year, its halves and its term, indicators by
 * periods. Each cell is checked as it is typed by the rules the server applies; Enter and the
 * arrow keys move between cells as in a spreadsheet, a block copied from a spreadsheet pastes
 * in place, and "Lưu" writes every changed cell in one transaction or none.
 */
export function TargetGrid({ unit, periods, indicators, stored: initial, locks, canPlan }: TargetGridProps) {
  const id = useId();
  const queryClient = useQueryClient();
  const save = useSaveValuesBatch();
  const gridRef = useRef<HTMLTableElement>(null);
  const [stored, setStored] = useState<Map<string, TargetDto>>(() => new Map(initial));
  const [texts, setTexts] = useState<Map<string, string>>(() => new Map());
  const [conflicts, setConflicts] = useState<Map<string, Conflict>>(() => new Map());
  const [refused, setRefused] = useState<Map<string, string>>(() => new Map());
  const [notice, setNotice] = useState<Notice>(null);
  const [copying, setCopying] = useState(false);

  const codes = indicators.map((i) => i.code);
  const cols = periods.map((p) => p.code);
  const writable = (col: number) => canPlan && !locks.has(cols[col]!);

  const textOf = (ind: IndicatorDto, period: string) => {
    const key = cellKey(ind.code, period);
    return texts.get(key) ?? storedText(ind, stored.get(key) ?? null);
  };

  // Every cell's meaning, recomputed as the person types.
  const states = useMemo(() => {
    const out = new Map<string, CellState>();
    for (const ind of indicators)
      for (const p of periods) {
        const key = cellKey(ind.code, p.code);
        const text = texts.get(key);
        out.set(
          key,
          text === undefined ? { kind: 'same' } : cellState(ind, p.code, text, stored.get(key) ?? null),
        );
      }
    return out;
  }, [indicators, periods, texts, stored]);

  const changed = [...states.entries()].filter(([, s]) => s.kind === 'changed');
  const invalid = [...states.entries()].filter(
    (e): e is [string, Extract<CellState, { kind: 'invalid' }>] => e[1].kind === 'invalid',
  );
  useLeaveGuard(changed.length > 0 || invalid.length > 0);

  const labelOf = (key: string) => {
    const [code, period] = key.split('|');
    const ind = indicators.find((i) => i.code === code);
    const p = periods.find((x) => x.code === period);
    return `${ind?.name ?? code} — ${p?.label ?? period}`;
  };

  const focusCell = (row: number, col: number) => {
    const r = Math.max(0, Math.min(codes.length - 1, row));
    const c = Math.max(0, Math.min(cols.length - 1, col));
    const input = gridRef.current?.querySelector<HTMLInputElement>(`input[data-row="${r}"][data-col="${c}"]`);
    input?.focus();
    input?.select();
  };

  const focusKey = (key: string) => {
    const [code, period] = key.split('|');
    focusCell(codes.indexOf(code!), cols.indexOf(period!));
  };

  const setText = (key: string, text: string) => {
    setTexts((prev) => new Map(prev).set(key, text));
    setRefused((prev) => {
      if (!prev.has(key)) return prev;
      const next = new Map(prev);
      next.delete(key);
      return next;
    });
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
        setTexts((prev) => {
          const next = new Map(prev);
          next.delete(key);
          return next;
        });
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
      const previous = periods
        .filter((p) => p.kind !== 'term')
        .map((p) => [p, samePeriodLastYear(p)] as const);
      const answers = await Promise.all(
        previous.map(([, prev]) =>
          queryClient.fetchQuery(valuesQueryOptions({ unit: unit.id, period: prev.code })),
        ),
      );
      const writes = new Map<string, string>();
      let kept = 0;
      previous.forEach(([p], i) => {
        if (locks.has(p.code)) return;
        for (const t of answers[i]!.targets) {
          const ind = indicators.find((x) => x.code === t.code);
          if (!ind) continue;
          const key = cellKey(t.code, p.code);
          if (textOf(ind, p.code).trim() !== '') {
            kept++;
            continue;
          }
          writes.set(key, storedText(ind, t));
        }
      });
      setTexts((prev) => new Map([...prev, ...writes]));
      const year = previous[0]?.[1].label.toLowerCase() ?? 'năm trước';
      setNotice(
        writes.size === 0 && kept === 0
          ? { tone: 'info', text: `Đơn vị chưa được giao chỉ tiêu nào trong ${year} để chép.` }
          : {
              tone: 'ok',
              text:
                `Đã chép ${writes.size} chỉ tiêu từ ${year} vào các ô còn trống` +
                (kept ? `; ${kept} ô đã có giá trị được giữ nguyên` : '') +
                '. Điều chỉnh rồi bấm “Lưu”.',
            },
      );
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
      setNotice({
        tone: 'error',
        text: `Còn ${invalid.length} ô chưa hợp lệ; hãy sửa trước khi lưu.`,
      });
      focusKey(invalid[0]![0]);
      return;
    }
    const items = changed.map(([key, s]) => ({
      key,
      item: (s as Extract<CellState, { kind: 'changed' }>).item,
    }));
    if (items.length === 0) return;
    try {
      const out = await save.mutateAsync({
        targets: items.map(({ item }) => ({ unitId: unit.id, ...item })),
      });
      setStored((prev) => {
        const next = new Map(prev);
        for (const { key, item } of items) if (item.remove) next.delete(key);
        for (const t of out.targets) next.set(cellKey(t.code, t.period), t);
        return next;
      });
      setTexts((prev) => {
        const next = new Map(prev);
        for (const { key } of items) next.delete(key);
        return next;
      });
      setConflicts(new Map());
      setRefused(new Map());
      setNotice({ tone: 'ok', text: `Đã lưu ${items.length} chỉ tiêu của ${unit.name}.` });
    } catch (err) {
      if (!(err instanceof ApiError)) {
        setNotice({ tone: 'error', text: 'Không lưu được; hãy thử lại.' });
        return;
      }
      const keyAt = (index: number) => items[index]?.key;
      if (err.status === 409 && Array.isArray(err.body?.conflicts)) {
        const next = new Map<string, Conflict>();
        for (const c of err.body.conflicts as { index: number; current: TargetDto | null }[]) {
          const key = keyAt(c.index);
          if (key) next.set(key, { current: c.current });
        }
        setConflicts(next);
        setNotice({
          tone: 'error',
          text: `Có ${next.size} chỉ tiêu vừa được người khác sửa trong lúc bạn nhập; chưa ô nào được lưu. Với mỗi ô, hãy chọn giữ giá trị của bạn hay lấy giá trị của người kia.`,
        });
        return;
      }
      if (err.status === 400 && Array.isArray(err.body?.errors)) {
        const next = new Map<string, string>();
        for (const p of err.body.errors as ItemProblem[]) {
          const key = keyAt(p.index);
          if (key) next.set(key, p.message);
        }
        setRefused(next);
      }
      setNotice({ tone: 'error', text: `${err.message} Chưa ô nào được lưu.` });
    }
  }

  /** Keep mine: write over the other person's value, from its version. Take theirs: show it. */
  const resolve = (key: string, choice: 'mine' | 'theirs') => {
    const current = conflicts.get(key)?.current ?? null;
    setStored((prev) => {
      const next = new Map(prev);
      if (current) next.set(key, current);
      else next.delete(key);
      return next;
    });
    if (choice === 'theirs')
      setTexts((prev) => {
        const next = new Map(prev);
        next.delete(key);
        return next;
      });
    setConflicts((prev) => {
      const next = new Map(prev);
      next.delete(key);
      return next;
    });
  };

  const resolveAll = (choice: 'mine' | 'theirs') => {
    for (const key of conflicts.keys()) resolve(key, choice);
  };

  const hintId = `${id}-hint`;

  return (
    <div className="target-grid-wrap">
      {canPlan ? (
        <p className="card-hint target-grid-help" id={hintId}>
          Gõ số như trên giấy (1.500; 92,5). Enter hoặc các phím mũi tên để chuyển ô, Esc để bỏ phần vừa gõ;
          dán được cả một vùng chép từ Excel. Ô đổi màu vàng là ô đã sửa chưa lưu.
        </p>
      ) : (
        <p className="card-hint target-grid-help" id={hintId}>
          Bạn chỉ được xem chỉ tiêu của {unit.name}; việc giao chỉ tiêu do cấp ủy thực hiện.
        </p>
      )}

      <div className="target-grid-scroll">
        <table className="target-grid" ref={gridRef} aria-describedby={hintId}>
          <caption className="visually-hidden">
            Chỉ tiêu giao cho {unit.name}, theo chỉ tiêu và theo kỳ
          </caption>
          <thead>
            <tr>
              <th scope="col" className="tg-name">
                Chỉ tiêu
              </th>
              <th scope="col" className="tg-unit">
                ĐVT
              </th>
              {periods.map((p) => {
                const lock = locks.get(p.code);
                return (
                  <th key={p.code} scope="col" className="tg-period" data-period={p.code}>
                    {p.label}
                    {lock && (
                      <span className="tg-locked" title={`Đã khóa sau hội nghị đánh giá (${lock.lockedBy})`}>
                        <LockIcon /> Đã khóa
                      </span>
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {indicators.map((ind, row) => (
              <tr key={ind.code} data-code={ind.code}>
                <th scope="row" className="tg-name">
                  {ind.name}
                  <span className="tg-kind">
                    {HINTS[ind.kind]}
                    <span className="tg-kind-unit">{ind.kind === 'count' ? ` (${ind.unitLabel})` : ''}</span>
                  </span>
                </th>
                <td className="tg-unit">{ind.unitLabel}</td>
                {periods.map((p, col) => {
                  const key = cellKey(ind.code, p.code);
                  const state = states.get(key)!;
                  const conflict = conflicts.get(key);
                  const problem = state.kind === 'invalid' ? state.message : refused.get(key);
                  const cellState = conflict
                    ? 'conflict'
                    : problem
                      ? 'invalid'
                      : state.kind === 'changed'
                        ? 'changed'
                        : 'same';
                  const errorId = `${id}-${row}-${col}-error`;
                  return (
                    <td key={p.code} className={`tg-cell tg-${cellState}`}>
                      <input
                        type="text"
                        inputMode={ind.kind === 'level' ? 'text' : 'decimal'}
                        list={ind.kind === 'level' ? `${id}-levels-${ind.code}` : undefined}
                        autoComplete="off"
                        spellCheck={false}
                        data-row={row}
                        data-col={col}
                        data-period={p.code}
                        aria-label={`${ind.name} — ${p.label}`}
                        aria-invalid={problem ? true : undefined}
                        aria-describedby={problem ? errorId : undefined}
                        readOnly={!writable(col)}
                        value={textOf(ind, p.code)}
                        onChange={(e) => setText(key, e.target.value)}
                        onKeyDown={(e) => onKeyDown(e, row, col)}
                        onPaste={(e) => onPaste(e, row, col)}
                        onBlur={() => onBlur(ind, p.code)}
                        onFocus={(e) => e.currentTarget.select()}
                      />
                      {problem && (
                        <span id={errorId} className="visually-hidden">
                          {problem}
                        </span>
                      )}
                      {cellState === 'changed' && <span className="visually-hidden">(đã sửa, chưa lưu)</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {indicators
          .filter((i) => i.kind === 'level')
          .map((i) => (
            <datalist key={i.code} id={`${id}-levels-${i.code}`}>
              {(i.levels ?? []).map((l) => (
                <option key={l} value={l} />
              ))}
            </datalist>
          ))}
      </div>

      {(invalid.length > 0 || refused.size > 0) && (
        <section className="tg-problems" aria-label="Ô chưa hợp lệ">
          <h3>Ô chưa hợp lệ</h3>
          <ul>
            {[...invalid.map(([key, s]) => [key, s.message] as const), ...refused.entries()].map(
              ([key, message]) => (
                <li key={key}>
                  <button type="button" className="link-button" onClick={() => focusKey(key)}>
                    {labelOf(key)}
                  </button>
                  : {message}
                </li>
              ),
            )}
          </ul>
        </section>
      )}

      {conflicts.size > 0 && (
        <section className="tg-conflicts" aria-label="Giá trị vừa được người khác sửa">
          <h3>Vừa được người khác sửa</h3>
          <ul>
            {[...conflicts.entries()].map(([key, c]) => {
              const [code, period] = key.split('|');
              const ind = indicators.find((i) => i.code === code)!;
              const mine = textOf(ind, period!).trim();
              return (
                <li key={key} data-key={key}>
                  <span className="tg-conflict-what">{labelOf(key)}</span>
                  <span>
                    Của bạn: <strong>{mine === '' ? 'trống (xóa)' : mine}</strong>; người khác vừa lưu:{' '}
                    <strong>{shownTarget(c.current)}</strong>
                  </span>
                  <span className="tg-conflict-actions">
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      onClick={() => resolve(key, 'mine')}
                    >
                      Giữ của tôi
                    </button>
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      onClick={() => resolve(key, 'theirs')}
                    >
                      Lấy giá trị kia
                    </button>
                  </span>
                </li>
              );
            })}
          </ul>
          {conflicts.size > 1 && (
            <p className="tg-conflict-all">
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => resolveAll('mine')}
              >
                Giữ tất cả của tôi
              </button>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => resolveAll('theirs')}
              >
                Lấy tất cả giá trị kia
              </button>
            </p>
          )}
        </section>
      )}

      {notice && (
        <p
          className={`tg-notice tg-notice-${notice.tone}`}
          role={notice.tone === 'error' ? 'alert' : 'status'}
        >
          {notice.text}
        </p>
      )}

      {canPlan && (
        <div className={`tg-actions${changed.length + invalid.length > 0 ? ' is-dirty' : ''}`}>
          <button
            type="button"
            className="button button-primary"
            onClick={onSave}
            disabled={save.isPending || changed.length + invalid.length === 0 || conflicts.size > 0}
          >
            {save.isPending ? 'Đang lưu…' : changed.length > 0 ? `Lưu ${changed.length} thay đổi` : 'Lưu'}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={copyPreviousYear}
            disabled={copying || save.isPending}
          >
            {copying ? 'Đang chép…' : 'Chép từ năm trước'}
          </button>
          <button
            type="button"
            className="button button-secondary button-quiet"
            onClick={() => {
              setTexts(new Map());
              setRefused(new Map());
              setConflicts(new Map());
              setNotice(null);
            }}
            disabled={texts.size === 0}
          >
            Bỏ các thay đổi
          </button>
          <span className="tg-count" aria-live="polite">
            {changed.length > 0 && `${changed.length} ô đã sửa`}
            {invalid.length > 0 && `${changed.length > 0 ? '; ' : ''}${invalid.length} ô chưa hợp lệ`}
          </span>
        </div>
      )}
    </div>
  );
}
