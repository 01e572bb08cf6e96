import { type FormEvent, useId, useState } from 'react';
import type { UnitDto } from '../../../../shared/schemas/units';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import { useUpdateUnit } from '../../units/api/update-unit';
import type { UnitNode } from '../utils/managed-tree';

const TOP = '';
const indent = (depth: number) => '\u00a0\u00a0\u00a0'.repeat(depth);

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
  const [choice, setChoice] = useState(() =>
    unit.parentId === null
      ? TOP
      : parents.some((p) => p.unit.id === unit.parentId)
        ? unit.parentId
        : topShown
          ? TOP
          : (parents[0]?.unit.id ?? TOP),
  );
  const [problem, setProblem] = useState<string | null>(null);

  const nameOf = (parentId: string) => parents.find((p) => p.unit.id === parentId)?.unit.name ?? '';

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (update.isPending) return;
    const parentId = choice === TOP ? null : choice;
    if (parentId === unit.parentId) {
      setProblem(`“${unit.name}” đang ở đây rồi; hãy chọn một đơn vị cấp trên khác.`);
      document.getElementById(`${id}-parent`)?.focus();
      return;
    }
    setProblem(null);
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
        onError: (error) => setProblem(error.message),
      },
    );
  };

  const errorId = `${id}-error`;

  return (
    <ModalDialog
      title={`Chuyển đơn vị: ${unit.name}`}
      description="Đơn vị được chuyển cùng các đơn vị trực thuộc và toàn bộ số liệu; ở nơi mới nó đứng cuối danh sách."
      onClose={onClose}
      className="modal-narrow"
    >
      <form className="form-stack" onSubmit={submit} noValidate>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-parent`}>
            Trực thuộc đơn vị
          </label>
          <select
            id={`${id}-parent`}
            data-autofocus
            className="select"
            value={choice}
            onChange={(e) => setChoice(e.target.value)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={[`${id}-hint`, problem ? errorId : ''].filter(Boolean).join(' ')}
          >
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
          </select>
          <p id={`${id}-hint`} className="field-hint">
            Chỉ có các đơn vị bạn quản lý, trừ chính đơn vị này và các đơn vị trực thuộc nó.
          </p>
        </div>
        {problem && (
          <p id={errorId} className="form-error" role="alert">
            {problem}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button" aria-disabled={update.isPending}>
            {update.isPending ? 'Đang chuyển…' : 'Chuyển đơn vị'}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            Hủy
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
