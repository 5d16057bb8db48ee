/**
 * "Subir escaneo": one scanned PDF with a page per custody chain (docs/rental-documents.md#bulk-scan). The user
 * ticks the chains in the scan's order (the list's filters choose which are offered: project, dates, status),
 * picks the PDF and sends it; the server checks the page count first and attaches page i to chain i.
 */
import { useState } from 'react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { apiUpload, type QueryParams } from '../../platform/api'
import { Button, Dialog, FormError, useToast } from '../../platform/components'
import { errorMessage } from '../../platform/errors'
import { useFormat } from '../../platform/session'
import { fieldErrors } from '../../platform/validation'
import { docKeys, docListQuery } from './api'

export const ScanPagesButton = ({ params }: { params: QueryParams }) => {
  const { t } = useTranslation('rental-documents')
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="scan-pages">
        {t('scan.open')}
      </Button>
      {open ? <ScanPagesDialog params={params} onClose={() => setOpen(false)} /> : null}
    </>
  )
}

const ScanPagesDialog = ({ params, onClose }: { params: QueryParams; onClose: () => void }) => {
  const { t } = useTranslation('rental-documents')
  const fmt = useFormat()
  const toast = useToast()
  const qc = useQueryClient()
  const list = useQuery(
    docListQuery('chain', { ...params, sort: 'activityDate', dir: 'asc', limit: 200, offset: 0 }),
  )
  const [order, setOrder] = useState<string[]>([])
  const [file, setFile] = useState<File | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const chains = list.data?.items ?? []
  const toggle = (id: string) => setOrder((o) => (o.includes(id) ? o.filter((x) => x !== id) : [...o, id]))
  const submit = async () => {
    if (order.length === 0 || !file) {
      setError(t('scan.missing'))
      return
    }
    setBusy(true)
    try {
      const r = await apiUpload<{ attached: number }>(
        '/api/v1/rental/custody-chains/scan-pages',
        { file },
        {
          ids: order.join(','),
        },
      )
      await qc.invalidateQueries({ queryKey: docKeys.all })
      toast.success(t('scan.done', { count: r.attached }))
      onClose()
    } catch (e) {
      // the server names the field: the page count against the chains (`file`) or the list (`ids`)
      const fields = fieldErrors(e)
      setError(fields.file ?? fields.ids ?? errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Dialog
      open
      onClose={onClose}
      size="lg"
      title={t('scan.title')}
      onSubmit={() => void submit()}
      footer={
        <>
          <Button onClick={onClose}>{t('scan.cancel')}</Button>
          <Button type="submit" variant="primary" disabled={busy} data-testid="scan-send">
            {t('scan.send', { count: order.length })}
          </Button>
        </>
      }
    >
      <p className="muted">{t('scan.hint')}</p>
      <FormError>{error}</FormError>
      <ul className="rd-scan">
        {chains.map((c) => {
          const pos = order.indexOf(c.id)
          return (
            <li key={c.id}>
              <label>
                <input
                  type="checkbox"
                  checked={pos >= 0}
                  data-testid={`scan-chain-${c.displayNumber}`}
                  onChange={() => toggle(c.id)}
                />{' '}
                <span className="mono">{pos >= 0 ? `${pos + 1}.` : '—'}</span> {c.displayNumber} ·{' '}
                {fmt.date(c.activityDate)} · {c.projectName}
              </label>
            </li>
          )
        })}
      </ul>
      <label className="field__label" htmlFor="rd-scan-file">
        {t('scan.file')}
      </label>
      <input
        id="rd-scan-file"
        type="file"
        accept="application/pdf"
        data-testid="scan-file"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
      />
    </Dialog>
  )
}
