/**
 * Bulk scan of custody chains: one scanned PDF with a page per chain (docs/rental-documents.md#bulk-scan).
 * The user ticks the chains in the scan's page order (or a quick selection: all, none, even or odd positions),
 * picks the PDF, whose pages are counted here first: nothing is sent while the count differs from the chains
 * chosen. Chains that already have a scan are replaced only after the user confirms. Two entry points share
 * the dialog: the chain list ("Subir escaneo", offering the list's filtered chains; list-scan-dialog.tsx) and
 * the billing sheet ("Subir escaneo de cadenas", offering the sheet's chains with whether each already has a
 * scan; sheet-scan-dialog.tsx).
 */
import { useState } from 'react'
import './rental-documents.css'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TChainScanResult } from '@faena/contracts'
import { isApiError } from '../../platform/api'
import { Button, Dialog, FormError, StatusBadge, useToast } from '../../platform/components'
import { errorMessage } from '../../platform/errors'
import { useFormat } from '../../platform/session'
import { fieldErrors } from '../../platform/validation'
import { docKeys, uploadChainScan } from './api'
import {
  checkScan,
  quickSelection,
  toggleInOrder,
  type QuickSelection,
  type ScanCheck,
} from './scan-selection'

/** The pages of a PDF read in the browser (pdf-lib, loaded on first use); null when it cannot be read. */
export async function pdfPageCount(file: Blob): Promise<number | null> {
  try {
    const { PDFDocument } = await import('pdf-lib')
    const doc = await PDFDocument.load(new Uint8Array(await file.arrayBuffer()), { updateMetadata: false })
    return doc.getPageCount()
  } catch {
    return null
  }
}

/** A chain the dialog offers. `scanCount` is unknown on the chain list (the server then asks to confirm). */
export type ScanRow = {
  id: string
  displayNumber: string
  activityDate: string
  detail?: string | null
  scanCount?: number
}

const checkMessage = (t: (k: string, o?: Record<string, unknown>) => string, c: ScanCheck): string => {
  switch (c.kind) {
    case 'missing':
      return t('scan.missing')
    case 'reading':
      return t('scan.reading')
    case 'unreadable':
      return t('scan.unreadable')
    case 'mismatch':
      return t('scan.mismatch', { pages: c.pages, count: c.chains })
  }
}

const QUICK: QuickSelection[] = ['all', 'none', 'even', 'odd']

