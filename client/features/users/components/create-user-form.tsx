import { type FormEvent, useId, useState } from 'react';
import { type GrantInput, PASSWORD_HINT, passwordSchema, usernameSchema } from '../../../../shared/accounts';
import { Loading } from '../../../components/ui/loading';
import { ApiError } from '../../../lib/api';
import { useCreateUser } from '../api/create-user';
import { useGrantPlaces } from '../utils/grant-options';
import { GrantPicker } from './grant-picker';

type Field = 'username' | 'displayName' | 'password' | 'grants';

const EMPTY = { username: '', displayName: '', password: '' };

/** "Thêm người dùng": an account with one role to start with; more roles later with "Sửa vai trò". */
export function CreateUserForm() {
  const id = useId();
  const places = useGrantPlaces();
  const create = useCreateUser();
  const [values, setValues] = useState(EMPTY);
  const [grant, setGrant] = useState<GrantInput | null>(null);
  const [problem, setProblem] = useState<{ message: string; field?: Field } | null>(null);
  const [done, setDone] = useState<string | null>(null);

  if (!places) return <Loading label="Đang tải danh sách đơn vị…" />;
  if (places.size === 0)
    return <p className="muted">Bạn chưa được giao vai trò nào cho phép thêm người dùng.</p>;

  // Least to start with: "Chỉ xem" where allowed, on the first unit one may give it.
  const defaultRole = places.has('viewer') ? 'viewer' : [...places.keys()][0]!;
  const chosen: GrantInput = grant ?? {
    role: defaultRole,
    unitId: places.get(defaultRole)?.find((p) => p.unitId !== null)?.unitId ?? null,
  };

  const fail = (message: string, field?: Field) => {
    setProblem({ message, field });
    if (field && field !== 'grants') document.getElementById(`${id}-${field}`)?.focus();
  };

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (create.isPending) return;
    setDone(null);
    const username = usernameSchema.safeParse(values.username);
    if (!username.success) return fail(username.error.issues[0]?.message ?? '', 'username');
    const password = passwordSchema.safeParse(values.password);
    if (!password.success) return fail(password.error.issues[0]?.message ?? '', 'password');
    setProblem(null);
    const displayName = values.displayName.trim();
    create.mutate(
      {
        username: username.data,
        password: values.password,
        ...(displayName ? { displayName } : {}),
        grants: [chosen],
      },
      {
        onSuccess: ({ user }) => {
          setValues(EMPTY);
          setDone(`Đã thêm người dùng “${user.username}” (${user.displayName}).`);
          document.getElementById(`${id}-username`)?.focus();
        },
        onError: (error) => {
          const raw = error instanceof ApiError ? error.field : undefined;
          const field = raw?.startsWith('grants')
            ? 'grants'
            : raw === 'username' || raw === 'displayName' || raw === 'password'
              ? raw
              : error instanceof ApiError && error.code === 'username_taken'
                ? 'username'
                : undefined;
          fail(error.message, field);
        },
      },
    );
  };

  const errorId = `${id}-error`;
  const input = (field: Exclude<Field, 'grants'>) => ({
    id: `${id}-${field}`,
    className: 'input',
    value: values[field],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value })),
    'aria-invalid': problem?.field === field || undefined,
    'aria-describedby': [`${id}-${field}-hint`, problem?.field === field ? errorId : '']
      .filter(Boolean)
      .join(' '),
  });

  return (
    <form className="create-user-form" onSubmit={submit} noValidate aria-label="Thêm người dùng">
      <div className="form-grid">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-username`}>
            Tên đăng nhập
          </label>
          <input
            {...input('username')}
            type="text"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
          />
          <p id={`${id}-username-hint`} className="field-hint">
            Chữ không dấu, chữ số, dấu chấm; ví dụ: nguyen.van.a
          </p>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-displayName`}>
            Họ tên
          </label>
          <input {...input('displayName')} type="text" autoComplete="off" />
          <p id={`${id}-displayName-hint`} className="field-hint">
            Để trống thì dùng tên đăng nhập.
          </p>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-password`}>
            Mật khẩu
          </label>
          <input {...input('password')} type="password" autoComplete="new-password" />
          <p id={`${id}-password-hint`} className="field-hint">
            {PASSWORD_HINT} Báo riêng cho người dùng.
          </p>
        </div>
      </div>
      <GrantPicker idPrefix={`${id}-grant`} places={places} value={chosen} onChange={setGrant} />
      {problem && (
        <p id={errorId} className="form-error" role="alert">
          {problem.message}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={create.isPending}>
          {create.isPending ? 'Đang thêm…' : 'Thêm người dùng'}
        </button>
        <p className="form-success" role="status">
          {done}
        </p>
      </div>
    </form>
  );
}
