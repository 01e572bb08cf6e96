import { useId } from 'react';
import { z } from 'zod';
import { createUnitBody, type UnitDto, unitKindSchema } from '../../../../shared/schemas/units';
import { UNIT_KIND_LABELS, UNIT_KINDS } from '../../../../shared/unit';
import {
  fieldAmong,
  formRefusal,
  showRefusal,
  useSchemaForm,
} from '../../../components/forms/use-schema-form';
import { Field, Input, Select } from '../../../components/ui/field';
import { CancelButton, FormActions, FormError, SubmitButton } from '../../../components/ui/form';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import { useCreateUnit } from '../../units/api/create-unit';
import { useUpdateUnit } from '../../units/api/update-unit';
import { defaultChildKind, isUnitKind, unitKindLabel } from '../utils/unit-kind';

export type UnitFormMode = { kind: 'add'; parent: UnitDto | null } | { kind: 'edit'; unit: UnitDto };

/** The name and kind as the server checks them; a unit keeps a kind of an older list it already has. */
const unitForm = (kept: string | null) =>
  z.object({
    name: createUnitBody.shape.name,
    kind: kept && !isUnitKind(kept) ? unitKindSchema.or(z.literal(kept)) : unitKindSchema,
  });

/**
 * "Thêm đơn vị" under a parent (or at the top) and "Sửa đơn vị": its name and its kind,
 * checked with the server's own schema before sending.
 */
export function UnitFormDialog({
  mode,
  onClose,
  onDone,
}: {
  mode: UnitFormMode;
  onClose: () => void;
  onDone: (message: string, unit: UnitDto) => void;
}) {
  const id = useId();
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const pending = create.isPending || update.isPending;
  const editing = mode.kind === 'edit' ? mode.unit : null;
  const parent = mode.kind === 'add' ? mode.parent : null;
  const form = useSchemaForm(unitForm(editing?.kind ?? null), {
    name: editing?.name ?? '',
    kind: editing?.kind ?? defaultChildKind(parent?.kind ?? null),
  });
  const { errors } = form.formState;
  const kind = form.watch('kind');
  const refused = (error: Error) => showRefusal(form, error, fieldAmong('name', 'kind'));

  const submit = form.handleSubmit(({ name, kind }) => {
    if (pending) return;
    if (editing) {
      const body = {
        ...(name !== editing.name ? { name } : {}),
        ...(kind !== editing.kind && isUnitKind(kind) ? { kind } : {}),
      };
      if (Object.keys(body).length === 0) return onClose();
      update.mutate(
        { id: editing.id, body },
        {
          onSuccess: ({ unit }) => {
            onDone(`Đã lưu đơn vị “${unit.name}” (${unitKindLabel(unit.kind)}).`, unit);
            onClose();
          },
          onError: refused,
        },
      );
      return;
    }
    if (!isUnitKind(kind)) return;
    create.mutate(
      { parentId: parent?.id ?? null, name, kind },
      {
        onSuccess: ({ unit }) => {
          onDone(
            parent
              ? `Đã thêm “${unit.name}” trực thuộc “${parent.name}”.`
              : `Đã thêm đơn vị cấp cao nhất “${unit.name}”.`,
            unit,
          );
          onClose();
        },
        onError: refused,
      },
    );
  });

  const title = editing
    ? `Sửa đơn vị: ${editing.name}`
    : parent
      ? `Thêm đơn vị trực thuộc ${parent.name}`
      : 'Thêm đơn vị cấp cao nhất';
  const description = editing
    ? 'Đổi tên hoặc loại đơn vị; số liệu, vai trò và các đơn vị trực thuộc vẫn giữ nguyên.'
    : parent
      ? 'Đơn vị mới đứng cuối trong các đơn vị trực thuộc; có thể đổi thứ tự sau.'
      : 'Một tổ chức riêng, không trực thuộc đơn vị nào (ví dụ Đảng bộ một trường khác).';

  return (
    <ModalDialog title={title} description={description} onClose={onClose} className="modal-narrow">
      <form className="form-stack" onSubmit={submit} noValidate>
        <Field
          id={`${id}-name`}
          label="Tên đơn vị"
          hint="Tên đầy đủ, có dấu; ví dụ: Chi bộ Khoa Ngữ văn."
          error={errors.name?.message}
        >
          <Input {...form.register('name')} data-autofocus type="text" autoComplete="off" />
        </Field>
        <Field id={`${id}-kind`} label="Loại đơn vị" error={errors.kind?.message}>
          <Select {...form.register('kind')}>
            {!isUnitKind(kind) && <option value={kind}>{kind}</option>}
            {UNIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {UNIT_KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        </Field>
        <FormError>{formRefusal(form)}</FormError>
        <FormActions>
          <SubmitButton pending={pending} pendingLabel="Đang lưu…">
            {editing ? 'Lưu' : 'Thêm đơn vị'}
          </SubmitButton>
          <CancelButton onClick={onClose} />
        </FormActions>
      </form>
    </ModalDialog>
  );
}
