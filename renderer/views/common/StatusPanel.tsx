import type { ReactNode } from 'react';

/** A whole-area message (loading, waiting, refused): one calm panel, never a blank screen. */
export function StatusPanel({ tone, title, children }: { tone: 'neutral' | 'warning' | 'critical'; title: string; children?: ReactNode }) {
  return (
    <div className={`status-panel status-panel--${tone}`} role={tone === 'neutral' ? 'status' : 'alert'}>
      {tone === 'neutral' ? <div className="status-panel__pulse" aria-hidden="true" /> : null}
      <h2 className="status-panel__title">{title}</h2>
      {children ? <div className="status-panel__body">{children}</div> : null}
    </div>
  );
}
