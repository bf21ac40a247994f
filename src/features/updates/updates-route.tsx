import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { Link, useLocation } from 'react-router';
import { CURRENT_REPORT_ID, cycleQuery, reportQuery, usesMockedApi } from '../../api';
import type { SessionUser } from '../../api/tracking-schemas';
import { updatesQuery } from '../../api/updates';
import { ErrorState } from '../../components/error-state';
import { PageSkeleton } from '../../components/page-skeleton';
import { RoleNotice } from '../../components/role-notice';
import { formatDate } from '../../format';
import { ROLE_LABELS } from '../../session/roles';
import { loginHref } from '../../session/safe-next';
import { useSession } from '../../session/use-session';
import { PinnedDateNote } from '../../components/pinned-date-note';
import type { Cycle } from '../../tracking';
import { DomainUpdate } from './domain-update';
import '../../components/work-page.css';
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
  // The server's date and cycle (a demo or a test pins them): "not in the future", the banner and the
  // default as-of dates follow the server, never this machine's clock.
  const served = useQuery(cycleQuery(CURRENT_REPORT_ID));
  const year = report.data?.year;
  const today = served.data?.today;
  // Kept stable across renders: the form's rows are memoised on them.
  const context = useMemo(() => (year === undefined || today === undefined ? undefined : { today, year }), [today, year]);
  const current = served.data?.current;
  const cycle = useMemo((): Cycle | null | undefined => {
    if (current === undefined) return undefined;
    if (current === null) return null;
    return { opensAt: Date.parse(current.opensAt), dueAt: Date.parse(current.dueAt), opensOn: current.opensOn, dueOn: current.dueOn };
  }, [current]);

  if (report.isError) return <ErrorState error={report.error} what="报告" onRetry={() => void report.refetch()} />;
  if (served.isError) return <ErrorState error={served.error} what="填报周期" onRetry={() => void served.refetch()} />;
  if (report.data === undefined || served.data === undefined || context === undefined || year === undefined || cycle === undefined) {
    return <PageSkeleton />;
  }
  const { settings } = served.data;
  const names = new Map(report.data.domains.map((d) => [d.id, d.name]));

  return (
    <div className="updates-page work-page">
      <h1>填报</h1>
      <p className="updates-page__cycle">
        {cycle === null
          ? `${year}年度的填报周期已经结束,没有正在进行的周期;仍可补报或更正${year}年内的数据(截至日期须在${year}年之内,且不晚于今天)。`
          : `本期填报周期:${formatDate(cycle.opensOn)}至${formatDate(cycle.dueOn)},${formatDate(cycle.dueOn)} ${settings.deadline.time} 截止。`}
      </p>
      <PinnedDateNote cycle={served.data} />
      <p className="work-page__lead">
        每个领域一张表:填入新值、截至日期和依据,提交后由督查室审核,审核通过后才在总览、领域页和大屏上生效。可以从 Excel
        复制一列数值,粘贴到第一个“新值”格中,依次填入下面各行。
      </p>
      {usesMockedApi && (
        <p className="work-page__demo" role="note">
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
          settings={settings}
          updates={updates}
        />
      ))}
    </div>
  );
}
