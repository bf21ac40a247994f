import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorState } from './error-state';

type Props = { what: string; children: ReactNode };
type InnerProps = Props & { onReset: () => void };
type State = { error: unknown; failed: boolean };

class Boundary extends Component<InnerProps, State> {
  state: State = { error: undefined, failed: false };

  static getDerivedStateFromError(error: unknown): State {
    return { error, failed: true };
  }

  componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Kept visible in the console for whoever debugs a wall display remotely.
    console.warn(`[jindu] ${this.props.what} failed to render`, error, info.componentStack);
  }

  private retry = () => {
    this.props.onReset();
    this.setState({ error: undefined, failed: false });
  };

  render() {
    if (this.state.failed) return <ErrorState error={this.state.error} what={this.props.what} onRetry={this.retry} />;
    return this.props.children;
  }
}

/** Contains a render failure to one view or one panel and offers a retry. */
export function ErrorBoundary({ what, children }: Props) {
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <Boundary what={what} onReset={reset}>
          {children}
        </Boundary>
      )}
    </QueryErrorResetBoundary>
  );
}
