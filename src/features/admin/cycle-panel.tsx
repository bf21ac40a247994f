import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { CURRENT_REPORT_ID, cycleQuery, cycleSettingsMutation } from '../../api';
import { fieldErrorsOf } from '../../api/updates';
import type { ReportCycle } from '../../api/tracking-schemas';
import { PinnedDateNote, weekdayName } from '../../components/pinned-date-note';
import { formatDate } from '../../format';
import { mutationErrorMessage, QueryProblem } from './query-problem';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * The reporting cycle's deadline (填报截止时间): updates are due each week on this day and time, district
 * time, before the meeting held that day. /updates, 逾期未报 and the meeting's "since" all follow it.
 */
export function CyclePanel() {
  const cycle = useQuery(cycleQuery(CURRENT_REPORT_ID));
  return (
    <section className="admin-panel" aria-labelledby="cycle-title">
      <h2 id="cycle-title">填报周期</h2>
      <p className="admin-panel__lead">
        各领域每周在截止时间前报送;例会在截止当天召开。修改后,填报页面的本期周期、逾期未报和例会的“自上次例会以来”都按新的截止时间计算。
      </p>
      {cycle.isPending && <p aria-busy="true">正在加载填报周期…</p>}
      {cycle.isError && <QueryProblem error={cycle.error} what="填报周期" onRetry={() => void cycle.refetch()} />}
      {cycle.isSuccess && <CycleForm key={`${cycle.data.settings.deadline.weekday}-${cycle.data.settings.deadline.time}`} cycle={cycle.data} />}
    </section>
  );
}

function CycleForm({ cycle }: { cycle: ReportCycle }) {
  const save = useMutation(cycleSettingsMutation());
  const [weekday, setWeekday] = useState(String(cycle.settings.deadline.weekday));
  const [time, setTime] = useState(cycle.settings.deadline.time);
  const [errors, setErrors] = useState<{ weekday?: string; time?: string; form?: string }>({});
  const [notice, setNotice] = useState('');
  const id = useId();
  const { current } = cycle;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice('');
    if (!/^(?:[01]\d|2[0-3]):[0-5]\d$/.test(time)) {
      setErrors({ time: '请填写 00:00 至 23:59 之间的时间,例如 12:00' });
      return;
    }
    setErrors({});
    const settings = { ...cycle.settings, deadline: { weekday: Number(weekday), time } };
    save.mutate(settings, {
      onSuccess: (saved) => setNotice(`已保存:每${weekdayName(saved.deadline.weekday)} ${saved.deadline.time} 截止。`),
      onError: (failure) => {
        const byField = new Map(fieldErrorsOf(failure).map((e) => [e.field, e.detail]));
        const weekdayError = byField.get('deadline.weekday');
        const timeError = byField.get('deadline.time');
        setErrors({
          ...(weekdayError === undefined ? {} : { weekday: weekdayError }),
          ...(timeError === undefined ? {} : { time: timeError }),
          ...(weekdayError === undefined && timeError === undefined ? { form: mutationErrorMessage(failure) } : {}),
        });
      },
    });
  }

  return (
    <>
      <p className="admin-panel__status" role="status">
        {notice}
      </p>
      <PinnedDateNote cycle={cycle} />
      <dl className="admin-cycle">
        <div>
          <dt>现在的截止时间</dt>
          <dd>
            每{weekdayName(cycle.settings.deadline.weekday)} {cycle.settings.deadline.time}(区时)
          </dd>
        </div>
        <div>
          <dt>本期周期</dt>
          <dd>{current === null ? '本年度的填报周期已结束' : `${formatDate(current.opensOn)}至${formatDate(current.dueOn)}`}</dd>
        </div>
        <div>
          <dt>上次例会</dt>
          <dd>{formatDate(cycle.lastMeetingOn)}</dd>
        </div>
      </dl>
      <form className="admin-form" noValidate onSubmit={submit} aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`}>修改截止时间</h3>
        <div className="admin-form__row">
          <div className="field">
            <label htmlFor={`${id}-weekday`}>截止日</label>
            <select
              id={`${id}-weekday`}
              value={weekday}
              onChange={(e) => setWeekday(e.target.value)}
              aria-invalid={errors.weekday ? true : undefined}
              aria-describedby={errors.weekday ? `${id}-weekday-error` : undefined}
            >
              {WEEKDAYS.map((day) => (
                <option key={day} value={day}>
                  每{weekdayName(day)}
                </option>
              ))}
            </select>
            {errors.weekday && (
              <p id={`${id}-weekday-error`} className="field__error" role="alert">
                {errors.weekday}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor={`${id}-time`}>截止时间</label>
            <input
              id={`${id}-time`}
              value={time}
              inputMode="numeric"
              placeholder="12:00"
              onChange={(e) => setTime(e.target.value.trim())}
              aria-invalid={errors.time ? true : undefined}
              aria-describedby={`${id}-time-hint${errors.time ? ` ${id}-time-error` : ''}`}
            />
            <p id={`${id}-time-hint`} className="field__hint">
              24 小时制,区时(UTC+8),例如 12:00
            </p>
            {errors.time && (
              <p id={`${id}-time-error`} className="field__error" role="alert">
                {errors.time}
              </p>
            )}
          </div>
        </div>
        {errors.form && (
          <p className="field__error" role="alert">
            {errors.form}
          </p>
        )}
        <div>
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending ? '正在保存…' : '保存截止时间'}
          </button>
        </div>
      </form>
    </>
  );
}
