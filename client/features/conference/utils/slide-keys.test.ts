import { describe, expect, it } from 'vitest';
import { commandForKey, type SlideCommand, slideAfter } from './slide-keys';

const command = (key: string, extra: Partial<Parameters<typeof commandForKey>[0]> = {}, typed = '') =>
  commandForKey({ key, ...extra }, typed).command;

describe('the keys of the presentation', () => {
  it('move on with →, Page Down, Space and Enter, as a remote clicker sends them', () => {
    for (const key of ['ArrowRight', 'PageDown', ' ', 'Enter'])
      expect(command(key)).toEqual({ type: 'next' });
  });

  it('move back with ←, Page Up, Backspace and Shift+Space', () => {
    for (const key of ['ArrowLeft', 'PageUp', 'Backspace'])
      expect(command(key)).toEqual({ type: 'previous' });
    expect(command(' ', { shiftKey: true })).toEqual({ type: 'previous' });
  });

  it('jump to the first and the last slide with Home and End', () => {
    expect(command('Home')).toEqual({ type: 'first' });
    expect(command('End')).toEqual({ type: 'last' });
  });

  it('leave with Esc and switch full screen with F', () => {
    expect(command('Escape')).toEqual({ type: 'exit' });
    expect(command('f')).toEqual({ type: 'fullscreen' });
  });

  it('go to a slide by its number followed by Enter', () => {
    let outcome = commandForKey({ key: '1' });
    expect(outcome).toEqual({ command: null, typed: '1' });
    outcome = commandForKey({ key: '2' }, outcome.typed);
    expect(outcome).toEqual({ command: null, typed: '12' });
    expect(commandForKey({ key: 'Enter' }, outcome.typed)).toEqual({
      command: { type: 'go', slide: 12 },
      typed: '',
    });
    // Another key forgets the digits.
    expect(commandForKey({ key: 'ArrowRight' }, '4')).toEqual({ command: { type: 'next' }, typed: '' });
  });

  it('let Enter and Space press a focused button instead of moving twice', () => {
    expect(command('Enter', { onControl: true })).toBeNull();
    expect(command(' ', { onControl: true })).toBeNull();
    expect(command('ArrowRight', { onControl: true })).toEqual({ type: 'next' });
  });

  it('leave shortcuts with Ctrl, Alt or Cmd, Tab and the up and down arrows to the browser', () => {
    expect(command('ArrowRight', { altKey: true })).toBeNull();
    expect(command('f', { ctrlKey: true })).toBeNull();
    expect(command('r', { metaKey: true })).toBeNull();
    for (const key of ['Tab', 'ArrowDown', 'ArrowUp']) expect(command(key)).toBeNull();
  });
});

describe('where a move lands', () => {
  const at = (c: SlideCommand, current: number) => slideAfter(c, current, 9);

  it('steps one slide and stops at both ends', () => {
    expect(at({ type: 'next' }, 3)).toBe(4);
    expect(at({ type: 'next' }, 9)).toBe(9);
    expect(at({ type: 'previous' }, 3)).toBe(2);
    expect(at({ type: 'previous' }, 1)).toBe(1);
  });

  it('jumps to the ends and to a number inside the deck', () => {
    expect(at({ type: 'first' }, 5)).toBe(1);
    expect(at({ type: 'last' }, 5)).toBe(9);
    expect(at({ type: 'go', slide: 4 }, 1)).toBe(4);
    expect(at({ type: 'go', slide: 40 }, 1)).toBe(9);
  });

  it('does not move on commands that are not moves', () => {
    expect(at({ type: 'exit' }, 5)).toBeNull();
    expect(at({ type: 'fullscreen' }, 5)).toBeNull();
  });
});
