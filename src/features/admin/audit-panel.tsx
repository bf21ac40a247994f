import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { apiOf, auditCsvUrl, auditQuery, CURRENT_REPORT_ID, reportQuery, usersQuery, type AuditFilters } from '../../api';
import type { AuditEntry } from '../../api/tracking-schemas';
import { ACTION_LABELS, changeLines, formatInstant, targetLabel } from './admin-format';
import { QueryProblem } from './query-problem';

/** How many entries the list asks for; the CSV has every matching one. */
export const AUDIT_PAGE = 200;

export function AuditPanel() {
  const queryClient = useQueryClient();
  const report = useQuery(reportQuery(CURRENT_REPORT_ID));
  const users = useQuery(usersQuery());
  const [draft, setDraft] = useState<AuditFilters>({});
  const id = useId();
  const rangeError = draft.since && draft.until && draft.since > draft.until ? '起始日期不能晚于截止日期' : '';
  // A half-typed range asks nothing: the list keeps the last valid filters until the range makes sense.
  const [filters, setFilters] = useState<AuditFilters>({});
  const audit = useQuery(auditQuery({ ...filters, limit: AUDIT_PAGE }));
  const domains = report.data?.domains ?? [];
  const domainName = (domainId: string) => domains.find((d) => d.id === domainId)?.name ?? domainId;

  function change(next: AuditFilters) {
    setDraft(next);
    const invalid = next.since && next.until && next.since > next.until;
    if (!invalid) setFilters(next);
  }

  const entries = audit.data ? [...audit.data.entries].sort((a, b) => Date.parse(b.at) - Date.parse(a.at)) : [];

  return (
    <section className="admin-panel" aria-labelledby="audit-title">
      <h2 id="audit-title">审计日志</h2>
      <p className="admin-panel__lead">每次登录、账号和令牌的变动都记录在此,只能追加,任何人都不能修改或删除。</p>
      <form className="admin-form audit-filters" aria-label="筛选审计日志" onSubmit={(e) => e.preventDefault()}>
        <div className="admin-form__row">
          <div className="field">
            <label htmlFor={`${id}-domain`}>领域</label>
            <select id={`${id}-domain`} value={draft.domainId ?? ''} onChange={(e) => change({ ...draft, domainId: e.target.value || undefined })}>
              <option value="">全部领域</option>
              {domains.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-user`}>操作人</label>
            <select id={`${id}-user`} value={draft.userId ?? ''} onChange={(e) => change({ ...draft, userId: e.target.value || undefined })}>
              <option value="">全部账号</option>
              {(users.data?.users ?? []).map((u) => (
                <option key={u.id} value={u.id}>
                  {u.username}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-since`}>起始日期</label>
            <input
              id={`${id}-since`}
              type="date"
              value={draft.since ?? ''}
              onChange={(e) => change({ ...draft, since: e.target.value || undefined })}
              aria-invalid={rangeError ? true : undefined}
              aria-describedby={rangeError ? `${id}-range-error` : undefined}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-until`}>截止日期</label>
            <input
              id={`${id}-until`}
              type="date"
              value={draft.until ?? ''}
              onChange={(e) => change({ ...draft, until: e.target.value || undefined })}
              aria-invalid={rangeError ? true : undefined}
              aria-describedby={rangeError ? `${id}-range-error` : undefined}
            />
          </div>
        </div>
        {rangeError && (
          <p id={`${id}-range-error`} className="field__error" role="alert">
            {rangeError}
          </p>
        )}
        <div className="admin-actions">
          <a className="button" href={auditCsvUrl(apiOf(queryClient), filters)} download>
            导出 CSV
          </a>
          <span className="field__hint">按当前筛选导出全部记录</span>
        </div>
      </form>
      {audit.isPending && <p aria-busy="true">正在加载审计日志…</p>}
      {audit.isError && <QueryProblem error={audit.error} what="审计日志" onRetry={() => void audit.refetch()} />}
      {audit.isSuccess && entries.length === 0 && <p>没有符合条件的记录。</p>}
      {audit.isSuccess && entries.length > 0 && (
        <>
          <p className="admin-panel__count" role="status">
            {entries.length >= AUDIT_PAGE ? `显示最近 ${entries.length} 条;更早的记录请缩小日期范围或导出 CSV。` : `共 ${entries.length} 条,最新的在前。`}
          </p>
          <div className="table-scroll" role="region" aria-label="审计记录" tabIndex={0}>
            <table className="admin-table audit-table">
              <thead>
                <tr>
                  <th scope="col">时间(北京时间)</th>
                  <th scope="col">操作人</th>
                  <th scope="col">操作</th>
                  <th scope="col">对象</th>
                  <th scope="col">变更</th>
                  <th scope="col">来源地址</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <AuditRow key={entry.id} entry={entry} domainName={domainName} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function AuditRow({ entry, domainName }: { entry: AuditEntry; domainName: (id: string) => string }) {
  const lines = changeLines(entry.before, entry.after, { domain: domainName });
  return (
    <tr>
      <td className="tabular">
        <time dateTime={entry.at}>{formatInstant(entry.at)}</time>
      </td>
      <td>{entry.who?.username ?? '(未登录)'}</td>
      <td>{ACTION_LABELS[entry.action]}</td>
      <td>
        {targetLabel(entry.target)}
        {entry.target?.domainId && <span className="admin-table__by">{domainName(entry.target.domainId)}</span>}
      </td>
      <td>
        {lines.length === 0 ? (
          '—'
        ) : (
          <ul className="change-lines">
            {lines.map((line) => (
              <li key={line.field}>
                <span className="change-lines__field">{line.field}:</span>
                {line.before !== null && (
                  <del>
                    <span className="visually-hidden">原为</span>
                    {line.before}
                  </del>
                )}
                {line.before !== null && line.after !== null && <span aria-hidden="true"> → </span>}
                {line.after !== null && (
                  <ins>
                    <span className="visually-hidden">{line.before !== null ? '改为' : '为'}</span>
                    {line.after}
                  </ins>
                )}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className="tabular">{entry.address ?? '—'}</td>
    </tr>
  );
}
