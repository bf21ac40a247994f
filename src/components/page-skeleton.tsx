import './skeleton.css';

/** Holds the page's place while a view's code or data loads, so nothing jumps when it arrives. */
export function PageSkeleton() {
  return (
    <div className="skeleton-page" aria-busy="true" aria-live="polite">
      <span className="visually-hidden">正在加载…</span>
      <div className="skeleton skeleton--title" />
      <div className="skeleton skeleton--block" />
      <div className="skeleton skeleton--block" />
    </div>
  );
}
