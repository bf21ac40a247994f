import type { Milestone, MilestoneState } from '../../api';

/** A state as a word and a shape, like a status: no one needs the colour. */
export const MILESTONE_META: Record<MilestoneState, { icon: string; label: string }> = {
  done: { icon: '✓', label: '已完成' },
  'in-progress': { icon: '◐', label: '推进中' },
  planned: { icon: '○', label: '计划中' },
};

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
