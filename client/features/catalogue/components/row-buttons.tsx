import type { ReactNode } from 'react';
import { ArrowIcon } from './arrow-icon';

/** Which of the two arrows: its step, and what it says. */
const STEPS = [
  { delta: -1, direction: 'up', words: 'lên trên' },
  { delta: 1, direction: 'down', words: 'xuống dưới' },
] as const;

/**
 * The arrow that keeps the focus after a move of one place: the same one, or the other one when
 * the item reached an end of its list (where the same one is disabled).
 */
export function arrowAfterMove(index: number, delta: -1 | 1, count: number): 'up' | 'down' {
  const atEnd = delta < 0 ? index + delta === 0 : index + delta === count - 1;
  return atEnd ? (delta < 0 ? 'down' : 'up') : delta < 0 ? 'up' : 'down';
}

/** A small button of a row of the catalogue, named for what it does to the row. */
export function RowButton({
  action,
  label,
  pending,
  onClick,
  children,
}: {
  /** What tests and the focus find it by (`data-action`). */
  action: string;
  label: string;
  /** A change under way: the button waits (it stays in the tab order). */
  pending?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="button button-small button-secondary"
      data-action={action}
      aria-label={label}
      aria-disabled={pending || undefined}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/**
 * The two arrows that move an item one place up or down its list; the first cannot go up, the
 * last cannot go down.
 */
export function OrderButtons({
  name,
  index,
  count,
  onMove,
  pending,
  mark = 'data-action',
  titles = ['Đưa lên trên', 'Đưa xuống dưới'],
}: {
  /** The item, as the labels name it ("Đưa {name} lên trên"). */
  name: string;
  index: number;
  count: number;
  onMove: (delta: -1 | 1) => void;
  pending?: boolean;
  /** The attribute the focus finds the arrows by. */
  mark?: 'data-action' | 'data-part';
  titles?: readonly [up: string, down: string];
}) {
  return STEPS.map(({ delta, direction, words }, i) => (
    <button
      key={direction}
      type="button"
      className="button button-small button-secondary order-button"
      {...{ [mark]: direction }}
      aria-label={`Đưa ${name} ${words}`}
      title={titles[i]}
      disabled={delta < 0 ? index === 0 : index === count - 1}
      aria-disabled={pending || undefined}
      onClick={() => onMove(delta)}
    >
      <ArrowIcon direction={direction} />
    </button>
  ));
}
