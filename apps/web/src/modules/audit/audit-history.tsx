import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Button, ErrorState } from '../../platform/components'
import { useFormat } from '../../platform/session'
import { auditListQuery } from './audit-api'
import { auditActorText } from './audit-actor'
import { AuditChanges } from './audit-detail'
import { useAuditLabels } from './audit-labels'

export type AuditHistoryProps = {
  entityType: string
  entityId: string
  /** Narrow to one module when entity types could collide across modules. */
  module?: string
  /** Entries per page (default 20). */
  pageSize?: number
  /** Heading level text; defaults to "Historial". Pass `null` to omit the heading. */
  title?: string | null
}

/**
 * The history of one record, newest first, with its field changes. Needs `audit.read` on the server;
 * without it the section shows the "no permission" message from the API.
 *
 *   import { AuditHistory } from '../audit'
 *   <AuditHistory entityType="proposal" entityId={proposal.id} />
 */
export const AuditHistory = ({ entityType, entityId, module, pageSize = 20, title }: AuditHistoryProps) => {
  const { t } = useTranslation(['audit', 'platform'])
  const fmt = useFormat()
  const labels = useAuditLabels()
  const [limit, setLimit] = useState(pageSize)
  const q = useQuery(auditListQuery({ entityType, entityId, module, limit, offset: 0 }))
  const items = q.data?.items ?? []
  const total = q.data?.total ?? 0

  return (
    <section
      className="history"
      aria-labelledby={`history-${entityId}`}
      aria-busy={q.isFetching || undefined}
    >
      {title === null ? null : (
        <h2 id={`history-${entityId}`} className="section-title">
          {title ?? t('history.title')}
        </h2>
      )}
      {q.isPending ? (
        <p className="muted">{t('platform:common.loading')}</p>
      ) : q.isError && items.length === 0 ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} compact />
      ) : items.length === 0 ? (
        <p className="muted">{t('history.empty')}</p>
      ) : (
        <ol className="history__list">
          {items.map((e) => (
            <li key={e.id} className="history__item">
              <div className="history__head">
                <span className="history__action">{labels.action(e)}</span>
                <span className="history__meta">
                  <time dateTime={e.at}>{fmt.dateTime(e.at)}</time>
                  {' · '}
                  {t('history.by', { user: auditActorText(e, (k) => t(k)) })}
                </span>
              </div>
              {labels.summary(e) ? <p className="history__summary">{labels.summary(e)}</p> : null}
              {e.changes.length > 0 ? <AuditChanges entry={e} /> : null}
            </li>
          ))}
        </ol>
      )}
      {items.length < total ? (
        <Button
          size="sm"
          variant="ghost"
          loading={q.isFetching}
          onClick={() => setLimit((l) => Math.min(500, l + pageSize))}
        >
          {t('history.more')}
        </Button>
      ) : null}
    </section>
  )
}
