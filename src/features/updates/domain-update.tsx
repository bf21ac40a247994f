import { useMutation, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState, type ClipboardEvent, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { ApiError, domainQuery, type Domain, type Metric } from '../../api';
import type { ConflictProblem, CycleSettings, Update, UpdateList } from '../../api/tracking-schemas';
import { conflictOf, fieldErrorsOf, submitUpdateMutation } from '../../api/updates';
import { ErrorState } from '../../components/error-state';
import { StatusChange } from '../../components/status-change';
import { formatDate, formatFigure, formatShortDate } from '../../format';
import { MILESTONE_META, MILESTONE_STATES } from '../../progress';
import { loginHref } from '../../session/safe-next';
import { defaultAsOf, instantOf, localDateOf, metricFrequency, type Cycle } from '../../tracking';
import {
  applyPaste,
  checkForm,
  createRowChecker,
  draftFromReturned,
  editRow,
  emptyDraft,
  milestoneKey,
  NARRATIVE_PARTS,
  narrativeKey,
  obsKey,
  pastedCells,
  placeServerErrors,
  submissionOf,
  warningsKey,
  type CheckContext,
  type FieldKey,
  type FormDraft,
  type PasteColumn,
  type RowCheck,
  type RowDraft,
} from './form-model';
import { UpdateSummary } from './update-summary';

type Props = {
  reportId: string;
  domainId: string;
  domainName: string;
  context: CheckContext;
  cycle: Cycle | null;
  /** The server's cycle setting (GET …/cycle): which metrics are monthly or quarterly. */
  settings: CycleSettings;
  updates: UseQueryResult<UpdateList>;
};

/** One domain's 填报: what is pending or returned, then the table, milestones and narrative. */
export function DomainUpdate({ reportId, domainId, domainName, context, cycle, settings, updates }: Props) {
  const domain = useQuery(domainQuery(reportId, domainId));
  const headingId = useId();
  const mine = (updates.data?.updates ?? []).filter((u) => u.domainId === domainId);
  const resubmitted = new Set(mine.flatMap((u) => (u.resubmits === undefined ? [] : [u.resubmits])));
  const pending = mine.filter((u) => u.state === 'submitted');
  const returned = mine.filter((u) => u.state === 'returned' && !resubmitted.has(u.id));

  return (
    <section className="domain-update work-card" aria-labelledby={headingId}>
      <div className="domain-update__head">
        <h2 id={headingId}>{domainName}</h2>
        <Link to={`/domains/${domainId}`}>查看领域页面</Link>
      </div>
      {updates.isError && <ErrorState error={updates.error} what="已提交的填报" onRetry={() => void updates.refetch()} />}
      {domain.isError && <ErrorState error={domain.error} what={`${domainName}的数据`} onRetry={() => void domain.refetch()} />}
      {domain.data === undefined ? (
        !domain.isError && <p className="domain-update__loading" aria-busy="true">正在加载{domainName}的数据…</p>
      ) : (
        <DomainForm key={domain.data.id} reportId={reportId} domain={domain.data} context={context} cycle={cycle} settings={settings} pending={pending} returned={returned} />
      )}
    </section>
  );
}

type FormProps = {
  reportId: string;
  domain: Domain;
  context: CheckContext;
  cycle: Cycle | null;
  settings: CycleSettings;
  pending: Update[];
  returned: Update[];
};

const NO_ERRORS = new Map<FieldKey, string>();

type Outcome =
  | { kind: 'sent'; update: Update }
  | { kind: 'conflict'; problem: ConflictProblem; typed: Record<string, string> }
  | { kind: 'refused'; byField: Map<FieldKey, string>; other: string[] }
  | { kind: 'failed'; error: unknown };

function DomainForm({ reportId, domain, context, cycle, settings, pending, returned }: FormProps) {
  const [draft, setDraft] = useState<FormDraft>(() => emptyDraft(domain));
  const [attempted, setAttempted] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [pasteNote, setPasteNote] = useState('');
  const submit = useMutation(submitUpdateMutation());
  const location = useLocation();
  const formId = useId();
  const [rowChecker] = useState(createRowChecker);
  const check = useMemo(() => checkForm(domain, draft, context, rowChecker), [domain, draft, context, rowChecker]);
  const changedMeanwhile = useMemo(
    () => new Set(outcome?.kind === 'conflict' ? outcome.problem.current.map((c) => c.metricId) : []),
    [outcome],
  );
  const serverErrors = useMemo(() => (outcome?.kind === 'refused' ? outcome.byField : NO_ERRORS), [outcome]);
  // The rows read the latest draft in their paste handler without re-rendering every row on each keystroke.
  const rowsRef = useRef(draft.rows);
  useEffect(() => {
    rowsRef.current = draft.rows;
  }, [draft.rows]);

  const setRow = useCallback(
    (metric: Metric, patch: Partial<RowDraft>) => {
      setDraft((d) => {
        const row = editRow(d.rows[metric.id], metric, patch);
        // The date the cycle expects, once a value is typed into a row without one.
        if (patch.value !== undefined && row.asOf === '' && cycle !== null) {
          row.asOf = defaultAsOf(metricFrequency(settings, domain.id, metric.id), cycle, context.today);
        }
        return { ...d, rows: { ...d.rows, [metric.id]: row } };
      });
    },
    [cycle, settings, domain.id, context.today],
  );

  const onPaste = useCallback(
    (index: number, column: PasteColumn, event: ClipboardEvent<HTMLInputElement>) => {
      const cells = pastedCells(event.clipboardData.getData('text/plain'));
      if (cells === undefined) return;
      event.preventDefault();
      const pasted = applyPaste(rowsRef.current, domain.metrics, index, column, cells);
      rowsRef.current = pasted.rows;
      setDraft((d) => ({ ...d, rows: pasted.rows }));
      setPasteNote(
        pasted.overflow > 0
          ? `已粘贴 ${pasted.filled} 行;另有 ${pasted.overflow} 行超出了表格,没有填入。`
          : `已粘贴 ${pasted.filled} 行。`,
      );
    },
    [domain.metrics],
  );

  const loadReturned = (update: Update) => {
    setDraft(draftFromReturned(domain, update));
    setOutcome(undefined);
    setAttempted(false);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempted(true);
    setPasteNote('');
    if (check.refusals > 0 || check.unconfirmed > 0 || !check.hasContent) {
      const form = event.currentTarget;
      requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"], .update-warnings input[type="checkbox"]:not(:checked)')?.focus());
      return;
    }
    const { body, metricIds, milestoneIds } = submissionOf(domain, draft, check);
    const typed = Object.fromEntries(check.rows.filter((r) => r.active).map((r) => [r.metric.id, draft.rows[r.metric.id]?.value ?? '']));
    setOutcome(undefined);
    submit.mutate(
      { reportId, domainId: domain.id, body },
      {
        onSuccess: (update) => {
          setOutcome({ kind: 'sent', update });
          setDraft(emptyDraft(domain));
          setAttempted(false);
        },
        onError: (error) => {
          const conflict = conflictOf(error);
          if (conflict !== undefined) {
            // What was typed stays; the next submission supersedes what is approved now, as shown.
            setDraft((d) => {
              const rows = { ...d.rows };
              for (const c of conflict.current) {
                const row = rows[c.metricId];
                if (row !== undefined) rows[c.metricId] = { ...row, supersedes: c.observation?.id ?? null, confirmed: '' };
              }
              return { ...d, rows };
            });
            setOutcome({ kind: 'conflict', problem: conflict, typed });
            return;
          }
          const fields = fieldErrorsOf(error);
          if (fields.length > 0) {
            setOutcome({ kind: 'refused', ...placeServerErrors(fields, { metricIds, milestoneIds }) });
            return;
          }
          setOutcome({ kind: 'failed', error });
        },
      },
    );
  };

  const blocked = attempted && (check.refusals > 0 || check.unconfirmed > 0 || !check.hasContent);

  return (
    <>
      {pending.map((update) => (
        <div key={update.id} className="update-box update-box--pending">
          <p className="update-box__title">
            <span className="state-mark state-mark--pending">待审核</span>
            {formatDate(localDateOf(instantOf(update.submittedAt)))}由 {update.submittedBy.username} 提交,等待督查室审核;通过后生效。
          </p>
          <UpdateSummary update={update} domain={domain} />
        </div>
      ))}
      {returned.map((update) => (
        <div key={update.id} className="update-box update-box--returned" role="region" aria-label={`被退回的填报(${formatShortDate(localDateOf(instantOf(update.submittedAt)))}提交)`}>
          <p className="update-box__title">
            <span className="state-mark state-mark--alarm">已退回</span>
            {update.review === undefined ? '督查室退回了这次填报。' : `${update.review.by.username} 退回了这次填报:`}
          </p>
          {update.review?.comment && <blockquote className="update-box__comment">{update.review.comment}</blockquote>}
          <UpdateSummary update={update} domain={domain} />
          <button type="button" className="button" onClick={() => loadReturned(update)}>
            载入表格修改后重新提交
          </button>
        </div>
      ))}

      <form id={formId} className="update-form" aria-label={`${domain.name}填报`} onSubmit={onSubmit} noValidate>
        {draft.resubmits !== undefined && (
          <p className="update-form__resubmit" role="status">
            正在修改被退回的填报,提交后作为重新提交,原填报留档。
            <button type="button" className="button" onClick={() => setDraft(emptyDraft(domain))}>
              放弃修改
            </button>
          </p>
        )}
        {domain.metrics.length === 0 ? (
          <p className="update-form__none">{domain.note ?? '本领域没有可填报的指标。'}</p>
        ) : (
          <div className="work-table-wrap">
            <table className="update-table work-table">
              <caption className="visually-hidden">{domain.name}各指标的新值</caption>
              <thead>
                <tr>
                  <th scope="col">指标</th>
                  <th scope="col">上次审核通过</th>
                  <th scope="col">新值</th>
                  <th scope="col">截至日期</th>
                  <th scope="col">依据</th>
                  <th scope="col">备注</th>
                  <th scope="col">提交后状态</th>
                </tr>
              </thead>
              {check.rows.map((row, index) => (
                <MetricRow
                  key={row.metric.id}
                  index={index}
                  row={row}
                  draft={draft.rows[row.metric.id]}
                  prefix={`${formId}-${row.metric.id}`}
                  frequency={metricFrequency(settings, domain.id, row.metric.id)}
                  serverErrors={serverErrors}
                  showEmpty={attempted}
                  changed={changedMeanwhile.has(row.metric.id) || movedSince(draft.rows[row.metric.id], row.metric)}
                  onChange={setRow}
                  onPaste={onPaste}
                />
              ))}
            </table>
          </div>
        )}
        <p className="update-form__paste" role="status">
          {pasteNote}
        </p>

        {domain.milestones.length > 0 && (
          <fieldset className="update-milestones">
            <legend>重点工作进展</legend>
            <ul>
              {domain.milestones.map((m) => {
                const typed = draft.milestones[m.id] ?? { state: m.state, note: '' };
                const noteError = serverErrors.get(milestoneKey(m.id, 'note'));
                const textId = `${formId}-${m.id}-text`;
                return (
                  <li key={m.id} className="update-milestone">
                    <p id={textId} className="update-milestone__text">
                      {m.text}
                    </p>
                    <div className="field">
                      <label htmlFor={`${formId}-${m.id}-state`}>状态(现为{MILESTONE_META[m.state].label})</label>
                      <select
                        id={`${formId}-${m.id}-state`}
                        aria-describedby={textId}
                        value={typed.state}
                        onChange={(e) => {
                          const state = MILESTONE_STATES.find((s) => s === e.target.value) ?? m.state;
                          setDraft((d) => ({ ...d, milestones: { ...d.milestones, [m.id]: { ...typed, state } } }));
                        }}
                      >
                        {MILESTONE_STATES.map((s) => (
                          <option key={s} value={s}>
                            {MILESTONE_META[s].icon} {MILESTONE_META[s].label}
                          </option>
                        ))}
                      </select>
                    </div>
                    <div className="field">
                      <label htmlFor={`${formId}-${m.id}-note`}>说明</label>
                      <input
                        id={`${formId}-${m.id}-note`}
                        aria-describedby={noteError ? `${formId}-${m.id}-note-error` : textId}
                        aria-invalid={noteError ? true : undefined}
                        value={typed.note}
                        onChange={(e) => setDraft((d) => ({ ...d, milestones: { ...d.milestones, [m.id]: { ...typed, note: e.target.value } } }))}
                      />
                      {noteError && (
                        <p id={`${formId}-${m.id}-note-error`} className="field__error">
                          {noteError}
                        </p>
                      )}
                    </div>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        )}

        <fieldset className="update-narrative">
          <legend>情况说明</legend>
          {NARRATIVE_PARTS.map(({ key, label }) => {
            const error = serverErrors.get(narrativeKey(key));
            const id = `${formId}-narrative-${key}`;
            return (
              <div key={key} className="field">
                <label htmlFor={id}>{label}</label>
                <textarea
                  id={id}
                  rows={3}
                  value={draft.narrative[key]}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-error` : undefined}
                  onChange={(e) => setDraft((d) => ({ ...d, narrative: { ...d.narrative, [key]: e.target.value } }))}
                />
                {error && (
                  <p id={`${id}-error`} className="field__error">
                    {error}
                  </p>
                )}
              </div>
            );
          })}
        </fieldset>

        <div className="update-form__send">
          <button type="submit" className="button button--primary" disabled={submit.isPending}>
            {submit.isPending ? '正在提交…' : draft.resubmits === undefined ? '提交审核' : '重新提交审核'}
          </button>
          <div className="update-form__outcome" role="status">
            {blocked && (
              <p className="form-error">
                {!check.hasContent
                  ? '还没有填写任何内容:请至少填一个新值、一项重点工作状态或情况说明。'
                  : [check.refusals > 0 && `有 ${check.refusals} 处需要修改`, check.unconfirmed > 0 && `有 ${check.unconfirmed} 行的提示需要勾选确认`]
                      .filter(Boolean)
                      .join(',') + ',改好后再提交。'}
              </p>
            )}
            {outcome?.kind === 'sent' && (
              <p className="update-form__sent">
                已提交,等待督查室审核(待审核)。共 {outcome.update.observations.length} 项数据
                {outcome.update.milestones.length > 0 ? `、${outcome.update.milestones.length} 项重点工作` : ''}。
              </p>
            )}
            {outcome?.kind === 'refused' && (
              <p className="form-error">
                服务器未接受这次填报,请按各栏旁的说明修改后再提交。{outcome.other.join(';')}
              </p>
            )}
            {outcome?.kind === 'failed' && <SubmitFailure error={outcome.error} here={`${location.pathname}${location.search}`} />}
          </div>
        </div>
        {outcome?.kind === 'conflict' && <ConflictNotice problem={outcome.problem} typed={outcome.typed} domain={domain} />}
      </form>
    </>
  );
}

function SubmitFailure({ error, here }: { error: unknown; here: string }) {
  if (error instanceof ApiError && error.status === 401) {
    return (
      <p className="form-error">
        登录已失效,填写的内容仍在。请在新标签页<Link to={loginHref(here)}>重新登录</Link>后再提交。
      </p>
    );
  }
  if (error instanceof ApiError && error.status === 403) {
    return <p className="form-error">你的账号没有这个领域的填报权限(可能刚被管理员调整),请联系管理员。</p>;
  }
  if (error instanceof ApiError && error.kind === 'network') {
    return <p className="form-error">无法连接服务,填写的内容仍在,请检查网络后再提交。</p>;
  }
  const detail = error instanceof ApiError ? (error.problem?.detail ?? error.problem?.title ?? error.message) : String(error);
  return <p className="form-error">提交失败:{detail}</p>;
}

/** A 409: what was approved meanwhile, beside what this person typed, which the form kept. */
function ConflictNotice({ problem, typed, domain }: { problem: ConflictProblem; typed: Record<string, string>; domain: Domain }) {
  return (
    <div className="update-conflict" role="alert">
      <p className="update-conflict__title">{problem.title}:在你填写期间,以下指标已有新的审核通过数据。</p>
      <ul>
        {problem.current.map((c) => {
          const metric = domain.metrics.find((m) => m.id === c.metricId);
          const o = c.observation;
          return (
            <li key={c.metricId}>
              <strong>{metric?.label ?? c.metricId}</strong>:你填的是「{typed[c.metricId] ?? '—'}」;现在审核通过的是{' '}
              {o === null ? (
                '(无)'
              ) : (
                <>
                  <span className="tabular">{formatFigure({ value: o.value, unit: o.unit, qualifier: o.qualifier })}</span>(截至{formatShortDate(o.asOf)}
                  {o.enteredBy ? `,${o.enteredBy.username} 填报` : ''})
                </>
              )}
            </li>
          );
        })}
      </ul>
      <p>你填写的内容都保留着。请核对上表中的最新数据,确认后再次提交。</p>
    </div>
  );
}

type RowProps = {
  index: number;
  row: RowCheck;
  draft: RowDraft | undefined;
  prefix: string;
  frequency: string;
  serverErrors: Map<FieldKey, string>;
  showEmpty: boolean;
  /** Another figure of the metric was approved after this row was first typed in. */
  changed: boolean;
  onChange: (metric: Metric, patch: Partial<RowDraft>) => void;
  onPaste: (index: number, column: PasteColumn, event: ClipboardEvent<HTMLInputElement>) => void;
};

/** The row was typed against a figure that is no longer the approved one (seen when the domain was read again). */
function movedSince(draft: RowDraft | undefined, metric: Metric): boolean {
  return draft?.supersedes !== undefined && draft.value.trim() !== '' && draft.supersedes !== (metric.observationId ?? null);
}

const FREQUENCY_LABEL: Record<string, string> = { monthly: '按月报送', quarterly: '按季度报送' };

/** Memoised: typing in one row re-renders that row only (a domain has up to 29 metrics). */
const MetricRow = memo(function MetricRow({ index, row, draft, prefix, frequency, serverErrors, showEmpty, changed, onChange, onPaste }: RowProps) {
  const { metric, warnings, preview } = row;
  const cells = draft ?? { value: '', asOf: '', basis: '', note: '', confirmed: '' };
  // Refusals of this row by field: the client's (live once a value is typed), then the server's.
  const errorFor = (field: 'value' | 'asOf' | 'basis' | 'note'): string | undefined => {
    const own = row.refusals.find((r) => r.field === field);
    if (own !== undefined && (row.active || showEmpty)) return own.message;
    return serverErrors.get(obsKey(metric.id, field));
  };
  const input = (field: 'value' | 'asOf' | 'basis' | 'note', label: string, extra: { placeholder?: string; inputMode?: 'decimal' } = {}) => {
    const error = errorFor(field);
    const id = `${prefix}-${field}`;
    return (
      <>
        <input
          id={id}
          className={`update-input update-input--${field}`}
          aria-label={`${metric.label} ${label}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          autoComplete="off"
          value={cells[field]}
          onChange={(e) => onChange(metric, { [field]: e.target.value })}
          onPaste={(e) => onPaste(index, field, e)}
          {...extra}
        />
        {error && (
          <p id={`${id}-error`} className="field__error">
            {error}
          </p>
        )}
      </>
    );
  };
  const confirmId = `${prefix}-confirm`;

  return (
    <tbody className="update-row" data-metric={metric.id}>
      <tr>
        <th scope="row" className="update-row__label" data-parent={metric.parentId ? 'child' : undefined}>
          {metric.label}
          {FREQUENCY_LABEL[frequency] && <span className="update-row__frequency">{FREQUENCY_LABEL[frequency]}</span>}
        </th>
        <td className="update-row__last" data-label="上次审核通过">
          <span className="update-row__last-value tabular">{formatFigure(metric)}</span>
          <span className="update-row__last-date">
            截至{formatShortDate(metric.asOf)}
            {metric.updatedAt === undefined
              ? ''
              : metric.source.kind === 'update'
                ? ` · ${formatShortDate(localDateOf(instantOf(metric.updatedAt)))}审核通过`
                : ' · 报告数据'}
          </span>
          {changed && <span className="update-row__changed">填写期间已有新数据</span>}
        </td>
        <td data-label="新值">
          <span className="update-input-unit">
            {input('value', '新值', { placeholder: metric.unit, inputMode: 'decimal' })}
          </span>
        </td>
        <td data-label="截至日期">{input('asOf', '截至日期', { placeholder: '如 7月2日' })}</td>
        <td data-label="依据">{input('basis', '依据', { placeholder: '如 统计局6月月报' })}</td>
        <td data-label="备注">{input('note', '备注')}</td>
        <td className="update-row__preview" data-label="提交后状态">
          {preview === undefined ? <span className="update-row__no-preview">—</span> : <StatusChange before={preview.before} after={preview.after} />}
        </td>
      </tr>
      {warnings.length > 0 && (
        <tr className="update-warnings">
          <td colSpan={7}>
            <ul>
              {warnings.map((w) => (
                <li key={w.code}>{w.message}</li>
              ))}
            </ul>
            <label htmlFor={confirmId} className="update-warnings__confirm">
              <input
                id={confirmId}
                type="checkbox"
                checked={row.confirmed}
                onChange={(e) => onChange(metric, { confirmed: e.target.checked ? warningsKey(warnings) : '' })}
              />
              已核对,{metric.label}的数据无误
            </label>
          </td>
        </tr>
      )}
    </tbody>
  );
});
