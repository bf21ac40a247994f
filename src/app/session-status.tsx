import { useMutation } from '@tanstack/react-query';
import { Link, NavLink, useLocation } from 'react-router';
import { signOutMutation } from '../api';
import { ROLE_LABELS } from '../session/roles';
import { loginHref } from '../session/safe-next';
import { useSession } from '../session/use-session';

/**
 * Who is signed in, with 退出登录; or 登录, back to this page afterwards. Reading is public, so the
 * session is asked only after the page has painted (and only by a browser that may have one, see
 * session-hint.ts), and nothing shows until the answer is known (no 登录 link that turns into a name a
 * moment later, and nothing in the prerendered overview).
 */
export function SessionStatus() {
  const session = useSession({ deferred: true });
  const signOut = useMutation(signOutMutation());
  const location = useLocation();

  // A failed session request (network, server) must not break reading: show nothing.
  if (session.status === 'unknown' || session.status === 'error') return null;
  if (session.status === 'signed-out') {
    if (location.pathname === '/login') return null;
    return (
      <div className="session-status">
        <Link className="session-status__sign-in" to={loginHref(`${location.pathname}${location.search}${location.hash}`)}>
          登录
        </Link>
      </div>
    );
  }
  const { user } = session;
  return (
    <div className="session-status">
      <p className="session-status__who">
        <span className="visually-hidden">当前登录:</span>
        <span className="session-status__name">{user.username}</span>
        <span className="session-status__role">{ROLE_LABELS[user.role]}</span>
      </p>
      {user.role === 'updater' && (
        <NavLink to="/updates" className="app-nav__link">
          填报
        </NavLink>
      )}
      {(user.role === 'reviewer' || user.role === 'admin') && (
        <NavLink to="/review" className="app-nav__link">
          审核
        </NavLink>
      )}
      {user.role === 'admin' && (
        <NavLink to="/admin" className="app-nav__link">
          管理
        </NavLink>
      )}
      <button type="button" className="button session-status__sign-out" disabled={signOut.isPending} onClick={() => signOut.mutate()}>
        {signOut.isPending ? '正在退出…' : '退出登录'}
      </button>
      {signOut.isError && (
        <p className="session-status__error" role="alert">
          退出失败,请重试
        </p>
      )}
    </div>
  );
}
