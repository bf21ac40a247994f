import { Link, useLocation } from 'react-router';
import { ApiError } from '../../api';
import { ErrorState } from '../../components/error-state';
import { loginHref } from '../../session/safe-next';

/**
 * A failed admin request, said for what it is: a session that ended (401) asks to sign in again, a
 * role taken away meanwhile (403) says it needs an admin, anything else is an error with a retry.
 */
export function QueryProblem({ error, what, onRetry }: { error: unknown; what: string; onRetry: () => void }) {
  const location = useLocation();
  if (error instanceof ApiError && error.status === 401) {
    return (
      <p className="role-inline" role="alert">
        登录已失效。请<Link to={loginHref(`${location.pathname}${location.search}`)}>重新登录</Link>。
      </p>
    );
  }
  if (error instanceof ApiError && error.status === 403) {
    return (
      <p className="role-inline" role="alert">
        需要管理员账号才能查看{what}。
      </p>
    );
  }
  return <ErrorState error={error} what={what} onRetry={onRetry} />;
}

/** A write that failed, in words: the same 401/403 reading, else the server's own detail. */
export function mutationErrorMessage(error: unknown, conflict?: string): string {
  if (error instanceof ApiError && error.kind === 'http') {
    if (error.status === 401) return '登录已失效,请重新登录后再试。';
    if (error.status === 403) return '需要管理员账号才能这样做。';
    if (error.status === 409 && conflict) return conflict;
    if (error.status === 404) return '对象已不存在,请刷新后再试。';
    return error.problem?.detail ?? error.problem?.title ?? `操作失败(${error.status ?? '未知'})`;
  }
  if (error instanceof ApiError && error.kind === 'network') return '无法连接服务,请检查网络后重试。';
  return error instanceof Error ? error.message : String(error);
}
