/** A spinner with its words, announced politely to screen readers. */
export function Loading({ label = 'Đang tải…' }: { label?: string }) {
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

/** Grey bars in the shape of the table that is coming. */
export function SkeletonRows({ rows = 6, label = 'Đang tải…' }: { rows?: number; label?: string }) {
  return (
    <div className="skeleton" role="status">
      <span className="visually-hidden">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <div key={i} className="skeleton-row" aria-hidden="true">
          <span className="skeleton-bar skeleton-short" />
          <span className="skeleton-bar skeleton-long" />
          <span className="skeleton-bar skeleton-short" />
          <span className="skeleton-bar skeleton-mid" />
        </div>
      ))}
    </div>
  );
}
