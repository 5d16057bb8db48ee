import { useId, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TAnnexImportDetail, TImportRejection } from '@faena/contracts'
import { isApiError } from '../../platform/api'
import { Button, ConfirmDialog, Dialog, ErrorState, FormError, useToast } from '../../platform/components'
import { ImportRejectedRows } from '../../platform/components/import-rejected'
import { errorMessage } from '../../platform/errors'
import { useDecideVersion, useUploadAnnex, versionQuery } from './api'
import { AnnexDiff } from './annex-diff'

/** The server's own words about a refused file (wrong type, too large), else the generic message. */
const fileErrorMessage = (e: unknown) =>
  isApiError(e) && e.status < 500 ? (e.details[0]?.message ?? e.message) : errorMessage(e)

/** A rejected file: the shared rows report (the error workbook to download), with code, concept and unit. */
const RejectedFile = ({ rejection }: { rejection: TImportRejection }) => {
  const { t } = useTranslation('work-order-concepts')
  const d = rejection.details
  return (
    <div className="annex-rejected" role="alert" data-testid="annex-rejected">
      <p className="annex-rejected__title">{t('upload.rejectedTitle')}</p>
      <p>{d.reason === 'rows' ? t('upload.rejectedRows', { count: d.badRowCount }) : rejection.message}</p>
      <ImportRejectedRows
        rejection={rejection}
        caption={t('upload.reasons')}
        columns={[
          { header: t('table.code'), cell: (r) => r.values?.PARTIDA ?? '', className: 'nowrap mono' },
          { header: t('table.description'), cell: (r) => r.values?.CONCEPTO ?? '', className: 'annex-desc' },
          { header: t('table.unit'), cell: (r) => r.values?.UNIDAD ?? '', className: 'nowrap' },
        ]}
      />
    </div>
  )
}

/** Confirm / discard buttons of a pending version (discarding asks first). */
const Decision = ({
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

/** Upload → (rows with remarks + error workbook) or (the diff + confirm / discard). */
export const AnnexUploadDialog = ({
  workOrderId,
  open,
  onClose,
}: {
  workOrderId: string
  open: boolean
  onClose: () => void
}) => {
  const { t } = useTranslation(['work-order-concepts', 'platform'])
  const id = useId()
  const upload = useUploadAnnex(workOrderId)
  const [file, setFile] = useState<File | null>(null)
  const result = upload.data
  const close = () => {
    upload.reset()
    setFile(null)
    onClose()
  }
  const pending = result?.kind === 'pending' ? result.detail : null
  return (
    <Dialog
      open={open}
      onClose={close}
      size="lg"
      title={pending ? t('upload.pendingTitle', { version: pending.version }) : t('upload.title')}
      footer={
        pending ? (
          <Decision workOrderId={workOrderId} version={pending} onDone={close} />
        ) : (
          <>
            <Button onClick={close}>{t('platform:actions.close')}</Button>
            <Button
              variant="primary"
              disabled={!file}
              loading={upload.isPending}
              onClick={() => file && upload.mutate(file)}
              data-testid="annex-upload-run"
            >
              {upload.isPending ? t('upload.running') : t('upload.run')}
            </Button>
          </>
        )
      }
    >
      {pending ? (
        <AnnexDiff version={pending} />
      ) : (
        <>
          <div className="field">
            <label className="field__label" htmlFor={id}>
              {t('upload.file')}
            </label>
            <input
              id={id}
              className="input"
              type="file"
              accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => {
                upload.reset()
                setFile(e.target.files?.[0] ?? null)
              }}
              data-testid="annex-file"
            />
            <p className="field__hint">{t('upload.hint')}</p>
          </div>
          {upload.isError ? <FormError>{fileErrorMessage(upload.error)}</FormError> : null}
          {result?.kind === 'rejected' ? <RejectedFile rejection={result.rejection} /> : null}
        </>
      )}
    </Dialog>
  )
}

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
