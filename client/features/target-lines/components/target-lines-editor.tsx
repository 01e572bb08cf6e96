import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Status } from '../../../../shared/judgement';
import type { DashboardRowDto } from '../../../../shared/schemas/dashboard';
import type { IndicatorDto } from '../../../../shared/schemas/indicators';
import type { TargetLineInput, TargetLinesDto } from '../../../../shared/schemas/target-lines';
import { StatusBadge } from '../../../components/ui/status-badge';
import { ApiError } from '../../../lib/api';
import { invalidateValueViews } from '../../../lib/invalidate-value-views';
import { useLeaveGuard } from '../../../lib/navigation';
import { targetLinesQueryOptions } from '../api/get-target-lines';
import { usePutTargetLines } from '../api/put-target-lines';
import {
  checkLines,
  type DraftLine,
  draftFrom,
  isDirty,
  type LineProblem,
  lineChanged,
  moveLine,
  newLine,
  previewStatus,
  problemAt,
  toggleCode,
} from '../utils/lines-draft';
import { IndicatorPicker, type PickerOption } from './indicator-picker';
import { LineParts } from './line-parts';
import './target-lines.css';

export interface TargetLinesEditorProps {
  /** The list as stored and judged by the server. */
  data: TargetLinesDto;
  /** The unit's dashboard rows for the period: targets and results of indicators not yet bound. */
  rows: DashboardRowDto[] | undefined;
  indicators: IndicatorDto[];
  /** Whether the signed-in user may write the list (rights.can('plan', unit)). */
  canPlan: boolean;
  /** Whether the period is locked for this unit. */
  locked: boolean;
}

interface Stored {
  version: number;
  lines: TargetLineInput[];
}

interface Conflict {
  message: string;
  current: TargetLinesDto;
}

type Notice = { tone: 'ok' | 'info'; text: string } | null;

const storedOf = (d: TargetLinesDto): Stored => ({
  version: d.version,
  lines: d.lines.map((l) => ({ text: l.text, codes: l.codes })),
});

/**
 * The ordered "chỉ tiêu chủ yếu" of one unit and period, written as sentences each bound to
 * indicator targets, with the status each line gets. Those who plan for the unit write,
 * reorder and remove lines and save the whole list at once; everyone else reads it.
 */
