import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { CURRENT_REPORT_ID, reportQuery, usesMockedApi } from '../../api';
import type { SessionUser } from '../../api/tracking-schemas';
import { updatesQuery } from '../../api/updates';
import { ErrorState } from '../../components/error-state';
import { PageSkeleton } from '../../components/page-skeleton';
import { RoleNotice } from '../../components/role-notice';
import { formatDate } from '../../format';
import { ROLE_LABELS } from '../../session/roles';
import { loginHref } from '../../session/safe-next';
import { useSession } from '../../session/use-session';
import { currentCycle, localDateOf } from '../../tracking';
import { CYCLE_SETTINGS } from './cycle-settings';
import { DomainUpdate } from './domain-update';
import './updates.css';

export function Component() {
  const session = useSession({ deferred: false });
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;

  useEffect(() => {
    document.title = '填报 · 进度';
  }, []);

  if (session.status === 'unknown') return <PageSkeleton />;
  if (session.status === 'error') return <ErrorState error={session.error} what="登录状态" onRetry={session.retry} />;
  if (session.status === 'signed-out') {
    return (
      <RoleNotice title="请先登录">
        填报页面供各领域的填报员使用:每周在这里报送本领域的最新数据。<Link to={loginHref(here)}>登录</Link>
        后回到这里。
      </RoleNotice>
    );
  }
  const { user } = session;
  if (user.role !== 'updater') {
    return (
      <RoleNotice title="填报只对填报员开放">
        当前登录的 {user.username} 是{ROLE_LABELS[user.role]}。填报页面只供负责领域的填报员报送数据
        {user.role === 'reviewer' || user.role === 'admin' ? (
          <>
            ;审核已提交的填报请到<Link to="/review">审核</Link>页面。
          </>
        ) : (
          <>;如需填报,请联系管理员开通填报员账号,或<Link to={loginHref(here)}>换用填报员账号登录</Link>。</>
        )}
      </RoleNotice>
    );
  }
  return <UpdatesPage user={user} />;
}

function UpdatesPage({ user }: { user: SessionUser }) {
  const report = useQuery(reportQuery(CURRENT_REPORT_ID));
  const updates = useQuery(updatesQuery());
  // The moment the page opened: the district's date for "not in the future" (the server checks again
  // on its own clock) and the cycle of the banner.
  const [now] = useState(() => Date.now());
  const year = report.data?.year;
  // Kept stable across renders: the form's rows are memoised on them.
  const context = useMemo(() => (year === undefined ? undefined : { today: localDateOf(now), year }), [now, year]);
  const cycle = useMemo(() => (year === undefined ? null : currentCycle(now, year, CYCLE_SETTINGS)), [now, year]);

  if (report.isError) return <ErrorState error={report.error} what="报告" onRetry={() => void report.refetch()} />;
  if (report.data === undefined || context === undefined || year === undefined) return <PageSkeleton />;
  const names = new Map(report.data.domains.map((d) => [d.id, d.name]));

  return (
    <div className="updates-page">
      <h1>填报</h1>
      <p className="updates-page__cycle">
        {cycle === null
          ? `${year}年度的填报周期已经结束,没有正在进行的周期;仍可补报或更正${year}年内的数据(截至日期须在${year}年之内,且不晚于今天)。`
          : `本期填报周期:${formatDate(cycle.opensOn)}至${formatDate(cycle.dueOn)},${formatDate(cycle.dueOn)} ${CYCLE_SETTINGS.deadline.time} 截止。`}
      </p>
      <p className="updates-page__lead">
        每个领域一张表:填入新值、截至日期和依据,提交后由督查室审核,审核通过后才在总览、领域页和大屏上生效。可以从 Excel
        复制一列数值,粘贴到第一个“新值”格中,依次填入下面各行。
      </p>
      {usesMockedApi && (
        <p className="updates-page__demo" role="note">
          <strong>示例</strong>
          演示版:这里提交的数字都是示例,只保存在本页面中;刷新页面即恢复为报告原数据。
        </p>
      )}
      {user.domainIds.length === 0 && <p className="form-error">你的账号还没有分配负责的领域,请联系管理员。</p>}
      {user.domainIds.map((domainId) => (
        <DomainUpdate
          key={domainId}
          reportId={report.data.id}
          domainId={domainId}
          domainName={names.get(domainId) ?? domainId}
          context={context}
          cycle={cycle}
          updates={updates}
        />
      ))}
    </div>
  );
}
