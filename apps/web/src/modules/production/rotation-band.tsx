/**
 * The superintendent on duty painted over a grid's day header (docs/production.md#superintendent-rotation): a
 * thin band coloured per superintendent with their initials where a stretch starts, the name in the tooltip.
 * `useDutyByDate` reads the site's duty for the month once per grid.
 */
import { useMemo } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TRotationDutyDay } from '@faena/contracts'
import { dutyQuery } from './monthly-api'
import './monthly.css'

const PALETTE = 6

/** A stable colour (0..5) per superintendent. */
const colourOf = (id: string) => {
  let h = 0
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0
  return h % PALETTE
}

export type DutyByDate = Map<string, TRotationDutyDay & { first: boolean }>

/** The days by date; `first` marks the first day of each stretch of one superintendent (where initials show). */
export function markStretches(days: readonly TRotationDutyDay[]): DutyByDate {
  const out: DutyByDate = new Map()
  let prev: string | null = null
  for (const d of days) {
    out.set(d.date, { ...d, first: d.superintendentId !== null && d.superintendentId !== prev })
    prev = d.superintendentId
  }
  return out
}

/** Who is on duty each day of the month at the site. */
export function useDutyByDate(siteId: string, month: string): DutyByDate {
  const q = useQuery(dutyQuery(siteId, month))
  return useMemo(() => markStretches(q.data?.days ?? []), [q.data])
}

export function RotationBand({ day }: { day: (TRotationDutyDay & { first: boolean }) | undefined }) {
  const { t } = useTranslation('production')
  if (!day?.superintendentId) return <span className="rotation-band rotation-band--none" aria-hidden="true" />
  const label = t('rotation.onDuty', { name: day.name ?? '' })
  return (
    <span
      className={`rotation-band rotation-band--c${colourOf(day.superintendentId)} ${day.first ? 'rotation-band--first' : ''}`}
      title={label}
      aria-label={label}
      data-testid="rotation-band"
    >
      {day.first ? day.initials : ''}
    </span>
  )
}
