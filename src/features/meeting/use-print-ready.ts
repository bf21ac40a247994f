import { startTransition, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * Whether the printed pages may be built, and how to print. They are built just after the slide has
 * painted, so the first slide is not held up by fifteen pages nobody sees yet; printing before then
 * (the toolbar's button or the browser's own print command) builds them on the spot.
 */
export function usePrintReady() {
  const [printReady, setPrintReady] = useState(false);
  useEffect(() => {
    startTransition(() => setPrintReady(true));
    const beforePrint = () => flushSync(() => setPrintReady(true));
    window.addEventListener('beforeprint', beforePrint);
    return () => window.removeEventListener('beforeprint', beforePrint);
  }, []);
  const print = () => {
    flushSync(() => setPrintReady(true));
    window.print();
  };
  return { printReady, print };
}
