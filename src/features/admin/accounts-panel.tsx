import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import {
  createUserMutation,
  CURRENT_REPORT_ID,
  endUserSessionsMutation,
  patchUserMutation,
  reportQuery,
  usersQuery,
  type DomainSummary,
} from '../../api';
import { userCreateBodySchema, userPatchBodySchema, type Role, type UserAccount } from '../../api/tracking-schemas';
import { ROLE_LABELS, ROLES } from '../../session/roles';
import { formatInstant } from './admin-format';
import { mutationErrorMessage, QueryProblem } from './query-problem';

type Domains = readonly DomainSummary[];

/** The domain names of the report, for choosing an updater's domains and naming them in the table. */
function useDomains(): Domains {
  const report = useQuery(reportQuery(CURRENT_REPORT_ID));
  return report.data?.domains ?? [];
}

function domainNames(ids: readonly string[], domains: Domains): string {
  return ids.map((id) => domains.find((d) => d.id === id)?.name ?? id).join('、');
}

type Errors = { username?: string; password?: string; domainIds?: string; form?: string };

/** The contract's checks, said in words: which field, and what it needs. */
function accountErrors(body: unknown, schema: typeof userCreateBodySchema | typeof userPatchBodySchema): Errors {
  const parsed = schema.safeParse(body);
  const errors: Errors = {};
  if (parsed.success) {
    const { role, domainIds } = body as { role?: Role; domainIds?: string[] };
    if (role === 'updater' && domainIds !== undefined && domainIds.length === 0) errors.domainIds = '填报员至少负责一个领域';
    return errors;
  }
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field === 'username') errors.username ??= '用户名 3–32 个字符:小写字母、数字或 . _ -,以字母或数字开头';
    else if (field === 'password') errors.password ??= '密码太短或太长';
    else if (field === 'domainIds') errors.domainIds ??= '只有填报员负责领域';
    else errors.form ??= '请检查填写的内容';
  }
  return errors;
}

