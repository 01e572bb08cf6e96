import type { UserDto } from '../../../../shared/accounts';
import { CancelButton, FormActions, FormError, SubmitButton } from '../../../components/ui/form';
import { type DoneDialogProps, ModalDialog, useDialogOutcome } from '../../../components/ui/modal-dialog';
import { useUpdateUser } from '../api/update-user';

type LockUserDialogProps = DoneDialogProps & { user: UserDto };

/** "Khóa tài khoản", asked once more: the person is signed out at once. */
export function LockUserDialog({ user, onClose, onDone }: LockUserDialogProps) {
  const update = useUpdateUser();
  const { problem, outcome } = useDialogOutcome({ onClose, onDone });

  const lock = () => {
    if (update.isPending) return;
    update.mutate({ id: user.id, body: { active: false } }, outcome(`Đã khóa tài khoản “${user.username}”.`));
  };

  return (
    <ModalDialog
      title={`Khóa tài khoản: ${user.displayName}`}
      description={`“${user.username}” sẽ bị đăng xuất ngay và không đăng nhập được cho đến khi được mở khóa. Số liệu và lịch sử của người này vẫn giữ nguyên.`}
      onClose={onClose}
      className="modal-narrow"
    >
      <div className="form-stack">
        <FormError>{problem}</FormError>
        <FormActions>
          <SubmitButton danger pending={update.isPending} pendingLabel="Đang khóa…" onClick={lock}>
            Khóa tài khoản
          </SubmitButton>
          <CancelButton onClick={onClose} />
        </FormActions>
      </div>
    </ModalDialog>
  );
}
