import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from './button'

export type FilterBarProps = {
  children: ReactNode
  /** Shows "Clear filters" when some filter is applied. */
  active?: boolean
  onClear?: () => void
  /** Right-aligned extras (export button, counts). */
  end?: ReactNode
}

/** A row of filters above a list. Put <SearchInput>, <select className="input">, date inputs inside. */
export const FilterBar = ({ children, active = false, onClear, end }: FilterBarProps) => {
  const { t } = useTranslation()
  return (
    <div className="filter-bar" role="search" aria-label={t('filters.label')}>
      <div className="filter-bar__filters">
        {children}
        {active && onClear ? (
          <Button variant="ghost" size="sm" onClick={onClear}>
            {t('actions.clearFilters')}
          </Button>
        ) : null}
      </div>
      {end ? <div className="filter-bar__end">{end}</div> : null}
    </div>
  )
}

/** A labelled filter control (label above, compact). */
export const Filter = ({
  label,
  htmlFor,
  children,
}: {
  label: string
  htmlFor: string
  children: ReactNode
}) => (
  <div className="filter">
    <label className="filter__label" htmlFor={htmlFor}>
      {label}
    </label>
    {children}
  </div>
)
