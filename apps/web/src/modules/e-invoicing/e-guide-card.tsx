import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TEDocument, TShippingGuideDetail } from '@faena/contracts'
import { downloadFile, isApiError } from '../../platform/api'
import { Button, ErrorState, useToast } from '../../platform/components'
import { useCan } from '../../platform/session'
import { eGuideQuery, eGuideRideUrl, eGuideXmlUrl, useIssueEGuide, useRefreshEGuide } from './api'
import { EDocumentDetails, EDocumentStatus } from './e-document-details'
import './e-invoicing.css'

const TRANSPORT = [
  'originPlace',
  'destinationPlace',
  'carrierName',
  'carrierDni',
  'vehiclePlate',
  'receiverDni',
] as const
type TransportField = (typeof TRANSPORT)[number]

/** The transport fields the SRI needs that the guide lacks (the same rule as the server's 409). */
const missingOf = (g: TShippingGuideDetail): TransportField[] => TRANSPORT.filter((k) => !g[k]?.trim())

/**
 * The electronic guía de remisión of a shipping guide (docs/e-invoicing.md): issue it, its status, access key
 * and the SRI's messages, "Consultar al SRI" while it is pending, the signed XML and the RIDE. What the SRI needs
 * and the guide lacks is listed (from the guide, and from the server's 409 `details.missing`).
 */
export const EGuideCard = ({ guide }: { guide: TShippingGuideDetail }) => {
  const { t } = useTranslation('e-invoicing')
  const toast = useToast()
  const can = useCan()
  const state = useQuery(eGuideQuery(guide.id))
  const issue = useIssueEGuide(guide.id)
  const refresh = useRefreshEGuide(guide.id)
  const doc: TEDocument | null = state.data?.document ?? null
  const manage = can('fieldDocument.manage')
  const isVoid = (guide.status as string) === 'void'
  const serverMissing =
    isApiError(issue.error) && Array.isArray(issue.error.info?.missing)
      ? (issue.error.info.missing as string[]).filter((k): k is TransportField =>
          (TRANSPORT as readonly string[]).includes(k),
        )
      : []
  const missing = [...new Set([...missingOf(guide), ...serverMissing])]
  const canIssue = manage && !isVoid && (doc === null || doc.status === 'rejected')
  if (!doc && isVoid) return null

  const onIssue = () =>
    issue.mutate(undefined, {
      onSuccess: (r) =>
        toast.success(t('guide.issued', { number: r.document.number, status: t(`card.status.${r.status}`) })),
      onError: (e) => {
        if (!(isApiError(e) && e.info?.missing)) toast.failure(e)
      },
    })
  const onRefresh = () =>
    refresh.mutate(undefined, {
      onSuccess: (r) => toast.success(t('card.refreshed', { status: t(`card.status.${r.status}`) })),
      onError: (e) => toast.failure(e),
    })
  const download = (url: string) => () => void downloadFile(url).catch((e: unknown) => toast.failure(e))
  const missingList =
    canIssue && missing.length > 0 ? (
      <div className="einv-missing" role="alert" data-testid="e-guide-missing">
        <p className="einv-missing__title">{t('guide.missingTitle')}</p>
        <ul>
          {missing.map((k) => (
            <li key={k}>{t(`guide.missing.${k}`)}</li>
          ))}
        </ul>
      </div>
    ) : null

  return (
    <section className="card" aria-labelledby="eguide-title" data-testid="e-guide-card">
      <div className="einv-head">
        <h2 id="eguide-title" className="section-title">
          {t('guide.title')}
        </h2>
        {doc ? <EDocumentStatus doc={doc} /> : null}
      </div>
      {state.error ? <ErrorState error={state.error} onRetry={() => void state.refetch()} /> : null}
      {doc ? (
        <>
          <EDocumentDetails doc={doc} testId="e-guide" />
          {missingList}
          <div className="einv-actions">
            <Button onClick={download(eGuideXmlUrl(guide.id))}>{t('card.xml')}</Button>
            <Button onClick={download(eGuideRideUrl(guide.id))} data-testid="e-guide-ride">
              {t('guide.ride')}
            </Button>
            {manage && (doc.status === 'signed' || doc.status === 'sent') ? (
              <Button loading={refresh.isPending} onClick={onRefresh} data-testid="e-guide-refresh">
                {t('card.refresh')}
              </Button>
            ) : null}
            {canIssue ? (
              <Button variant="primary" loading={issue.isPending} onClick={onIssue}>
                {t('guide.issueAgain')}
              </Button>
            ) : null}
          </div>
        </>
      ) : (
        <>
          <p className="muted">{t('guide.none')}</p>
          {missingList}
          {canIssue ? (
            <div className="einv-actions">
              <Button
                variant="primary"
                loading={issue.isPending}
                onClick={onIssue}
                data-testid="e-guide-issue"
              >
                {t('guide.issue')}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </section>
  )
}
