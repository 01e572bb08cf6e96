/** A closed padlock, beside the words that say a period is locked (never alone). */
export function LockIcon({ size = 16 }: { size?: number }) {
  return (
    <svg className="lock-icon" viewBox="0 0 20 20" width={size} height={size} aria-hidden="true">
      <path
        d="M6 8V6a4 4 0 1 1 8 0v2h.5A1.5 1.5 0 0 1 16 9.5v7a1.5 1.5 0 0 1-1.5 1.5h-9A1.5 1.5 0 0 1 4 16.5v-7A1.5 1.5 0 0 1 5.5 8H6zm2 0h4V6a2 2 0 1 0-4 0v2z"
        fill="currentColor"
      />
    </svg>
  );
}
