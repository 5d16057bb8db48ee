/** The new BI token, shown this once, with example addresses of its datasets (docs/feeds.md). */
import { useTranslation } from 'react-i18next'
import type { TApiTokenCreated } from '@faena/contracts'
import { Button, Dialog, useToast } from '../../platform/components'

export const CreatedTokenDialog = ({
  created,
  onClose,
}: {
  created: TApiTokenCreated
  onClose: () => void
}) => {
  const { t } = useTranslation(['admin', 'platform'])
  const toast = useToast()
  const origin = window.location.origin
  const copy = (text: string) =>
    void navigator.clipboard?.writeText(text).then(
      () => toast.success(t('feeds.copied')),
      () => undefined,
    )
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('feeds.createdTitle')}
      footer={
        <Button variant="primary" onClick={onClose}>
          {t('feeds.done')}
        </Button>
      }
    >
      <p>{t('feeds.createdHint')}</p>
      <div className="feeds__secret">
        <code data-testid="new-token">{created.token}</code>
        <Button size="sm" onClick={() => copy(created.token)}>
          {t('feeds.copy')}
        </Button>
      </div>
      <p className="field__label">{t('feeds.examples')}</p>
      <ul className="feeds__urls">
        {created.apiToken.datasets.map((d) => (
          <li key={d}>
            <code>{`${origin}/api/v1/feeds/${d}?format=csv`}</code>
          </li>
        ))}
      </ul>
    </Dialog>
  )
}
