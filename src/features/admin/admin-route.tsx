import { useEffect } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { ErrorState } from '../../components/error-state';
import { PageSkeleton } from '../../components/page-skeleton';
import { RoleNotice } from '../../components/role-notice';
import { ROLE_LABELS } from '../../session/roles';
import { loginHref } from '../../session/safe-next';
import { useSession } from '../../session/use-session';
import { AccountsPanel } from './accounts-panel';
import { AuditPanel } from './audit-panel';
import { CyclePanel } from './cycle-panel';
import { TokensPanel } from './tokens-panel';
import './admin.css';

const TABS = [
  { id: 'accounts', label: '账号与权限' },
  { id: 'tokens', label: '大屏令牌' },
  { id: 'cycle', label: '填报周期' },
  { id: 'audit', label: '审计日志' },
] as const;
type TabId = (typeof TABS)[number]['id'];

function tabOf(value: string | null): TabId {
  return TABS.find((tab) => tab.id === value)?.id ?? 'accounts';
}

export function Component() {
  const session = useSession({ deferred: false });
  const location = useLocation();

  useEffect(() => {
    document.title = '管理 · 进度';
  }, []);

  if (session.status === 'unknown') return <PageSkeleton />;
  if (session.status === 'error') return <ErrorState error={session.error} what="登录状态" onRetry={session.retry} />;
  if (session.status === 'signed-out') {
    return (
      <RoleNotice title="请先登录">
        管理页面只对管理员开放。<Link to={loginHref(`${location.pathname}${location.search}`)}>登录</Link>
        后回到这里。
      </RoleNotice>
    );
  }
  const { user } = session;
  if (user.role !== 'admin') {
    return (
      <RoleNotice title="需要管理员账号">
        当前登录的 {user.username} 是{ROLE_LABELS[user.role]},不能管理账号、大屏令牌和审计日志。请用管理员账号
        <Link to={loginHref(`${location.pathname}${location.search}`)}>重新登录</Link>。
      </RoleNotice>
    );
  }
  return <AdminPage selfId={user.id} />;
}

function AdminPage({ selfId }: { selfId: string }) {
  const [params] = useSearchParams();
  const tab = tabOf(params.get('tab'));
  return (
    <div className="admin-page">
      <h1>管理</h1>
      <nav aria-label="管理分区">
        <ul className="admin-tabs">
          {TABS.map((item) => (
            <li key={item.id}>
              <Link
                className="admin-tabs__link"
                to={item.id === 'accounts' ? '?' : `?tab=${item.id}`}
                aria-current={item.id === tab ? 'page' : undefined}
              >
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {tab === 'accounts' && <AccountsPanel selfId={selfId} />}
      {tab === 'tokens' && <TokensPanel />}
      {tab === 'cycle' && <CyclePanel />}
      {tab === 'audit' && <AuditPanel />}
    </div>
  );
}
