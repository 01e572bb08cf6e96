import { useId } from 'react';
import { z } from 'zod';
import { PASSWORD_HINT, passwordSchema, type UserDto } from '../../../../shared/accounts';
import { showRefusal, useSchemaForm } from '../../../components/forms/use-schema-form';
import { Field, Input } from '../../../components/ui/field';
import { CancelButton, FormActions, FormDone, SubmitButton } from '../../../components/ui/form';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import { useUpdateUser } from '../api/update-user';

const resetPasswordForm = z
  .object({ password: passwordSchema, confirm: z.string() })
  .refine((f) => f.confirm === f.password, {
    path: ['confirm'],
    error: 'Hai lần nhập mật khẩu chưa khớp nhau.',
  });

/** "Đặt lại mật khẩu": for someone who forgot theirs; their open sessions end. */
export function ResetPasswordDialog({ user, onClose }: { user: UserDto; onClose: () => void }) {
  const id = useId();
  const update = useUpdateUser();
  const form = useSchemaForm(resetPasswordForm, { password: '', confirm: '' });
  const { errors } = form.formState;

  const submit = form.handleSubmit(({ password }) => {
    if (update.isPending) return;
    // Whatever the server says of a new password is about the password.
    update.mutate(
      { id: user.id, body: { password } },
      { onError: (e) => showRefusal(form, e, () => 'password') },
    );
  });

  return (
    <ModalDialog
      title={`Đặt lại mật khẩu: ${user.displayName}`}
      description={`Tên đăng nhập: ${user.username}. Các phiên đăng nhập đang mở của người này sẽ kết thúc.`}
      onClose={onClose}
      className="modal-narrow"
    >
      {update.isSuccess ? (
        <FormDone onClose={onClose}>
          Đã đặt lại mật khẩu cho “{user.username}”. Hãy báo mật khẩu mới cho người đó.
        </FormDone>
      ) : (
        <form className="form-stack" onSubmit={submit} noValidate>
          <Field
            id={`${id}-password`}
            label="Mật khẩu mới"
            hint={PASSWORD_HINT}
            error={errors.password?.message}
          >
            <Input
              {...form.register('password')}
              data-autofocus
              type="password"
              autoComplete="new-password"
            />
          </Field>
          <Field id={`${id}-confirm`} label="Nhập lại mật khẩu mới" error={errors.confirm?.message}>
            <Input {...form.register('confirm')} type="password" autoComplete="new-password" />
          </Field>
          <FormActions>
            <SubmitButton pending={update.isPending} pendingLabel="Đang lưu…">
              Đặt lại mật khẩu
            </SubmitButton>
            <CancelButton onClick={onClose} />
          </FormActions>
        </form>
      )}
    </ModalDialog>
  );
}
