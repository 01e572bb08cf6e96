import { useMemo, useState } from 'react';
import { matchesSearch } from '../../shared/text';
import { EmptyState } from '../components/ui/empty-state';
import { useUsers } from '../features/users/api/get-users';
import { CreateUserForm } from '../features/users/components/create-user-form';
import { UsersTable } from '../features/users/components/users-table';
import { Card, PageStatus } from './page-frame';
import { usePageTitle, useSignedIn } from './page-state';

/** "Người dùng": who may sign in, with which roles where; add, change roles, lock, reset. */
export function UsersPage() {
  const me = useSignedIn();
  const users = useUsers();
  const [query, setQuery] = useState('');
  const [notice, setNotice] = useState('');
  usePageTitle('Người dùng');

  const all = users.data?.users;
  const shown = useMemo(
    () => all?.filter((u) => matchesSearch(`${u.username} ${u.displayName}`, query)) ?? [],
    [all, query],
  );

  return (
    <div className="page-stack">
      <h1 className="page-title">Người dùng</h1>

      <Card title="Thêm người dùng" hint="Giao trước một vai trò; thêm vai trò khác bằng “Sửa vai trò”.">
        <CreateUserForm />
      </Card>

      <Card
        title={`Danh sách người dùng${all ? ` (${all.length})` : ''}`}
        aside={
          all &&
          all.length > 5 && (
            <div className="field users-search">
              <input
                className="input"
                type="search"
                aria-label="Tìm người dùng"
                placeholder="Tìm theo tên đăng nhập hoặc họ tên"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
              />
            </div>
          )
        }
      >
        <p className="form-success notice" role="status">
          {notice}
        </p>
        <PageStatus
          bare
          error={!all && users.error}
          errorTitle="Không tải được danh sách người dùng"
          onRetry={() => users.refetch()}
          loading="Đang tải danh sách người dùng…"
          rows={4}
        >
          {all &&
            (all.length === 0 ? (
              <EmptyState hint="Hãy thêm người dùng bằng biểu mẫu ở trên.">
                Chưa có người dùng nào.
              </EmptyState>
            ) : shown.length === 0 ? (
              <EmptyState>Không có người dùng nào khớp với “{query}”.</EmptyState>
            ) : (
              <UsersTable users={shown} meId={me.id} caption="Danh sách người dùng" onNotice={setNotice} />
            ))}
        </PageStatus>
      </Card>
    </div>
  );
}
