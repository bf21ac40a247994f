// What a key press means in meeting mode, as a pure function of the key, where focus is and the
// digits typed so far, so the whole keymap is testable without a DOM. Presentation clickers send
// PageDown/PageUp (some send arrows), so those must work from anywhere on the page.

export type Move = 'next' | 'previous' | 'first' | 'last';

export type SlideAction =
  | { type: 'move'; to: Move }
  | { type: 'digit'; digit: string }
  | { type: 'erase-digit' }
  | { type: 'jump' }
  | { type: 'clear-digits' }
  | { type: 'toggle-fullscreen' }
  | { type: 'show-help' };

/** Where the key was pressed: typing in a field, on something Space/Enter activates, or elsewhere. */
export type KeyTarget = 'text-entry' | 'button' | 'link' | 'other';

export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: KeyTarget;
}

/** Slide numbers of up to three digits: more is a typo, not a slide. */
export const MAX_DIGITS = 3;

export function actionForKey(press: KeyPress, pendingDigits: string): SlideAction | null {
  // Ctrl/⌘/Alt combinations belong to the browser (find, print, history); text fields to the typist.
  if (press.ctrlKey || press.metaKey || press.altKey || press.target === 'text-entry') return null;
  const { key, target } = press;

  if (/^[0-9]$/.test(key)) {
    return pendingDigits.length < MAX_DIGITS ? { type: 'digit', digit: key } : null;
  }
  if (key === 'Enter') {
    // With no number typed, Enter stays with the focused link or button.
    return pendingDigits === '' ? null : { type: 'jump' };
  }
  if (key === 'Backspace') return pendingDigits === '' ? null : { type: 'erase-digit' };
  // Esc also leaves full screen; the browser does that itself, so this only drops a typed number.
  if (key === 'Escape') return pendingDigits === '' ? null : { type: 'clear-digits' };

  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
      return { type: 'move', to: 'next' };
    case 'ArrowLeft':
    case 'PageUp':
      return { type: 'move', to: 'previous' };
    case ' ':
      // Space presses a focused button: doing both would move two slides.
      if (target === 'button') return null;
      return { type: 'move', to: press.shiftKey ? 'previous' : 'next' };
    case 'Home':
      return { type: 'move', to: 'first' };
    case 'End':
      return { type: 'move', to: 'last' };
    case 'f':
    case 'F':
      return { type: 'toggle-fullscreen' };
    case '?':
      return { type: 'show-help' };
    default:
      return null;
  }
}

/** The slide a move lands on, kept within 0 … count − 1. */
export function moveTarget(to: Move, current: number, count: number): number {
  const last = Math.max(count - 1, 0);
  switch (to) {
    case 'next':
      return Math.min(current + 1, last);
    case 'previous':
      return Math.max(current - 1, 0);
    case 'first':
      return 0;
    case 'last':
      return last;
  }
}

/** The slide index of a typed slide number ("3" → 2), or null when there is no such slide. */
export function slideForNumber(digits: string, count: number): number | null {
  if (!/^[0-9]+$/.test(digits)) return null;
  const n = Number(digits);
  return n >= 1 && n <= count ? n - 1 : null;
}

/** Inputs that are pressed or picked, not typed into: a key on them is not text. */
const BUTTON_LIKE_INPUT_TYPES = new Set(['button', 'submit', 'reset', 'checkbox', 'radio', 'range', 'color', 'file', 'image']);

/** Classifies the element a key event came from. */
export function keyTargetOf(target: EventTarget | null): KeyTarget {
  if (!(target instanceof Element)) return 'other';
  if (target instanceof HTMLElement && target.isContentEditable) return 'text-entry';
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return 'text-entry';
  if (tag === 'INPUT') {
    const type = (target.getAttribute('type') ?? 'text').toLowerCase();
    return BUTTON_LIKE_INPUT_TYPES.has(type) ? 'button' : 'text-entry';
  }
  if (tag === 'BUTTON' || tag === 'SUMMARY' || target.getAttribute('role') === 'button') return 'button';
  if (tag === 'A' && target.hasAttribute('href')) return 'link';
  return 'other';
}
