/**
 * The picker of a field document's technician or vehicle (docs/field-staff.md#use-on-documents): a searchable
 * combobox over the organization's active technicians or vehicles (GET /rental/staff, /rental/vehicles with
 * `q`), driven by the keyboard (↓ ↑ move, Enter picks, Escape closes) or the mouse. The server checks the
 * licence or registration on the document's date and answers 400 naming the field, shown under it.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useDeferredValue, useId, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFieldStaff, TVehicle } from '@faena/contracts'
import { apiGet } from '../../platform/api'
import { FormField } from '../../platform/components'

export type LinkOwner = 'staff' | 'vehicle'
/** What a picked option gives the form: its id, the text it shows and what fills the printed free text. */
export type LinkOption = { id: string; label: string; name: string; dni: string | null; plate: string | null }

const toOption = (owner: LinkOwner, x: TFieldStaff | TVehicle): LinkOption =>
  owner === 'staff'
    ? {
        id: x.id,
        label: `${(x as TFieldStaff).fullName} · ${(x as TFieldStaff).cedula}`,
        name: (x as TFieldStaff).fullName,
        dni: (x as TFieldStaff).cedula,
        plate: null,
      }
    : {
        id: x.id,
        label: [(x as TVehicle).plate, (x as TVehicle).brand, (x as TVehicle).model]
          .filter(Boolean)
          .join(' · '),
        name: (x as TVehicle).plate,
        dni: null,
        plate: (x as TVehicle).plate,
      }

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()

export const LinkPicker = ({
  owner,
  label,
  value,
  display,
  error,
  hint,
  testId,
  onPick,
}: {
  owner: LinkOwner
  label: string
  /** the linked id ('' for none) */
  value: string
  /** what the field shows for the linked record (its name or plate as the document keeps it) */
  display: string
  error?: string | undefined
  hint?: string | undefined
  testId?: string
  onPick: (option: LinkOption | null) => void
}) => {
  const { t } = useTranslation('rental-documents')
  const listId = useId()
  const [open, setOpen] = useState(false)
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  // closing on blur waits for a click on an option; focusing or typing again cancels it
  const blurTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const keepOpen = () => clearTimeout(blurTimer.current)
  const q = useDeferredValue(query.trim())
  const path = owner === 'staff' ? 'staff' : 'vehicles'
  const options = useQuery({
    queryKey: ['rental-documents', 'link-options', owner, q],
    queryFn: ({ signal }) =>
      apiGet<{ items: (TFieldStaff | TVehicle)[] }>(`/api/v1/rental/${path}`, {
        query: { active: 'true', limit: 20, ...(q ? { q } : {}) },
        signal,
      }),
    enabled: open,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  })
  // the previous answer shows while the next one loads: keep only what matches what is typed now
  const typed = fold(query.trim())
  const items = (options.data?.items ?? [])
    .map((x) => toOption(owner, x))
    .filter((o) => !typed || fold(o.label).includes(typed))

  const pick = (o: LinkOption | null) => {
    onPick(o)
    setOpen(false)
    setQuery('')
  }
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault()
      if (!open) setOpen(true)
      else setActive((i) => Math.min(i + 1, Math.max(items.length - 1, 0)))
    } else if (e.key === 'ArrowUp') {
      e.preventDefault()
      setActive((i) => Math.max(i - 1, 0))
    } else if (e.key === 'Enter' && open) {
      e.preventDefault()
      const o = items[active]
      if (o) pick(o)
    } else if (e.key === 'Escape' && open) {
      e.preventDefault()
      setOpen(false)
      setQuery('')
    }
  }

  return (
    <FormField label={label} error={error} hint={hint}>
      {(p) => (
        <div className="rd-picker">
          <div className="rd-picker__row">
            <input
              {...p}
              className="input"
              role="combobox"
              aria-autocomplete="list"
              aria-expanded={open}
              aria-controls={listId}
              aria-activedescendant={open && items[active] ? `${listId}-${active}` : undefined}
              autoComplete="off"
              placeholder={t(owner === 'staff' ? 'links.searchStaff' : 'links.searchVehicle')}
              data-testid={testId}
              value={open ? query : display}
              onFocus={() => {
                keepOpen()
                setOpen(true)
                setActive(0)
              }}
              onBlur={() => {
                // let a click on an option land first
                blurTimer.current = setTimeout(() => {
                  setOpen(false)
                  setQuery('')
                }, 150)
              }}
              onChange={(e) => {
                keepOpen()
                setQuery(e.target.value)
                setActive(0)
                setOpen(true)
              }}
              onKeyDown={onKeyDown}
            />
            {value ? (
              <button
                type="button"
                className="btn btn--ghost btn--sm"
                aria-label={t('links.clear', { label })}
                onClick={() => pick(null)}
              >
                ×
              </button>
            ) : null}
          </div>
          {open ? (
            <ul id={listId} role="listbox" className="rd-picker__list" aria-label={label}>
              {items.length === 0 ? (
                <li className="muted rd-picker__empty">
                  {options.isFetching ? t('links.loading') : t('links.none')}
                </li>
              ) : (
                items.map((o, i) => (
                  <li
                    key={o.id}
                    id={`${listId}-${i}`}
                    role="option"
                    aria-selected={i === active}
                    className={i === active ? 'rd-picker__option is-active' : 'rd-picker__option'}
                    onMouseDown={(e) => e.preventDefault()}
                    onMouseEnter={() => setActive(i)}
                    onClick={() => pick(o)}
                  >
                    {o.label}
                  </li>
                ))
              )}
            </ul>
          ) : null}
        </div>
      )}
    </FormField>
  )
}
