import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useRouter } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { SEARCH_MIN_LENGTH, type TSearchHit } from '@faena/contracts'
import { searchQuery } from './search-api'
import './search.css'

const DEBOUNCE_MS = 200

const isTyping = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName))

const searchable = (q: string) => q.length >= SEARCH_MIN_LENGTH || /^\d+$/.test(q)

/**
 * The header's search box (docs/search.md): results grouped by kind as the user types; ↑/↓ choose, Enter
 * opens the record, Esc closes; `/` or Ctrl+K (⌘K) focuses it from anywhere.
 */
export const GlobalSearch = () => {
  const { t } = useTranslation('search')
  const router = useRouter()
  const id = useId()
  const inputRef = useRef<HTMLInputElement>(null)
  const [text, setText] = useState('')
  const [q, setQ] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)

  useEffect(() => {
    const timer = setTimeout(() => setQ(text.replace(/\s+/g, ' ').trim()), DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [text])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const ctrlK = (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k'
      if (ctrlK || (e.key === '/' && !isTyping(e.target) && !e.altKey && !e.ctrlKey && !e.metaKey)) {
        e.preventDefault()
        inputRef.current?.focus()
        inputRef.current?.select()
        setOpen(true)
      }
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])

  const enabled = searchable(q)
  const query = useQuery({ ...searchQuery(q), enabled })
  const items: TSearchHit[] = useMemo(() => (enabled ? (query.data?.items ?? []) : []), [enabled, query.data])
  const [lastItems, setLastItems] = useState(items)
  if (items !== lastItems) {
    setLastItems(items)
    setActive(0)
  }
  const groups = useMemo(() => {
    const out: { kind: TSearchHit['kind']; hits: { hit: TSearchHit; index: number }[] }[] = []
    items.forEach((hit, index) => {
      const last = out[out.length - 1]
      if (last && last.kind === hit.kind) last.hits.push({ hit, index })
      else out.push({ kind: hit.kind, hits: [{ hit, index }] })
    })
    return out
  }, [items])

  const optionId = (i: number) => `${id}-option-${i}`
  const listId = `${id}-results`
  const go = (hit: TSearchHit) => {
    setOpen(false)
    setText('')
    setQ('')
    inputRef.current?.blur()
    router.history.push(hit.url)
  }

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault()
      if (open) setOpen(false)
      else inputRef.current?.blur()
      return
    }
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      setOpen(true)
      if (items.length === 0) return
      const step = e.key === 'ArrowDown' ? 1 : -1
      setActive((a) => (a + step + items.length) % items.length)
      return
    }
    if (e.key === 'Enter') {
      e.preventDefault()
      const hit = items[active]
      if (open && hit) go(hit)
    }
  }

  const typed = text.trim()
  const pending = typed !== q || (enabled && query.isFetching && !query.data)
  let status: string | null = null
  if (!searchable(typed)) status = t('hint')
  else if (pending && items.length === 0) status = t('searching')
  else if (query.isError) status = t('error')
  else if (enabled && query.data && items.length === 0) status = t('none', { q })
  const expanded = open && (items.length > 0 || status !== null)

  return (
    <div
      className="global-search"
      onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && setOpen(false)}
    >
      <svg className="global-search__icon" viewBox="0 0 20 20" aria-hidden="true">
        <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="m13 13 4.5 4.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <input
        ref={inputRef}
        type="search"
        className="global-search__input"
        role="combobox"
        aria-label={t('label')}
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && items[active] ? optionId(active) : undefined}
        aria-keyshortcuts="/ Control+K"
        placeholder={t('placeholder')}
        title={t('shortcut')}
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        value={text}
        onChange={(e) => {
          setText(e.target.value)
          setOpen(true)
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
      />
      <kbd className="global-search__kbd" aria-hidden="true">
        /
      </kbd>
      {expanded && (
        <div className="global-search__panel">
          <div id={listId} role="listbox" aria-label={t('results')} className="global-search__list">
            {groups.map((g) => (
              <div
                key={g.kind}
                role="group"
                aria-labelledby={`${id}-group-${g.kind}`}
                className="global-search__group"
              >
                <div id={`${id}-group-${g.kind}`} className="global-search__group-label" role="presentation">
                  {t(`kinds.${g.kind}`)}
                </div>
                {g.hits.map(({ hit, index }) => (
                  <a
                    key={`${hit.kind}:${hit.id}`}
                    id={optionId(index)}
                    role="option"
                    aria-selected={index === active}
                    href={hit.url}
                    tabIndex={-1}
                    className={
                      index === active
                        ? 'global-search__option global-search__option--active'
                        : 'global-search__option'
                    }
                    onMouseMove={() => index !== active && setActive(index)}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={(e) => {
                      if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return
                      e.preventDefault()
                      go(hit)
                    }}
                  >
                    <span className="global-search__title">{hit.title}</span>
                    {hit.subtitle && <span className="global-search__subtitle">{hit.subtitle}</span>}
                  </a>
                ))}
              </div>
            ))}
          </div>
          {status && (
            <p className="global-search__status" role="status">
              {status}
            </p>
          )}
          {items.length > 0 && (
            <p className="global-search__keys" aria-hidden="true">
              {t('keys')}
            </p>
          )}
        </div>
      )}
    </div>
  )
}
