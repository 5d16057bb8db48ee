import { useId, useState, type ReactNode } from 'react'
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

/**
 * A row of filters above a list. Put <SearchInput>, <select className="input">, date inputs inside.
 * On a phone only the search box shows; the other filters fold behind a "Filtros" button (which says how
 * many are applied), so the list starts on the first screen.
 */
export const FilterBar = ({ children, active = false, onClear, end }: FilterBarProps) => {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const filtersId = useId()
  return (
    <div
      className={`filter-bar${open ? ' filter-bar--open' : ''}`}
      role="search"
      aria-label={t('filters.label')}
    >
      <button
        type="button"
        className="btn btn--secondary btn--sm filter-bar__toggle"
        aria-expanded={open}
        aria-controls={filtersId}
        onClick={() => setOpen((o) => !o)}
      >
        {active ? t('filters.toggleActive') : t('filters.label')}
        <span aria-hidden="true">{open ? ' ▴' : ' ▾'}</span>
      </button>
      <div className="filter-bar__filters" id={filtersId}>
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
