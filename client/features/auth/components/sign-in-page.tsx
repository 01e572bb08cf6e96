import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Emblem } from '../../../components/ui/emblem';
import { ApiError } from '../../../lib/api';
import { useLogin } from '../api/login';

/** "Đăng nhập": what anyone not signed in sees, whatever address they opened. */
export function SignInPage() {
  const id = useId();
  const login = useLogin();
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  // What is wrong, in Vietnamese, and which field to look at.
  const [problem, setProblem] = useState<{ message: string; field?: 'username' | 'password' } | null>(null);

  useEffect(() => {
    document.title = 'Đăng nhập · Chỉ tiêu';
  }, []);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (login.isPending) return;
    if (!username.trim()) {
      setProblem({ message: 'Hãy nhập tên đăng nhập.', field: 'username' });
      usernameRef.current?.focus();
      return;
    }
    if (!password) {
      setProblem({ message: 'Hãy nhập mật khẩu.', field: 'password' });
      passwordRef.current?.focus();
      return;
    }
    setProblem(null);
    login.mutate(
      { username, password },
      {
        onError: (error) => {
          const field = error instanceof ApiError && error.field === 'username' ? 'username' : 'password';
          setProblem({ message: error.message || 'Không đăng nhập được; hãy thử lại.', field });
          // Type the password again; the name is usually right.
          setPassword('');
          (field === 'username' ? usernameRef : passwordRef).current?.focus();
        },
      },
    );
  };

  const errorId = `${id}-error`;
  const describe = (field: 'username' | 'password') => (problem?.field === field ? errorId : undefined);

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
            <div className="field">
              <label className="field-label" htmlFor={`${id}-username`}>
                Tên đăng nhập
              </label>
              <input
                ref={usernameRef}
                id={`${id}-username`}
                name="username"
                className="input"
                type="text"
                autoComplete="username"
                autoCapitalize="none"
                autoCorrect="off"
                spellCheck={false}
                // biome-ignore lint/a11y/noAutofocus: the only thing to do on this page
                autoFocus
                value={username}
                onChange={(e) => setUsername(e.target.value)}
                aria-invalid={problem?.field === 'username' || undefined}
                aria-describedby={describe('username')}
              />
            </div>
            <div className="field">
              <label className="field-label" htmlFor={`${id}-password`}>
                Mật khẩu
              </label>
              <input
                ref={passwordRef}
                id={`${id}-password`}
                name="password"
                className="input"
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                aria-invalid={problem?.field === 'password' || undefined}
                aria-describedby={describe('password')}
              />
            </div>
            {problem && (
              <p id={errorId} className="form-error" role="alert">
                {problem.message}
              </p>
            )}
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
