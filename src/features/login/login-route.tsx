import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, CURRENT_REPORT_ID, describeError, reportQuery, signInMutation, usesMockedApi } from '../../api';
import { ROLE_LABELS } from '../../session/roles';
import { safeNext } from '../../session/safe-next';
import { useSession } from '../../session/use-session';
import { DEMO_ACCOUNTS } from './demo-accounts';
import './login.css';

export function Component() {
  return <LoginPage demo={usesMockedApi} />;
}

type FieldErrors = { username?: string; password?: string };

/** What the sign-in's failure means for the person at the form. */
export function signInErrorMessage(error: unknown): string {
  if (error instanceof ApiError && error.kind === 'http') {
    if (error.status === 401) return '用户名或密码不正确';
    if (error.status === 429) {
      const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
      return `尝试次数过多,请在 ${minutes} 分钟后再试`;
    }
  }
  const { title, detail } = describeError(error);
  return `登录失败:${title}。${detail}`;
}

export function LoginPage({ demo }: { demo: boolean }) {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const session = useSession({ deferred: false });
  const signIn = useMutation(signInMutation());
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);
  const ids = { username: useId(), password: useId(), usernameError: useId(), passwordError: useId() };

  useEffect(() => {
    document.title = '登录 · 进度';
  }, []);

  useEffect(() => {
    if (signIn.isError) errorRef.current?.focus();
  }, [signIn.isError, signIn.failureCount]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (username.trim() === '') errors.username = '请输入用户名';
    if (password === '') errors.password = '请输入密码';
    setFieldErrors(errors);
    if (errors.username) return usernameRef.current?.focus();
    if (errors.password) return passwordRef.current?.focus();
    signIn.mutate(
      { username: username.trim(), password },
      { onSuccess: () => void navigate(next, { replace: true }) },
    );
  }

  function fill(account: (typeof DEMO_ACCOUNTS)[number]) {
    setUsername(account.username);
    setPassword(account.password);
    setFieldErrors({});
    signIn.reset();
    submitRef.current?.focus();
  }

  const signedIn = session.status === 'signed-in' ? session.user : undefined;

  return (
    <div className="login-page">
      <section className="login-card" aria-labelledby="login-title">
        <h1 id="login-title">登录</h1>
        <p className="login-card__lead">登录后可按账号权限填报、审核或管理。浏览数据无需登录。</p>
        {signedIn && (
          <p className="login-card__current" role="status">
            当前已登录为 <strong>{signedIn.username}</strong>({ROLE_LABELS[signedIn.role]})。
            <Link to={next}>继续</Link>
          </p>
        )}
        <form className="login-form" noValidate onSubmit={submit}>
          <div className="field">
            <label htmlFor={ids.username}>用户名</label>
            <input
              ref={usernameRef}
              id={ids.username}
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              aria-invalid={fieldErrors.username ? true : undefined}
              aria-describedby={fieldErrors.username ? ids.usernameError : undefined}
            />
            {fieldErrors.username && (
              <p id={ids.usernameError} className="field__error">
                {fieldErrors.username}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor={ids.password}>密码</label>
            <input
              ref={passwordRef}
              id={ids.password}
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={fieldErrors.password ? true : undefined}
              aria-describedby={fieldErrors.password ? ids.passwordError : undefined}
            />
            {fieldErrors.password && (
              <p id={ids.passwordError} className="field__error">
                {fieldErrors.password}
              </p>
            )}
          </div>
          {signIn.isError && (
            <p ref={errorRef} className="form-error" role="alert" tabIndex={-1}>
              {signInErrorMessage(signIn.error)}
            </p>
          )}
          <button ref={submitRef} type="submit" className="button button--primary" disabled={signIn.isPending}>
            {signIn.isPending ? '正在登录…' : '登录'}
          </button>
        </form>
      </section>
      {demo && <DemoAccounts onPick={fill} />}
    </div>
  );
}

function DemoAccounts({ onPick }: { onPick: (account: (typeof DEMO_ACCOUNTS)[number]) => void }) {
  // Names of the updater's domains; ids until the report arrives (or if it does not).
  const report = useQuery(reportQuery(CURRENT_REPORT_ID));
  const domainName = (id: string) => report.data?.domains.find((d) => d.id === id)?.name ?? id;
  return (
    <section className="demo-accounts" aria-labelledby="demo-accounts-title">
      <h2 id="demo-accounts-title">演示账号</h2>
      <p>
        这是演示版本:账号和改动只保存在本浏览器标签页中,关闭即消失。以下账号只存在于演示版本,正式部署中没有。
      </p>
      <ul className="demo-accounts__list">
        {DEMO_ACCOUNTS.map((account) => (
          <li key={account.username} className="demo-accounts__item">
            <div>
              <span className="demo-accounts__name">{account.username}</span>
              <span className="demo-accounts__role">{ROLE_LABELS[account.role]}</span>
              {account.domainIds.length > 0 && (
                <span className="demo-accounts__domains">负责:{account.domainIds.map(domainName).join('、')}</span>
              )}
            </div>
            <button
              type="button"
              className="button"
              aria-label={`填入 ${account.username}(${ROLE_LABELS[account.role]})`}
              onClick={() => onPick(account)}
            >
              填入
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
