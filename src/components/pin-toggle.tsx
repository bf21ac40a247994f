import { togglePinnedDomain, usePinnedDomains } from '../pinned/pinned-domains';
import './pin-toggle.css';

type Props = { domainId: string; domainName: string };

/** Adds a domain to "我的领域" or takes it out; the visible word says what a press will do. */
export function PinToggle({ domainId, domainName }: Props) {
  const pinned = usePinnedDomains().includes(domainId);
  return (
    <button
      type="button"
      className="pin-toggle"
      aria-pressed={pinned}
      onClick={() => togglePinnedDomain(domainId)}
    >
      <span className="pin-toggle__icon" aria-hidden="true">
        {pinned ? '★' : '☆'}
      </span>
      {pinned ? '取消关注' : '关注'}
      <span className="visually-hidden">{domainName}</span>
    </button>
  );
}
