import { formatNumber } from '../../format';

type Props = {
  index: number;
  count: number;
  /** The domain on screen, for screen readers; undefined on the agenda. */
  name: string | undefined;
  goTo: (index: number) => void;
  fullscreen: { active: boolean; toggle: () => void };
  showHelp: () => void;
  print: () => void;
};

/** The bar above a slide: where the meeting is and paging on the left, the tools on the right. */
export function MeetingToolbar({ index, count, name, goTo, fullscreen, showHelp, print }: Props) {
  const position = `第 ${formatNumber(index + 1)} / ${formatNumber(count)} 页`;
  return (
    <div className="meeting-bar">
      <nav className="meeting-bar__nav" aria-label="幻灯片翻页">
        <button type="button" className="button" onClick={() => goTo(index - 1)} disabled={index === 0}>
          <span aria-hidden="true">←</span> 上一页
        </button>
        <span className="meeting-bar__position tabular" aria-live="polite" aria-atomic="true">
          {position}
          {name && <span className="visually-hidden">:{name}</span>}
        </span>
        <button type="button" className="button" onClick={() => goTo(index + 1)} disabled={index === count - 1}>
          下一页 <span aria-hidden="true">→</span>
        </button>
      </nav>
      <div className="meeting-bar__tools">
        {index !== 0 && (
          <button type="button" className="button" onClick={() => goTo(0)}>
            议程
          </button>
        )}
        <button type="button" className="button" onClick={fullscreen.toggle}>
          {fullscreen.active ? '退出全屏' : '全屏'}
        </button>
        <button type="button" className="button" onClick={showHelp} aria-haspopup="dialog">
          快捷键 <kbd>?</kbd>
        </button>
        <button type="button" className="button" onClick={print}>
          打印简报
        </button>
      </div>
    </div>
  );
}
