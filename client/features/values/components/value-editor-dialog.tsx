import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { formatPercentX100, formatRatioParts, formatValue } from '../../../../shared/format';
import type { IndicatorDef } from '../../../../shared/indicator';
import type { DashboardRowDto } from '../../../../shared/schemas/dashboard';
import type { ResultDto, TargetDto } from '../../../../shared/schemas/values';
import type { Value } from '../../../../shared/value';
import { vietnamDateTime } from '../../../../shared/vietnam-time';
import { ErrorState } from '../../../components/ui/error-state';
import { Loading } from '../../../components/ui/loading';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import { StatusBadge } from '../../../components/ui/status-badge';
import { ApiError } from '../../../lib/api';
import { invalidateValueViews } from '../../../lib/invalidate-value-views';
import { useDeleteResult } from '../api/delete-result';
import { useValues, valuesQueryOptions } from '../api/get-values';
import { usePutResult } from '../api/put-result';
import { usePutTarget } from '../api/put-target';
import {
  checkResult,
  checkTarget,
  type FieldName,
  formFromStored,
  planSave,
  previewOf,
  type Rights,
  resultFieldsFromStored,
  type Stored,
  type ValueFormState,
} from '../utils/value-form';
import { toVietnameseInput } from '../utils/vietnamese-number';

export interface ValueEditorProps {
  unit: { id: string; name: string };
  period: { code: string; label: string; open: boolean };
  /** The indicator with its levels, from the catalogue. */
  indicator: IndicatorDef;
  row: DashboardRowDto;
  rights: Rights;
  onClose: () => void;
  /** After a save or a deletion: what to tell the person. */
  onDone: (message: string) => void;
}

/**
 * "Cập nhật": the target (for those who plan) and the result with its evidence note of one
 * indicator, one unit, one period. Checked as typed by the server's own rules, with the
 * status the row will get; every refusal of the server is shown here in its own words.
 */
export function ValueEditorDialog(props: ValueEditorProps) {
  const { unit, period, indicator, onClose } = props;
  const values = useValues({ unit: unit.id, period: period.code });
  // The form starts once from what is stored now (read afresh, never from the cache, so the
  // versions are current); later refetches must not overwrite the typing.
  const [initial, setInitial] = useState<Stored | null>(null);
  useEffect(() => {
    if (initial || !values.data || !values.isFetchedAfterMount) return;
    setInitial({
      target: values.data.targets.find((t) => t.code === indicator.code) ?? null,
      result: values.data.results.find((r) => r.code === indicator.code) ?? null,
    });
  }, [initial, values.data, values.isFetchedAfterMount, indicator.code]);

  return (
    <ModalDialog
      title={`Cập nhật: ${indicator.name} — ${period.label}`}
      description={unit.name}
      onClose={onClose}
      className="value-editor"
    >
      {initial ? (
        <ValueEditorForm {...props} initial={initial} />
      ) : values.isError ? (
        <ErrorState error={values.error} onRetry={() => values.refetch()} />
      ) : (
        <Loading label="Đang tải số liệu đã nhập…" />
      )}
    </ModalDialog>
  );
}

type Which = 'target' | 'result';

interface Conflict {
  which: Which;
  message: string;
  current: TargetDto | ResultDto | null;
}

/** A value with the counts behind a ratio: "92,86% (13/14)". */
function shown(ind: IndicatorDef, v: Value | null): string {
  if (!v) return '—';
  const parts = formatRatioParts(v);
  return parts ? `${formatValue(ind, v)} (${parts})` : formatValue(ind, v);
}

function targetHint(ind: IndicatorDef): string {
  switch (ind.kind) {
    case 'level':
      return 'Mức xếp loại phải đạt.';
    case 'count':
      return `Số nguyên, tính bằng ${ind.unitLabel}.`;
    case 'ratio':
      return 'Tỷ lệ phần trăm từ 0 đến 100; phần thập phân dùng dấu phẩy, ví dụ 92,5.';
    case 'percent':
      return 'Tỷ lệ phần trăm; phần thập phân dùng dấu phẩy, ví dụ 103,5.';
  }
}

function dtoShown(dto: TargetDto | ResultDto | null): string {
  if (!dto) return '';
  const r = dto as ResultDto;
  return r.numerator !== undefined && r.denominator !== undefined
    ? `${dto.display} (${toVietnameseInput(r.numerator)}/${toVietnameseInput(r.denominator)})`
    : dto.display;
}

