import { useEffect, useId, useState } from 'react';
import { loginBody } from '../../../../shared/accounts';
import { formRefusal, useSchemaForm } from '../../../components/forms/use-schema-form';
import { Emblem } from '../../../components/ui/emblem';
import { Field, Input } from '../../../components/ui/field';
import { FormError } from '../../../components/ui/form';
import { ApiError } from '../../../lib/api';
import { useLogin } from '../api/login';

/** "Đăng nhập": what anyone not signed in sees, whatever address they opened. */
export function SignInPage() {
  const id = useId();
  const login = useLogin();
  const form = useSchemaForm(loginBody, { username: '', password: '' });
  const { errors } = form.formState;
  // A refusal of the sign-in names no field: it is said above the button, and the field to
  // look at again (the password, unless the name itself was refused) is marked.
  const [refused, setRefused] = useState<'username' | 'password' | null>(null);
  const refusal = formRefusal(form);
  const errorId = `${id}-error`;

  useEffect(() => {
    document.title = 'Đăng nhập · Chỉ tiêu';
  }, []);

  const submit = form.handleSubmit(
    (body) => {
      if (login.isPending) return;
      setRefused(null);
      login.mutate(body, {
        onError: (error) => {
          const field = error instanceof ApiError && error.field === 'username' ? 'username' : 'password';
          form.setError('root.server', { message: error.message || 'Không đăng nhập được; hãy thử lại.' });
          setRefused(field);
          // Type the password again; the name is usually right.
          form.setValue('password', '');
          form.setFocus(field);
        },
      });
    },
    () => setRefused(null),
  );

  return (
    <div className="sign-in">
      <main className="sign-in-main">
        <div className="card sign-in-card">
          <div className="sign-in-brand">
            <Emblem size={44} />
            <div className="sign-in-brand-text">
              <p className="sign-in-product">Chỉ tiêu</p>
              <p className="sign-in-subtitle">Theo dõi chỉ tiêu nghị quyết</p>
            </div>
          </div>
          <h1 className="sign-in-title">Đăng nhập</h1>
          <form className="sign-in-form" onSubmit={submit} noValidate>
            <Field
              id={`${id}-username`}
              label="Tên đăng nhập"
              error={errors.username?.message}
              errorElsewhere={refusal && refused === 'username' ? errorId : undefined}
            >
              <Input
                {...form.register('username')}
                type="text"
                autoComplete="username"
                autoCapitalize="none"
                autoCorrect="off"
                spellCheck={false}
                autoFocus
              />
            </Field>
            <Field
              id={`${id}-password`}
              label="Mật khẩu"
              error={errors.password?.message}
              errorElsewhere={refusal && refused === 'password' ? errorId : undefined}
            >
              <Input {...form.register('password')} type="password" autoComplete="current-password" />
            </Field>
            <FormError id={errorId}>{refusal}</FormError>
            <button type="submit" className="button sign-in-submit" aria-disabled={login.isPending}>
              {login.isPending ? 'Đang đăng nhập…' : 'Đăng nhập'}
            </button>
          </form>
          <p className="sign-in-help">
            Quên mật khẩu hay chưa có tài khoản? Hãy liên hệ cấp ủy hoặc người quản trị của đơn vị.
          </p>
        </div>
      </main>
    </div>
  );
}
