import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

export type SearchInputProps = {
  /** The applied value (usually from the URL search params). */
  value: string
  /** Called after the user stops typing for `delay` ms, or at once on Enter / clear. */
  onChange: (value: string) => void
  label?: string
  placeholder?: string
  delay?: number
  className?: string
  /** Pass an id when a visible <label htmlFor> names the input (then `label` is not used as aria-label). */
  id?: string
  /** Show the magnifier icon (default true). */
  icon?: boolean
  /** Suggestions (<datalist>) for free-text filters. */
  suggestions?: readonly string[]
}

/** Debounced search box. Keeps its own text while typing; follows `value` when it changes elsewhere. */
export const SearchInput = ({
  value,
  onChange,
  label,
  placeholder,
  delay = 350,
  className,
  id,
  icon = true,
  suggestions,
}: SearchInputProps) => {
  const { t } = useTranslation()
  const listId = useId()
  const [text, setText] = useState(value)
  const [applied, setApplied] = useState(value)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const onChangeRef = useRef(onChange)
  useEffect(() => {
    onChangeRef.current = onChange
  }, [onChange])

  // The URL changed from outside (back button, "clear filters"): show it.
  if (value !== applied) {
    setApplied(value)
    setText(value)
  }

  useEffect(() => () => clearTimeout(timer.current), [])

  const commit = (next: string) => {
    clearTimeout(timer.current)
    const trimmed = next.trim()
    if (trimmed !== value) onChangeRef.current(trimmed)
  }

  return (
    <div className={['search', icon ? '' : 'search--plain', className ?? ''].filter(Boolean).join(' ')}>
      {icon ? (
        <svg className="search__icon" viewBox="0 0 20 20" aria-hidden="true">
          <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <path d="M13 13l4.5 4.5" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
      ) : null}
      <input
        id={id}
        type="search"
        className="input search__input"
        aria-label={id ? undefined : (label ?? t('actions.search'))}
        placeholder={placeholder ?? (id ? undefined : (label ?? t('actions.search')))}
        list={suggestions ? listId : undefined}
        autoComplete="off"
        value={text}
        onChange={(e) => {
          const next = e.target.value
          setText(next)
          clearTimeout(timer.current)
          timer.current = setTimeout(() => commit(next), delay)
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            commit(text)
          }
        }}
      />
      {suggestions ? (
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      ) : null}
    </div>
  )
}
