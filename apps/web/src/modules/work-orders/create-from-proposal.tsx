/**
 * What the proposal detail page shows about work orders (exported through index.ts): the "Crear OT" action when
 * the proposal is at 100 %, and the work orders it already produced.
 */
import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { Icon, buttonClass } from '../../platform/components'
import { useCan } from '../../platform/session'
import { workOrderListQuery } from './api'
import { StatusPill } from './ui'

export type CreateWorkOrderFromProposalProps = {
  proposalId: string
  /** the proposal's progress (0–100): the action is offered at 100 */
  progress: number
  /** false for a deleted or cancelled proposal */
  active?: boolean
}

export const CreateWorkOrderFromProposal = ({
  proposalId,
  progress,
  active = true,
}: CreateWorkOrderFromProposalProps) => {
  const { t } = useTranslation('work-orders')
  const can = useCan()
  const canRead = can('workOrder.read')
  const list = useQuery({
    ...workOrderListQuery({ proposalId, limit: 50, sort: 'number', dir: 'asc' }),
    enabled: canRead,
  })
  const ready = active && progress >= 100 && can('workOrder.create')
  const items = list.data?.items ?? []
  if (!ready && items.length === 0) return null
  return (
    <section
      className="card ot-from-proposal"
      aria-label={t('fromProposal.list')}
      data-testid="proposal-work-orders"
    >
      <div>
        {items.length > 0 ? (
          <ul className="ot-from-proposal__list">
            <li className="muted">{t('fromProposal.list')}:</li>
            {items.map((w) => (
              <li key={w.id}>
                <Link to="/work-orders/$id" params={{ id: w.id }} search={{}}>
                  {w.number}
                </Link>{' '}
                <StatusPill status={w.status} />
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">{t('fromProposal.hint')}</span>
        )}
      </div>
      {ready ? (
        <Link
          to="/work-orders/new"
          search={{ proposalId }}
          className={buttonClass('primary')}
          data-testid="create-work-order-from-proposal"
        >
          <Icon name="plus" />
          {t('fromProposal.button')}
        </Link>
      ) : null}
    </section>
  )
}
