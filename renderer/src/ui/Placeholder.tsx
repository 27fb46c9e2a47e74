import type { ReactNode } from 'react';

/** A tab whose view is still being built: says what will be there, so the shell never shows an empty page. */
export function Placeholder({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="placeholder">
      <h2>{title}</h2>
      <p className="muted">{children}</p>
    </div>
  );
}
