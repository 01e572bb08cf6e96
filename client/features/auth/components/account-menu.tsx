import { useState } from 'react';
import type { MeDto } from '../../../../shared/accounts';
import { useLogout } from '../api/logout';
import { grantLabel, grantsSummary } from '../utils/grant-label';
import { ChangePasswordDialog } from './change-password-dialog';

/** Who is signed in, with their roles in brief, and the way out. */
export function AccountMenu({ me }: { me: MeDto }) {
  const logout = useLogout();
  const [changing, setChanging] = useState(false);

  return (
    <div className="account">
      <p className="account-who">
        <span className="visually-hidden">Đang đăng nhập: </span>
        <span className="account-name">{me.displayName}</span>
        <span className="account-roles" title={me.grants.map(grantLabel).join('\n') || undefined}>
          {grantsSummary(me.grants)}
        </span>
      </p>
      <div className="account-actions">
        <button type="button" className="header-button" onClick={() => setChanging(true)}>
          Đổi mật khẩu
        </button>
        <button
          type="button"
          className="header-button"
          aria-disabled={logout.isPending}
          onClick={() => !logout.isPending && logout.mutate()}
        >
          Đăng xuất
        </button>
      </div>
      {changing && <ChangePasswordDialog onClose={() => setChanging(false)} />}
    </div>
  );
}
