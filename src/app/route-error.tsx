import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { ErrorState } from '../components/error-state';

/** The view-level boundary: a view that fails to load or render says so, with a retry and a way home. */
export function RouteError() {
  const error = useRouteError();
  const what = isRouteErrorResponse(error) ? `页面(${error.status})` : '页面';
  return (
    <div style={{ padding: 'var(--space-4)' }}>
      <title>出错了 · 进度</title>
      <ErrorState error={error} what={what} onRetry={() => window.location.reload()} />
      <p>
        <Link to="/">返回总览</Link>
      </p>
    </div>
  );
}
