import { useMutation, type UseQueryResult } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ApiError, type Domain, type Metric } from '../../api';
import { reviewUpdateMutation, type ReviewVariables } from '../../api/review';
import type { Observation, SessionUser, Update } from '../../api/tracking-schemas';
import { conflictOf } from '../../api/updates';
import { ErrorState } from '../../components/error-state';
import { StatusChange } from '../../components/status-change';
import { formatFigure, formatShortDate } from '../../format';
import { MILESTONE_META } from '../../progress';
import { statusChangeWith } from '../../report-data/figure-preview';
import { districtTimestamp, exactDifference, instantOf } from '../../tracking';

export type Decided = { update: Update; kind: 'approved' | 'returned' | 'conflict'; message: string };

const NARRATIVE = [
  ['progress', '工作进展'],
  ['problems', '存在问题'],
  ['nextSteps', '下步打算'],
] as const;

type Props = {
  update: Update;
  domain: UseQueryResult<Domain> | undefined;
  domainName: string;
  self: SessionUser;
  onDecided: (decided: Decided) => void;
};

/** When an instant happened, as the district reads it: "7月5日 10:00". */
function districtTime(instant: string): string {
  const local = districtTimestamp(instantOf(instant));
  return `${formatShortDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

/** One submitted update: before → after per metric with its status change, the narrative, and the decision. */
export function ReviewCard({ update, domain, domainName, self, onDecided }: Props) {
  const headingId = useId();
  const ownReasonId = useId();
  const commentId = useId();
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState('');
  const [failure, setFailure] = useState<string | undefined>();
  const own = update.submittedBy.id === self.id;
  const who = update.submittedBy.username;
  // The outcome is handled by the mutation itself, not by mutate()'s callbacks: approving refetches the
  // queue, this card leaves it, and callbacks of an unmounted caller would never run.
  const review = useMutation({
    ...reviewUpdateMutation(),
    onSuccess: (reviewed: Update, { body }: ReviewVariables) =>
      onDecided(
        reviewed.state === 'approved'
          ? { update: reviewed, kind: 'approved', message: `已通过${domainName}的填报(${who} 提交),数据已生效。` }
          : { update: reviewed, kind: 'returned', message: `已退回${domainName}的填报(${who} 提交),意见:${reviewed.review?.comment ?? body.comment ?? ''}` },
      ),
    onError: (error: Error) => {
      const conflict = conflictOf(error);
      if (conflict !== undefined) {
        onDecided({
          update,
          kind: 'conflict',
          message: `${domainName}的填报未能通过:${conflict.detail ?? conflict.title}这次填报已自动退回给 ${who},未生效。`,
        });
        return;
      }
      if (error instanceof ApiError && error.status === 409) {
        setFailure(`${error.problem?.title ?? '填报已审核'}:${error.problem?.detail ?? '另一位审核人已经处理了这条填报。'}`);
        return;
      }
      if (error instanceof ApiError && error.status === 401) {
        setFailure('登录已失效,请重新登录后再审核。');
        return;
      }
      setFailure(error instanceof ApiError ? (error.problem?.detail ?? error.problem?.title ?? error.message) : String(error));
    },
  });

  const decide = (decision: 'approve' | 'return') => {
    setFailure(undefined);
    if (decision === 'return' && comment.trim() === '') {
      setCommentError('退回时请写明要修改什么,填报员会看到这条意见。');
      document.getElementById(commentId)?.focus();
      return;
    }
    setCommentError('');
    review.mutate({ id: update.id, body: decision === 'approve' ? { decision } : { decision, comment: comment.trim() } });
  };

  return (
    <article className="review-card work-card" aria-labelledby={headingId}>
      <header className="review-card__head">
        <h3 id={headingId}>
          {domainName}
          <span className="review-card__by">
            {who} 于 {districtTime(update.submittedAt)} 提交{update.resubmits === undefined ? '' : '(退回后重新提交)'}
          </span>
        </h3>
        <span className="state-mark state-mark--pending">待审核</span>
      </header>

      {domain?.isError && <ErrorState error={domain.error} what={`${domainName}的数据`} onRetry={() => void domain.refetch()} />}
      {update.observations.length > 0 && (
        <div className="work-table-wrap">
          <table className="review-table work-table">
            <caption className="visually-hidden">{domainName}本次填报的数据:原值与新值</caption>
            <thead>
              <tr>
                <th scope="col">指标</th>
                <th scope="col">原值</th>
                <th scope="col">新值</th>
                <th scope="col">较上次</th>
                <th scope="col">依据 · 备注</th>
                <th scope="col">状态变化</th>
              </tr>
            </thead>
            <tbody>
              {update.observations.map((o) => (
                <ObservationRow key={o.id} observation={o} metric={domain?.data?.metrics.find((m) => m.id === o.metricId)} />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {update.milestones.length > 0 && (
        <ul className="review-card__milestones" aria-label="重点工作状态变化">
          {update.milestones.map((m) => (
            <li key={m.milestoneId}>
              {domain?.data?.milestones.find((x) => x.id === m.milestoneId)?.text ?? m.milestoneId}:
              <strong>
                {MILESTONE_META[m.previousState].icon} {MILESTONE_META[m.previousState].label} → {MILESTONE_META[m.state].icon}{' '}
                {MILESTONE_META[m.state].label}
              </strong>
              {m.note ? `(${m.note})` : ''}
            </li>
          ))}
        </ul>
      )}

      {update.narrative !== null && (
        <dl className="review-card__narrative">
          {NARRATIVE.map(([key, label]) => (
            <div key={key}>
              <dt>{label}</dt>
              <dd>{update.narrative?.[key] || '(未填写)'}</dd>
            </div>
          ))}
        </dl>
      )}

      <div className="review-card__actions">
        <div className="review-card__approve">
          <button
            type="button"
            className="button button--primary"
            disabled={own || review.isPending}
            aria-describedby={own ? ownReasonId : undefined}
            onClick={() => decide('approve')}
          >
            通过
          </button>
          {own && (
            <p id={ownReasonId} className="review-card__own">
              不能审核自己提交的更新
            </p>
          )}
        </div>
        <div className="field review-card__return">
          <label htmlFor={commentId}>退回意见</label>
          <textarea
            id={commentId}
            rows={2}
            value={comment}
            aria-invalid={commentError ? true : undefined}
            aria-describedby={commentError ? `${commentId}-error` : undefined}
            onChange={(e) => setComment(e.target.value)}
          />
          {commentError && (
            <p id={`${commentId}-error`} className="field__error">
              {commentError}
            </p>
          )}
          <button type="button" className="button" disabled={own || review.isPending} onClick={() => decide('return')}>
            退回
          </button>
        </div>
      </div>
      {review.isPending && <p role="status">正在提交审核结果…</p>}
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
    </article>
  );
}

function ObservationRow({ observation: o, metric }: { observation: Observation; metric: Metric | undefined }) {
  const label = metric?.label ?? o.metricId;
  const figure = { value: o.value, unit: o.unit, qualifier: o.qualifier };
  // The figure it replaces is the one approved now, unless another was approved after it was filled.
  const stale = metric !== undefined && metric.observationId !== undefined && o.supersedes !== metric.observationId;
  const change = metric === undefined ? undefined : statusChangeWith(metric, { value: o.value, qualifier: o.qualifier, asOf: o.asOf });
  const delta = metric === undefined ? undefined : exactDifference(o.value, metric.value);
  return (
    <tr>
      <th scope="row">{label}</th>
      <td data-label="原值">
        {metric === undefined ? (
          '…'
        ) : (
          <>
            <span className="tabular">{formatFigure(metric)}</span>
            <span className="review-table__date">截至{formatShortDate(metric.asOf)}</span>
            {stale && <span className="review-table__stale">填报后已有新数据,通过时会退回</span>}
          </>
        )}
      </td>
      <td data-label="新值">
        <span className="tabular review-table__new">{formatFigure(figure)}</span>
        <span className="review-table__date">截至{formatShortDate(o.asOf)}</span>
      </td>
      <td data-label="较上次" className="tabular">
        {delta === undefined ? '…' : `${delta > 0 ? '+' : delta < 0 ? '−' : '±'}${formatFigure({ ...figure, value: Math.abs(delta), qualifier: 'exact' })}`}
      </td>
      <td data-label="依据 · 备注">
        {o.basis ?? '—'}
        {o.note ? ` · ${o.note}` : ''}
      </td>
      <td data-label="状态变化">{change === undefined ? '…' : <StatusChange before={change.before} after={change.after} />}</td>
    </tr>
  );
}
