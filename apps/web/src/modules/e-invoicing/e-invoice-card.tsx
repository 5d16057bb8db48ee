import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TBillingSheetDetail, TEDocument } from '@faena/contracts'
import { downloadFile } from '../../platform/api'
import { Button, ErrorState, StatusBadge, useToast } from '../../platform/components'
import { useFormat } from '../../platform/session'
import { eInvoiceQuery, eInvoiceRideUrl, eInvoiceXmlUrl, useIssueEInvoice, useRefreshEInvoice } from './api'
import './e-invoicing.css'

const TONE = { signed: 'neutral', sent: 'info', authorized: 'success', rejected: 'danger' } as const

/**
 * The SRI electronic invoice of a billing sheet (docs/e-invoicing.md): issue it from a liquidated sheet, its
 * status, access key and the SRI's messages, the signed XML and the RIDE.
 */
export const EInvoiceCard = ({ sheet }: { sheet: TBillingSheetDetail }) => {
  const { t } = useTranslation('e-invoicing')
  const fmt = useFormat()
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
        {doc ? <StatusBadge tone={TONE[doc.status]}>{t(`card.status.${doc.status}`)}</StatusBadge> : null}
      </div>
      {state.error ? <ErrorState error={state.error} onRetry={() => void state.refetch()} /> : null}
      {doc ? (
        <>
          <dl className="einv-dl">
            <div>
              <dt>{t('card.number')}</dt>
              <dd data-testid="e-invoice-number">{doc.number}</dd>
            </div>
            <div>
              <dt>{t('card.accessKey')}</dt>
              <dd className="mono" data-testid="e-invoice-access-key">
                {doc.accessKey}
              </dd>
            </div>
            <div>
              <dt>{t('card.environment')}</dt>
              <dd>{doc.environment === 'production' ? 'Producción' : 'Pruebas'}</dd>
            </div>
            {doc.authorizedAt ? (
              <div>
                <dt>{t('card.authorizedAt')}</dt>
                <dd>{fmt.dateTime(doc.authorizedAt)}</dd>
              </div>
            ) : null}
          </dl>
          {doc.certificateIsTest ? (
            <p className="einv-notice" role="note">
              {t('card.testCertificate')}
            </p>
          ) : null}
          {doc.sriClient === 'fake' ? <p className="muted">{t('card.sriFake')}</p> : null}
          {doc.messages.length > 0 ? (
            <>
              <h3>{t('card.messages')}</h3>
              <ul>
                {doc.messages.map((m, i) => (
                  <li key={i}>
                    {m.identifier} {m.message}
                    {m.info ? ` — ${m.info}` : ''}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <div className="form-actions">
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
            <div className="form-actions">
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
