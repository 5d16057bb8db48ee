import { useTranslation } from 'react-i18next'
import type { TAuditEntry } from '@faena/contracts'

/** Who did it: the user's e-mail, "Sistema" for CLI/seed work, or the attempted e-mail without a session. */
export const AuditActor = ({ entry }: { entry: Pick<TAuditEntry, 'actorEmail' | 'actorId' | 'data'> }) => {
  const { t } = useTranslation('audit')
  const attempted = typeof entry.data?.email === 'string' ? entry.data.email : null
  if (entry.actorEmail && entry.actorEmail !== 'system') return <>{entry.actorEmail}</>
  if (!entry.actorEmail && attempted) {
    return (
      <>
        {attempted} <span className="muted">({t('noSession')})</span>
      </>
    )
  }
  return <span className="muted">{t('system')}</span>
}

/** Plain-text version of AuditActor. */
export const auditActorText = (
  entry: Pick<TAuditEntry, 'actorEmail' | 'data'>,
  t: (key: 'system' | 'noSession') => string,
): string => {
  const attempted = typeof entry.data?.email === 'string' ? entry.data.email : null
  if (entry.actorEmail && entry.actorEmail !== 'system') return entry.actorEmail
  if (!entry.actorEmail && attempted) return `${attempted} (${t('noSession')})`
  return t('system')
}
