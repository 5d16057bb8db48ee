import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Button, Dialog, ErrorState } from '../../platform/components'
import { versionQuery } from './api'
import { Decision } from './annex-decision'
import { AnnexDiff } from './annex-diff'

/** A pending version, reviewed later (from the banner or the history). */
export const PendingVersionDialog = ({
  workOrderId,
  importId,
  onClose,
}: {
  workOrderId: string
  importId: string
  onClose: () => void
}) => {
  const { t } = useTranslation(['work-order-concepts', 'platform'])
  const q = useQuery(versionQuery(workOrderId, importId))
  const v = q.data
  const decidable = v?.status === 'pending_confirmation'
  return (
    <Dialog
      open
      onClose={onClose}
      size="lg"
      title={v ? t('upload.pendingTitle', { version: v.version }) : t('platform:common.loading')}
      footer={
        decidable ? (
          <Decision workOrderId={workOrderId} version={v} onDone={onClose} />
        ) : (
          <Button onClick={onClose}>{t('platform:actions.close')}</Button>
        )
      }
    >
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : v ? (
        <AnnexDiff version={v} />
      ) : (
        <p className="muted">{t('platform:common.loading')}</p>
      )}
    </Dialog>
  )
}
