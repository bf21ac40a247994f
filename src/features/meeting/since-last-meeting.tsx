import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { changesQuery, CURRENT_REPORT_ID, cycleQuery, type Domain } from '../../api';
import type { Changes } from '../../api/tracking-schemas';
import { DeltaText } from '../../components/delta';
import { ErrorState } from '../../components/error-state';
import { ExampleTag } from '../../components/example-tag';
import { StatusBadge } from '../../components/status-badge';
import { formatDate, formatFigure, formatNumber, formatShortDate } from '../../format';
import { MILESTONE_META } from '../../progress';
import type { DomainEntry } from '../../report-data/use-report-progress';
import { isCalendarDate } from '../../tracking';
import { Heading, type Level } from './slide-parts';

// "Since the last meeting" (issue 16): what went live after the previous meeting's date. The date is a
// setting in the URL (?since=2017-07-03), so a meeting's link opens on the same comparison; without it
// the previous meeting is the server's (the deadline's day before today, `GET …/cycle`).

export const SINCE_PARAM = 'since';

/** The previous meeting's date the URL names, if it is a real date. */
export function useSinceParam(): [string | undefined, (since: string | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get(SINCE_PARAM) ?? '';
  const since = /^\d{4}-\d{2}-\d{2}$/.test(raw) && isCalendarDate(raw) ? raw : undefined;
  const set = (next: string | undefined) =>
    setParams(
      (current) => {
        const out = new URLSearchParams(current);
        if (next === undefined || next === '') out.delete(SINCE_PARAM);
        else out.set(SINCE_PARAM, next);
        return out;
      },
      { replace: true },
    );
  return [since, set];
}

type Props = {
  domains: readonly DomainEntry[];
  idPrefix: string;
  level: Level;
  /** On screen the date can be changed; the printed briefing states it. */
  editable: boolean;
};

export function SinceLastMeeting({ domains, idPrefix, level, editable }: Props) {
  const [named, setSince] = useSinceParam();
  const cycle = useQuery(cycleQuery(CURRENT_REPORT_ID));
  const since = named ?? cycle.data?.lastMeetingOn;
  const query = useQuery({ ...changesQuery(CURRENT_REPORT_ID, since ?? ''), enabled: since !== undefined });
  const titleId = `${idPrefix}-title`;
  const shownSince = query.data?.since ?? since;
  const failed = named === undefined && cycle.isError ? cycle : query.isError ? query : undefined;
  return (
    <section className="since" aria-labelledby={titleId} data-testid="since-last-meeting">
      <div className="since__head">
        <Heading level={(level + 1) as 2 | 3} id={titleId} className="slide__section-title">
          自上次例会以来{shownSince !== undefined && `(${formatDate(shownSince)}之后)`}
        </Heading>
        {editable && (
          <label className="since__date">
            上次例会日期{' '}
            <input
              type="date"
              value={shownSince ?? ''}
              onChange={(event) => setSince(event.target.value === '' ? undefined : event.target.value)}
            />
          </label>
        )}
      </div>
      {failed !== undefined ? (
        <ErrorState error={failed.error} what="自上次例会以来的变化" onRetry={() => void failed.refetch()} />
      ) : query.data === undefined ? (
        <p className="slide__quiet">正在加载自上次例会以来的变化…</p>
      ) : (
        <ChangesBody changes={query.data} domains={domains} idPrefix={idPrefix} level={level} />
      )}
    </section>
  );
}

type BodyProps = { changes: Changes; domains: readonly DomainEntry[]; idPrefix: string; level: Level };

function lookup(domains: readonly DomainEntry[]) {
  const byId = new Map(domains.map((d) => [d.id, d]));
  const domainName = (id: string) => byId.get(id)?.name ?? id;
  const domainData = (id: string): Domain | undefined => byId.get(id)?.query.data;
  const metric = (domainId: string, metricId: string) => domainData(domainId)?.metrics.find((m) => m.id === metricId);
  const milestoneText = (domainId: string, milestoneId: string) =>
    domainData(domainId)?.milestones.find((m) => m.id === milestoneId)?.text ?? milestoneId;
  return { domainName, metric, milestoneText };
}

export function ChangesBody({ changes, domains, idPrefix, level }: BodyProps) {
  const { domainName, metric, milestoneText } = lookup(domains);
  const sub = (level + 2) as 3 | 4;
  const names = (ids: readonly string[]) => ids.map(domainName).join('、');
  const nothing =
    changes.observations.length === 0 && changes.statusChanges.length === 0 && changes.milestones.length === 0;
  return (
    <div className="since__body">
      <p className="since__period tabular">
        {formatShortDate(changes.since)}之后至{formatShortDate(changes.until)}:新数据 {formatNumber(changes.observations.length)} 项,状态变化{' '}
        {formatNumber(changes.statusChanges.length)} 项,里程碑 {formatNumber(changes.milestones.length)} 项
      </p>
      {nothing && <p className="slide__quiet">这段时间没有新审核通过的数据。</p>}
      {changes.observations.length > 0 && (
        <section aria-labelledby={`${idPrefix}-values`}>
          <Heading level={sub} id={`${idPrefix}-values`} className="slide__subsection-title">
            新数据
          </Heading>
          <ul className="since__list">
            {changes.observations.map((c) => {
              const m = metric(c.domainId, c.metricId);
              return (
                <li key={`${c.domainId}/${c.metricId}`}>
                  <span className="since__where">
                    {domainName(c.domainId)} · {m?.label ?? c.metricId}
                  </span>{' '}
                  <strong className="tabular">{formatFigure({ value: c.observation.value, unit: c.observation.unit, qualifier: c.observation.qualifier })}</strong>
                  <ExampleTag figure={c.observation} />
                  <span className="since__asof">(截至{formatShortDate(c.observation.asOf)})</span>{' '}
                  {c.delta !== null && <DeltaText delta={c.delta} direction={m?.direction ?? 'neutral'} />}
                  {c.previous === null && <span className="since__first">首次填报</span>}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {changes.statusChanges.length > 0 && (
        <section aria-labelledby={`${idPrefix}-status`}>
          <Heading level={sub} id={`${idPrefix}-status`} className="slide__subsection-title">
            状态变化
          </Heading>
          <ul className="since__list">
            {changes.statusChanges.map((c) => (
              <li key={`${c.domainId}/${c.metricId}`}>
                <span className="since__where">
                  {domainName(c.domainId)} · {metric(c.domainId, c.metricId)?.label ?? c.metricId}
                </span>{' '}
                <StatusBadge status={c.from} /> <span aria-label="变为">→</span> <StatusBadge status={c.to} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {changes.milestones.length > 0 && (
        <section aria-labelledby={`${idPrefix}-milestones`}>
          <Heading level={sub} id={`${idPrefix}-milestones`} className="slide__subsection-title">
            里程碑
          </Heading>
          <ul className="since__list">
            {changes.milestones.map((c) => (
              <li key={`${c.updateId}/${c.milestoneId}`}>
                <span className="since__where">{domainName(c.domainId)}</span> {milestoneText(c.domainId, c.milestoneId)}:
                {MILESTONE_META[c.from].label} → <strong>{MILESTONE_META[c.to].label}</strong>
              </li>
            ))}
          </ul>
        </section>
      )}
      <dl className="since__reporting">
        <div>
          <dt>未报送</dt>
          <dd>{changes.notReported.length === 0 ? '无' : `${names(changes.notReported)}(${formatNumber(changes.notReported.length)}个)`}</dd>
        </div>
        <div>
          <dt>逾期未报</dt>
          <dd>{changes.overdue.length === 0 ? '无' : `${names(changes.overdue)}(${formatNumber(changes.overdue.length)}个)`}</dd>
        </div>
      </dl>
    </div>
  );
}
