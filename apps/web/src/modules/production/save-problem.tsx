import { useTranslation } from 'react-i18next'
import { isApiError } from '../../platform/api'
import { errorMessage } from '../../platform/errors'

/** Why a save was refused as a whole: the server's message and every cell it names (nothing was saved). */
export function SaveProblem({ error }: { error: unknown }) {
  const { t } = useTranslation('production')
  const specific = isApiError(error) && (error.status === 400 || error.status === 409) && error.message
  return (
    <div className="production__problem" role="alert">
      <strong>{t('refused')}</strong> {specific ? error.message : errorMessage(error)}
      {isApiError(error) && error.details.length ? (
        <ul>
          {error.details.slice(0, 20).map((d, i) => (
            <li key={i}>{d.message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
