import { type FormEvent, useId, useState } from 'react';
import { PASSWORD_HINT, passwordSchema, type UserDto } from '../../../../shared/accounts';
import { ModalDialog } from '../../../components/ui/modal-dialog';
import { useUpdateUser } from '../api/update-user';

/** "Đặt lại mật khẩu": for someone who forgot theirs; their open sessions end. */
export function ResetPasswordDialog({ user, onClose }: { user: UserDto; onClose: () => void }) {
  const id = useId();
  const update = useUpdateUser();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<{ message: string; field: 'password' | 'confirm' } | null>(null);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (update.isPending) return;
    const checked = passwordSchema.safeParse(password);
    const fail = (message: string, field: 'password' | 'confirm') => {
      setProblem({ message, field });
      document.getElementById(`${id}-${field}`)?.focus();
    };
    if (!checked.success) return fail(checked.error.issues[0]?.message ?? '', 'password');
    if (confirm !== password) return fail('Hai lần nhập mật khẩu chưa khớp nhau.', 'confirm');
    setProblem(null);
    update.mutate(
      { id: user.id, body: { password } },
      { onError: (error) => setProblem({ message: error.message, field: 'password' }) },
    );
  };

  const errorId = `${id}-error`;
  const described = (field: 'password' | 'confirm') => (problem?.field === field ? errorId : undefined);

  return (
    <ModalDialog
      title={`Đặt lại mật khẩu: ${user.displayName}`}
      description={`Tên đăng nhập: ${user.username}. Các phiên đăng nhập đang mở của người này sẽ kết thúc.`}
      onClose={onClose}
      className="modal-narrow"
    >
      {update.isSuccess ? (
        <div className="form-stack">
          <p className="form-success" role="status">
            Đã đặt lại mật khẩu cho “{user.username}”. Hãy báo mật khẩu mới cho người đó.
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
            <label className="field-label" htmlFor={`${id}-password`}>
              Mật khẩu mới
            </label>
            <input
              id={`${id}-password`}
              data-autofocus
              className="input"
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={problem?.field === 'password' || undefined}
              aria-describedby={described('password')}
            />
            <p className="field-hint">{PASSWORD_HINT}</p>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-confirm`}>
              Nhập lại mật khẩu mới
            </label>
            <input
              id={`${id}-confirm`}
              className="input"
              type="password"
              autoComplete="new-password"
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
              aria-invalid={problem?.field === 'confirm' || undefined}
              aria-describedby={described('confirm')}
            />
          </div>
          {problem && (
            <p id={errorId} className="form-error" role="alert">
              {problem.message}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="button" aria-disabled={update.isPending}>
              {update.isPending ? 'Đang lưu…' : 'Đặt lại mật khẩu'}
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
