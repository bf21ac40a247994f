import { Link } from 'react-router';
import type { Source } from '../../api';
import type { Observation } from '../../api/tracking-schemas';
import { formatShortDate } from '../../format';

type Props = {
  source: Source;
  domainId: string;
  metricId: string;
  /** The figure's observation from the history, for a figure no report printed (a department's 填报). */
  latest?: Observation | undefined;
};

/** The report's own sentence, with the figure marked where it stands, and the way to it in context. */
export function SourceQuote({ source, domainId, metricId, latest }: Props) {
  if (source.kind !== undefined && source.kind !== 'report') {
    const kind = source.kind === 'example' ? '示例' : '填报';
    return (
      <figure className="source-quote">
        <figcaption className="source-quote__cite">
          {kind}
          {latest !== undefined &&
            ` · ${latest.basis ?? '未注明依据'} · 截至${formatShortDate(latest.asOf)}${latest.enteredBy ? ` · ${latest.enteredBy.username}` : ''}`}
        </figcaption>
      </figure>
    );
  }
  const at = source.quote.indexOf(source.figure);
  return (
    <figure className="source-quote">
      <blockquote className="source-quote__text">
        {at < 0 ? (
          source.quote
        ) : (
          <>
            {source.quote.slice(0, at)}
            <mark>{source.figure}</mark>
            {source.quote.slice(at + source.figure.length)}
          </>
        )}
      </blockquote>
      <figcaption className="source-quote__cite">
        报告原文 · <Link to={`/source#fig-${domainId}-${metricId}`}>在原文中查看</Link>
      </figcaption>
    </figure>
  );
}
