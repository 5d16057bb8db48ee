import { useTranslation } from 'react-i18next'
import type { TEDocument } from '@faena/contracts'
import { StatusBadge } from '../../platform/components'
import { useFormat } from '../../platform/session'

const TONE = { signed: 'neutral', sent: 'info', authorized: 'success', rejected: 'danger' } as const

/** An e-document's status badge, for the head of its card. */
export const EDocumentStatus = ({ doc }: { doc: TEDocument }) => {
  const { t } = useTranslation('e-invoicing')
  return <StatusBadge tone={TONE[doc.status]}>{t(`card.status.${doc.status}`)}</StatusBadge>
}

/**
 * What the factura's and the guía's cards show of a stored SRI document (docs/e-invoicing.md): number, access
 * key, environment, authorization, the test-certificate notice, whether the SRI was the local fake, its messages.
 * `testId` prefixes the test ids (`e-invoice`, `e-guide`).
 */
export const EDocumentDetails = ({ doc, testId }: { doc: TEDocument; testId: string }) => {
  const { t } = useTranslation('e-invoicing')
  const fmt = useFormat()
  return (
    <>
      <dl className="einv-dl">
        <div>
          <dt>{t('card.number')}</dt>
          <dd data-testid={`${testId}-number`}>{doc.number}</dd>
        </div>
        <div>
          <dt>{t('card.environment')}</dt>
          <dd>{t(`settings.environments.${doc.environment}`)}</dd>
        </div>
        {doc.authorizedAt ? (
          <div>
            <dt>{t('card.authorizedAt')}</dt>
            <dd>{fmt.dateTime(doc.authorizedAt)}</dd>
          </div>
        ) : null}
        <div className="einv-dl__wide">
          <dt>{t('card.accessKey')}</dt>
          <dd className="mono" data-testid={`${testId}-access-key`}>
            {doc.accessKey}
          </dd>
        </div>
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
          <ul data-testid={`${testId}-messages`}>
            {doc.messages.map((m, i) => (
              <li key={i}>
                {m.identifier} {m.message}
                {m.info ? ` — ${m.info}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  )
}
