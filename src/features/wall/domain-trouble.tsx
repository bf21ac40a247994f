import { describeError } from '../../api';
import type { DomainEntry } from '../../report-data/use-report-progress';

type Props = { entry: DomainEntry; /** One line, for a summary tile. */ compact?: boolean };

/**
 * A domain with no data to show yet: still loading, or its first load failed. Nobody is at a wall to
 * press a retry button, so it says that it retries by itself instead.
 */
export function DomainTrouble({ entry, compact = false }: Props) {
  if (entry.query.error === null) {
    return <p className="wall-trouble wall-trouble--loading">正在加载…</p>;
  }
  const { title } = describeError(entry.query.error);
  return (
    <div className="wall-trouble">
      <p className="wall-trouble__title">
        <span aria-hidden="true">⚠ </span>数据未能加载
      </p>
      {!compact && (
        <p className="wall-trouble__detail">
          {title}。大屏会自动重试,恢复后即显示。
        </p>
      )}
    </div>
  );
}
