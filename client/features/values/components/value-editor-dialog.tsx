import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { formatValue } from '../../../../shared/format';
import type { IndicatorDef } from '../../../../shared/indicator';
import type { DashboardRowDto } from '../../../../shared/schemas/dashboard';
import type { ResultDto, TargetDto } from '../../../../shared/schemas/values';
import { vietnamDateTime } from '../../../../shared/vietnam-time';
import { ConflictChoice } from '../../../components/editing/conflict-choice';
import { useVersionedSave } from '../../../components/editing/use-versioned-save';
import { ErrorState } from '../../../components/ui/error-state';
import { Field, FieldError, Textarea } from '../../../components/ui/field';
import { CancelButton, FormActions, FormError, SubmitButton } from '../../../components/ui/form';
import { Loading } from '../../../components/ui/loading';
import { ModalDialog } from '../../../components/ui/modal-dialog';
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
import {
  dtoShown,
  ResultFields,
  RolledNote,
  shown,
  TargetField,
  TargetReadOnly,
  ValuePreview,
} from './value-fields';

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
const VALUE_CHOICE = ['Giữ giá trị của tôi', 'Lấy giá trị hiện tại'] as const;
type Dto = TargetDto | ResultDto;

const storedOf = (m: ReadonlyMap<Which, Dto>): Stored => ({
  target: (m.get('target') as TargetDto | undefined) ?? null,
  result: (m.get('result') as ResultDto | undefined) ?? null,
});

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

  const [form, setForm] = useState<ValueFormState>(() => formFromStored(ind, initial));
  const [edited, setEdited] = useState<ReadonlySet<FieldName>>(new Set());
  const [blurred, setBlurred] = useState<ReadonlySet<FieldName>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [info, setInfo] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const firstField = useRef<HTMLElement | null>(null);

  const saving = useVersionedSave<Which, Dto>({
    initial: () => Object.entries(initial).flatMap(([k, v]) => (v ? [[k as Which, v] as const] : [])),
    // The 409 names the current value; it is read again here with its version.
    readCurrent: async (which) => {
      const fresh = await queryClient.fetchQuery({
        ...valuesQueryOptions({ unit: unit.id, period: period.code }),
        staleTime: 0,
      });
      const list: Dto[] = which === 'target' ? fresh.targets : fresh.results;
      return list.find((v) => v.code === ind.code) ?? null;
    },
    // "Lấy giá trị hiện tại": the other value into the fields.
    onTheirs: (which, current) => {
      if (which === 'target')
        setForm((f) => ({ ...f, target: formFromStored(ind, { target: current, result: null }).target }));
      else setForm((f) => ({ ...f, ...resultFieldsFromStored(ind, current as ResultDto | null) }));
      setInfo('Đã lấy giá trị hiện tại vào ô nhập.');
    },
  });
  const stored = storedOf(saving.stored);
  const [conflictKey] = saving.conflicts.keys();
  const conflict = conflictKey
    ? { which: conflictKey, current: saving.conflicts.get(conflictKey) ?? null }
    : null;
  // A refusal names `value` for the target and the result alike: it goes to the one sent.
  const refusal = saving.refusal && {
    message: saving.refusal.message,
    field: ((f) =>
      f === 'value'
        ? saving.refusal?.key === 'target'
          ? 'target'
          : 'value'
        : f === 'numerator' || f === 'denominator' || f === 'note'
          ? f
          : undefined)(saving.refusal.field),
  };
  const refusalId = `${id}-refusal`;

  const fieldId = (f: FieldName) => `${id}-${f}`;
  const resultErrorId = `${id}-result-error`;

  // The first field gets the focus once the stored values are in.
  useEffect(() => {
    firstField.current?.focus();
  }, []);

  const set = (field: FieldName) => (e: { target: { value: string } }) => {
    const value = e.target.value;
    setForm((f) => ({ ...f, [field]: value }));
    setEdited((s) => new Set(s).add(field));
    setInfo(null);
    if (refusal?.field === field) saving.dismiss();
  };

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
  const faultOf = (f: FieldName) =>
    resultProblem?.field === f ? resultErrorId : refusal?.field === f ? refusalId : undefined;

  const preview = previewOf(ind, form, stored, row.result, period.open, rights);
  const ratioShown =
    resultCheck?.kind === 'ok' && ind.kind === 'ratio' ? formatValue(ind, resultCheck.value) : null;

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
    if (next.target) {
      const { target: t } = next;
      const out = await saving.save(
        () => putTarget.mutateAsync({ ...key, value: t.send.value, version: t.version }),
        {
          key: 'target',
        },
      );
      if (!out.ok) return;
      saving.remember([['target', out.answer.target]]);
    }
    if (next.result) {
      const { result: r } = next;
      const out = await saving.save(
        () => putResult.mutateAsync({ ...key, send: r.send, version: r.version }),
        {
          key: 'result',
        },
      );
      if (!out.ok) return;
      saving.remember([['result', out.answer.result]]);
    }
    const what = [next.target && 'kế hoạch', next.result && 'kết quả'].filter(Boolean).join(' và ');
    onDone(`Đã lưu ${what} của “${ind.name}”.`);
  };

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!saving.saving && !saving.locked && !conflict) void save(stored);
  };

  // 409: keep mine (send it again over the new version) or take theirs (into the fields).
  const keepMine = () => {
    if (!conflict || saving.saving) return;
    void save(storedOf(saving.choose(conflict.which, 'mine')));
  };

  const doDelete = async () => {
    const out = await saving.save(() => removeResult.mutateAsync(key), { key: 'result' });
    if (out.ok) onDone(`Đã xóa kết quả của “${ind.name}”.`);
    else setConfirmDelete(false);
  };

  const bind = (field: FieldName) => ({
    value: form[field],
    onChange: set(field),
    onBlur: () => setBlurred((s) => new Set(s).add(field)),
  });
  const focusFirst = (el: HTMLElement | null) => {
    if (el && !firstField.current) firstField.current = el;
  };
  const fields = { ind, idOf: fieldId, bind, faultOf, first: focusFirst };

  const busy = saving.saving || removeResult.isPending;
  const rolled = !stored.result && row.result && row.result.source !== 'entered' ? row.result : null;

  return (
    <form className="value-form" onSubmit={submit} noValidate>
      <div className="value-group">
        {rights.plan ? (
          <TargetField {...fields} error={targetProblem?.message} />
        ) : (
          <TargetReadOnly text={stored.target ? dtoShown(stored.target) : null} />
        )}
      </div>

      {rights.report && (
        <div className="value-group">
          <ResultFields {...fields} ratioShown={ratioShown} />
          <FieldError id={resultErrorId} live>
            {resultProblem?.message}
          </FieldError>
          {rolled && <RolledNote ind={ind} rolled={rolled} />}
          <ValuePreview id={`${id}-preview`} ind={ind} preview={preview} />
          <Field
            id={fieldId('note')}
            label="Ghi chú minh chứng"
            hint="Căn cứ của số liệu, ví dụ: biên bản, quyết định, danh sách kèm theo."
            error={noteProblem?.message}
            errorElsewhere={faultOf('note')}
            live
          >
            <Textarea {...bind('note')} rows={3} maxLength={2000} />
          </Field>
        </div>
      )}

      <div ref={saving.alertRef}>
        {conflict && (
          <ConflictChoice of={saving} at={conflict.which} labels={VALUE_CHOICE} onKeep={keepMine}>
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
          </ConflictChoice>
        )}
        <FormError id={refusalId}>{refusal?.message}</FormError>
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
          <FormActions>
            <button
              type="button"
              className="button button-danger"
              onClick={() => void doDelete()}
              aria-disabled={busy}
              aria-describedby={`${id}-confirm`}
              // biome-ignore lint/a11y/noAutofocus: the confirmation is the only thing to answer
              autoFocus
            >
              {removeResult.isPending ? 'Đang xóa…' : 'Xóa kết quả'}
            </button>
            <CancelButton onClick={() => setConfirmDelete(false)}>Không xóa</CancelButton>
          </FormActions>
        </div>
      ) : (
        <FormActions className="value-actions-bar">
          {saving.locked || conflict ? (
            <CancelButton onClick={onClose}>{saving.locked ? 'Đóng' : 'Hủy'}</CancelButton>
          ) : (
            <>
              <SubmitButton pending={saving.saving} pendingLabel="Đang lưu…">
                Lưu
              </SubmitButton>
              <CancelButton onClick={onClose} />
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
        </FormActions>
      )}
    </form>
  );
}
