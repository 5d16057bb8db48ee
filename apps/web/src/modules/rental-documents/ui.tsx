/** Small shared pieces of the field-document screens: routes, status badge, back link, definition items, project select, list cells. */
import './rental-documents.css'
import type { ReactNode } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../platform/api'
import { StatusBadge, type StatusTone } from '../../platform/components'
import { errorMessage } from '../../platform/errors'
import { projectsQuery, type DocKind } from './api'

export const ROUTES = {
  maintenance: {
    list: '/rental/maintenance-sheets',
    new: '/rental/maintenance-sheets/new',
    detail: '/rental/maintenance-sheets/$id',
    edit: '/rental/maintenance-sheets/$id/edit',
  },
  chain: {
    list: '/rental/custody-chains',
    new: '/rental/custody-chains/new',
    detail: '/rental/custody-chains/$id',
    edit: '/rental/custody-chains/$id/edit',
  },
  guide: {
    list: '/rental/shipping-guides',
    new: '/rental/shipping-guides/new',
    detail: '/rental/shipping-guides/$id',
    edit: '/rental/shipping-guides/$id/edit',
  },
} as const

const TONE: Record<string, StatusTone> = {
  draft: 'info',
  closed: 'success',
  void: 'danger',
  cancelled: 'danger',
}

export const DocStatus = ({ status }: { status: 'draft' | 'closed' | 'void' | 'cancelled' }) => {
  const { t } = useTranslation('rental-documents')
  return <StatusBadge tone={TONE[status] ?? 'neutral'}>{t(`status.${status}`)}</StatusBadge>
}

export const BackLink = ({ kind }: { kind: DocKind }) => {
  const { t } = useTranslation('rental-documents')
  return (
    <Link to={ROUTES[kind].list} className="rd-back">
      ‹ {t('detail.back')}
    </Link>
  )
}

/** Multi-line text for a definition list (nothing → the item shows a dash). */
export const pre = (v: string | null | undefined) => (v ? <span className="rd-pre">{v}</span> : null)

/** A definition-list item. */
export const Item = ({
  label,
  children,
  wide = false,
}: {
  label: string
  children: ReactNode
  wide?: boolean
}) => (
  <div className={wide ? 'dl-grid__item dl-grid__item--wide' : 'dl-grid__item'}>
    <dt>{label}</dt>
    <dd>
      {children === null || children === undefined || children === '' ? (
        <span className="muted">—</span>
      ) : (
        children
      )}
    </dd>
  </div>
)

/** Project select (open projects for forms; all for filters). */
export const ProjectSelect = ({
  value,
  onChange,
  control,
  openOnly,
  allLabel,
  disabled,
  compact,
}: {
  value: string
  onChange: (v: string) => void
  control: object
  openOnly?: boolean
  allLabel?: string
  disabled?: boolean
  /** filter bars: a narrower select */
  compact?: boolean
}) => {
  const { t } = useTranslation('rental-documents')
  const q = useQuery(projectsQuery())
  const items = (q.data ?? []).filter((p) => !openOnly || !p.closed || p.id === value)
  return (
    <select
      {...control}
      className={compact ? 'input rd-project-select' : 'input'}
      value={value}
      disabled={disabled}
      aria-busy={q.isPending || undefined}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">
        {allLabel ?? (items.length || q.isPending ? t('form.pickProject') : t('form.noProjects'))}
      </option>
      {items.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name} — {p.client.name}
        </option>
      ))}
    </select>
  )
}

/** The number cell of a list: a link to the detail. */
export const NumberCell = ({ kind, id, number }: { kind: DocKind; id: string; number: string }) => (
  <Link
    to={ROUTES[kind].detail}
    params={{ id }}
    className="cell-strong rd-number"
    onClick={(e) => e.stopPropagation()}
  >
    {number}
  </Link>
)

export const ProjectCell = ({ project, client }: { project: string; client: string }) => (
  <div>
    <span>{project}</span>
    <span className="muted rd-sub">{client}</span>
  </div>
)

/** The form-level message of a failed save (business rules without field paths). */
export const formLevelError = (error: unknown, fieldErrors: Record<string, string>): string | null => {
  if (!error) return null
  if (fieldErrors._form) return fieldErrors._form
  if (isApiError(error) && error.details.length > 0) return null
  return errorMessage(error)
}
