import { useId, useState } from 'react';
import { z } from 'zod';
import { createUserBody, type GrantInput, PASSWORD_HINT } from '../../../../shared/accounts';
import { formRefusal, showRefusal, useSchemaForm } from '../../../components/forms/use-schema-form';
import { Field, Input } from '../../../components/ui/field';
import { FormActions, FormError, SubmitButton } from '../../../components/ui/form';
import { Loading } from '../../../components/ui/loading';
import type { ApiError } from '../../../lib/api';
import { useCreateUser } from '../api/create-user';
import { useGrantPlaces } from '../utils/grant-options';
import { GrantPicker } from './grant-picker';

/** The account's fields as the server checks them; an empty name means "use the user name". */
const createUserForm = createUserBody.pick({ username: true, password: true }).extend({
  displayName: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    createUserBody.shape.displayName,
  ),
});

type UserField = 'username' | 'displayName' | 'password';

// A refusal about the roles, or one naming no field, is said under the whole form.
const fieldOfRefusal = (error: ApiError): UserField | undefined =>
  error.field === 'username' || error.field === 'displayName' || error.field === 'password'
    ? error.field
    : !error.field && error.code === 'username_taken'
      ? 'username'
      : undefined;

const EMPTY = { username: '', displayName: '', password: '' };

/** "Thêm người dùng": an account with one role to start with; more roles later with "Sửa vai trò". */
export function CreateUserForm() {
  const id = useId();
  const places = useGrantPlaces();
  const create = useCreateUser();
  const form = useSchemaForm(createUserForm, EMPTY);
  const { errors } = form.formState;
  const [grant, setGrant] = useState<GrantInput | null>(null);
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

  const submit = form.handleSubmit(
    (body) => {
      if (create.isPending) return;
      setDone(null);
      create.mutate(
        { ...body, grants: [chosen] },
        {
          onSuccess: ({ user }) => {
            form.reset(EMPTY);
            setDone(`Đã thêm người dùng “${user.username}” (${user.displayName}).`);
            form.setFocus('username');
          },
          onError: (error) => showRefusal(form, error, fieldOfRefusal),
        },
      );
    },
    () => setDone(null),
  );

  return (
    <form className="create-user-form" onSubmit={submit} noValidate aria-label="Thêm người dùng">
      <div className="form-grid">
        <Field
          id={`${id}-username`}
          label="Tên đăng nhập"
          hint="Chữ không dấu, chữ số, dấu chấm; ví dụ: nguyen.van.a"
          error={errors.username?.message}
        >
          <Input
            {...form.register('username')}
            type="text"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
          />
        </Field>
        <Field
          id={`${id}-displayName`}
          label="Họ tên"
          hint="Để trống thì dùng tên đăng nhập."
          error={errors.displayName?.message}
        >
          <Input {...form.register('displayName')} type="text" autoComplete="off" />
        </Field>
        <Field
          id={`${id}-password`}
          label="Mật khẩu"
          hint={`${PASSWORD_HINT} Báo riêng cho người dùng.`}
          error={errors.password?.message}
        >
          <Input {...form.register('password')} type="password" autoComplete="new-password" />
        </Field>
      </div>
      <GrantPicker idPrefix={`${id}-grant`} places={places} value={chosen} onChange={setGrant} />
      <FormError>{formRefusal(form)}</FormError>
      <FormActions>
        <SubmitButton pending={create.isPending} pendingLabel="Đang thêm…">
          Thêm người dùng
        </SubmitButton>
        <p className="form-success" role="status">
          {done}
        </p>
      </FormActions>
    </form>
  );
}
