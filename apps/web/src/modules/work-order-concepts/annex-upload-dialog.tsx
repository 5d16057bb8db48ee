import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TImportRejection } from '@faena/contracts'
import { isApiError } from '../../platform/api'
import { Button, Dialog, FormError } from '../../platform/components'
import { ImportRejectedRows } from '../../platform/components/import-rejected'
import { errorMessage } from '../../platform/errors'
import { useUploadAnnex } from './api'
import { Decision } from './annex-decision'
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
