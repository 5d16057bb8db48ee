import type { ReactNode } from 'react'
import { Link, type LinkProps } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { addMonths, firstDayOfMonth, lastDayOfMonth } from '@faena/domain/calendar-date'
import { Button } from '../../platform/components'

/** A headline figure that opens the list it counts. */
export const Kpi = ({
  label,
  value,
  detail,
  tone,
  link,
  testId,
  money,
}: {
  label: string
  value: ReactNode
  /** an amount: kept on one line, a little smaller */
  money?: boolean
  detail?: ReactNode
  tone?: 'danger' | 'success'
  link?: LinkProps
  testId?: string
}) => {
  const body = (
    <>
      <span className="ins-kpi__label">{label}</span>
      <span className={`ins-kpi__value${money ? ' ins-kpi__value--money' : ''}`} data-testid={testId}>
        {value}
      </span>
      {detail ? <span className="ins-kpi__detail">{detail}</span> : null}
    </>
  )
  const className = `ins-kpi${tone ? ` ins-kpi--${tone}` : ''}`
  return link ? (
    <Link {...link} className={`${className} ins-kpi--link`}>
      {body}
    </Link>
  ) : (
    <div className={className}>{body}</div>
  )
}

/** A card of the dashboard: title, an optional hint, its chart and the same figures as a table. */
export const Panel = ({
  title,
  hint,
  wide,
  children,
  testId,
}: {
  title: string
  hint?: string
  wide?: boolean
  children: ReactNode
  testId?: string
}) => (
  <section className={`card ins-panel${wide ? ' ins-panel--wide' : ''}`} data-testid={testId}>
    <header className="ins-panel__header">
      <h2 className="ins-panel__title">{title}</h2>
      {hint ? <p className="ins-panel__hint">{hint}</p> : null}
    </header>
    {children}
  </section>
)

/** The empty state inside a panel: why it is empty, and the way out when filters caused it. */
export const PanelEmpty = ({ message, onClear }: { message: string; onClear?: (() => void) | undefined }) => {
  const { t } = useTranslation('insights')
  return (
    <div className="ins-empty">
      <p>{message}</p>
      {onClear ? (
        <Button variant="ghost" size="sm" onClick={onClear}>
          {t('empty.clearFilters')}
        </Button>
      ) : null}
    </div>
  )
}

export type Period = { from: string; to: string }

/** Quick periods from the organization's today. */
export const periodPresets = (
  today: string,
): { key: 'thisMonth' | 'thisYear' | 'last12'; period: Period }[] => [
  { key: 'thisMonth', period: { from: firstDayOfMonth(today), to: lastDayOfMonth(today) } },
  { key: 'thisYear', period: { from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31` } },
  { key: 'last12', period: { from: firstDayOfMonth(addMonths(today, -11)), to: lastDayOfMonth(today) } },
]

/** A month's first and last day, clipped to the period filter when there is one. */
export const monthSpan = (month: string, from?: string, to?: string): Period => {
  const start = `${month}-01`
  const end = lastDayOfMonth(start)
  return { from: from && from > start ? from : start, to: to && to < end ? to : end }
}
