import { useEffect, useRef } from 'react';
import type { UnitDto } from '../../../../shared/schemas/units';
import { FormActions, SubmitButton } from '../../../components/ui/form';
import { type DoneDialogProps, ModalDialog, useDialogOutcome } from '../../../components/ui/modal-dialog';
import { useDeleteUnit } from '../../units/api/delete-unit';

type RemoveUnitDialogProps = DoneDialogProps & { unit: UnitDto };

/**
 * "Xóa đơn vị", asked once more. The server refuses while the unit still holds anything
 * (units under it, values, target lines, member ratings, roles); its reason is shown as is.
 */
export function RemoveUnitDialog({ unit, onClose, onDone }: RemoveUnitDialogProps) {
  const remove = useDeleteUnit();
  const { problem: refusal, setProblem: setRefusal, outcome } = useDialogOutcome({ onClose, onDone });
  const closeRef = useRef<HTMLButtonElement>(null);

  // The button that had the focus is replaced by "Đóng": the focus goes there, not to nowhere.
  useEffect(() => {
    if (refusal) closeRef.current?.focus();
  }, [refusal]);

  const confirm = () => {
    if (remove.isPending) return;
    setRefusal(null);
    remove.mutate(unit.id, outcome(`Đã xóa đơn vị “${unit.name}”.`));
  };

  return (
    <ModalDialog
      title={`Xóa đơn vị: ${unit.name}`}
      description="Chỉ xóa được đơn vị không còn đơn vị trực thuộc, số liệu, chỉ tiêu chủ yếu hay vai trò người dùng. Đã xóa thì không khôi phục được."
      onClose={onClose}
      className="modal-narrow"
    >
      <div className="form-stack">
        {refusal && (
          <div className="form-error" role="alert" data-testid="remove-refusal">
            <p>Không xóa được.</p>
            <p className="catalogue-refusal">{refusal}</p>
          </div>
        )}
        <FormActions>
          {refusal ? (
            <button ref={closeRef} type="button" className="button" onClick={onClose}>
              Đóng
            </button>
          ) : (
            <>
              <SubmitButton danger pending={remove.isPending} pendingLabel="Đang xóa…" onClick={confirm}>
                Xóa đơn vị
              </SubmitButton>
              <button type="button" className="button button-secondary" data-autofocus onClick={onClose}>
                Hủy
              </button>
            </>
          )}
        </FormActions>
      </div>
    </ModalDialog>
  );
}
