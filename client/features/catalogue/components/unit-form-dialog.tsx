import { type FormEvent, useId, useState } from 'react';
import { createUnitBody, patchUnitBody, type UnitDto } from '../../../../shared/schemas/units';
import { UNIT_KIND_LABELS, UNIT_KINDS } from '../../../../shared/unit';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import { ApiError } from '../../../lib/api';
import { useCreateUnit } from '../../units/api/create-unit';
import { useUpdateUnit } from '../../units/api/update-unit';
import { defaultChildKind, isUnitKind, unitKindLabel } from '../utils/unit-kind';

type Field = 'name' | 'kind';

export type UnitFormMode = { kind: 'add'; parent: UnitDto | null } | { kind: 'edit'; unit: UnitDto };

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

  const [name, setName] = useState(editing?.name ?? '');
  const [kind, setKind] = useState<string>(editing?.kind ?? defaultChildKind(parent?.kind ?? null));
  const [problem, setProblem] = useState<{ message: string; field?: Field } | null>(null);

  const fail = (message: string, field?: Field) => {
    setProblem({ message, field });
    if (field) document.getElementById(`${id}-${field}`)?.focus();
  };
  const fieldOf = (error: Error): Field | undefined => {
    const f = error instanceof ApiError ? error.field : undefined;
    return f === 'name' || f === 'kind' ? f : undefined;
  };

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (pending) return;
    if (editing) {
      const body = {
        ...(name.trim() !== editing.name ? { name } : {}),
        ...(kind !== editing.kind ? { kind } : {}),
      };
      if (Object.keys(body).length === 0) return onClose();
      const checked = patchUnitBody.safeParse(body);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        return fail(issue?.message ?? '', issue?.path[0] === 'kind' ? 'kind' : 'name');
      }
      setProblem(null);
      update.mutate(
        { id: editing.id, body: checked.data },
        {
          onSuccess: ({ unit }) => {
            onDone(`Đã lưu đơn vị “${unit.name}” (${unitKindLabel(unit.kind)}).`, unit);
            onClose();
          },
          onError: (error) => fail(error.message, fieldOf(error)),
        },
      );
      return;
    }
    const checked = createUnitBody.safeParse({ parentId: parent?.id ?? null, name, kind });
    if (!checked.success) {
      const issue = checked.error.issues[0];
      return fail(issue?.message ?? '', issue?.path[0] === 'kind' ? 'kind' : 'name');
    }
    setProblem(null);
    create.mutate(checked.data, {
      onSuccess: ({ unit }) => {
        onDone(
          parent
            ? `Đã thêm “${unit.name}” trực thuộc “${parent.name}”.`
            : `Đã thêm đơn vị cấp cao nhất “${unit.name}”.`,
          unit,
        );
        onClose();
      },
      onError: (error) => fail(error.message, fieldOf(error)),
    });
  };

  const errorId = `${id}-error`;
  const describedBy = (field: Field, hint?: string) =>
    [hint, problem?.field === field ? errorId : undefined].filter(Boolean).join(' ') || undefined;
  const fieldError = (field: Field) =>
    problem?.field === field && (
      <p id={errorId} className="field-error" role="alert">
        {problem.message}
      </p>
    );

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
        <div className="field">
          <label className="field-label" htmlFor={`${id}-name`}>
            Tên đơn vị
          </label>
          <input
            id={`${id}-name`}
            data-autofocus
            className="input"
            type="text"
            autoComplete="off"
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={problem?.field === 'name' || undefined}
            aria-describedby={describedBy('name', `${id}-name-hint`)}
          />
          <p id={`${id}-name-hint`} className="field-hint">
            Tên đầy đủ, có dấu; ví dụ: Chi bộ Khoa Ngữ văn.
          </p>
          {fieldError('name')}
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-kind`}>
            Loại đơn vị
          </label>
          <select
            id={`${id}-kind`}
            className="select"
            value={kind}
            onChange={(e) => setKind(e.target.value)}
            aria-invalid={problem?.field === 'kind' || undefined}
            aria-describedby={describedBy('kind')}
          >
            {!isUnitKind(kind) && <option value={kind}>{kind}</option>}
            {UNIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {UNIT_KIND_LABELS[k]}
              </option>
            ))}
          </select>
          {fieldError('kind')}
        </div>
        {problem && !problem.field && (
          <p id={errorId} className="form-error" role="alert">
            {problem.message}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button" aria-disabled={pending}>
            {pending ? 'Đang lưu…' : editing ? 'Lưu' : 'Thêm đơn vị'}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            Hủy
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
