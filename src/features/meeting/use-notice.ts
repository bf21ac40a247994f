import { useCallback, useEffect, useRef, useState } from 'react';

/** How long a short notice ("没有第 20 页") stays up. */
const NOTICE_MS = 3000;

/** One short message at a time for the presenter, gone by itself after a few seconds. */
export function useNotice() {
  const [notice, setNotice] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const show = useCallback((text: string | null) => {
    setNotice(text);
    clearTimeout(timer.current);
    if (text !== null) timer.current = setTimeout(() => setNotice(null), NOTICE_MS);
  }, []);

  useEffect(() => () => clearTimeout(timer.current), []);
  return { notice, show };
}
