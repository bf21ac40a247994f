import { useEffect, useRef } from 'react';

/** `then`: keys pressed one after the other rather than alternatives. */
const SHORTCUTS: readonly { keys: readonly string[]; what: string; then?: true }[] = [
  { keys: ['→', 'PageDown', '空格'], what: '下一页' },
  { keys: ['←', 'PageUp', 'Shift + 空格'], what: '上一页' },
  { keys: ['Home'], what: '回到议程(第 1 页)' },
  { keys: ['End'], what: '最后一页' },
  { keys: ['页码', 'Enter'], what: '跳到该页,例如按 3 再按 Enter', then: true },
  { keys: ['F'], what: '全屏 / 退出全屏' },
  { keys: ['Esc'], what: '退出全屏' },
  { keys: ['?'], what: '显示本说明' },
];

type Props = { open: boolean; onClose: () => void };

/**
 * The keyboard help, as a modal <dialog>: the browser traps focus in it, makes the rest inert, closes
 * it on Esc and shows it above a full-screen page.
 */
export function ShortcutsDialog({ open, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<Element | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (open && !dialog.open) {
      returnFocus.current = document.activeElement;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  const handleClose = () => {
    onClose();
    const back = returnFocus.current;
    if (back instanceof HTMLElement && back.isConnected) back.focus();
  };

  return (
    <dialog ref={ref} className="shortcuts" aria-labelledby="meeting-shortcuts-title" onClose={handleClose}>
      <h2 id="meeting-shortcuts-title" className="shortcuts__title">
        键盘快捷键
      </h2>
      <table className="shortcuts__table">
        <thead>
          <tr>
            <th scope="col">按键</th>
            <th scope="col">作用</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map(({ keys, what, then }) => (
            <tr key={what}>
              <td>
                {keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && (then ? ' 再按 ' : ' 或 ')}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="shortcuts__hint">演示遥控器(翻页笔)发送的就是 PageDown / PageUp。</p>
      <form method="dialog">
        <button type="submit" className="button" autoFocus>
          关闭
        </button>
      </form>
    </dialog>
  );
}
