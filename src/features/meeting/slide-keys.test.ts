import { actionForKey, keyTargetOf, moveTarget, slideForNumber, type KeyPress } from './slide-keys';

const press = (key: string, more: Partial<KeyPress> = {}): KeyPress => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target: 'other',
  ...more,
});

describe('actionForKey', () => {
  it.each(['ArrowRight', 'PageDown', ' '])('%j goes to the next slide', (key) => {
    expect(actionForKey(press(key), '')).toEqual({ type: 'move', to: 'next' });
  });

  it.each(['ArrowLeft', 'PageUp'])('%j goes to the previous slide', (key) => {
    expect(actionForKey(press(key), '')).toEqual({ type: 'move', to: 'previous' });
  });

  it('Shift+Space goes back, as in presentation software', () => {
    expect(actionForKey(press(' ', { shiftKey: true }), '')).toEqual({ type: 'move', to: 'previous' });
  });

  it('Home is the agenda and End the last slide', () => {
    expect(actionForKey(press('Home'), '')).toEqual({ type: 'move', to: 'first' });
    expect(actionForKey(press('End'), '')).toEqual({ type: 'move', to: 'last' });
  });

  it('collects digits and jumps on Enter', () => {
    expect(actionForKey(press('1'), '')).toEqual({ type: 'digit', digit: '1' });
    expect(actionForKey(press('2'), '1')).toEqual({ type: 'digit', digit: '2' });
    expect(actionForKey(press('Enter'), '12')).toEqual({ type: 'jump' });
  });

  it('leaves Enter to the focused link or button when no number was typed', () => {
    expect(actionForKey(press('Enter', { target: 'link' }), '')).toBeNull();
    expect(actionForKey(press('Enter', { target: 'button' }), '')).toBeNull();
    expect(actionForKey(press('Enter', { target: 'button' }), '3')).toEqual({ type: 'jump' });
  });

  it('stops taking digits after three', () => {
    expect(actionForKey(press('4'), '123')).toBeNull();
  });

  it('Backspace and Esc edit a typed number, and do nothing without one', () => {
    expect(actionForKey(press('Backspace'), '12')).toEqual({ type: 'erase-digit' });
    expect(actionForKey(press('Escape'), '12')).toEqual({ type: 'clear-digits' });
    expect(actionForKey(press('Backspace'), '')).toBeNull();
    // Esc with nothing typed is the browser's: it leaves full screen.
    expect(actionForKey(press('Escape'), '')).toBeNull();
  });

  it('f toggles full screen and ? shows the shortcuts', () => {
    expect(actionForKey(press('f'), '')).toEqual({ type: 'toggle-fullscreen' });
    expect(actionForKey(press('F', { shiftKey: true }), '')).toEqual({ type: 'toggle-fullscreen' });
    expect(actionForKey(press('?', { shiftKey: true }), '')).toEqual({ type: 'show-help' });
  });

  it('ignores everything typed into a text field', () => {
    for (const key of ['ArrowRight', ' ', 'f', '?', '3', 'Enter', 'End']) {
      expect(actionForKey(press(key, { target: 'text-entry' }), '')).toBeNull();
    }
  });

  it('leaves Ctrl, ⌘ and Alt combinations to the browser', () => {
    expect(actionForKey(press('f', { ctrlKey: true }), '')).toBeNull();
    expect(actionForKey(press('ArrowLeft', { altKey: true }), '')).toBeNull();
    expect(actionForKey(press('p', { metaKey: true }), '')).toBeNull();
  });

  it('lets Space press a focused button instead of also moving the slide', () => {
    expect(actionForKey(press(' ', { target: 'button' }), '')).toBeNull();
    expect(actionForKey(press(' ', { target: 'link' }), '')).toEqual({ type: 'move', to: 'next' });
  });

  it('ignores keys it has no use for', () => {
    expect(actionForKey(press('a'), '')).toBeNull();
    expect(actionForKey(press('ArrowDown'), '')).toBeNull();
    expect(actionForKey(press('Tab'), '')).toBeNull();
  });
});

describe('moveTarget', () => {
  it('moves one slide and stops at either end', () => {
    expect(moveTarget('next', 0, 16)).toBe(1);
    expect(moveTarget('next', 15, 16)).toBe(15);
    expect(moveTarget('previous', 1, 16)).toBe(0);
    expect(moveTarget('previous', 0, 16)).toBe(0);
  });

  it('goes to the agenda or the last slide', () => {
    expect(moveTarget('first', 9, 16)).toBe(0);
    expect(moveTarget('last', 0, 16)).toBe(15);
  });
});

describe('slideForNumber', () => {
  it('turns the 1-based number people type into the slide index', () => {
    expect(slideForNumber('1', 16)).toBe(0);
    expect(slideForNumber('3', 16)).toBe(2);
    expect(slideForNumber('16', 16)).toBe(15);
    expect(slideForNumber('016', 16)).toBe(15);
  });

  it('has no slide 0 and none past the last', () => {
    expect(slideForNumber('0', 16)).toBeNull();
    expect(slideForNumber('17', 16)).toBeNull();
    expect(slideForNumber('', 16)).toBeNull();
  });
});

describe('keyTargetOf', () => {
  it('tells fields, buttons and links apart', () => {
    const el = (html: string) => {
      const host = document.createElement('div');
      host.innerHTML = html;
      return host.firstElementChild;
    };
    expect(keyTargetOf(el('<input>'))).toBe('text-entry');
    expect(keyTargetOf(el('<input type="search">'))).toBe('text-entry');
    expect(keyTargetOf(el('<textarea></textarea>'))).toBe('text-entry');
    expect(keyTargetOf(el('<select></select>'))).toBe('text-entry');
    expect(keyTargetOf(el('<input type="checkbox">'))).toBe('button');
    expect(keyTargetOf(el('<button>x</button>'))).toBe('button');
    expect(keyTargetOf(el('<a href="/x">x</a>'))).toBe('link');
    expect(keyTargetOf(el('<a>x</a>'))).toBe('other');
    expect(keyTargetOf(document.body)).toBe('other');
    expect(keyTargetOf(null)).toBe('other');
  });
});
