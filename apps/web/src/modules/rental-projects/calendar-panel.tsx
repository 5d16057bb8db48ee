import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { WEEKDAY_KEYS, type TRentalCalendar, type TRentalVisit } from '@faena/contracts'
import { Button, ErrorState } from '../../platform/components'
import { useFormat } from '../../platform/session'
import { calendarQuery } from './api'

const MAX_IN_CELL = 3

/** `YYYY-MM` shifted by `delta` months. */
export const shiftMonth = (month: string, delta: number): string => {
  const y = Number(month.slice(0, 4))
  const m = Number(month.slice(5, 7)) - 1 + delta
  const ny = y + Math.floor(m / 12)
  const nm = ((m % 12) + 12) % 12
  return `${ny}-${String(nm + 1).padStart(2, '0')}`
}

/** Weekday of a `YYYY-MM-DD` date, 0 = Monday (UTC arithmetic, no time zone involved). */
const weekdayOf = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7

/** Monday-first weeks of the month; days of other months are null. */
const weeksOf = (days: TRentalCalendar['days']) => {
  const weeks: (TRentalCalendar['days'][number] | null)[][] = []
  let week: (TRentalCalendar['days'][number] | null)[] = Array.from(
    { length: weekdayOf(days[0]?.date ?? '2026-01-05') },
    () => null,
  )
  for (const d of days) {
    week.push(d)
    if (week.length === 7) {
      weeks.push(week)
      week = []
    }
  }
  if (week.length > 0) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)])
  return weeks
}

const Visit = ({ v }: { v: TRentalVisit }) => (
  <li className={`rp-visit rp-visit--${v.frequency}`} title={`${v.code} ${v.name} · ${v.description}`}>
    {v.linkedEquipment?.code ?? v.code}
  </li>
)

/** Month view of the service visits (from each service's frequency) and the next 14 days. */
export const CalendarPanel = ({
  projectId,
  month,
  today,
  hasServices,
  onMonth,
}: {
  projectId: string
  month: string | undefined
  today: string
  hasServices: boolean
  onMonth: (month: string | undefined) => void
}) => {
  const { t } = useTranslation(['rental-projects', 'platform'])
  const fmt = useFormat()
  const current = month ?? today.slice(0, 7)
  const cal = useQuery(calendarQuery(projectId, current))
  const monthLabel = fmt.month(current)

  if (cal.error) return <ErrorState error={cal.error} onRetry={() => void cal.refetch()} />

  return (
    <div data-testid="rental-calendar">
      <div className="rp-cal-head">
        <div className="rp-cal-nav">
          <Button
            size="sm"
            aria-label={t('calendar.previous')}
            onClick={() => onMonth(shiftMonth(current, -1))}
          >
            ‹
          </Button>
          <span className="rp-cal-month" aria-live="polite">
            {monthLabel}
          </span>
          <Button size="sm" aria-label={t('calendar.next')} onClick={() => onMonth(shiftMonth(current, 1))}>
            ›
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => onMonth(undefined)}
            disabled={current === today.slice(0, 7)}
          >
            {t('calendar.today')}
          </Button>
        </div>
        {cal.data ? (
          <span className="muted">
            {t('calendar.summary', {
              visits: fmt.integer(cal.data.summary.visits),
              services: fmt.integer(cal.data.summary.services),
              amount: fmt.money(cal.data.summary.amount, 'USD'),
            })}
          </span>
        ) : null}
      </div>
      {!hasServices ? <p className="rp-banner">{t('calendar.noServices')}</p> : null}
      <div className="rp-cal-layout">
        <table className="rp-cal" aria-busy={cal.isFetching || undefined}>
          <caption className="visually-hidden">{t('calendar.caption', { month: monthLabel })}</caption>
          <thead>
            <tr>
              {WEEKDAY_KEYS.map((k) => (
                <th key={k} scope="col" abbr={t(`weekdaysLong.${k}`)}>
                  {t(`weekdays.${k}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cal.data
              ? weeksOf(cal.data.days).map((week, i) => (
                  <tr key={i}>
                    {week.map((d, j) =>
                      d ? (
                        <td
                          key={d.date}
                          className={d.date === today ? 'rp-cal__today' : undefined}
                          aria-label={
                            d.visits.length > 0
                              ? t('calendar.visitsOn', {
                                  count: d.visits.length,
                                  date: fmt.date(d.date, 'long'),
                                })
                              : undefined
                          }
                        >
                          <div className="rp-cal__day">
                            <span>{Number(d.date.slice(8))}</span>
                            {d.date === today ? (
                              <span className="muted">{t('calendar.todayMark')}</span>
                            ) : null}
                          </div>
                          {d.visits.length > 0 ? (
                            <ul className="rp-cal__visits">
                              {d.visits.slice(0, MAX_IN_CELL).map((v) => (
                                <Visit key={v.assignmentId} v={v} />
                              ))}
                              {d.visits.length > MAX_IN_CELL ? (
                                <li
                                  className="muted"
                                  title={d.visits
                                    .slice(MAX_IN_CELL)
                                    .map((v) => v.code)
                                    .join(', ')}
                                >
                                  {t('calendar.more', { count: d.visits.length - MAX_IN_CELL })}
                                </li>
                              ) : null}
                            </ul>
                          ) : null}
                        </td>
                      ) : (
                        <td key={`x${j}`} className="rp-cal__out" aria-hidden="true" />
                      ),
                    )}
                  </tr>
                ))
              : null}
          </tbody>
        </table>
        <section className="card" aria-labelledby="rp-upcoming-title">
          <h2 id="rp-upcoming-title" className="section-title">
            {t('calendar.upcoming')}
          </h2>
          {cal.data && cal.data.upcoming.length === 0 ? (
            <p className="muted">{t('calendar.noUpcoming')}</p>
          ) : null}
          <ul className="rp-upcoming">
            {cal.data?.upcoming.map((v) => (
              <li key={`${v.date}-${v.assignmentId}`}>
                <span className="rp-upcoming__date">{fmt.date(v.date, 'medium')}</span>
                <span>
                  <span className="rp-code">{v.code}</span> {v.name}
                </span>
                {v.linkedEquipment ? (
                  <span className="rp-sub">
                    {t('assignments.linkedTo', { code: v.linkedEquipment.code })}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  )
}
