import type { Milestone } from '../../api';
import { MILESTONE_META } from '../../progress';

export function MilestoneList({ milestones }: { milestones: readonly Milestone[] }) {
  return (
    <ol className="milestones">
      {milestones.map((m) => {
        const meta = MILESTONE_META[m.state];
        return (
          <li key={m.id} id={`milestone-${m.id}`} className="milestone" data-state={m.state}>
            <span className="milestone__state">
              <span aria-hidden="true">{meta.icon}</span> {meta.label}
            </span>
            <div className="milestone__body">
              <p className="milestone__text">{m.text}</p>
              <details className="milestone__source">
                <summary>原文</summary>
                <blockquote>{m.source.quote}</blockquote>
              </details>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
