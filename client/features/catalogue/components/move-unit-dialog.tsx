import { useId } from 'react';
import { z } from 'zod';
import { patchUnitBody, type UnitDto } from '../../../../shared/schemas/units';
import { formRefusal, showRefusal, useSchemaForm } from '../../../components/forms/use-schema-form';
import { Field, Select } from '../../../components/ui/field';
import { CancelButton, FormActions, FormError, SubmitButton } from '../../../components/ui/form';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import { useUpdateUnit } from '../../units/api/update-unit';
import type { UnitNode } from '../utils/managed-tree';

const TOP = '';
const indent = (depth: number) => '\u00a0\u00a0\u00a0'.repeat(depth);

/** The parent chosen ('' for the top), as the server checks it, and somewhere else than now. */
const moveForm = (unit: UnitDto) =>
  z.object({
    parentId: z
      .string()
      .transform((v) => (v === TOP ? null : v))
      .pipe(patchUnitBody.shape.parentId.unwrap())
      .refine((p) => p !== unit.parentId, {
        error: `“${unit.name}” đang ở đây rồi; hãy chọn một đơn vị cấp trên khác.`,
      }),
  });

/**
 * "Chuyển đơn vị": under another unit the user manages, with everything under it. The unit
 * goes last among its new siblings. The choices leave out the unit's own subtree; the server
 * still refuses a cycle (the tree may have changed meanwhile) and its sentence is shown.
 */
export function MoveUnitDialog({
  unit,
  parents,
  allowTop,
  siblingsUnder,
  onClose,
  onDone,
}: {
  unit: UnitDto;
  /** Where it may go, in the tree's order, its present parent included. */
  parents: UnitNode[];
  /** Whether it may become a unit of the top level (a global administrator). */
  allowTop: boolean;
  /** The units now directly under a parent (null: the top), to put the moved one last. */
  siblingsUnder: (parentId: string | null) => UnitDto[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const id = useId();
  const update = useUpdateUnit();
  const topShown = allowTop || unit.parentId === null;
  // Where it is now, when that is one of the choices; else the first choice.
  const form = useSchemaForm(moveForm(unit), {
    parentId:
      unit.parentId === null
        ? TOP
        : parents.some((p) => p.unit.id === unit.parentId)
          ? unit.parentId
          : topShown
            ? TOP
            : (parents[0]?.unit.id ?? TOP),
  });

  const nameOf = (parentId: string) => parents.find((p) => p.unit.id === parentId)?.unit.name ?? '';

  const submit = form.handleSubmit(({ parentId }) => {
    if (update.isPending) return;
    const last = siblingsUnder(parentId).reduce((m, u) => Math.max(m, u.position), 0);
    update.mutate(
      { id: unit.id, body: { parentId, position: last + 1 } },
      {
        onSuccess: () => {
          onDone(
            parentId
              ? `Đã chuyển “${unit.name}” vào “${nameOf(parentId)}”.`
              : `Đã chuyển “${unit.name}” lên cấp cao nhất.`,
          );
          onClose();
        },
        // The tree changed meanwhile (a cycle): said under the form, the choice stays.
        onError: (error) => showRefusal(form, error, () => undefined),
      },
    );
  });

  return (
    <ModalDialog
      title={`Chuyển đơn vị: ${unit.name}`}
      description="Đơn vị được chuyển cùng các đơn vị trực thuộc và toàn bộ số liệu; ở nơi mới nó đứng cuối danh sách."
      onClose={onClose}
      className="modal-narrow"
    >
      <form className="form-stack" onSubmit={submit} noValidate>
        <Field
          id={`${id}-parent`}
          label="Trực thuộc đơn vị"
          hint="Chỉ có các đơn vị bạn quản lý, trừ chính đơn vị này và các đơn vị trực thuộc nó."
          error={form.formState.errors.parentId?.message}
        >
          <Select {...form.register('parentId')} data-autofocus>
            {topShown && (
              <option value={TOP}>
                Không trực thuộc đơn vị nào (cấp cao nhất){unit.parentId === null ? ' — hiện tại' : ''}
              </option>
            )}
            {parents.map((p) => (
              <option key={p.unit.id} value={p.unit.id}>
                {indent(p.depth)}
                {p.unit.name}
                {p.unit.id === unit.parentId ? ' — hiện tại' : ''}
              </option>
            ))}
          </Select>
        </Field>
        <FormError>{formRefusal(form)}</FormError>
        <FormActions>
          <SubmitButton pending={update.isPending} pendingLabel="Đang chuyển…">
            Chuyển đơn vị
          </SubmitButton>
          <CancelButton onClick={onClose} />
        </FormActions>
      </form>
    </ModalDialog>
  );
}
