/** The star on gold of the brand, drawn for the header and the sign-in page. */
export function Emblem({ size = 36 }: { size?: number }) {
  return (
    <svg className="brand-mark" viewBox="0 0 32 32" width={size} height={size} aria-hidden="true">
      <rect width="32" height="32" rx="7" fill="#ffd54f" />
      <path d="M16 5.5l2.9 6.6 7.1.6-5.4 4.7 1.6 7-6.2-3.7-6.2 3.7 1.6-7L6 12.7l7.1-.6z" fill="#b71c1c" />
    </svg>
  );
}
