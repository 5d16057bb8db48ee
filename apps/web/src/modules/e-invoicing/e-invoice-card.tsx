import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TBillingSheetDetail, TEDocument } from '@faena/contracts'
import { downloadFile } from '../../platform/api'
import { Button, ErrorState, useToast } from '../../platform/components'
import { eInvoiceQuery, eInvoiceRideUrl, eInvoiceXmlUrl, useIssueEInvoice, useRefreshEInvoice } from './api'
import { EDocumentDetails, EDocumentStatus } from './e-document-details'
import './e-invoicing.css'

/**
 * The SRI electronic invoice of a billing sheet (docs/e-invoicing.md): issue it from a liquidated sheet, its
 * status, access key and the SRI's messages, the signed XML and the RIDE.
 */
export const EInvoiceCard = ({ sheet }: { sheet: TBillingSheetDetail }) => {
  const { t } = useTranslation('e-invoicing')
  const toast = useToast()
  const state = useQuery(eInvoiceQuery(sheet.id))
  const issue = useIssueEInvoice(sheet.id)
  const refresh = useRefreshEInvoice(sheet.id)
  const doc: TEDocument | null = state.data?.document ?? null
  const canIssue =
    sheet.status === 'liquidated' &&
    sheet.allowedActions.includes('invoice') &&
    (doc === null || doc.status === 'rejected')
  if (!doc && sheet.status !== 'liquidated') return null

  const onIssue = () =>
    issue.mutate(undefined, {
      onSuccess: (r) =>
        toast.success(t('card.issued', { number: r.document.number, status: t(`card.status.${r.status}`) })),
      onError: (e) => toast.failure(e),
    })
  const onRefresh = () =>
    refresh.mutate(undefined, {
      onSuccess: (r) => toast.success(t('card.refreshed', { status: t(`card.status.${r.status}`) })),
      onError: (e) => toast.failure(e),
    })
  // stuck at signed/sent, or authorized while the sheet is not invoiced yet (the marking failed)
  const canRefresh =
    doc !== null &&
    sheet.allowedActions.includes('invoice') &&
    (doc.status === 'signed' ||
      doc.status === 'sent' ||
      (doc.status === 'authorized' && sheet.status === 'liquidated'))
  const download = (url: string) => () => void downloadFile(url).catch((e: unknown) => toast.failure(e))

  return (
    <section className="card" aria-labelledby="einv-title" data-testid="e-invoice-card">
      <div className="einv-head">
        <h2 id="einv-title" className="section-title">
          {t('card.title')}
        </h2>
        {doc ? <EDocumentStatus doc={doc} /> : null}
      </div>
      {state.error ? <ErrorState error={state.error} onRetry={() => void state.refetch()} /> : null}
      {doc ? (
        <>
          <EDocumentDetails doc={doc} testId="e-invoice" />
          <div className="einv-actions">
            <Button onClick={download(eInvoiceXmlUrl(sheet.id))}>{t('card.xml')}</Button>
            <Button onClick={download(eInvoiceRideUrl(sheet.id))}>{t('card.ride')}</Button>
            {canRefresh ? (
              <Button loading={refresh.isPending} onClick={onRefresh} data-testid="e-invoice-refresh">
                {t('card.refresh')}
              </Button>
            ) : null}
            {canIssue ? (
              <Button variant="primary" loading={issue.isPending} onClick={onIssue}>
                {t('card.issueAgain')}
              </Button>
            ) : null}
          </div>
        </>
      ) : (
        <>
          <p className="muted">{t('card.none')}</p>
          {canIssue ? (
            <div className="einv-actions">
              <Button variant="primary" loading={issue.isPending} onClick={onIssue}>
                {t('card.issue')}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </section>
  )
}
