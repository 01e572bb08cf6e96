import { useId } from 'react';
import type { FieldErrors, UseFormRegisterReturn } from 'react-hook-form';
import {
  DIRECTION_LABELS,
  DIRECTIONS,
  INDICATOR_KINDS,
  type IndicatorKind,
  KIND_LABELS,
  MEMBER_RATING_SHARE_LABELS,
  MEMBER_RATING_SHARES,
  TIME_AGGREGATE_LABELS,
  TIME_AGGREGATES,
} from '../../../../shared/indicator';
import type { IndicatorDto } from '../../../../shared/schemas/indicators';
import { formRefusal, showRefusal, useSchemaForm } from '../../../components/forms/use-schema-form';
import { Field, Input, Label, Select, Textarea } from '../../../components/ui/field';
import { CancelButton, FormActions, FormError, SubmitButton } from '../../../components/ui/form';
import { KindChecks } from '../../../components/ui/kind-checks';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import { useCreateIndicator } from '../../indicators/api/create-indicator';
import { useIndicators } from '../../indicators/api/get-indicators';
import { useUpdateIndicator } from '../../indicators/api/update-indicator';
import {
  draftOf,
  emptyDraft,
  fieldOfRefusal,
  type IndicatorDraft,
  type IndicatorField,
  indicatorFormSchema,
  mayDerive,
  withKind,
} from '../utils/indicator-form';
import { DerivedFields } from './derived-fields';
import { LevelsEditor } from './levels-editor';

const KIND_HINTS: Record<IndicatorKind, string> = {
  count: 'Một số nguyên, ví dụ số đảng viên kết nạp, số đề tài.',
  percent: 'Một số phần trăm nhập trực tiếp, tối đa hai chữ số thập phân.',
  ratio: 'Nhập tử số và mẫu số, hiện thành phần trăm; cộng dồn lên đơn vị cấp trên.',
  level: 'Một mức trong thang xếp loại của chỉ tiêu.',
};

/** A registered field whose typing is rewritten before the form takes it. */
const typedAs = (
  field: UseFormRegisterReturn,
  rewrite: (typed: string) => string,
): UseFormRegisterReturn => ({
  ...field,
  onChange: (e: { target: { value: string } }) => {
    const rewritten = rewrite(e.target.value);
    if (rewritten !== e.target.value) e.target.value = rewritten;
    return field.onChange(e);
  },
});

