import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { DashboardRowDto } from '../../../../shared/schemas/dashboard';
import type { IndicatorDto } from '../../../../shared/schemas/indicators';
import type { TargetLinesDto } from '../../../../shared/schemas/target-lines';
import { ConflictChoice } from '../../../components/editing/conflict-choice';
import { useVersionedSave } from '../../../components/editing/use-versioned-save';
import { FormError } from '../../../components/ui/form';
import { useLeaveGuard } from '../../../lib/navigation';
import { targetLinesQueryOptions } from '../api/get-target-lines';
import { usePutTargetLines } from '../api/put-target-lines';
import {
  addBelow,
  belowOf,
  checkLines,
  type DraftLine,
  draftFrom,
  isDirty,
  type LineProblem,
  lineChanged,
  moveLine,
  newLine,
  problemAt,
  toggleCode,
} from '../utils/lines-draft';
import { useLineParts } from '../utils/use-line-parts';
import { TargetLineItem } from './target-line-item';
import { lowerFirst, TargetLinesReadOnly } from './target-lines-readonly';
import { TheirLines } from './their-lines';
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

type Notice = { tone: 'ok' | 'info'; text: string } | null;

const LIST = 'list';
const LIST_CHOICE = ['Giữ danh sách của tôi', 'Lấy danh sách hiện tại'] as const;
const linesOf = (d: TargetLinesDto) => d.lines.map((l) => ({ text: l.text, codes: l.codes, parts: l.parts }));

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

  const [draft, setDraft] = useState<DraftLine[]>(() => draftFrom(data.lines));
  const [problems, setProblems] = useState<LineProblem[]>([]);
  const [pickers, setPickers] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<Notice>(null);
  const [announce, setAnnounce] = useState('');
  const [removed, setRemoved] = useState<{ line: DraftLine; index: number } | null>(null);
  const focusNext = useRef<string | null>(null);

  const saving = useVersionedSave<typeof LIST, TargetLinesDto>({
    initial: () => [[LIST, data]],
    // "Lấy danh sách hiện tại": the other list replaces this one.
    onTheirs: (_, current) => {
      if (!current) return;
      queryClient.setQueryData(key, current);
      setDraft(draftFrom(current.lines));
      setProblems([]);
      setRemoved(null);
      setNotice({ tone: 'info', text: 'Đã lấy danh sách hiện tại; các thay đổi của bạn đã được bỏ.' });
    },
    // A refusal naming a line is shown on that line, which gets the focus.
    placeRefusal: (e) => {
      const at = e.status === 400 ? problemAt(e.field) : null;
      if (!at || at.index === null) return false;
      const p = { ...at, field: at.field ?? 'text', message: e.message };
      setProblems([p]);
      focusProblem(p, draft);
      return true;
    },
  });
  const storedDto = saving.stored.get(LIST) ?? data;
  const stored = { version: storedDto.version, lines: linesOf(storedDto) };
  const conflict = saving.conflicts.get(LIST);

  const editable = canPlan && !locked && !saving.locked;
  const dirty = isDirty(draft, stored.lines);
  useLeaveGuard(editable && dirty);

  // What someone else saved, or a change of the values the lines are judged from, is taken
  // in as long as nothing here is unsaved; unsaved typing is never overwritten.
  const { setStored } = saving;
  useEffect(() => {
    if (dirty || saving.saving) return;
    if (data.version === storedDto.version && !isDirty(linesOf(data), linesOf(storedDto))) return;
    setStored(new Map([[LIST, data]]));
    setDraft(draftFrom(data.lines));
  }, [data, dirty, saving.saving, storedDto, setStored]);

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

  const { partOf, belowPartOf, options, belowOptions, statusOf } = useLineParts(
    data,
    rows,
    indicators,
    draft,
  );

  const fieldId = (line: DraftLine, what: string) => `${id}-${line.key}-${what}`;
  const problemOf = (index: number, field: 'text' | 'codes') =>
    problems.find((p) => p.index === index && p.field === field)?.message;
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
  const reorder = (next: DraftLine[], focus: string, said: string) => {
    setDraft(next);
    setProblems([]);
    setNotice(null);
    focusNext.current = focus;
    setAnnounce(said);
  };

  const move = (index: number, delta: number) => {
    const line = draft[index];
    if (!line) return;
    reorder(
      moveLine(draft, index, delta),
      fieldId(line, delta < 0 ? 'up' : 'down'),
      `Đã chuyển dòng ${index + 1} ${delta < 0 ? 'lên' : 'xuống'} vị trí ${index + delta + 1}.`,
    );
  };

  const add = () => {
    const line = newLine();
    reorder([...draft, line], fieldId(line, 'text'), `Đã thêm dòng ${draft.length + 1}.`);
    setPicker(line, true);
  };

  const remove = (index: number) => {
    const line = draft[index];
    if (!line) return;
    const next = draft.filter((_, i) => i !== index);
    const neighbour = next[index] ?? next[index - 1];
    reorder(next, neighbour ? fieldId(neighbour, 'text') : `${id}-add`, `Đã xóa dòng ${index + 1}.`);
    setRemoved({ line, index });
  };

  const undoRemove = () => {
    if (!removed) return;
    const next = [...draft];
    next.splice(Math.min(removed.index, next.length), 0, removed.line);
    reorder(next, fieldId(removed.line, 'text'), `Đã khôi phục dòng ${removed.index + 1}.`);
    setRemoved(null);
  };

  const discard = () => {
    setDraft(draftFrom(stored.lines));
    setProblems([]);
    setRemoved(null);
    saving.reset();
    setNotice({ tone: 'info', text: 'Đã bỏ các thay đổi chưa lưu.' });
  };

  function focusProblem(p: LineProblem | undefined, lines: DraftLine[]) {
    const line = p?.index == null ? undefined : lines[p.index];
    if (!line) return;
    if (p?.field === 'codes') {
      setPicker(line, true);
      document.getElementById(fieldId(line, 'codes'))?.focus();
    } else document.getElementById(fieldId(line, 'text'))?.focus();
  }

  const save = async (version: number) => {
    setNotice(null);
    saving.dismiss();
    const checked = checkLines(draft, version);
    if (!checked.ok) {
      setProblems(checked.problems);
      focusProblem(checked.problems[0], draft);
      return;
    }
    setProblems([]);
    const out = await saving.save(
      () => put.mutateAsync({ unitId: data.unit.id, period: data.period.code, ...checked.body }),
      { key: LIST },
    );
    if (!out.ok) return;
    const next = linesOf(saving.remember([[LIST, out.answer]]).get(LIST)!);
    // Same keys, so the focus and the open lists stay where they were.
    setDraft((d) =>
      d.map((l, i) => ({
        ...l,
        text: next[i]!.text,
        codes: next[i]!.codes,
        below: belowOf(next[i]!),
        origin: i,
      })),
    );
    setRemoved(null);
    setNotice({
      tone: 'ok',
      text:
        next.length === 0
          ? 'Đã lưu: kỳ này không còn chỉ tiêu chủ yếu nào.'
          : `Đã lưu ${next.length} chỉ tiêu chủ yếu.`,
    });
  };

  const submit = () => {
    if (saving.saving || conflict) return;
    if (!dirty) {
      setNotice({ tone: 'info', text: 'Chưa có gì thay đổi để lưu.' });
      return;
    }
    void save(stored.version);
  };

  // 409: keep mine (send it again over the version now stored) or take theirs.
  const keepMine = () => {
    if (!conflict || saving.saving) return;
    queryClient.setQueryData(key, conflict);
    void save(saving.choose(LIST, 'mine').get(LIST)?.version ?? 0);
  };

  if (!editable)
    return (
      <TargetLinesReadOnly
        data={data}
        canPlan={canPlan}
        locked={locked}
        lockedNow={saving.locked}
        refusal={saving.refusal?.message}
      />
    );

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
          {draft.map((line, i) => (
            <TargetLineItem
              key={line.key}
              line={line}
              n={i + 1}
              count={draft.length}
              idBase={`${id}-${line.key}`}
              status={statusOf(line)}
              changed={lineChanged(line, stored.lines)}
              parts={[
                ...line.codes.map(partOf).filter((p): p is DashboardRowDto => p !== null),
                ...line.below.map(belowPartOf),
              ]}
              belowParts={line.below}
              belowOptions={belowOptions}
              onAddBelow={(part) => update(i, (l) => ({ ...l, below: addBelow(l.below, part) }), 'codes')}
              onRemoveBelow={(index) =>
                update(i, (l) => ({ ...l, below: l.below.filter((_, j) => j !== index) }), 'codes')
              }
              options={options}
              pickerOpen={pickers.has(line.key)}
              textProblem={problemOf(i, 'text')}
              codesProblem={problemOf(i, 'codes')}
              onText={(text) => update(i, (l) => ({ ...l, text }), 'text')}
              onToggle={(code, on) =>
                update(i, (l) => ({ ...l, codes: toggleCode(l.codes, code, on) }), 'codes')
              }
              onPicker={(open) => setPicker(line, open)}
              onMove={(delta) => move(i, delta)}
              onRemove={() => remove(i)}
            />
          ))}
        </ol>
      )}

      <div ref={saving.alertRef}>
        {conflict && (
          <ConflictChoice
            of={saving}
            at={LIST}
            labels={LIST_CHOICE}
            onKeep={keepMine}
            className="tl-conflict"
            testId="conflict"
          >
            <TheirLines lines={conflict.lines} mine={draft.length} />
          </ConflictChoice>
        )}
        <FormError>{saving.refusal?.message}</FormError>
        <FormError>{listProblem?.message}</FormError>
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
          <button
            type="button"
            className="button"
            onClick={submit}
            aria-disabled={saving.saving || !!conflict}
          >
            {saving.saving ? 'Đang lưu…' : 'Lưu danh sách'}
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

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 60)}…` : s);
