/** Pieces shared by the equipment-condition screens. */
import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import type { TTechnicalStatus } from '@faena/contracts'
import { StatusBadge, type StatusTone } from '../../platform/components'
import { statusReportQuery } from './api'

export const STATUS_TONE: Record<TTechnicalStatus, StatusTone> = {
  rented: 'info',
  in_repair: 'warning',
  damaged: 'danger',
  incomplete: 'warning',
  available: 'success',
}

export const TechnicalStatusBadge = ({ status }: { status: TTechnicalStatus }) => {
  const { t } = useTranslation('equipment-condition')
  return (
    <StatusBadge tone={STATUS_TONE[status]}>
      <span data-testid="technical-status">{t(`status.${status}`)}</span>
    </StatusBadge>
  )
}

/**
 * A unit's technical status as a link to its condition page, for the equipment list (rental-projects): one
 * query of the statuses of the list's page (`pageIds`) shared by every row; the namespace loads on demand.
 */
export const TechnicalStatusLink = ({ equipmentId, pageIds }: { equipmentId: string; pageIds: string[] }) => {
  const { t, ready } = useTranslation('equipment-condition', { useSuspense: false })
  const report = useQuery({
    ...statusReportQuery({ ids: pageIds.join(','), limit: pageIds.length || 1 }),
    staleTime: 30_000,
  })
  const row = report.data?.items.find((r) => r.equipmentId === equipmentId)
  if (!ready || !row) return null
  return (
    <Link
      to="/rental/equipment/$id/condition"
      params={{ id: equipmentId }}
      onClick={(ev) => ev.stopPropagation()}
      className={`badge badge--${STATUS_TONE[row.status]}`}
      data-testid="technical-status-link"
    >
      {t(`status.${row.status}`)}
    </Link>
  )
}