/** The scale's problem: about the whole list, or about one level (the first at fault). */
function levelsProblem(errors: FieldErrors<IndicatorDraft>) {
  const e = errors.levels;
  if (!e) return null;
  if (e.message) return { message: e.message };
  const index = Array.isArray(e) ? e.findIndex((x) => x?.message) : -1;
  return index < 0 ? null : { message: (e as { message?: string }[])[index]!.message!, index };
}

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
  const form = useSchemaForm(indicatorFormSchema(indicator), indicator ? draftOf(indicator) : emptyDraft());
  const { errors, isSubmitted } = form.formState;
  const kind = form.watch('kind');
  const levels = form.watch('levels');
  const appliesTo = form.watch('appliesTo');
  const derived = form.watch('derived');
  const catalogue = useIndicators().data?.indicators ?? [];
  const levelIndicators = catalogue.filter(
    (i) => i.kind === 'level' && !i.archived && i.code !== indicator?.code,
  );

  // A level is not a registered field: the focus goes to the one at fault by hand.
  const focusLevel = (index: number) =>
    document
      .querySelectorAll<HTMLElement>(`#${CSS.escape(`${id}-levels`)} [data-part="text"]`)
      [index]?.focus();

  const refused = (error: Error) => {
    showRefusal(form, error, (e) => fieldOfRefusal(e.code, e.field));
    if (form.getFieldState('levels').error) focusLevel(0);
  };

  const done = (verb: string) => ({
    onSuccess: ({ indicator: saved }: { indicator: IndicatorDto }) => {
      onDone(`Đã ${verb} chỉ tiêu ${saved.code} — ${saved.name}.`, saved);
      onClose();
    },
    onError: refused,
  });

  const submit = form.handleSubmit(
    (send) => {
      if (pending) return;
      if ('create' in send) return create.mutate(send.create, done('thêm'));
      if (!indicator || !send.patch) return onClose();
      update.mutate({ code: indicator.code, body: send.patch }, done('lưu'));
    },
    (e) => {
      const problem = levelsProblem(e);
      if (problem && Object.keys(e).every((f) => f === 'levels')) focusLevel(problem.index ?? 0);
    },
  );

  // The field a problem is shown beside, when that field is on the form; else under the form.
  const shown = (f: IndicatorField) =>
    f === 'code'
      ? !indicator
      : f === 'levels'
        ? kind === 'level'
        : f === 'memberRating'
          ? kind === 'ratio'
          : f === 'derived'
            ? mayDerive(kind) && derived.on
            : true;
  const errorOf = (f: IndicatorField) => (shown(f) ? errors[f]?.message : undefined);
  const elsewhere = (Object.keys(errors) as IndicatorField[]).find(
    (f) => !shown(f) && (errors[f]?.message || f === 'levels'),
  );
  const formLevel =
    formRefusal(form) ??
    (elsewhere === 'levels' ? levelsProblem(errors)?.message : elsewhere && errors[elsewhere]?.message);
  const field = (name: IndicatorField) => ({ id: `${id}-${name}`, name, error: errorOf(name) });

  const kindField = form.register('kind', {
    onChange: (e: { target: { value: string } }) => {
      const next = withKind(form.getValues(), e.target.value as IndicatorKind);
      form.setValue('levels', next.levels);
      form.setValue('timeAggregate', next.timeAggregate);
    },
  });
  // The code is kept in upper case as it is typed.
  const codeField = typedAs(form.register('code'), (v) => v.toUpperCase());
  // Names of indicators run long ("Tỷ lệ đảng viên, quần chúng tham gia học tập nghị quyết
  // của Đảng"): two lines to read them whole, and Enter still sends the form.
  const nameField = typedAs(form.register('name'), (v) => v.replace(/\s*\n\s*/g, ' '));

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
              <Label as="span">Mã chỉ tiêu</Label>
              <span className="indicator-code-fixed">{indicator.code}</span>
            </div>
          ) : (
            <Field
              {...field('code')}
              label="Mã chỉ tiêu"
              hint="Chữ in hoa không dấu, chữ số, dấu gạch dưới; ví dụ DV_KET_NAP. Không đổi được sau khi thêm."
            >
              <Input
                {...codeField}
                data-autofocus
                className="indicator-code-input"
                type="text"
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
              />
            </Field>
          )}
          <Field {...field('name')} label="Tên chỉ tiêu" hint="Tên đầy đủ, có dấu, như trong nghị quyết.">
            <Textarea
              {...nameField}
              data-autofocus={indicator ? true : undefined}
              className="indicator-name-input"
              rows={2}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
                  e.preventDefault();
                  e.currentTarget.form?.requestSubmit();
                }
              }}
            />
          </Field>
        </div>
        <div className="indicator-form-grid">
          <Field {...field('unitLabel')} label="Đơn vị tính (ĐVT)" hint="Ví dụ: %, người, đề tài, chi bộ.">
            <Input {...form.register('unitLabel')} type="text" autoComplete="off" />
          </Field>
          <Field {...field('kind')} label="Loại chỉ tiêu" hint={KIND_HINTS[kind]}>
            <Select {...kindField}>
              {INDICATOR_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            {...field('direction')}
            label="Chiều đánh giá"
            hint="Ví dụ số đảng viên bị kỷ luật: càng thấp càng tốt."
          >
            <Select {...form.register('direction')}>
              {DIRECTIONS.map((d) => (
                <option key={d} value={d}>
                  {DIRECTION_LABELS[d]}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            {...field('timeAggregate')}
            label="Cộng dồn theo kỳ"
            hint={
              kind === 'level'
                ? 'Kết quả của năm, nhiệm kỳ lấy từ các kỳ bên trong; mức xếp loại không cộng dồn được.'
                : 'Kết quả của năm, nhiệm kỳ lấy từ các kỳ bên trong khi chưa nhập trực tiếp.'
            }
          >
            <Select {...form.register('timeAggregate')}>
              {TIME_AGGREGATES.map((t) => (
                <option key={t} value={t} disabled={t === 'sum' && kind === 'level'}>
                  {TIME_AGGREGATE_LABELS[t]}
                </option>
              ))}
            </Select>
          </Field>
          {kind === 'ratio' && (
            <Field
              {...field('memberRating')}
              label="Nhận kết quả từ xếp loại đảng viên"
              hint="Khi gắn, biểu mẫu xếp loại đảng viên tự ghi kết quả của chỉ tiêu này."
            >
              <Select {...form.register('memberRating')}>
                <option value="">Không gắn</option>
                {MEMBER_RATING_SHARES.map((s) => (
                  <option key={s} value={s}>
                    {MEMBER_RATING_SHARE_LABELS[s]}
                  </option>
                ))}
              </Select>
            </Field>
          )}
        </div>
        {kind === 'level' && (
          <div id={`${id}-levels`} data-field="levels">
            <LevelsEditor
              idPrefix={`${id}-levels`}
              levels={levels}
              onChange={(next) => form.setValue('levels', next, { shouldValidate: isSubmitted })}
              problem={levelsProblem(errors)}
              errorId={`${id}-levels-error`}
            />
          </div>
        )}
        <KindChecks
          id={`${id}-appliesTo`}
          legend="Áp dụng cho các loại đơn vị"
          hint="Không đánh dấu loại nào: áp dụng cho mọi loại đơn vị. Chỉ tiêu chỉ được nhập ở đơn vị thuộc các loại đã chọn."
          error={errorOf('appliesTo')}
          chosen={appliesTo}
          onChange={(next) => form.setValue('appliesTo', next, { shouldValidate: isSubmitted })}
        />
        {mayDerive(kind) && (
          <DerivedFields
            id={`${id}-derived`}
            draft={derived}
            levelIndicators={levelIndicators}
            ratio={kind === 'ratio'}
            error={errorOf('derived')}
            onChange={(next) => form.setValue('derived', next, { shouldValidate: isSubmitted })}
          />
        )}
        <FormError>{formLevel}</FormError>
        <FormActions>
          <SubmitButton pending={pending} pendingLabel="Đang lưu…">
            {indicator ? 'Lưu' : 'Thêm chỉ tiêu'}
          </SubmitButton>
          <CancelButton onClick={onClose} />
        </FormActions>
      </form>
    </ModalDialog>
  );
}
