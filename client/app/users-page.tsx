import { useEffect, useId, useMemo, useState } from 'react';
import type { MeDto } from '../../shared/accounts';
import { matchesSearch } from '../../shared/text';
import { EmptyState } from '../components/ui/empty-state';
import { ErrorState } from '../components/ui/error-state';
import { SkeletonRows } from '../components/ui/loading';
import { useUsers } from '../features/users/api/get-users';
import { CreateUserForm } from '../features/users/components/create-user-form';
import { UsersTable } from '../features/users/components/users-table';

/** "Người dùng": who may sign in, with which roles where; add, change roles, lock, reset. */
export function UsersPage({ me }: { me: MeDto }) {
  const id = useId();
  const users = useUsers();
  const [query, setQuery] = useState('');
  const [notice, setNotice] = useState('');

  useEffect(() => {
    document.title = 'Người dùng · Chỉ tiêu';
  }, []);

  const all = users.data?.users;
  const shown = useMemo(
    () => all?.filter((u) => matchesSearch(`${u.username} ${u.displayName}`, query)) ?? [],
    [all, query],
  );

  return (
    <div className="page-stack">
      <h1 className="page-title">Người dùng</h1>

      <section className="card" aria-labelledby={`${id}-create`}>
        <div className="card-head">
          <h2 id={`${id}-create`} className="card-title">
            Thêm người dùng
          </h2>
          <p className="card-hint">Giao trước một vai trò; thêm vai trò khác bằng “Sửa vai trò”.</p>
        </div>
        <CreateUserForm />
      </section>

      <section className="card" aria-labelledby={`${id}-list`}>
        <div className="card-head">
          <h2 id={`${id}-list`} className="card-title">
            Danh sách người dùng{all ? ` (${all.length})` : ''}
          </h2>
          {all && all.length > 5 && (
            <div className="field users-search">
              <label className="visually-hidden" htmlFor={`${id}-search`}>
                Tìm người dùng
              </label>
              <input
                id={`${id}-search`}
                className="input"
                type="search"
                placeholder="Tìm theo tên đăng nhập hoặc họ tên"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
              />
            </div>
          )}
        </div>
        <p className="form-success notice" role="status">
          {notice}
        </p>
        {users.isError && !all ? (
          <ErrorState
            title="Không tải được danh sách người dùng"
            error={users.error}
            onRetry={() => users.refetch()}
          />
        ) : !all ? (
          <SkeletonRows rows={4} label="Đang tải danh sách người dùng…" />
        ) : all.length === 0 ? (
          <EmptyState hint="Hãy thêm người dùng bằng biểu mẫu ở trên.">Chưa có người dùng nào.</EmptyState>
        ) : shown.length === 0 ? (
          <EmptyState>Không có người dùng nào khớp với “{query}”.</EmptyState>
        ) : (
          <UsersTable users={shown} meId={me.id} caption="Danh sách người dùng" onNotice={setNotice} />
        )}
      </section>
    </div>
  );
}
