import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { displayTokensQuery, issueDisplayTokenMutation, revokeDisplayTokenMutation } from '../../api';
import { displayTokenCreateBodySchema, type DisplayTokenInfo, type IssuedDisplayToken } from '../../api/tracking-schemas';
import { formatInstant } from './admin-format';
import { InlineConfirm } from './inline-confirm';
import { mutationErrorMessage, QueryProblem } from './query-problem';

export function TokensPanel() {
  const tokens = useQuery(displayTokensQuery());
  const [issued, setIssued] = useState<IssuedDisplayToken | null>(null);
  const [notice, setNotice] = useState('');

  return (
    <section className="admin-panel" aria-labelledby="tokens-title">
      <h2 id="tokens-title">大屏令牌</h2>
      <p className="admin-panel__lead">
        只允许登录后浏览的部署中,大屏用令牌链接打开:链接打开一次即换成大屏的登录凭据,并从地址栏去掉。撤销后,大屏下一次刷新数据时即停止显示。
      </p>
      <p className="admin-panel__status" role="status">
        {notice}
      </p>
      <IssueForm onIssued={setIssued} />
      {issued && <IssuedLink issued={issued} onClose={() => setIssued(null)} />}
      <h3>已签发的令牌</h3>
      {tokens.isPending && <p aria-busy="true">正在加载令牌…</p>}
      {tokens.isError && <QueryProblem error={tokens.error} what="大屏令牌" onRetry={() => void tokens.refetch()} />}
      {tokens.isSuccess && tokens.data.tokens.length === 0 && <p>尚未签发大屏令牌。</p>}
      {tokens.isSuccess && tokens.data.tokens.length > 0 && (
        <div className="table-scroll" role="region" aria-label="已签发的令牌" tabIndex={0}>
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">名称</th>
                <th scope="col">签发</th>
                <th scope="col">打开</th>
                <th scope="col">最近使用</th>
                <th scope="col">状态</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.tokens.map((token) => (
                <TokenRow key={token.id} token={token} onRevoked={() => setNotice(`已撤销令牌「${token.label}」`)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function IssueForm({ onIssued }: { onIssued: (issued: IssuedDisplayToken) => void }) {
  const issue = useMutation(issueDisplayTokenMutation());
  const [label, setLabel] = useState('');
  const [error, setError] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = { label: label.trim() };
    if (!displayTokenCreateBodySchema.safeParse(body).success) {
      setError(body.label === '' ? '请填写大屏所在位置,例如 三楼会议室大屏' : '名称最多 100 个字符');
      inputRef.current?.focus();
      return;
    }
    setError('');
    issue.mutate(body, {
      onSuccess: (issued) => {
        setLabel('');
        onIssued(issued);
      },
      onError: (failure) => setError(mutationErrorMessage(failure)),
    });
  }

  return (
    <form className="admin-form" noValidate onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>签发新令牌</h3>
      <div className="admin-form__row">
        <div className="field">
          <label htmlFor={`${id}-label`}>大屏名称</label>
          <input
            ref={inputRef}
            id={`${id}-label`}
            value={label}
            maxLength={200}
            onChange={(e) => setLabel(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          />
          <p id={`${id}-hint`} className="field__hint">
            写明大屏所在位置,例如 三楼会议室大屏
          </p>
          {error && (
            <p id={`${id}-error`} className="field__error" role="alert">
              {error}
            </p>
          )}
        </div>
      </div>
      <div>
        <button type="submit" className="button button--primary" disabled={issue.isPending}>
          {issue.isPending ? '正在签发…' : '签发令牌'}
        </button>
      </div>
    </form>
  );
}

function IssuedLink({ issued, onClose }: { issued: IssuedDisplayToken; onClose: () => void }) {
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const boxRef = useRef<HTMLElement>(null);
  const linkRef = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => {
    boxRef.current?.focus();
  }, [issued]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(issued.link);
      setCopied('yes');
    } catch {
      // No clipboard (an insecure origin, a denied permission): select the link so Ctrl+C copies it.
      linkRef.current?.select();
      setCopied('failed');
    }
  }

  return (
    <section ref={boxRef} className="issued-link" aria-labelledby={`${id}-title`} tabIndex={-1}>
      <h3 id={`${id}-title`}>「{issued.token.label}」的大屏链接</h3>
      <p className="issued-link__warning">
        <strong>此链接只显示这一次。</strong>关闭后无法再次查看;请现在复制,在大屏的浏览器中打开。遗失了就撤销它,再签发一个。
      </p>
      <div className="field">
        <label htmlFor={`${id}-link`}>一次性链接</label>
        <input ref={linkRef} id={`${id}-link`} readOnly value={issued.link} onFocus={(e) => e.currentTarget.select()} />
      </div>
      <div className="admin-actions">
        <button type="button" className="button button--primary" onClick={() => void copy()}>
          复制链接
        </button>
        <button type="button" className="button" onClick={onClose}>
          我已复制,关闭
        </button>
        <span role="status" className="issued-link__copied">
          {copied === 'yes' ? '已复制到剪贴板' : copied === 'failed' ? '无法自动复制,链接已选中,请按 Ctrl+C 复制' : ''}
        </span>
      </div>
    </section>
  );
}

function tokenState(token: DisplayTokenInfo): string {
  if (token.revokedAt) return `已撤销(${formatInstant(token.revokedAt)})`;
  if (token.openedAt === null) return '待打开';
  return '使用中';
}

function TokenRow({ token, onRevoked }: { token: DisplayTokenInfo; onRevoked: () => void }) {
  const revoke = useMutation(revokeDisplayTokenMutation());
  return (
    <tr className={token.revokedAt ? 'is-disabled' : undefined}>
      <th scope="row">{token.label}</th>
      <td>
        <span className="tabular">{formatInstant(token.issuedAt)}</span>
        {token.issuedBy && <span className="admin-table__by">{token.issuedBy.username}</span>}
      </td>
      <td className="tabular">{token.openedAt ? formatInstant(token.openedAt) : '—'}</td>
      <td className="tabular">{token.lastUsedAt ? formatInstant(token.lastUsedAt) : '—'}</td>
      <td>{tokenState(token)}</td>
      <td>
        {token.revokedAt === null && (
          <InlineConfirm
            label="撤销"
            accessibleLabel={`撤销「${token.label}」`}
            question={`撤销后「${token.label}」将无法再显示数据。确定撤销?`}
            confirmLabel="确定撤销"
            busy={revoke.isPending}
            onConfirm={() => revoke.mutate(token.id, { onSuccess: onRevoked })}
          />
        )}
        {revoke.isError && (
          <p className="form-error" role="alert">
            {mutationErrorMessage(revoke.error)}
          </p>
        )}
      </td>
    </tr>
  );
}