export function TargetLinesEditor({ data, rows, indicators, canPlan, locked }: TargetLinesEditorProps) {
  const id = useId();
  const queryClient = useQueryClient();
  const put = usePutTargetLines();
  const key = targetLinesQueryOptions({ unit: data.unit.id, period: data.period.code }).queryKey;

  const [stored, setStored] = useState<Stored>(() => storedOf(data));
  const [draft, setDraft] = useState<DraftLine[]>(() => draftFrom(data.lines));
  const [problems, setProblems] = useState<LineProblem[]>([]);
  const [pickers, setPickers] = useState<ReadonlySet<string>>(new Set());
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [announce, setAnnounce] = useState('');
  const [removed, setRemoved] = useState<{ line: DraftLine; index: number } | null>(null);
  const [lockedNow, setLockedNow] = useState(false);
  const [saving, setSaving] = useState(false);
  const focusNext = useRef<string | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  const editable = canPlan && !locked && !lockedNow;
  const dirty = isDirty(draft, stored.lines);
  useLeaveGuard(editable && dirty);

  // What someone else saved, or a change of the values the lines are judged from, is taken
  // in as long as nothing here is unsaved; unsaved typing is never overwritten.
  useEffect(() => {
    if (dirty || saving) return;
    const next = storedOf(data);
    if (next.version === stored.version && !isDirty(next.lines, stored.lines)) return;
    setStored(next);
    setDraft(draftFrom(next.lines));
  }, [data, dirty, saving, stored]);

  // The focus follows a moved, added or removed line, once it is drawn.
  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    const el = document.getElementById(target);
    if (el instanceof HTMLButtonElement && el.disabled) {
      // The line reached the top or the bottom: the other arrow of the same line.
      const other = target.endsWith('-up')
        ? target.replace(/-up$/, '-down')
        : target.replace(/-down$/, '-up');
      document.getElementById(other)?.focus();
    } else el?.focus();
  });

  useEffect(() => {
    if (conflict || refusal) alertRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [conflict, refusal]);

  // Each indicator's part: as the server judged it in the stored lines, else from the
  // dashboard of the same unit and period, else nothing planned nor reported.
  const partOf = useMemo(() => {
    const parts = new Map<string, DashboardRowDto>();
    for (const r of rows ?? []) parts.set(r.indicator.code, r);
    for (const l of data.lines) for (const p of l.parts) parts.set(p.indicator.code, p);
    return (code: string): DashboardRowDto | null => {
      const found = parts.get(code);
      if (found) return found;
      const ind = indicators.find((i) => i.code === code);
      if (!ind || rows === undefined) return null;
      return {
        indicator: {
          code,
          name: ind.name,
          unitLabel: ind.unitLabel,
          kind: ind.kind,
          direction: ind.direction,
        },
        target: null,
        result: null,
        status: 'no_target',
        achievement: null,
      };
    };
  }, [rows, data.lines, indicators]);

  const options = useMemo<PickerOption[]>(() => {
    const bound = new Set(draft.flatMap((l) => l.codes));
    return indicators
      .filter((i) => !i.archived || bound.has(i.code))
      .map((i) => ({
        code: i.code,
        name: i.name,
        target: partOf(i.code)?.target?.display ?? null,
        archived: i.archived,
      }));
  }, [indicators, draft, partOf]);

  const fieldId = (line: DraftLine, what: string) => `${id}-${line.key}-${what}`;
  const problemOf = (index: number, field: 'text' | 'codes') =>
    problems.find((p) => p.index === index && p.field === field);
  const listProblem = problems.find((p) => p.index === null);

  const update = (index: number, change: (l: DraftLine) => DraftLine, field: 'text' | 'codes') => {
    setDraft((d) => d.map((l, i) => (i === index ? change(l) : l)));
    setProblems((ps) => ps.filter((p) => !(p.index === index && p.field === field)));
    setNotice(null);
  };

  const setPicker = (line: DraftLine, open: boolean) =>
    setPickers((s) => {
      const next = new Set(s);
      if (open) next.add(line.key);
      else next.delete(line.key);
      return next;
    });

  // Problems are kept by position; a change of the order drops them until the next save.
  const reorder = (next: DraftLine[]) => {
    setDraft(next);
    setProblems([]);
    setNotice(null);
  };

  const move = (index: number, delta: number) => {
    const line = draft[index];
    if (!line) return;
    reorder(moveLine(draft, index, delta));
    focusNext.current = fieldId(line, delta < 0 ? 'up' : 'down');
    setAnnounce(`Đã chuyển dòng ${index + 1} ${delta < 0 ? 'lên' : 'xuống'} vị trí ${index + delta + 1}.`);
  };

  const add = () => {
    const line = newLine();
    reorder([...draft, line]);
    setPicker(line, true);
    focusNext.current = fieldId(line, 'text');
    setAnnounce(`Đã thêm dòng ${draft.length + 1}.`);
  };

  const remove = (index: number) => {
    const line = draft[index];
    if (!line) return;
    const next = draft.filter((_, i) => i !== index);
    reorder(next);
    setRemoved({ line, index });
    const neighbour = next[index] ?? next[index - 1];
    focusNext.current = neighbour ? fieldId(neighbour, 'text') : `${id}-add`;
    setAnnounce(`Đã xóa dòng ${index + 1}.`);
  };

  const undoRemove = () => {
    if (!removed) return;
    const next = [...draft];
    next.splice(Math.min(removed.index, next.length), 0, removed.line);
    reorder(next);
    focusNext.current = fieldId(removed.line, 'text');
    setAnnounce(`Đã khôi phục dòng ${removed.index + 1}.`);
    setRemoved(null);
  };

  const discard = () => {
    setDraft(draftFrom(stored.lines));
    setProblems([]);
    setRemoved(null);
    setRefusal(null);
    setConflict(null);
    setNotice({ tone: 'info', text: 'Đã bỏ các thay đổi chưa lưu.' });
  };

  const focusProblem = (p: LineProblem | undefined, lines: DraftLine[]) => {
    const line = p?.index == null ? undefined : lines[p.index];
    if (!line) return;
    if (p?.field === 'codes') {
      setPicker(line, true);
      document.getElementById(fieldId(line, 'codes'))?.focus();
    } else document.getElementById(fieldId(line, 'text'))?.focus();
  };

  const save = async (version: number) => {
    setNotice(null);
    setRefusal(null);
    const checked = checkLines(draft, version);
    if (!checked.ok) {
      setProblems(checked.problems);
      focusProblem(checked.problems[0], draft);
      return;
    }
    setProblems([]);
    setConflict(null);
    setSaving(true);
    try {
      const saved = await put.mutateAsync({
        unitId: data.unit.id,
        period: data.period.code,
        ...checked.body,
      });
      const next = storedOf(saved);
      setStored(next);
      // Same keys, so the focus and the open lists stay where they were.
      setDraft((d) => d.map((l, i) => ({ ...l, ...next.lines[i]!, origin: i })));
      setRemoved(null);
      setNotice({
        tone: 'ok',
        text:
          next.lines.length === 0
            ? 'Đã lưu: kỳ này không còn chỉ tiêu chủ yếu nào.'
            : `Đã lưu ${next.lines.length} chỉ tiêu chủ yếu.`,
      });
    } catch (e) {
      fail(e);
    } finally {
      setSaving(false);
    }
  };

  const fail = (e: unknown) => {
    if (!(e instanceof ApiError)) {
      setRefusal('Đã có lỗi ngoài ý muốn; hãy thử lại.');
      return;
    }
    const current = e.body?.current as TargetLinesDto | undefined;
    if (e.status === 409 && current) {
      setConflict({ message: e.message, current });
      return;
    }
    if (e.status === 423) {
      // Locked meanwhile: nothing can be saved here any more; the page shows the lock.
      setLockedNow(true);
      void invalidateValueViews(queryClient);
    }
    if (e.status === 400) {
      const at = problemAt(e.field);
      if (at.index !== null) {
        const p = { ...at, field: at.field ?? 'text', message: e.message };
        setProblems([p]);
        focusProblem(p, draft);
        return;
      }
    }
    setRefusal(e.message);
  };

  const submit = () => {
    if (saving || conflict) return;
    if (!dirty) {
      setNotice({ tone: 'info', text: 'Chưa có gì thay đổi để lưu.' });
      return;
    }
    void save(stored.version);
  };

  // 409: keep mine (send it again over the version now stored) or take theirs.
  const keepMine = () => {
    if (!conflict || saving) return;
    const current = conflict.current;
    queryClient.setQueryData(key, current);
    setStored(storedOf(current));
    setConflict(null);
    void save(current.version);
  };
  const takeTheirs = () => {
    if (!conflict) return;
    const current = conflict.current;
    queryClient.setQueryData(key, current);
    const next = storedOf(current);
    setStored(next);
    setDraft(draftFrom(next.lines));
    setProblems([]);
    setRemoved(null);
    setConflict(null);
    setNotice({ tone: 'info', text: 'Đã lấy danh sách hiện tại; các thay đổi của bạn đã được bỏ.' });
  };

  const partsOf = (codes: readonly string[]) => codes.map(partOf);
  const statusOf = (codes: readonly string[]): Status | null => {
    const parts = partsOf(codes);
    return parts.some((p) => p === null) ? null : previewStatus(parts as DashboardRowDto[]);
  };

  if (!editable) {
    return (
      <div className="tl-list-wrap">
        {lockedNow && (
          <p className="form-error" role="alert">
            {refusal ?? 'Kỳ này vừa bị khóa; danh sách không lưu được.'}
          </p>
        )}
        {data.lines.length === 0 ? (
          <p className="tl-empty">
            {data.unit.name} chưa ghi chỉ tiêu chủ yếu nào cho {lowerFirst(data.period.label)}.
          </p>
        ) : (
          <ol className="tl-list" aria-label="Các chỉ tiêu chủ yếu">
            {data.lines.map((l, i) => (
              <li
                // biome-ignore lint/suspicious/noArrayIndexKey: the stored lines have no identity but their place
                key={i}
                className="tl-line is-readonly"
                data-testid="target-line"
                data-status={l.status}
              >
                <div className="tl-line-head">
                  <span className="tl-number">{i + 1}.</span>
                  <p className="tl-text">{l.text}</p>
                  <StatusBadge status={l.status} className="tl-status" />
                </div>
                <LineParts parts={l.parts} label={`Kết quả các chỉ tiêu của dòng ${i + 1}`} />
              </li>
            ))}
          </ol>
        )}
        {canPlan && locked && (
          <p className="field-hint tl-readonly-note">
            Kỳ này đã khóa: danh sách chỉ tiêu chủ yếu không sửa được cho đến khi mở khóa.
          </p>
        )}
        {!canPlan && (
          <p className="field-hint tl-readonly-note">
            Các chỉ tiêu chủ yếu do cấp ủy của đơn vị ghi; tài khoản của bạn chỉ xem.
          </p>
        )}
      </div>
    );
  }

  return (
    <div className="tl-list-wrap">
      {draft.length === 0 ? (
        <p className="tl-empty">
          Chưa có chỉ tiêu chủ yếu nào cho {lowerFirst(data.period.label)}. Bấm “Thêm chỉ tiêu chủ yếu” để
          viết dòng đầu tiên, như trong nghị quyết: “Có 90% đảng viên xếp loại hoàn thành tốt nhiệm vụ trở
          lên…”.
        </p>
      ) : (
        <ol className="tl-list" aria-label="Các chỉ tiêu chủ yếu">
          {draft.map((line, i) => {
            const n = i + 1;
            const textProblem = problemOf(i, 'text');
            const codesProblem = problemOf(i, 'codes');
            const status = statusOf(line.codes);
            const changed = lineChanged(line, stored.lines);
            const parts = partsOf(line.codes).filter((p): p is DashboardRowDto => p !== null);
            return (
              <li
                key={line.key}
                className={`tl-line${changed ? ' is-changed' : ''}`}
                data-testid="target-line"
                data-status={status ?? undefined}
              >
                <div className="tl-line-head">
                  <label className="tl-number" htmlFor={fieldId(line, 'text')}>
                    <span className="visually-hidden">Nội dung chỉ tiêu chủ yếu </span>
                    {n}.
                  </label>
                  <div className="tl-line-state">
                    {status ? <StatusBadge status={status} className="tl-status" /> : null}
                    {changed && <span className="tl-unsaved">Chưa lưu</span>}
                  </div>
                  <div className="tl-tools">
                    <button
                      id={fieldId(line, 'up')}
                      type="button"
                      className="button button-secondary button-quiet button-small"
                      aria-label={`Chuyển dòng ${n} lên`}
                      disabled={i === 0}
                      onClick={() => move(i, -1)}
                    >
                      <span aria-hidden="true">↑</span> Lên
                    </button>
                    <button
                      id={fieldId(line, 'down')}
                      type="button"
                      className="button button-secondary button-quiet button-small"
                      aria-label={`Chuyển dòng ${n} xuống`}
                      disabled={i === draft.length - 1}
                      onClick={() => move(i, 1)}
                    >
                      <span aria-hidden="true">↓</span> Xuống
                    </button>
                    <button
                      id={fieldId(line, 'remove')}
                      type="button"
                      className="button button-secondary button-quiet button-small tl-remove"
                      aria-label={`Xóa dòng ${n}`}
                      onClick={() => remove(i)}
                    >
                      Xóa
                    </button>
                  </div>
                </div>
                <textarea
                  id={fieldId(line, 'text')}
                  className="input textarea tl-textarea"
                  rows={2}
                  maxLength={1000}
                  value={line.text}
                  placeholder="Ví dụ: Có 90% đảng viên xếp loại hoàn thành tốt nhiệm vụ trở lên, trong đó có 20% hoàn thành xuất sắc nhiệm vụ"
                  aria-invalid={textProblem ? true : undefined}
                  aria-describedby={textProblem ? fieldId(line, 'text-error') : undefined}
                  onChange={(e) => update(i, (l) => ({ ...l, text: e.target.value }), 'text')}
                />
                {textProblem && (
                  <p id={fieldId(line, 'text-error')} className="field-error">
                    {textProblem.message}
                  </p>
                )}
                <div className="tl-bound">
                  <LineParts parts={parts} label={`Các chỉ tiêu gắn với dòng ${n}`} />
                  <IndicatorPicker
                    idBase={`${id}-${line.key}`}
                    lineNumber={n}
                    options={options}
                    chosen={line.codes}
                    open={pickers.has(line.key)}
                    onOpenChange={(open) => setPicker(line, open)}
                    onToggle={(code, on) =>
                      update(i, (l) => ({ ...l, codes: toggleCode(l.codes, code, on) }), 'codes')
                    }
                    errorId={codesProblem ? fieldId(line, 'codes-error') : undefined}
                  />
                  {codesProblem && (
                    <p id={fieldId(line, 'codes-error')} className="field-error">
                      {codesProblem.message}
                    </p>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}

      <div ref={alertRef}>
        {conflict && (
          <div className="value-conflict tl-conflict" role="alert" data-testid="conflict">
            <p className="form-error">{conflict.message}</p>
            <p>Danh sách hiện tại, do người khác vừa lưu:</p>
            {conflict.current.lines.length === 0 ? (
              <p className="muted">(Danh sách trống.)</p>
            ) : (
              <ol className="tl-conflict-list">
                {conflict.current.lines.map((l, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the stored lines have no identity but their place
                  <li key={i}>
                    {l.text} <StatusBadge status={l.status} />
                  </li>
                ))}
              </ol>
            )}
            <p>
              Danh sách của bạn có {draft.length} dòng. Giữ danh sách của bạn sẽ thay toàn bộ danh sách hiện
              tại.
            </p>
            <div className="form-actions">
              <button type="button" className="button" onClick={keepMine} aria-disabled={saving}>
                Giữ danh sách của tôi
              </button>
              <button type="button" className="button button-secondary" onClick={takeTheirs}>
                Lấy danh sách hiện tại
              </button>
            </div>
          </div>
        )}
        {refusal && (
          <p className="form-error" role="alert">
            {refusal}
          </p>
        )}
        {listProblem && (
          <p className="form-error" role="alert">
            {listProblem.message}
          </p>
        )}
      </div>

      <div className="tl-add-row">
        <button id={`${id}-add`} type="button" className="button button-secondary" onClick={add}>
          <span aria-hidden="true">+</span> Thêm chỉ tiêu chủ yếu
        </button>
        {removed && (
          <p className="tl-removed">
            Đã xóa dòng {removed.index + 1}
            {removed.line.text.trim() ? `: “${clip(removed.line.text.trim())}”` : ''}.{' '}
            <button type="button" className="link-button" onClick={undoRemove}>
              Hoàn tác
            </button>
          </p>
        )}
      </div>

      <div className={`tl-actions${dirty ? ' is-dirty' : ''}`}>
        <p
          className={`tl-dirty${dirty ? ' is-dirty' : notice?.tone === 'ok' ? ' is-saved' : ''}`}
          role="status"
          data-testid="dirty-state"
        >
          {dirty
            ? 'Có thay đổi chưa lưu'
            : notice?.tone === 'ok'
              ? notice.text
              : 'Không có thay đổi chưa lưu'}
        </p>
        <div className="tl-action-buttons">
          {dirty && (
            <button type="button" className="button button-secondary button-quiet" onClick={discard}>
              Bỏ thay đổi
            </button>
          )}
          <button type="button" className="button" onClick={submit} aria-disabled={saving || !!conflict}>
            {saving ? 'Đang lưu…' : 'Lưu danh sách'}
          </button>
        </div>
        {notice?.tone === 'info' && (
          <p className="form-note" role="status">
            {notice.text}
          </p>
        )}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
    </div>
  );
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 60)}…` : s);
