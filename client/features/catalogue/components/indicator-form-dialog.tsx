import { type FormEvent, type ReactNode, useId, useState } from 'react';
import {
  DIRECTION_LABELS,
  DIRECTIONS,
  INDICATOR_KINDS,
  type IndicatorKind,
  KIND_LABELS,
  MEMBER_RATING_SHARE_LABELS,
  MEMBER_RATING_SHARES,
  type MemberRatingShare,
  TIME_AGGREGATE_LABELS,
  TIME_AGGREGATES,
  type TimeAggregate,
} from '../../../../shared/indicator';
import type { IndicatorDto } from '../../../../shared/schemas/indicators';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import { ApiError } from '../../../lib/api';
import { useCreateIndicator } from '../../indicators/api/create-indicator';
import { useUpdateIndicator } from '../../indicators/api/update-indicator';
import {
  checkDraft,
  draftOf,
  emptyDraft,
  type FormProblem,
  fieldOfRefusal,
  type IndicatorDraft,
  type IndicatorField,
  patchFor,
  withKind,
} from '../utils/indicator-form';
import { LevelsEditor } from './levels-editor';

const KIND_HINTS: Record<IndicatorKind, string> = {
  count: 'Một số nguyên, ví dụ số đảng viên kết nạp, số đề tài.',
  percent: 'Một số phần trăm nhập trực tiếp, tối đa hai chữ số thập phân.',
  ratio: 'Nhập tử số và mẫu số, hiện thành phần trăm; cộng dồn lên đơn vị cấp trên.',
  level: 'Một mức trong thang xếp loại của chỉ tiêu.',
};

/**
 * "Thêm chỉ tiêu" and "Sửa chỉ tiêu": every field of an indicator, checked with the server's
 * own schema; a refusal of the server is shown beside the field it is about (the kind of an
 * indicator that already has values cannot change).
 */
