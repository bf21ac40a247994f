import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { formatNumber } from '../../format';
import { actionForKey, keyTargetOf, moveTarget, slideForNumber } from './slide-keys';

/** A typed slide number waits this long for Enter, then is forgotten. */
export const DIGIT_TIMEOUT_MS = 4000;

type Options = {
  index: number;
  count: number;
  goTo: (index: number) => void;
  toggleFullscreen: () => void;
  showHelp: () => void;
  /** Shows a short message to the presenter; null takes it away. */
  showNotice: (text: string | null) => void;
  /** While a dialog is open the keys are the dialog's. */
  paused: boolean;
};

/**
 * The meeting's keyboard, on the document so a clicker works wherever focus happens to be. Returns the
 * slide number being typed, for the presenter to see.
 */
export function useSlideKeys({ index, count, goTo, toggleFullscreen, showHelp, showNotice, paused }: Options) {
  const [digits, setDigitsState] = useState('');
  // The handler reads the digits from here: two keys can arrive before React renders in between.
  const digitsRef = useRef('');
  const digitTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const setDigits = (next: string) => {
    digitsRef.current = next;
    setDigitsState(next);
    clearTimeout(digitTimer.current);
    if (next !== '') digitTimer.current = setTimeout(() => setDigits(''), DIGIT_TIMEOUT_MS);
  };

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (paused || event.defaultPrevented || event.isComposing) return;
    const action = actionForKey(
      {
        key: event.key,
        shiftKey: event.shiftKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        target: keyTargetOf(event.target),
      },
      digitsRef.current,
    );
    if (action === null) return;
    // Esc must stay the browser's too: it is how people leave full screen.
    if (action.type !== 'clear-digits') event.preventDefault();
    switch (action.type) {
      case 'move':
        setDigits('');
        goTo(moveTarget(action.to, index, count));
        break;
      case 'digit':
        showNotice(null);
        setDigits(digitsRef.current + action.digit);
        break;
      case 'erase-digit':
        setDigits(digitsRef.current.slice(0, -1));
        break;
      case 'clear-digits':
        setDigits('');
        break;
      case 'jump': {
        const typed = digitsRef.current;
        setDigits('');
        const target = slideForNumber(typed, count);
        if (target === null) showNotice(`没有第 ${formatNumber(Number(typed))} 页(共 ${formatNumber(count)} 页)`);
        else goTo(target);
        break;
      }
      case 'toggle-fullscreen':
        toggleFullscreen();
        break;
      case 'show-help':
        setDigits('');
        showHelp();
        break;
    }
  });

  useEffect(() => {
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  useEffect(() => () => clearTimeout(digitTimer.current), []);

  return { digits };
}
