import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../api'
import { EmptyState } from './empty-state'
import { ErrorState } from './error-state'
import { PageHeader } from './page-header'

/** Whole-page spinner while a detail page loads its record. */
export const PagePending = () => {
  const { t } = useTranslation()
  return (
    <div className="page page--pending" aria-busy="true">
      <span className="spinner spinner--lg" aria-hidden="true" />
      <span className="visually-hidden">{t('common.loading')}</span>
    </div>
  )
}

export type PageLoadErrorProps = {
  error: unknown
  onRetry: () => void
  /** Page header: breadcrumb (back link) and title. */
  breadcrumb?: ReactNode
  title: ReactNode
  /**
   * When the record does not exist (API code NOT_FOUND): the empty-state title and its action (a link back to
   * the list). Without it every error shows the error state with "Retry".
   */
  notFound?: { title: string; action: ReactNode }
}

/** A detail page whose record could not be loaded: "not found" with a way back, or the error with retry. */
export const PageLoadError = ({ error, onRetry, breadcrumb, title, notFound }: PageLoadErrorProps) => (
  <div className="page">
    <PageHeader breadcrumb={breadcrumb} title={title} />
    <section className="card">
      {notFound && isApiError(error) && error.code === 'NOT_FOUND' ? (
        <EmptyState title={notFound.title} action={notFound.action} />
      ) : (
        <ErrorState error={error} onRetry={onRetry} />
      )}
    </section>
  </div>
)