export function IndicatorFormDialog({
  indicator,
  onClose,
  onDone,
}: {
  /** The indicator to edit; none to add one. */
  indicator?: IndicatorDto;
  onClose: () => void;
  onDone: (message: string, saved: IndicatorDto) => void;
}) {
  const id = useId();
  const create = useCreateIndicator();
  const update = useUpdateIndicator();
  const pending = create.isPending || update.isPending;
  const [draft, setDraft] = useState<IndicatorDraft>(() => (indicator ? draftOf(indicator) : emptyDraft()));
  const [problem, setProblem] = useState<FormProblem | null>(null);

  const set = <K extends keyof IndicatorDraft>(key: K, value: IndicatorDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  const fail = (p: FormProblem) => {
    setProblem(p);
    if (!p.field) return;
    const target =
      p.field === 'levels'
        ? document.querySelectorAll<HTMLElement>(`#${CSS.escape(`${id}-levels`)} [data-part="text"]`)[
            p.index ?? 0
          ]
        : document.getElementById(`${id}-${p.field}`);
    target?.focus();
  };

  const refused = (error: Error) =>
    fail({
      message: error.message,
      field: error instanceof ApiError ? fieldOfRefusal(error.code, error.field) : undefined,
    });

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (pending) return;
    if (indicator) {
      const patch = patchFor(indicator, draft);
      if ('problem' in patch) return fail(patch.problem);
      if (!patch.body) return onClose();
      setProblem(null);
      update.mutate(
        { code: indicator.code, body: patch.body },
        {
          onSuccess: ({ indicator: saved }) => {
            onDone(`Đã lưu chỉ tiêu ${saved.code} — ${saved.name}.`, saved);
            onClose();
          },
          onError: refused,
        },
      );
      return;
    }
    const checked = checkDraft(draft);
    if ('problem' in checked) return fail(checked.problem);
    setProblem(null);
    create.mutate(checked.body, {
      onSuccess: ({ indicator: saved }) => {
        onDone(`Đã thêm chỉ tiêu ${saved.code} — ${saved.name}.`, saved);
        onClose();
      },
      onError: refused,
    });
  };

  const errorId = `${id}-error`;
  // The field a problem is shown beside, when that field is on the form; else under the form.
  const shown = (f: IndicatorField) =>
    f === 'code'
      ? !indicator
      : f === 'levels'
        ? draft.kind === 'level'
        : f === 'memberRating'
          ? draft.kind === 'ratio'
          : true;
  const placed = problem?.field && shown(problem.field) ? problem.field : undefined;
  const invalid = (field: IndicatorField) => placed === field || undefined;
  const describedBy = (field: IndicatorField) =>
    [`${id}-${field}-hint`, placed === field ? errorId : ''].filter(Boolean).join(' ');
  const fieldError = (field: IndicatorField) =>
    problem &&
    placed === field && (
      <p id={errorId} className="field-error" role="alert">
        {problem.message}
      </p>
    );

  const field = (name: IndicatorField, label: string, control: ReactNode, hint?: ReactNode) => (
    <div className="field" data-field={name}>
      <label className="field-label" htmlFor={`${id}-${name}`}>
        {label}
      </label>
      {control}
      {hint && (
        <p id={`${id}-${name}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {fieldError(name)}
    </div>
  );

  const text = (name: 'unitLabel') => (
    <input
      id={`${id}-${name}`}
      className="input"
      type="text"
      autoComplete="off"
      value={draft[name]}
      onChange={(e) => set(name, e.target.value)}
      aria-invalid={invalid(name)}
      aria-describedby={describedBy(name)}
    />
  );

  // Names of indicators run long ("Tỷ lệ đảng viên, quần chúng tham gia học tập nghị quyết
  // của Đảng"): two lines to read them whole, and Enter still sends the form.
  const nameBox = (
    <textarea
      id={`${id}-name`}
      data-autofocus={indicator ? true : undefined}
      className="input textarea indicator-name-input"
      rows={2}
      value={draft.name}
      onChange={(e) => set('name', e.target.value.replace(/\s*\n\s*/g, ' '))}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
          e.preventDefault();
          e.currentTarget.form?.requestSubmit();
        }
      }}
      aria-invalid={invalid('name')}
      aria-describedby={describedBy('name')}
    />
  );

  return (
    <ModalDialog
      title={indicator ? `Sửa chỉ tiêu: ${indicator.code}` : 'Thêm chỉ tiêu'}
      description={
        indicator
          ? 'Mã chỉ tiêu không đổi được. Khi chỉ tiêu đã có chỉ tiêu giao hoặc kết quả, không đổi được loại.'
          : 'Chỉ tiêu mới đứng cuối danh mục; có thể đổi thứ tự sau.'
      }
      onClose={onClose}
      className="indicator-dialog"
    >
      <form
        className="form-stack"
        onSubmit={submit}
        noValidate
        aria-label={indicator ? 'Sửa chỉ tiêu' : 'Thêm chỉ tiêu'}
      >
        <div className="indicator-form-top">
          {indicator ? (
            <div className="field">
              <span className="field-label">Mã chỉ tiêu</span>
              <span className="indicator-code-fixed">{indicator.code}</span>
            </div>
          ) : (
            field(
              'code',
              'Mã chỉ tiêu',
              <input
                id={`${id}-code`}
                data-autofocus
                className="input indicator-code-input"
                type="text"
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                value={draft.code}
                onChange={(e) => set('code', e.target.value.toUpperCase())}
                aria-invalid={invalid('code')}
                aria-describedby={describedBy('code')}
              />,
              'Chữ in hoa không dấu, chữ số, dấu gạch dưới; ví dụ DV_KET_NAP. Không đổi được sau khi thêm.',
            )
          )}
          {field('name', 'Tên chỉ tiêu', nameBox, 'Tên đầy đủ, có dấu, như trong nghị quyết.')}
        </div>
        <div className="indicator-form-grid">
          {field('unitLabel', 'Đơn vị tính (ĐVT)', text('unitLabel'), 'Ví dụ: %, người, đề tài, chi bộ.')}
          {field(
            'kind',
            'Loại chỉ tiêu',
            <select
              id={`${id}-kind`}
              className="select"
              value={draft.kind}
              onChange={(e) => {
                setDraft((d) => withKind(d, e.target.value as IndicatorKind));
                if (problem?.field === 'kind') setProblem(null);
              }}
              aria-invalid={invalid('kind')}
              aria-describedby={describedBy('kind')}
            >
              {INDICATOR_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>,
            KIND_HINTS[draft.kind],
          )}
          {field(
            'direction',
            'Chiều đánh giá',
            <select
              id={`${id}-direction`}
              className="select"
              value={draft.direction}
              onChange={(e) => set('direction', e.target.value as IndicatorDraft['direction'])}
              aria-invalid={invalid('direction')}
              aria-describedby={describedBy('direction')}
            >
              {DIRECTIONS.map((d) => (
                <option key={d} value={d}>
                  {DIRECTION_LABELS[d]}
                </option>
              ))}
            </select>,
            'Ví dụ số đảng viên bị kỷ luật: càng thấp càng tốt.',
          )}
          {field(
            'timeAggregate',
            'Cộng dồn theo kỳ',
            <select
              id={`${id}-timeAggregate`}
              className="select"
              value={draft.timeAggregate}
              onChange={(e) => set('timeAggregate', e.target.value as TimeAggregate)}
              aria-invalid={invalid('timeAggregate')}
              aria-describedby={describedBy('timeAggregate')}
            >
              {TIME_AGGREGATES.map((t) => (
                <option key={t} value={t} disabled={t === 'sum' && draft.kind === 'level'}>
                  {TIME_AGGREGATE_LABELS[t]}
                </option>
              ))}
            </select>,
            draft.kind === 'level'
              ? 'Kết quả của năm, nhiệm kỳ lấy từ các kỳ bên trong; mức xếp loại không cộng dồn được.'
              : 'Kết quả của năm, nhiệm kỳ lấy từ các kỳ bên trong khi chưa nhập trực tiếp.',
          )}
          {draft.kind === 'ratio' &&
            field(
              'memberRating',
              'Nhận kết quả từ xếp loại đảng viên',
              <select
                id={`${id}-memberRating`}
                className="select"
                value={draft.memberRating}
                onChange={(e) => set('memberRating', e.target.value as MemberRatingShare | '')}
                aria-invalid={invalid('memberRating')}
                aria-describedby={describedBy('memberRating')}
              >
                <option value="">Không gắn</option>
                {MEMBER_RATING_SHARES.map((s) => (
                  <option key={s} value={s}>
                    {MEMBER_RATING_SHARE_LABELS[s]}
                  </option>
                ))}
              </select>,
              'Khi gắn, biểu mẫu xếp loại đảng viên tự ghi kết quả của chỉ tiêu này.',
            )}
        </div>
        {draft.kind === 'level' && (
          <div id={`${id}-levels`} data-field="levels">
            <LevelsEditor
              idPrefix={`${id}-levels`}
              levels={draft.levels}
              onChange={(levels) => set('levels', levels)}
              problem={problem && placed === 'levels' ? problem : null}
              errorId={errorId}
            />
          </div>
        )}
        {problem && !placed && (
          <p id={errorId} className="form-error" role="alert">
            {problem.message}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button" aria-disabled={pending}>
            {pending ? 'Đang lưu…' : indicator ? 'Lưu' : 'Thêm chỉ tiêu'}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            Hủy
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
