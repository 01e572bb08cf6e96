import { useState } from 'react';
import type { UserDto } from '../../../../shared/accounts';
import { grantLabel } from '../../auth/utils/grant-label';
import { useRights } from '../../auth/utils/use-rights';
import { useUpdateUser } from '../api/update-user';
import { EditGrantsDialog } from './edit-grants-dialog';
import { LockUserDialog } from './lock-user-dialog';
import { ResetPasswordDialog } from './reset-password-dialog';

type Open = { kind: 'grants' | 'password' | 'lock'; user: UserDto } | null;

/** The users in reach: their roles, whether they may sign in, and what can be done to them. */
export function UsersTable({
  users,
  meId,
  caption,
  onNotice,
}: {
  users: UserDto[];
  meId: string;
  caption: string;
  onNotice: (message: string) => void;
}) {
  const [open, setOpen] = useState<Open>(null);
  // A refusal of an action taken right in the table, shown in that user's row.
  const [refusal, setRefusal] = useState<{ userId: string; message: string } | null>(null);
  const update = useUpdateUser();
  const rights = useRights();

  const unlock = (user: UserDto) => {
    setRefusal(null);
    update.mutate(
      { id: user.id, body: { active: true } },
      {
        onSuccess: () => onNotice(`Đã mở khóa tài khoản “${user.username}”.`),
        onError: (e) => setRefusal({ userId: user.id, message: e.message }),
      },
    );
  };

  const close = () => setOpen(null);

  return (
    <>
      <div className="table-wrap">
        <table className="data-table users-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Tên đăng nhập</th>
              <th scope="col">Họ tên</th>
              <th scope="col">Vai trò</th>
              <th scope="col">Trạng thái</th>
              <th scope="col">
                <span className="visually-hidden">Thao tác</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => {
              const self = user.id === meId;
              return (
                <tr
                  key={user.id}
                  data-username={user.username}
                  className={user.active ? undefined : 'is-locked'}
                >
                  <th scope="row" data-label="Tên đăng nhập" className="col-username">
                    {user.username}
                  </th>
                  <td data-label="Họ tên">{user.displayName}</td>
                  <td data-label="Vai trò">
                    {user.grants.length === 0 ? (
                      <span className="muted">Chưa được giao vai trò</span>
                    ) : (
                      <ul className="role-list">
                        {user.grants.map((g) => (
                          <li key={g.id}>{grantLabel(g)}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td data-label="Trạng thái">
                    <span className={`user-state ${user.active ? 'is-active' : 'is-locked'}`}>
                      {user.active ? 'Đang hoạt động' : 'Đã khóa'}
                    </span>
                  </td>
                  <td className="col-actions">
                    {self ? (
                      <span className="muted">Tài khoản của bạn</span>
                    ) : !rights.canManageUser(user.grants) ? (
                      <span className="muted">Có vai trò ngoài phạm vi của bạn; cấp trên sửa được</span>
                    ) : (
                      <div className="row-actions">
                        <button
                          type="button"
                          className="button button-small button-secondary"
                          aria-label={`Sửa vai trò của ${user.username}`}
                          onClick={() => setOpen({ kind: 'grants', user })}
                        >
                          Sửa vai trò
                        </button>
                        {user.active ? (
                          <button
                            type="button"
                            className="button button-small button-secondary"
                            aria-label={`Khóa tài khoản ${user.username}`}
                            onClick={() => setOpen({ kind: 'lock', user })}
                          >
                            Khóa tài khoản
                          </button>
                        ) : (
                          <button
                            type="button"
                            className="button button-small button-secondary"
                            aria-label={`Mở khóa tài khoản ${user.username}`}
                            onClick={() => unlock(user)}
                          >
                            Mở khóa
                          </button>
                        )}
                        <button
                          type="button"
                          className="button button-small button-secondary"
                          aria-label={`Đặt lại mật khẩu của ${user.username}`}
                          onClick={() => setOpen({ kind: 'password', user })}
                        >
                          Đặt lại mật khẩu
                        </button>
                      </div>
                    )}
                    {refusal?.userId === user.id && (
                      <p className="form-error row-error" role="alert">
                        {refusal.message}
                      </p>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {open?.kind === 'grants' && (
        <EditGrantsDialog
          user={open.user}
          onClose={close}
          onDone={(message) => {
            setRefusal(null);
            onNotice(message);
          }}
        />
      )}
      {open?.kind === 'password' && <ResetPasswordDialog user={open.user} onClose={close} />}
      {open?.kind === 'lock' && (
        <LockUserDialog
          user={open.user}
          onClose={close}
          onDone={(message) => {
            setRefusal(null);
            onNotice(message);
          }}
        />
      )}
    </>
  );
}