export function AccountsPanel({ selfId }: { selfId: string }) {
  const users = useQuery(usersQuery());
  const domains = useDomains();
  const [notice, setNotice] = useState('');

  return (
    <section className="admin-panel" aria-labelledby="accounts-title">
      <h2 id="accounts-title">账号与权限</h2>
      <p className="admin-panel__status" role="status">
        {notice}
      </p>
      <CreateAccountForm domains={domains} onCreated={(name) => setNotice(`已创建账号 ${name}`)} />
      <h3>全部账号</h3>
      {users.isPending && <p aria-busy="true">正在加载账号…</p>}
      {users.isError && <QueryProblem error={users.error} what="账号列表" onRetry={() => void users.refetch()} />}
      {users.isSuccess && users.data.users.length === 0 && <p>还没有账号。</p>}
      {users.isSuccess && users.data.users.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby="accounts-title" tabIndex={0}>
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">用户名</th>
                <th scope="col">角色</th>
                <th scope="col">负责领域</th>
                <th scope="col">状态</th>
                <th scope="col">创建时间</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {users.data.users.map((user) => (
                <UserRow key={user.id} user={user} self={user.id === selfId} domains={domains} onDone={setNotice} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function RoleSelect({ id, value, onChange }: { id: string; value: Role; onChange: (role: Role) => void }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(ROLES.find((r) => r === e.target.value) ?? 'viewer')}>
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {ROLE_LABELS[role]}
        </option>
      ))}
    </select>
  );
}

function DomainChoice({
  domains,
  value,
  onChange,
  error,
  errorId,
}: {
  domains: Domains;
  value: readonly string[];
  onChange: (ids: string[]) => void;
  error: string | undefined;
  errorId: string;
}) {
  return (
    <fieldset className="domain-choice" aria-describedby={error ? errorId : undefined} aria-invalid={error ? true : undefined}>
      <legend>负责领域(填报员只能填报这些领域)</legend>
      {domains.length === 0 && <p className="field__hint">正在加载领域…</p>}
      <div className="domain-choice__options">
        {domains.map((domain) => (
          <label key={domain.id}>
            <input
              type="checkbox"
              checked={value.includes(domain.id)}
              onChange={(e) => onChange(e.target.checked ? [...value, domain.id] : value.filter((id) => id !== domain.id))}
            />
            {domain.name}
          </label>
        ))}
      </div>
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function CreateAccountForm({ domains, onCreated }: { domains: Domains; onCreated: (username: string) => void }) {
  const create = useMutation(createUserMutation());
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [domainIds, setDomainIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const id = useId();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = { username: username.trim(), password, role, domainIds: role === 'updater' ? domainIds : [] };
    const found = accountErrors(body, userCreateBodySchema);
    setErrors(found);
    if (found.username) return usernameRef.current?.focus();
    if (found.password) return passwordRef.current?.focus();
    if (found.domainIds || found.form) return;
    create.mutate(body, {
      onSuccess: (user) => {
        onCreated(user.username);
        setUsername('');
        setPassword('');
        setRole('viewer');
        setDomainIds([]);
      },
      onError: (error) => setErrors({ form: mutationErrorMessage(error, `用户名 ${body.username} 已存在`) }),
    });
  }

  return (
    <form className="admin-form" noValidate onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>新建账号</h3>
      <div className="admin-form__row">
        <div className="field">
          <label htmlFor={`${id}-username`}>用户名</label>
          <input
            ref={usernameRef}
            id={`${id}-username`}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            aria-invalid={errors.username ? true : undefined}
            aria-describedby={`${id}-username-hint${errors.username ? ` ${id}-username-error` : ''}`}
          />
          <p id={`${id}-username-hint`} className="field__hint">
            小写字母、数字或 . _ -
          </p>
          {errors.username && (
            <p id={`${id}-username-error`} className="field__error">
              {errors.username}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>初始密码</label>
          <input
            ref={passwordRef}
            id={`${id}-password`}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={errors.password ? `${id}-password-error` : undefined}
          />
          {errors.password && (
            <p id={`${id}-password-error`} className="field__error">
              {errors.password}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>角色</label>
          <RoleSelect id={`${id}-role`} value={role} onChange={setRole} />
        </div>
      </div>
      {role === 'updater' && (
        <DomainChoice domains={domains} value={domainIds} onChange={setDomainIds} error={errors.domainIds} errorId={`${id}-domains-error`} />
      )}
      {errors.form && (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      )}
      <div>
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? '正在创建…' : '创建账号'}
        </button>
      </div>
    </form>
  );
}

type Editing = 'none' | 'access' | 'password';

function UserRow({ user, self, domains, onDone }: { user: UserAccount; self: boolean; domains: Domains; onDone: (notice: string) => void }) {
  const [editing, setEditing] = useState<Editing>('none');
  const patch = useMutation(patchUserMutation());
  const endSessions = useMutation(endUserSessionsMutation());
  const [error, setError] = useState('');
  const rowId = useId();

  function run(what: Promise<unknown>, notice: string) {
    setError('');
    what.then(
      () => onDone(notice),
      (failure: unknown) => setError(mutationErrorMessage(failure)),
    );
  }

  return (
    <>
      <tr className={user.active ? undefined : 'is-disabled'}>
        <th scope="row">
          <span className="admin-table__username">{user.username}</span>
          {self && <span className="admin-table__self">(你)</span>}
        </th>
        <td>{ROLE_LABELS[user.role]}</td>
        <td>{user.role === 'updater' ? domainNames(user.domainIds, domains) || '—' : '全部(无需指定)'}</td>
        <td>{user.active ? '启用' : '已停用'}</td>
        <td className="tabular">{formatInstant(user.createdAt)}</td>
        <td>
          <div className="admin-actions">
            <button
              type="button"
              className="button"
              aria-expanded={editing === 'access'}
              aria-controls={`${rowId}-edit`}
              aria-label={`改角色(${user.username})`}
              onClick={() => setEditing(editing === 'access' ? 'none' : 'access')}
            >
              改角色
            </button>
            <button
              type="button"
              className="button"
              aria-expanded={editing === 'password'}
              aria-controls={`${rowId}-edit`}
              aria-label={`重置密码(${user.username})`}
              onClick={() => setEditing(editing === 'password' ? 'none' : 'password')}
            >
              重置密码
            </button>
            <button
              type="button"
              className="button"
              aria-label={`${user.active ? '停用' : '启用'}(${user.username})`}
              disabled={patch.isPending || (self && user.active)}
              title={self && user.active ? '不能停用自己的账号' : undefined}
              onClick={() =>
                run(
                  patch.mutateAsync({ id: user.id, patch: { active: !user.active } }),
                  user.active ? `已停用 ${user.username},其会话已全部结束` : `已启用 ${user.username}`,
                )
              }
            >
              {user.active ? '停用' : '启用'}
            </button>
            <button
              type="button"
              className="button"
              aria-label={`结束全部会话(${user.username})`}
              disabled={endSessions.isPending}
              onClick={() => run(endSessions.mutateAsync(user.id), `已结束 ${user.username} 的全部会话`)}
            >
              结束全部会话
            </button>
          </div>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </td>
      </tr>
      {editing !== 'none' && (
        <tr className="admin-table__edit">
          <td colSpan={6} id={`${rowId}-edit`}>
            {editing === 'access' ? (
              <AccessForm
                user={user}
                domains={domains}
                onDone={(notice) => {
                  setEditing('none');
                  onDone(notice);
                }}
                onCancel={() => setEditing('none')}
              />
            ) : (
              <PasswordForm
                user={user}
                onDone={(notice) => {
                  setEditing('none');
                  onDone(notice);
                }}
                onCancel={() => setEditing('none')}
              />
            )}
          </td>
        </tr>
      )}
    </>
  );
}

function AccessForm({ user, domains, onDone, onCancel }: { user: UserAccount; domains: Domains; onDone: (n: string) => void; onCancel: () => void }) {
  const patch = useMutation(patchUserMutation());
  const [role, setRole] = useState<Role>(user.role);
  const [domainIds, setDomainIds] = useState<string[]>([...user.domainIds]);
  const [errors, setErrors] = useState<Errors>({});
  const id = useId();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = { role, domainIds: role === 'updater' ? domainIds : [] };
    const found = accountErrors(body, userPatchBodySchema);
    setErrors(found);
    if (found.domainIds || found.form) return;
    patch.mutate(
      { id: user.id, patch: body },
      {
        onSuccess: () => onDone(`已把 ${user.username} 改为${ROLE_LABELS[role]}`),
        onError: (error) => setErrors({ form: mutationErrorMessage(error) }),
      },
    );
  }

  return (
    <form className="admin-form admin-form--inline" noValidate onSubmit={submit} aria-label={`修改 ${user.username} 的角色和领域`}>
      <div className="field">
        <label htmlFor={`${id}-role`}>{user.username} 的角色</label>
        <RoleSelect id={`${id}-role`} value={role} onChange={setRole} />
      </div>
      {role === 'updater' && (
        <DomainChoice domains={domains} value={domainIds} onChange={setDomainIds} error={errors.domainIds} errorId={`${id}-domains-error`} />
      )}
      {errors.form && (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="admin-actions">
        <button type="submit" className="button button--primary" disabled={patch.isPending}>
          保存
        </button>
        <button type="button" className="button" onClick={onCancel}>
          取消
        </button>
      </div>
    </form>
  );
}

function PasswordForm({ user, onDone, onCancel }: { user: UserAccount; onDone: (n: string) => void; onCancel: () => void }) {
  const patch = useMutation(patchUserMutation());
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const id = useId();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = accountErrors({ password }, userPatchBodySchema);
    if (found.password) return setError(found.password);
    setError('');
    patch.mutate(
      { id: user.id, patch: { password } },
      {
        onSuccess: () => onDone(`已重置 ${user.username} 的密码,其会话已全部结束`),
        onError: (failure) => setError(mutationErrorMessage(failure)),
      },
    );
  }

  return (
    <form className="admin-form admin-form--inline" noValidate onSubmit={submit} aria-label={`重置 ${user.username} 的密码`}>
      <div className="field">
        <label htmlFor={`${id}-password`}>{user.username} 的新密码</label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-password-hint${error ? ` ${id}-password-error` : ''}`}
        />
        <p id={`${id}-password-hint`} className="field__hint">
          重置后该账号的全部会话随即结束,需用新密码重新登录。
        </p>
        {error && (
          <p id={`${id}-password-error`} className="field__error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="admin-actions">
        <button type="submit" className="button button--primary" disabled={patch.isPending}>
          重置密码
        </button>
        <button type="button" className="button" onClick={onCancel}>
          取消
        </button>
      </div>
    </form>
  );
}
