import { useId } from 'react';
import { z } from 'zod';
import { changePasswordBody, PASSWORD_HINT } from '../../../../shared/accounts';
import {
  fieldAmong,
  formRefusal,
  showRefusal,
  useSchemaForm,
} from '../../../components/forms/use-schema-form';
import { Field, Input } from '../../../components/ui/field';
import { CancelButton, FormActions, FormDone, FormError, SubmitButton } from '../../../components/ui/form';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import { useChangePassword } from '../api/change-password';

/** The request's body, and the new password typed a second time. */
const changePasswordForm = changePasswordBody
  .extend({ confirm: z.string() })
  .refine((f) => f.confirm === f.newPassword, {
    path: ['confirm'],
    error: 'Hai lần nhập mật khẩu mới chưa khớp nhau.',
  });

/** "Đổi mật khẩu": one's own password, with the current one to prove it is oneself. */
export function ChangePasswordDialog({ onClose }: { onClose: () => void }) {
  const id = useId();
  const change = useChangePassword();
  const form = useSchemaForm(changePasswordForm, { currentPassword: '', newPassword: '', confirm: '' });
  const { errors } = form.formState;

  const submit = form.handleSubmit(({ currentPassword, newPassword }) => {
    if (change.isPending) return;
    change.mutate(
      { currentPassword, newPassword },
      { onError: (error) => showRefusal(form, error, fieldAmong('currentPassword', 'newPassword')) },
    );
  });

  return (
    <ModalDialog title="Đổi mật khẩu" onClose={onClose} className="modal-narrow">
      {change.isSuccess ? (
        <FormDone onClose={onClose}>
          Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn (trên máy khác) đã được đăng xuất.
        </FormDone>
      ) : (
        <form className="form-stack" onSubmit={submit} noValidate>
          <Field id={`${id}-current`} label="Mật khẩu hiện tại" error={errors.currentPassword?.message}>
            <Input
              {...form.register('currentPassword')}
              type="password"
              autoComplete="current-password"
              data-autofocus
            />
          </Field>
          <Field
            id={`${id}-new`}
            label="Mật khẩu mới"
            hint={PASSWORD_HINT}
            error={errors.newPassword?.message}
          >
            <Input {...form.register('newPassword')} type="password" autoComplete="new-password" />
          </Field>
          <Field id={`${id}-confirm`} label="Nhập lại mật khẩu mới" error={errors.confirm?.message}>
            <Input {...form.register('confirm')} type="password" autoComplete="new-password" />
          </Field>
          <FormError>{formRefusal(form)}</FormError>
          <FormActions>
            <SubmitButton pending={change.isPending} pendingLabel="Đang lưu…">
              Đổi mật khẩu
            </SubmitButton>
            <CancelButton onClick={onClose} />
          </FormActions>
        </form>
      )}
    </ModalDialog>
  );
}
