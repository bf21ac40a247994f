import { useId, useState } from 'react';
import type { Section } from '../../api';
import { STATUSES, STATUS_META } from '../../progress';
import { hasActiveFilters, type OverviewFilters } from './filters';

type Props = {
  filters: OverviewFilters;
  sections: readonly Section[];
  onChange: (key: 'status' | 'section' | 'q', value: string | undefined) => void;
  onClear: () => void;
};

/**
 * Search and the two selects. The search box keeps its own text while an input method is composing
 * (typing "anzhi" on the way to 安置 must not filter the page by pinyin), and follows the URL when it
 * changes from elsewhere (the clear button, a count link, back/forward).
 */
export function FilterBar({ filters, sections, onChange, onClear }: Props) {
  const id = useId();
  const [text, setText] = useState(filters.q);
  // The q last seen in the URL, and the q this box last asked for: the URL may lag behind typing.
  const [urlQ, setUrlQ] = useState(filters.q);
  const [askedQ, setAskedQ] = useState(filters.q);
  const [composing, setComposing] = useState(false);
  if (filters.q !== urlQ) {
    // The URL changed. If it was not our own typing arriving, it came from elsewhere: follow it
    // (adjusting state while rendering, as React recommends over an effect).
    setUrlQ(filters.q);
    if (filters.q !== askedQ) {
      setText(filters.q);
      setAskedQ(filters.q);
    }
  }

  const commit = (value: string) => {
    setAskedQ(value.trim());
    onChange('q', value);
  };

  return (
    <form className="filter-bar" role="search" aria-label="筛选领域和指标" onSubmit={(e) => e.preventDefault()}>
      <div className="filter-bar__field filter-bar__field--search">
        <label htmlFor={`${id}-q`}>搜索领域或指标</label>
        <input
          id={`${id}-q`}
          type="search"
          value={text}
          placeholder="如:安置、PM2.5"
          autoComplete="off"
          enterKeyHint="search"
          onChange={(e) => {
            setText(e.target.value);
            if (!composing) commit(e.target.value);
          }}
          onCompositionStart={() => setComposing(true)}
          onCompositionEnd={(e) => {
            setComposing(false);
            commit(e.currentTarget.value);
          }}
        />
      </div>
      <div className="filter-bar__field">
        <label htmlFor={`${id}-status`}>状态</label>
        <select
          id={`${id}-status`}
          value={filters.status ?? ''}
          onChange={(e) => onChange('status', e.target.value || undefined)}
        >
          <option value="">全部状态</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_META[status].icon} {STATUS_META[status].label}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-bar__field">
        <label htmlFor={`${id}-section`}>部分</label>
        <select
          id={`${id}-section`}
          value={filters.section ?? ''}
          onChange={(e) => onChange('section', e.target.value || undefined)}
        >
          <option value="">全部四个部分</option>
          {sections.map((section) => (
            <option key={section.id} value={section.id}>
              {section.title}
            </option>
          ))}
        </select>
      </div>
      {hasActiveFilters(filters) && (
        <button type="button" className="button filter-bar__clear" onClick={onClear}>
          清除筛选
        </button>
      )}
    </form>
  );
}
