import { Link, type ErrorComponentProps } from '@tanstack/react-router'
import { useQueryErrorResetBoundary } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../api'
import { buttonClass } from '../components/button'
import { EmptyState } from '../components/empty-state'
import { ErrorState } from '../components/error-state'

/** Default error page of every route (shown inside the shell for module routes). */
export const RouteError = ({ error, reset }: ErrorComponentProps) => {
  const { t } = useTranslation()
  const queryReset = useQueryErrorResetBoundary()
  if (isApiError(error) && error.code === 'FORBIDDEN') {
    return (
      <div className="page">
        <section className="card">
          <EmptyState
            title={t('errors.forbidden')}
            action={
              <Link to="/" className={buttonClass('primary')}>
                {t('errors.goHome')}
              </Link>
            }
          />
        </section>
      </div>
    )
  }
  return (
    <div className="page">
      <section className="card">
        <ErrorState
          error={error}
          onRetry={() => {
            queryReset.reset()
            reset()
          }}
        />
      </section>
    </div>
  )
}

export const NotFoundPage = () => {
  const { t } = useTranslation()
  return (
    <div className="page">
      <section className="card">
        <EmptyState
          title={t('errors.notFoundPage')}
          action={
            <Link to="/" className={buttonClass('primary')}>
              {t('errors.goHome')}
            </Link>
          }
        />
      </section>
    </div>
  )
}

export const PendingPage = () => {
  const { t } = useTranslation()
  return (
    <div className="page page--pending" aria-busy="true">
      <span className="spinner spinner--lg" aria-hidden="true" />
      <span className="visually-hidden">{t('common.loading')}</span>
    </div>
  )
}
