import { ErrorBoundary } from '../../components/error-boundary';
import { OverviewPage } from './overview-page';

export function Component() {
  return (
    <ErrorBoundary what="总览">
      <OverviewPage />
    </ErrorBoundary>
  );
}
