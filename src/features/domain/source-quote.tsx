import { Link } from 'react-router';
import type { Source } from '../../api';

type Props = { source: Source; domainId: string; metricId: string };

/** The report's own sentence, with the figure marked where it stands, and the way to it in context. */
export function SourceQuote({ source, domainId, metricId }: Props) {
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