/** The shared dialog: choose chains and the PDF, check the pages, confirm replacements, upload, show the result. */
export const ScanPagesDialog = ({
  rows,
  loading,
  error: loadError,
  empty,
  onClose,
}: {
  rows: ScanRow[]
  loading: boolean
  error?: unknown
  empty?: string
  onClose: () => void
}) => {
  const { t } = useTranslation('rental-documents')
  const tr = t as unknown as (k: string, o?: Record<string, unknown>) => string
  const fmt = useFormat()
  const toast = useToast()
  const qc = useQueryClient()
  const [order, setOrder] = useState<string[]>([])
  const [file, setFile] = useState<File | null>(null)
  // undefined while the file is being read, null when it is not a readable PDF
  const [pages, setPages] = useState<number | null | undefined>(undefined)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // the numbers of chosen chains that already have a scan, once the user has to confirm replacing them
  const [confirming, setConfirming] = useState<string[] | null>(null)
  const [result, setResult] = useState<TChainScanResult | null>(null)

  const chosen = (ids: string[]) => {
    setOrder(ids)
    setConfirming(null)
    setError(null)
  }
  const pickFile = (f: File | null) => {
    setFile(f)
    setConfirming(null)
    setError(null)
    setPages(undefined)
    if (f) void pdfPageCount(f).then((n) => setPages(n))
  }

  const send = async (replace: boolean) => {
    const problem = checkScan(order.length, file !== null, file ? pages : undefined)
    if (problem || !file) {
      setError(checkMessage(tr, problem ?? { kind: 'missing' }))
      return
    }
    if (!replace) {
      const scanned = order
        .map((id) => rows.find((r) => r.id === id))
        .filter((r) => (r?.scanCount ?? 0) > 0)
        .map((r) => r!.displayNumber)
      if (scanned.length > 0) {
        setConfirming(scanned)
        return
      }
    }
    setBusy(true)
    setError(null)
    try {
      const r = await uploadChainScan(order, file, replace)
      await qc.invalidateQueries({ queryKey: docKeys.all })
      toast.success(t('scan.done', { count: r.attached }))
      setConfirming(null)
      setResult(r)
    } catch (e) {
      if (isApiError(e) && e.code === 'CONFLICT' && Array.isArray(e.info?.numbers)) {
        // the list does not know which chains have a scan: the server names them, the user confirms
        setConfirming(e.info.numbers as string[])
      } else {
        // the server names the field: the page count against the chains (`file`) or the list (`ids`)
        const fields = fieldErrors(e)
        setError(fields.file ?? fields.ids ?? errorMessage(e))
      }
    } finally {
      setBusy(false)
    }
  }

  if (result) {
    return (
      <Dialog
        open
        onClose={onClose}
        size="lg"
        title={t('scan.title')}
        footer={
          <Button variant="primary" onClick={onClose} data-testid="scan-close">
            {t('scan.close')}
          </Button>
        }
      >
        <p role="status">{t('scan.done', { count: result.attached })}</p>
        <table className="table" data-testid="scan-result">
          <thead>
            <tr>
              <th scope="col">{t('scan.page')}</th>
              <th scope="col">{t('scan.chain')}</th>
              <th scope="col">{t('scan.savedAs')}</th>
            </tr>
          </thead>
          <tbody>
            {result.saved.map((s) => (
              <tr key={s.id}>
                <td className="mono">{s.page}</td>
                <td className="mono">{s.displayNumber}</td>
                <td>
                  {s.name}
                  {s.replaced > 0 ? (
                    <>
                      {' '}
                      <StatusBadge tone="warning">{t('scan.replaced')}</StatusBadge>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Dialog>
    )
  }

  const ids = rows.map((r) => r.id)
  const knowsScans = rows.some((r) => r.scanCount !== undefined)
  return (
    <Dialog
      open
      onClose={onClose}
      size="lg"
      title={t('scan.title')}
      onSubmit={() => void send(confirming !== null)}
      footer={
        <>
          <Button onClick={confirming ? () => setConfirming(null) : onClose}>
            {confirming ? t('scan.back') : t('scan.cancel')}
          </Button>
          <Button
            type="submit"
            variant={confirming ? 'danger' : 'primary'}
            loading={busy}
            disabled={busy}
            data-testid="scan-send"
          >
            {confirming
              ? t('scan.replaceSend', { count: order.length })
              : t('scan.send', { count: order.length })}
          </Button>
        </>
      }
    >
      <p className="muted">{t('scan.hint')}</p>
      <FormError>{loadError ? errorMessage(loadError) : error}</FormError>
      {confirming ? (
        <p className="rd-scan-confirm" role="alert" data-testid="scan-confirm">
          {t('scan.confirmReplace', { count: confirming.length, numbers: confirming.join(', ') })}
        </p>
      ) : null}
      <div className="rd-scan-quick" role="group" aria-label={t('scan.quick')}>
        <span className="muted">{t('scan.quick')}:</span>
        {QUICK.map((q) => (
          <Button
            key={q}
            size="sm"
            variant="ghost"
            onClick={() => chosen(quickSelection(ids, q))}
            data-testid={`scan-quick-${q}`}
          >
            {t(`scan.quickSelection.${q}`)}
          </Button>
        ))}
      </div>
      {loading ? <p className="muted">{t('scan.loading')}</p> : null}
      {!loading && rows.length === 0 ? <p className="muted">{empty ?? t('scan.empty')}</p> : null}
      <ul className="rd-scan">
        {rows.map((c) => {
          const pos = order.indexOf(c.id)
          return (
            <li key={c.id}>
              <label>
                <input
                  type="checkbox"
                  checked={pos >= 0}
                  data-testid={`scan-chain-${c.displayNumber}`}
                  onChange={() => chosen(toggleInOrder(order, c.id))}
                />{' '}
                <span className="mono">{pos >= 0 ? `${pos + 1}.` : '—'}</span> {c.displayNumber} ·{' '}
                {fmt.date(c.activityDate)}
                {c.detail ? ` · ${c.detail}` : null}
                {knowsScans ? (
                  <>
                    {' '}
                    {(c.scanCount ?? 0) > 0 ? (
                      <StatusBadge tone="info">{t('scan.hasScan')}</StatusBadge>
                    ) : (
                      <StatusBadge>{t('scan.noScan')}</StatusBadge>
                    )}
                  </>
                ) : null}
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
        onChange={(e) => pickFile(e.target.files?.[0] ?? null)}
      />
      {file ? (
        <p className="muted" data-testid="scan-pages-count">
          {pages === undefined
            ? t('scan.reading')
            : pages === null
              ? t('scan.unreadable')
              : t('scan.pagesFor', { pages, count: order.length })}
        </p>
      ) : null}
    </Dialog>
  )
}
