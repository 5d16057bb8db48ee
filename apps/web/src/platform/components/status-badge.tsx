import type { ReactNode } from 'react'

export type StatusTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger'

/** A short status label. Pass the translated label; the tone only adds colour (text carries the meaning). */
export const StatusBadge = ({ tone = 'neutral', children }: { tone?: StatusTone; children: ReactNode }) => (
  <span className={`badge badge--${tone}`}>{children}</span>
)
