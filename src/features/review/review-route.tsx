import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { CURRENT_REPORT_ID, cycleQuery, domainQuery, reportQuery, usesMockedApi, type Domain } from '../../api';
import type { SessionUser } from '../../api/tracking-schemas';
import { updatesQuery } from '../../api/updates';
import { ErrorState } from '../../components/error-state';
import { PageSkeleton } from '../../components/page-skeleton';
import { RoleNotice } from '../../components/role-notice';
import { PinnedDateNote } from '../../components/pinned-date-note';
import { ROLE_LABELS } from '../../session/roles';
import { loginHref } from '../../session/safe-next';
import { useSession } from '../../session/use-session';
import { ReviewCard, type Decided } from './review-card';
import '../../components/work-page.css';
import './review.css';

export function Component() {
  const session = useSession({ deferred: false });
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;

  useEffect(() => {
    document.title = '审核 · 进度';
  }, []);

  if (session.status === 'unknown') return <PageSkeleton />;
  if (session.status === 'error') return <ErrorState error={session.error} what="登录状态" onRetry={session.retry} />;
  if (session.status === 'signed-out') {
    return (
      <RoleNotice title="请先登录">
        审核页面供督查室和管理员使用:审核各领域提交的填报。<Link to={loginHref(here)}>登录</Link>后回到这里。
      </RoleNotice>
    );
  }
  const { user } = session;
  if (user.role !== 'reviewer' && user.role !== 'admin') {
    return (
      <RoleNotice title="审核只对督查室开放">
        当前登录的 {user.username} 是{ROLE_LABELS[user.role]}。审核填报需要督查室或管理员账号
        {user.role === 'updater' ? (
          <>
            ;你提交的填报和审核意见在<Link to="/updates">填报</Link>页面查看。
          </>
        ) : (
          <>
            ,请<Link to={loginHref(here)}>换用督查室账号登录</Link>。
          </>
        )}
      </RoleNotice>
    );
  }
  return <ReviewPage user={user} />;
}

function ReviewPage({ user }: { user: SessionUser }) {
  const report = useQuery(reportQuery(CURRENT_REPORT_ID));
  const queue = useQuery(updatesQuery('submitted'));
  const [decided, setDecided] = useState<Decided[]>([]);
  const domainIds = [...new Set((queue.data?.updates ?? []).map((u) => u.domainId))];
  const domainResults = useQueries({ queries: domainIds.map((id) => domainQuery(CURRENT_REPORT_ID, id)) });
  const domains = new Map(domainIds.map((id, i) => [id, domainResults[i] as UseQueryResult<Domain>]));
  const names = new Map(report.data?.domains.map((d) => [d.id, d.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const overdue = report.data?.domains.filter((d) => d.overdue === true) ?? [];
  const cycle = useQuery(cycleQuery(CURRENT_REPORT_ID));

  return (
    <div className="review-page work-page">
      <h1>审核</h1>
      <p className="work-page__lead">
        各领域提交的填报按提交先后排列。每条显示原值 → 新值和状态变化;通过后数据立即在总览、领域页和大屏上生效,退回需写明要修改什么。
      </p>
      {usesMockedApi && (
        <p className="work-page__demo" role="note">
          <strong>示例</strong>
          演示版:填报和审核只保存在本页面中,数字均为示例;刷新页面即恢复为报告原数据。
        </p>
      )}
      {cycle.data && <PinnedDateNote cycle={cycle.data} />}

      <section className="review-overdue" aria-labelledby="review-overdue-title">
        <h2 id="review-overdue-title">逾期未报</h2>
        {report.isError ? (
          <ErrorState error={report.error} what="报告" onRetry={() => void report.refetch()} />
        ) : report.data === undefined ? (
          <p aria-busy="true">正在加载…</p>
        ) : overdue.length === 0 ? (
          <p>目前没有逾期未报的领域。</p>
        ) : (
          <ul className="review-overdue__list">
            {overdue.map((d) => (
              <li key={d.id}>
                <span className="state-mark state-mark--alarm">逾期未报</span>
                <Link to={`/domains/${d.id}`}>{d.name}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <div className="review-decided" role="status">
        {decided.map((d) => (
          <p key={d.update.id} className={`review-decided__item review-decided__item--${d.kind}`}>
            {d.message}
            {d.kind === 'approved' && (
              <>
                {' '}
                <Link to={`/domains/${d.update.domainId}`}>查看{nameOf(d.update.domainId)}</Link>
              </>
            )}
          </p>
        ))}
      </div>

      <section className="review-queue" aria-labelledby="review-queue-title">
        <h2 id="review-queue-title">待审核{queue.data ? `(${queue.data.updates.length})` : ''}</h2>
        {queue.isError && <ErrorState error={queue.error} what="审核队列" onRetry={() => void queue.refetch()} />}
        {queue.data === undefined && !queue.isError && <p aria-busy="true">正在加载审核队列…</p>}
        {queue.data?.updates.length === 0 && <p className="review-queue__empty">没有待审核的填报。</p>}
        {queue.data?.updates.map((update) => (
          <ReviewCard
            key={update.id}
            update={update}
            domain={domains.get(update.domainId)}
            domainName={nameOf(update.domainId)}
            self={user}
            onDecided={(d) => setDecided((all) => [d, ...all.filter((x) => x.update.id !== d.update.id)].slice(0, 5))}
          />
        ))}
      </section>
    </div>
  );
}
