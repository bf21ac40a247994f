type Props = {
  /** The slide number being typed; '' when none. */
  digits: string;
  notice: string | null;
};

/**
 * One line for the presenter at the bottom of the screen: the slide number being typed wins over a
 * notice. The live region is always there, so screen readers announce what appears in it.
 */
export function MeetingToast({ digits, notice }: Props) {
  return (
    <div className="meeting-toast" role="status">
      {digits !== '' && <span className="meeting-toast__box tabular">跳到第 {digits} 页 · 按 Enter 确认</span>}
      {digits === '' && notice !== null && <span className="meeting-toast__box">{notice}</span>}
    </div>
  );
}
