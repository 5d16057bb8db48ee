import { useTranslation } from 'react-i18next'
import { EmptyState } from './empty-state'
import { PageHeader } from './page-header'

/** Placeholder page for a module that has no screens yet. */
export const UnderConstruction = ({ title }: { title: string }) => {
  const { t } = useTranslation()
  return (
    <div className="page">
      <PageHeader title={title} />
      <section className="card">
        <EmptyState title={t('construction.title')}>{t('construction.body')}</EmptyState>
      </section>
    </div>
  )
}
