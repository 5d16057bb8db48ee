import type { ReactNode } from 'react'

export type EmptyStateProps = { title: ReactNode; children?: ReactNode; action?: ReactNode }

export const EmptyState = ({ title, children, action }: EmptyStateProps) => (
  <div className="empty-state">
    <svg className="empty-state__icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M4 5h16v4H4zM4 11h16v8H4z" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M9 15h6" stroke="currentColor" strokeWidth="1.5" />
    </svg>
    <p className="empty-state__title">{title}</p>
    {children ? <div className="empty-state__body">{children}</div> : null}
    {action ? <div className="empty-state__action">{action}</div> : null}
  </div>
)
