import { describeError } from '../api';
import './error-state.css';

type Props = {
  error: unknown;
  /** What was being loaded, in the users' words: "大气污染防治的数据". */
  what: string;
  onRetry?: () => void;
};

/** A failure shown where it happened, with a retry, so the rest of the page keeps working. */
export function ErrorState({ error, what, onRetry }: Props) {
  const { title, detail } = describeError(error);
  return (
    <div className="error-state" role="alert">
      <p className="error-state__title">
        <span aria-hidden="true">⚠ </span>
        {what}加载失败:{title}
      </p>
      <p className="error-state__detail">{detail}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          重试
        </button>
      )}
    </div>
  );
}
