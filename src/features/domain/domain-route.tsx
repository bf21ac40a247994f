import { useParams } from 'react-router';
import { ErrorBoundary } from '../../components/error-boundary';
import { DomainPage } from './domain-page';

export function Component() {
  const { domainId = '' } = useParams();
  return (
    // Keyed by the id: another domain starts with a fresh boundary (and a fresh scroll-to-hash).
    <ErrorBoundary key={domainId} what="领域页面">
      <DomainPage domainId={domainId} />
    </ErrorBoundary>
  );
}
