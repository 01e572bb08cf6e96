/** An arrow up or down, beside or inside a button that names the move in words. */
export function ArrowIcon({ direction }: { direction: 'up' | 'down' }) {
  return (
    <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
      <path
        d={direction === 'up' ? 'M10 16V4M4.5 9.5 10 4l5.5 5.5' : 'M10 4v12M4.5 10.5 10 16l5.5-5.5'}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
