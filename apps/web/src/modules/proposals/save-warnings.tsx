/** The warnings of a proposal's last save, on its detail page: another PTE has the same official number. */
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import type { TProposalWarning } from '@faena/contracts'
import { Button } from '../../platform/components'
import { useSaveWarnings } from './api'

/** The notice itself (props only, so a component test can render it without a query client). */
export const DuplicateNumberNotice = ({
  warnings,
  onDismiss,
}: {
  warnings: readonly TProposalWarning[]
  onDismiss: () => void
}) => {
  const { t } = useTranslation('proposals')
  const duplicates = warnings.filter((w) => w.code === 'DUPLICATE_OFFICIAL_NUMBER')
  if (duplicates.length === 0) return null
  return (
    <div className="pte-notice pte-notice--warning" role="status" data-testid="proposal-save-warning">
      <div className="pte-notice__body">
        <strong>{t('duplicates.title')}</strong>
        <p>{t('duplicates.body', { count: duplicates.length })}</p>
        <ul className="pte-notice__list">
          {duplicates.map((w) => (
            <li key={w.proposalId}>
              <Link to="/proposals/$id" params={{ id: w.proposalId }}>
                {t('duplicates.open', { number: w.officialNumber })}
              </Link>
            </li>
          ))}
        </ul>
      </div>
      <Button variant="secondary" size="sm" onClick={onDismiss}>
        {t('duplicates.dismiss')}
      </Button>
    </div>
  )
}

/** The notice for proposal `id`, from the warnings its last create or edit answered. */
export const SaveWarnings = ({ id }: { id: string }) => {
  const { warnings, dismiss } = useSaveWarnings(id)
  return <DuplicateNumberNotice warnings={warnings} onDismiss={dismiss} />
}
