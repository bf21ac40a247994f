import type { Domain } from '../../api';
import type { Update } from '../../api/tracking-schemas';
import { formatFigure, formatShortDate } from '../../format';
import { MILESTONE_META } from '../../progress';
import { NARRATIVE_PARTS } from './form-model';

/** What an update of one's own holds, as sent: the figures, the milestone changes and the narrative. */
export function UpdateSummary({ update, domain }: { update: Update; domain: Domain }) {
  const label = (metricId: string) => domain.metrics.find((m) => m.id === metricId)?.label ?? metricId;
  const milestone = (id: string) => domain.milestones.find((m) => m.id === id)?.text ?? id;
  return (
    <div className="update-summary">
      {update.observations.length > 0 && (
        <ul className="update-summary__figures">
          {update.observations.map((o) => (
            <li key={o.id}>
              {label(o.metricId)}:<span className="tabular">{formatFigure({ value: o.value, unit: o.unit, qualifier: o.qualifier })}</span>(截至{formatShortDate(o.asOf)}
              {o.basis ? `,依据:${o.basis}` : ''}
              {o.note ? `,${o.note}` : ''})
            </li>
          ))}
        </ul>
      )}
      {update.milestones.length > 0 && (
        <ul className="update-summary__milestones">
          {update.milestones.map((m) => (
            <li key={m.milestoneId}>
              {milestone(m.milestoneId)}:{MILESTONE_META[m.previousState].label} → {MILESTONE_META[m.state].label}
              {m.note ? `(${m.note})` : ''}
            </li>
          ))}
        </ul>
      )}
      {update.narrative !== null && (
        <dl className="update-summary__narrative">
          {NARRATIVE_PARTS.filter(({ key }) => update.narrative?.[key]).map(({ key, label: part }) => (
            <div key={key}>
              <dt>{part}</dt>
              <dd>{update.narrative?.[key]}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
