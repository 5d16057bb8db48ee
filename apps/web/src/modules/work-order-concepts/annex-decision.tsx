import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TAnnexImportDetail } from '@faena/contracts'
import { Button, ConfirmDialog, useToast } from '../../platform/components'
import { useDecideVersion } from './api'

/** Confirm / discard buttons of a pending version (discarding asks first). */
export const Decision = ({
  workOrderId,
  version,
  onDone,
}: {
  workOrderId: string
  version: TAnnexImportDetail
  onDone: () => void
}) => {
  const { t } = useTranslation('work-order-concepts')
  const toast = useToast()
  const decide = useDecideVersion(workOrderId)
  const [asking, setAsking] = useState(false)
  const run = (decision: 'confirm' | 'discard') =>
    decide.mutate(
      { importId: version.id, decision },
      {
        onSuccess: () => {
          toast.success(
            t(decision === 'confirm' ? 'upload.confirmed' : 'upload.discarded', { version: version.version }),
          )
          setAsking(false)
          onDone()
        },
        onError: (e) => {
          setAsking(false)
          toast.failure(e)
        },
      },
    )
  return (
    <>
      <Button variant="danger" onClick={() => setAsking(true)} disabled={decide.isPending}>
        {t('upload.discard')}
      </Button>
      <Button
        variant="primary"
        loading={decide.isPending && decide.variables?.decision === 'confirm'}
        onClick={() => run('confirm')}
        data-testid="annex-confirm"
      >
        {t('upload.confirm', { version: version.version })}
      </Button>
      <ConfirmDialog
        open={asking}
        title={t('upload.discardTitle', { version: version.version })}
        tone="danger"
        confirmLabel={t('upload.discard')}
        onCancel={() => setAsking(false)}
        onConfirm={() => run('discard')}
        busy={decide.isPending}
      >
        {t('upload.discardBody')}
      </ConfirmDialog>
    </>
  )
}