function ValueEditorForm({
  unit,
  period,
  indicator: ind,
  row,
  rights,
  onClose,
  onDone,
  initial,
}: ValueEditorProps & { initial: Stored }) {
  const id = useId();
  const queryClient = useQueryClient();
  const putTarget = usePutTarget();
  const putResult = usePutResult();
  const removeResult = useDeleteResult();
  const key = { unitId: unit.id, code: ind.code, period: period.code };

  const [stored, setStored] = useState<Stored>(initial);
  const [form, setForm] = useState<ValueFormState>(() => formFromStored(ind, initial));
  const [edited, setEdited] = useState<ReadonlySet<FieldName>>(new Set());
  const [blurred, setBlurred] = useState<ReadonlySet<FieldName>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<{ message: string; field?: FieldName } | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [locked, setLocked] = useState(false);
  const firstField = useRef<HTMLElement | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  const fieldId = (f: FieldName) => `${id}-${f}`;
  const errorId = (group: 'target' | 'result' | 'note') => `${id}-${group}-error`;

  // The first field gets the focus once the stored values are in.
  useEffect(() => {
    firstField.current?.focus();
  }, []);

  // A refusal or a conflict is brought into view: it may appear below the fold of a phone.
  useEffect(() => {
    if (refusal || conflict) alertRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [refusal, conflict]);

  const set = (field: FieldName) => (e: { target: { value: string } }) => {
    const value = e.target.value;
    setForm((f) => ({ ...f, [field]: value }));
    setEdited((s) => new Set(s).add(field));
    setInfo(null);
    if (refusal?.field === field) setRefusal(null);
  };
  const blur = (field: FieldName) => () => setBlurred((s) => new Set(s).add(field));

  // Live checks: a field's message shows once it was changed (or on saving); "not entered
  // yet" waits until the person has left the field, so typing the numerator does not
  // already complain about the denominator.
  const targetCheck = rights.plan ? checkTarget(ind, form.target) : null;
  const resultCheck = rights.report ? checkResult(ind, form) : null;
  const plan = planSave(ind, form, stored, rights);
  const visible = (field: FieldName, missing: boolean) =>
    submitted || (missing ? blurred.has(field) : edited.has(field));
  const targetProblem =
    targetCheck?.kind === 'invalid' && visible('target', false)
      ? targetCheck
      : submitted
        ? plan.problems.find((p) => p.field === 'target')
        : undefined;
  const resultProblem = (() => {
    if (resultCheck?.kind === 'invalid') {
      const missing = form[resultCheck.field].trim() === '';
      return visible(resultCheck.field, missing) ? resultCheck : undefined;
    }
    return submitted ? plan.problems.find((p) => p.field !== 'target' && p.field !== 'note') : undefined;
  })();
  const noteProblem = plan.problems.find((p) => p.field === 'note');
  const invalid = (f: FieldName) =>
    targetProblem?.field === f ||
    resultProblem?.field === f ||
    noteProblem?.field === f ||
    refusal?.field === f;

  const preview = previewOf(ind, form, stored, row.result, period.open, rights);
  const ratioShown =
    resultCheck?.kind === 'ok' && ind.kind === 'ratio' ? formatValue(ind, resultCheck.value) : null;

  const fail = async (error: unknown, which: Which) => {
    if (!(error instanceof ApiError)) {
      setRefusal({ message: 'Đã có lỗi ngoài ý muốn; hãy thử lại.' });
      return;
    }
    if (error.status === 409) {
      // The answer names the current value; it is read again here with its version.
      let current: TargetDto | ResultDto | null = null;
      try {
        const fresh = await queryClient.fetchQuery({
          ...valuesQueryOptions({ unit: unit.id, period: period.code }),
          staleTime: 0,
        });
        current =
          which === 'target'
            ? (fresh.targets.find((t) => t.code === ind.code) ?? null)
            : (fresh.results.find((r) => r.code === ind.code) ?? null);
      } catch (e) {
        setRefusal({ message: e instanceof Error ? e.message : error.message });
        return;
      }
      setConflict({ which, message: error.message, current });
      return;
    }
    if (error.status === 423) {
      // Locked meanwhile: nothing here can be saved any more, and the page shows the banner.
      setLocked(true);
      void invalidateValueViews(queryClient);
    }
    const field: FieldName | undefined =
      error.field === 'value'
        ? which === 'target'
          ? 'target'
          : 'value'
        : error.field === 'numerator' || error.field === 'denominator' || error.field === 'note'
          ? error.field
          : undefined;
    setRefusal({ message: error.message, field });
  };

  const save = async (from: Stored) => {
    setSubmitted(true);
    setInfo(null);
    const next = planSave(ind, form, from, rights);
    const first = next.problems[0];
    if (first) {
      document.getElementById(fieldId(first.field))?.focus();
      return;
    }
    if (!next.target && !next.result) {
      setInfo('Chưa có gì thay đổi để lưu.');
      return;
    }
    setRefusal(null);
    setConflict(null);
    setSaving(true);
    let now = from;
    try {
      if (next.target) {
        try {
          const { target } = await putTarget.mutateAsync({
            ...key,
            value: next.target.send.value,
            version: next.target.version,
          });
          now = { ...now, target };
          setStored(now);
        } catch (e) {
          await fail(e, 'target');
          return;
        }
      }
      if (next.result) {
        try {
          const { result } = await putResult.mutateAsync({
            ...key,
            send: next.result.send,
            version: next.result.version,
          });
          now = { ...now, result };
          setStored(now);
        } catch (e) {
          await fail(e, 'result');
          return;
        }
      }
      const what = [next.target && 'kế hoạch', next.result && 'kết quả'].filter(Boolean).join(' và ');
      onDone(`Đã lưu ${what} của “${ind.name}”.`);
    } finally {
      setSaving(false);
    }
  };

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!saving && !locked && !conflict) void save(stored);
  };

  // 409: keep mine (send it again over the new version) or take theirs (into the fields).
  const keepMine = () => {
    if (!conflict || saving) return;
    const now = { ...stored, [conflict.which]: conflict.current };
    setStored(now);
    setConflict(null);
    void save(now);
  };
  const takeTheirs = () => {
    if (!conflict) return;
    const now = { ...stored, [conflict.which]: conflict.current };
    setStored(now);
    if (conflict.which === 'target') {
      const t = conflict.current as TargetDto | null;
      setForm((f) => ({ ...f, target: formFromStored(ind, { target: t, result: null }).target }));
    } else {
      setForm((f) => ({ ...f, ...resultFieldsFromStored(ind, conflict.current as ResultDto | null) }));
    }
    setConflict(null);
    setInfo('Đã lấy giá trị hiện tại vào ô nhập.');
  };

  const doDelete = () => {
    setRefusal(null);
    removeResult.mutate(key, {
      onSuccess: () => onDone(`Đã xóa kết quả của “${ind.name}”.`),
      onError: (e) => {
        setConfirmDelete(false);
        void fail(e, 'result');
      },
    });
  };

  const inputProps = (field: FieldName, group: 'target' | 'result' | 'note') => ({
    id: fieldId(field),
    value: form[field],
    onChange: set(field),
    onBlur: blur(field),
    'aria-invalid': invalid(field) || undefined,
    'aria-describedby':
      [invalid(field) ? errorId(group) : null, `${id}-${field}-hint`].filter(Boolean).join(' ') || undefined,
  });
  const focusFirst = (el: HTMLElement | null) => {
    if (el && !firstField.current) firstField.current = el;
  };

  const busy = saving || removeResult.isPending;
  const storedTargetText = stored.target ? dtoShown(stored.target) : null;
  const rolled = !stored.result && row.result && row.result.source !== 'entered' ? row.result : null;
  const suffix = ind.kind === 'count' ? ind.unitLabel : ind.kind === 'percent' ? '%' : null;

  return (
    <form className="value-form" onSubmit={submit} noValidate>
      <div className="value-group">
        {rights.plan ? (
          <div className="field">
            <label className="field-label" htmlFor={fieldId('target')}>
              Kế hoạch
            </label>
            {ind.kind === 'level' ? (
              <select {...inputProps('target', 'target')} ref={focusFirst} className="select">
                <option value="">— Chưa giao —</option>
                {(ind.levels ?? []).map((l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
              </select>
            ) : (
              <div className="input-with-suffix">
                <input
                  {...inputProps('target', 'target')}
                  ref={focusFirst}
                  className="input"
                  inputMode="decimal"
                  autoComplete="off"
                />
                {(suffix ?? (ind.kind === 'ratio' ? '%' : null)) && (
                  <span className="input-suffix" aria-hidden="true">
                    {suffix ?? '%'}
                  </span>
                )}
              </div>
            )}
            <p id={`${id}-target-hint`} className="field-hint">
              {targetHint(ind)}
            </p>
            {targetProblem && (
              <p id={errorId('target')} className="field-error">
                {targetProblem.message}
              </p>
            )}
          </div>
        ) : (
          <div className="value-readonly" data-testid="target-readonly">
            <span className="field-label">Kế hoạch</span>
            <strong className="value-readonly-value">{storedTargetText ?? 'Chưa giao'}</strong>
            <span className="field-hint">Kế hoạch do cấp ủy giao; bạn báo cáo kết quả.</span>
          </div>
        )}
      </div>

      {rights.report && (
        <div className="value-group">
          {ind.kind === 'ratio' ? (
            <fieldset className="ratio-fieldset">
              <legend className="field-label">Kết quả</legend>
              <div className="ratio-inputs">
                <div className="field">
                  <label className="field-label" htmlFor={fieldId('numerator')}>
                    Tử số
                  </label>
                  <input
                    {...inputProps('numerator', 'result')}
                    ref={focusFirst}
                    className="input"
                    inputMode="numeric"
                    autoComplete="off"
                  />
                  <p id={`${id}-numerator-hint`} className="field-hint">
                    Số đạt, ví dụ số đảng viên đạt
                  </p>
                </div>
                <span className="ratio-slash" aria-hidden="true">
                  /
                </span>
                <div className="field">
                  <label className="field-label" htmlFor={fieldId('denominator')}>
                    Mẫu số
                  </label>
                  <input
                    {...inputProps('denominator', 'result')}
                    className="input"
                    inputMode="numeric"
                    autoComplete="off"
                  />
                  <p id={`${id}-denominator-hint`} className="field-hint">
                    Tổng số, ví dụ tổng số đảng viên
                  </p>
                </div>
                <output
                  className="ratio-percent"
                  htmlFor={`${fieldId('numerator')} ${fieldId('denominator')}`}
                  aria-label="Tỷ lệ"
                  data-testid="ratio-percent"
                >
                  = {ratioShown ?? '…'}
                </output>
              </div>
            </fieldset>
          ) : ind.kind === 'level' ? (
            <div className="field">
              <label className="field-label" htmlFor={fieldId('value')}>
                Kết quả (mức đạt được)
              </label>
              <select {...inputProps('value', 'result')} ref={focusFirst} className="select">
                <option value="">— Chưa báo cáo —</option>
                {(ind.levels ?? []).map((l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
              </select>
              <p id={`${id}-value-hint`} className="visually-hidden">
                Chọn một mức xếp loại.
              </p>
            </div>
          ) : (
            <div className="field">
              <label className="field-label" htmlFor={fieldId('value')}>
                Kết quả
              </label>
              <div className="input-with-suffix">
                <input
                  {...inputProps('value', 'result')}
                  ref={focusFirst}
                  className="input"
                  inputMode="decimal"
                  autoComplete="off"
                />
                {suffix && (
                  <span className="input-suffix" aria-hidden="true">
                    {suffix}
                  </span>
                )}
              </div>
              <p id={`${id}-value-hint`} className="field-hint">
                {ind.kind === 'count'
                  ? `Số nguyên, tính bằng ${ind.unitLabel}.`
                  : 'Tỷ lệ phần trăm; phần thập phân dùng dấu phẩy, ví dụ 103,5.'}
              </p>
            </div>
          )}
          {resultProblem && (
            <p id={errorId('result')} className="field-error">
              {resultProblem.message}
            </p>
          )}
          {rolled && (
            <p className="field-hint value-rolled">
              Chưa nhập kết quả riêng cho kỳ này; bảng đang hiện {rolled.display},{' '}
              {rolled.source === 'units'
                ? 'tổng hợp từ các đơn vị trực thuộc'
                : ind.timeAggregate === 'last'
                  ? 'lấy theo kỳ gần nhất có số liệu'
                  : 'cộng dồn từ các kỳ ngắn hơn'}
              . Kết quả nhập ở đây sẽ được dùng thay.
            </p>
          )}

          <section className="value-preview" aria-labelledby={`${id}-preview`}>
            <h3 id={`${id}-preview`} className="value-preview-title">
              Xem trước khi lưu
            </h3>
            <dl className="value-preview-list">
              <div>
                <dt>Kế hoạch</dt>
                <dd>{shown(ind, preview.target)}</dd>
              </div>
              <div>
                <dt>Thực hiện</dt>
                <dd>{shown(ind, preview.result)}</dd>
              </div>
              <div>
                <dt>Tỷ lệ so với KH</dt>
                <dd>{preview.achievementX100 === null ? '—' : formatPercentX100(preview.achievementX100)}</dd>
              </div>
              <div>
                <dt>Đánh giá</dt>
                <dd role="status" data-testid="status-preview">
                  <StatusBadge status={preview.status} />
                </dd>
              </div>
            </dl>
          </section>

          <div className="field">
            <label className="field-label" htmlFor={fieldId('note')}>
              Ghi chú minh chứng
            </label>
            <textarea {...inputProps('note', 'note')} className="input textarea" rows={3} maxLength={2000} />
            <p id={`${id}-note-hint`} className="field-hint">
              Căn cứ của số liệu, ví dụ: biên bản, quyết định, danh sách kèm theo.
            </p>
            {noteProblem && (
              <p id={errorId('note')} className="field-error">
                {noteProblem.message}
              </p>
            )}
          </div>
        </div>
      )}

      <div ref={alertRef}>
        {conflict && (
          <div className="value-conflict" role="alert">
            <p className="form-error">{conflict.message}</p>
            <p>
              {conflict.current ? (
                <>
                  Giá trị hiện tại: <strong>{dtoShown(conflict.current)}</strong>, lưu lúc{' '}
                  {vietnamDateTime(conflict.current.updatedAt)}.
                  {conflict.which === 'result' && (conflict.current as ResultDto).note
                    ? ` Ghi chú: ${(conflict.current as ResultDto).note}`
                    : ''}
                </>
              ) : (
                'Người khác vừa xóa giá trị này.'
              )}
            </p>
            <p>
              Giá trị bạn vừa nhập:{' '}
              <strong>
                {conflict.which === 'target'
                  ? shown(ind, targetCheck?.kind === 'ok' ? targetCheck.value : null)
                  : shown(ind, resultCheck?.kind === 'ok' ? resultCheck.value : null)}
              </strong>
              .
            </p>
            <div className="form-actions">
              <button type="button" className="button" onClick={keepMine} aria-disabled={busy}>
                Giữ giá trị của tôi
              </button>
              <button type="button" className="button button-secondary" onClick={takeTheirs}>
                Lấy giá trị hiện tại
              </button>
            </div>
          </div>
        )}
        {refusal && (
          <p className="form-error" role="alert">
            {refusal.message}
          </p>
        )}
      </div>
      {info && (
        <p className="form-note" role="status">
          {info}
        </p>
      )}

      {confirmDelete ? (
        <div className="value-confirm">
          <p id={`${id}-confirm`}>
            Xóa kết quả đã báo cáo của {unit.name} trong{' '}
            {period.label.charAt(0).toLowerCase() + period.label.slice(1)}? Việc xóa được ghi vào lịch sử.
          </p>
          <div className="form-actions">
            <button
              type="button"
              className="button button-danger"
              onClick={doDelete}
              aria-disabled={busy}
              aria-describedby={`${id}-confirm`}
              // biome-ignore lint/a11y/noAutofocus: the confirmation is the only thing to answer
              autoFocus
            >
              {removeResult.isPending ? 'Đang xóa…' : 'Xóa kết quả'}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirmDelete(false)}>
              Không xóa
            </button>
          </div>
        </div>
      ) : (
        <div className="form-actions value-actions-bar">
          {locked || conflict ? (
            <button type="button" className="button button-secondary" onClick={onClose}>
              {locked ? 'Đóng' : 'Hủy'}
            </button>
          ) : (
            <>
              <button type="submit" className="button" aria-disabled={busy}>
                {saving ? 'Đang lưu…' : 'Lưu'}
              </button>
              <button type="button" className="button button-secondary" onClick={onClose}>
                Hủy
              </button>
              {rights.report && stored.result && (
                <button
                  type="button"
                  className="button button-secondary value-delete"
                  onClick={() => setConfirmDelete(true)}
                >
                  Xóa kết quả
                </button>
              )}
            </>
          )}
        </div>
      )}
    </form>
  );
}
