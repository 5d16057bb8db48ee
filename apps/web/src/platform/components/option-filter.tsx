/**
 * A list page's select filter (a status, a priority, a catalog record): "all" when empty, and a value from
 * the URL that is not (or not yet) among the options still shown as "…" so the filter does not look off.
 */
import { useId } from 'react'
import { Filter } from './filter-bar'

export type FilterOption = { value: string; label: string }

export const OptionFilter = ({
  label,
  value,
  onChange,
  options,
  allLabel,
  pending = false,
  className = 'input',
}: {
  label: string
  value: string | number | undefined
  onChange: (v: string | undefined) => void
  options: readonly FilterOption[]
  /** The empty choice ("All"). */
  allLabel: string
  pending?: boolean
  className?: string
}) => {
  const id = useId()
  const current = value === undefined ? '' : String(value)
  return (
    <Filter label={label} htmlFor={id}>
      <select
        id={id}
        className={className}
        value={current}
        aria-busy={pending || undefined}
        onChange={(e) => onChange(e.target.value || undefined)}
      >
        <option value="">{allLabel}</option>
        {current && !options.some((o) => o.value === current) ? <option value={current}>…</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Filter>
  )
}
