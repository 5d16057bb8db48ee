import { useTranslation } from 'react-i18next'
import { errorMessage, errorReference } from '../errors'
import { Button } from './button'

export type ErrorStateProps = { error: unknown; onRetry?: () => void; compact?: boolean }

/** A failed request: the message in the user's language and the reference to quote to support. */
export const ErrorState = ({ error, onRetry, compact = false }: ErrorStateProps) => {
  const { t } = useTranslation()
  const ref = errorReference(error)
  return (
    <div className={compact ? 'error-state error-state--compact' : 'error-state'} role="alert">
      <p className="error-state__title">{compact ? errorMessage(error) : t('errors.title')}</p>
      {compact ? null : <p className="error-state__message">{errorMessage(error)}</p>}
      {ref ? <p className="error-state__ref">{t('errors.reference', { id: ref })}</p> : null}
      {onRetry ? (
        <Button size="sm" onClick={onRetry}>
          {t('actions.retry')}
        </Button>
      ) : null}
    </div>
  )
}
