import { useEffect, useRef, useState } from 'react';

/**
 * A button that asks once more in place before doing something that cannot be undone (revoking a
 * token): no modal to trap focus, and the question names what will happen.
 */
export function InlineConfirm({
  label,
  accessibleLabel,
  question,
  confirmLabel,
  busy,
  onConfirm,
}: {
  label: string;
  accessibleLabel?: string;
  question: string;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) openRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button ref={openRef} type="button" className="button button--danger" aria-label={accessibleLabel} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="inline-confirm" role="group" aria-label={question}>
      <span className="inline-confirm__question">{question}</span>
      <button
        ref={confirmRef}
        type="button"
        className="button button--danger"
        disabled={busy}
        onClick={() => {
          onConfirm();
        }}
      >
        {busy ? '处理中…' : confirmLabel}
      </button>
      <button type="button" className="button" onClick={() => setAsking(false)}>
        取消
      </button>
    </span>
  );
}
