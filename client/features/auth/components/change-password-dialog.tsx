import { type FormEvent, useId, useState } from 'react';
import { PASSWORD_HINT, passwordSchema } from '../../../../shared/accounts';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import { ApiError } from '../../../lib/api';
import { useChangePassword } from '../api/change-password';

type Field = 'currentPassword' | 'newPassword' | 'confirm';

/** "Đổi mật khẩu": one's own password, with the current one to prove it is oneself. */
export function ChangePasswordDialog({ onClose }: { onClose: () => void }) {
  const id = useId();
  const change = useChangePassword();
  const [values, setValues] = useState({ currentPassword: '', newPassword: '', confirm: '' });
  const [problem, setProblem] = useState<{ message: string; field?: Field } | null>(null);

  const set = (field: Field) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));

  const fail = (message: string, field?: Field) => {
    setProblem({ message, field });
    if (field) document.getElementById(`${id}-${field}`)?.focus();
  };

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (change.isPending) return;
    if (!values.currentPassword) return fail('Hãy nhập mật khẩu hiện tại.', 'currentPassword');
    const checked = passwordSchema.safeParse(values.newPassword);
    if (!checked.success)
      return fail(checked.error.issues[0]?.message ?? 'Mật khẩu mới chưa hợp lệ.', 'newPassword');
    if (values.confirm !== values.newPassword)
      return fail('Hai lần nhập mật khẩu mới chưa khớp nhau.', 'confirm');
    setProblem(null);
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onError: (error) => {
          const field =
            error instanceof ApiError && (error.field === 'currentPassword' || error.field === 'newPassword')
              ? error.field
              : undefined;
          fail(error.message, field);
        },
      },
    );
  };

  const errorId = `${id}-error`;
  const fieldProps = (field: Field) => ({
    id: `${id}-${field}`,
    className: 'input',
    type: 'password',
    value: values[field],
    onChange: set(field),
    'aria-invalid': problem?.field === field || undefined,
    'aria-describedby': problem?.field === field ? errorId : undefined,
  });

  return (
    <ModalDialog title="Đổi mật khẩu" onClose={onClose} className="modal-narrow">
      {change.isSuccess ? (
        <div className="form-stack">
          <p className="form-success" role="status">
            Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn (trên máy khác) đã được đăng xuất.
          </p>
          <div className="form-actions">
            <button type="button" className="button" onClick={onClose}>
              Đóng
            </button>
          </div>
        </div>
      ) : (
        <form className="form-stack" onSubmit={submit} noValidate>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-currentPassword`}>
              Mật khẩu hiện tại
            </label>
            <input {...fieldProps('currentPassword')} autoComplete="current-password" data-autofocus />
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-newPassword`}>
              Mật khẩu mới
            </label>
            <input {...fieldProps('newPassword')} autoComplete="new-password" />
            <p className="field-hint">{PASSWORD_HINT}</p>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-confirm`}>
              Nhập lại mật khẩu mới
            </label>
            <input {...fieldProps('confirm')} autoComplete="new-password" />
          </div>
          {problem && (
            <p id={errorId} className="form-error" role="alert">
              {problem.message}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="button" aria-disabled={change.isPending}>
              {change.isPending ? 'Đang lưu…' : 'Đổi mật khẩu'}
            </button>
            <button type="button" className="button button-secondary" onClick={onClose}>
              Hủy
            </button>
          </div>
        </form>
      )}
    </ModalDialog>
  );
}
