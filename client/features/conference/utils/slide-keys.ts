// The keys of a presentation, as PowerPoint and the projector's remote clicker send them: a
// clicker sends PageDown / PageUp (some send → / ←, or B for a black screen, which we leave
// alone). Pure, so the mapping is tested without a browser.

export type SlideCommand =
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'go'; slide: number }
  | { type: 'exit' }
  | { type: 'fullscreen' };

export interface SlideKey {
  key: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
  /**
   * The key was pressed on a button or a link: Enter and Space then press it, as everywhere
   * else, instead of moving on as well.
   */
  onControl?: boolean;
}

export interface KeyOutcome {
  command: SlideCommand | null;
  /** Digits typed so far, for "3 Enter" to go to slide 3. */
  typed: string;
}

/**
 * What a key does, given the digits typed before it. A null command leaves the key to the
 * browser (Tab, shortcuts with Ctrl or Alt, the arrows up and down that scroll a tall slide
 * on a phone).
 */
export function commandForKey(event: SlideKey, typed = ''): KeyOutcome {
  if (event.ctrlKey || event.altKey || event.metaKey) return { command: null, typed: '' };
  const { key } = event;

  if (/^[0-9]$/.test(key)) {
    // Only a few digits: a deck never has thousands of slides.
    return { command: null, typed: `${typed}${key}`.slice(-3) };
  }

  switch (key) {
    case 'Enter':
      if (typed !== '' && Number(typed) > 0)
        return { command: { type: 'go', slide: Number(typed) }, typed: '' };
      return { command: event.onControl ? null : { type: 'next' }, typed: '' };
    case ' ':
    case 'Spacebar':
      if (event.onControl) return { command: null, typed: '' };
      return { command: { type: event.shiftKey ? 'previous' : 'next' }, typed: '' };
    case 'ArrowRight':
    case 'PageDown':
    case 'n':
    case 'N':
      return { command: { type: 'next' }, typed: '' };
    case 'ArrowLeft':
    case 'PageUp':
    case 'Backspace':
    case 'p':
    case 'P':
      return { command: { type: 'previous' }, typed: '' };
    case 'Home':
      return { command: { type: 'first' }, typed: '' };
    case 'End':
      return { command: { type: 'last' }, typed: '' };
    case 'Escape':
    case 'Esc':
      return { command: { type: 'exit' }, typed: '' };
    case 'f':
    case 'F':
      return { command: { type: 'fullscreen' }, typed: '' };
    case 'Shift':
      // Shift on its way to Space: keep what was typed.
      return { command: null, typed };
    default:
      return { command: null, typed: '' };
  }
}

/** The slide a move lands on, 1-based, never outside the deck. Null for commands that do not move. */
export function slideAfter(command: SlideCommand, current: number, total: number): number | null {
  if (total <= 0) return null;
  const clamp = (n: number) => Math.min(total, Math.max(1, n));
  switch (command.type) {
    case 'next':
      return clamp(current + 1);
    case 'previous':
      return clamp(current - 1);
    case 'first':
      return 1;
    case 'last':
      return total;
    case 'go':
      return clamp(command.slide);
    default:
      return null;
  }
}
