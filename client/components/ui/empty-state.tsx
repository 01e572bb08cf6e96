import type { ReactNode } from 'react';

export function EmptyState({ children, hint }: { children: ReactNode; hint?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-message">{children}</p>
      {hint && <p className="empty-hint">{hint}</p>}
    </div>
  );
}
