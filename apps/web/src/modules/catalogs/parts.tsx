import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { TCatalogName } from '@faena/contracts'
import { Button, StatusBadge, useToast } from '../../platform/components'
import { useSetActive, type CatalogRow } from './catalogs-api'

export const ActiveBadge = ({ active }: { active: boolean }) => {
  const { t } = useTranslation('catalogs')
  return active ? (
    <StatusBadge tone="success">{t('list.active')}</StatusBadge>
  ) : (
    <StatusBadge tone="neutral">{t('list.inactive')}</StatusBadge>
  )
}

export const RestoreButton = ({
  name,
  record,
  label,
}: {
  name: TCatalogName
  record: CatalogRow
  label: string
}) => {
  const { t } = useTranslation('catalogs')
  const toast = useToast()
  const setActive = useSetActive(name)
  return (
    <Button
      size="sm"
      loading={setActive.isPending}
      onClick={(e) => {
        e.stopPropagation()
        setActive.mutate(
          { id: record.id, active: true },
          {
            onSuccess: () => toast.success(t('list.restored', { name: label })),
            onError: (err) => toast.failure(err),
          },
        )
      }}
    >
      {t('list.restore')}
    </Button>
  )
}

export const ShowInactiveToggle = ({
  checked,
  onChange,
}: {
  checked: boolean
  onChange: (v: boolean) => void
}) => {
  const { t } = useTranslation('catalogs')
  const id = useId()
  return (
    <div className="filter catalogs__toggle">
      <input
        id={id}
        type="checkbox"
        className="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{t('list.showInactive')}</label>
    </div>
  )
}
