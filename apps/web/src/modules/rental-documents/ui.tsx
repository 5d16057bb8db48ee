/** Shared pieces of the field-document screens: list frame, detail frame, status badge, attachments. */
import './rental-documents.css'
import { useId, useRef, useState, type ReactNode } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { downloadFile, isApiError, type QueryParams } from '../../platform/api'
import {
  Button,
  ConfirmDialog,
  DateRangeFilter,
  JobExportButton,
  ListCount,
  DataTable,
  PageLoadError,
  PagePending,
  Filter,
  FilterBar,
  FormError,
  FormField,
  Icon,
  PageHeader,
  SearchInput,
  StatusBadge,
  UnsavedChangesGuard,
  allowNavigation,
  buttonClass,
  useToast,
  type Column,
  type SortState,
  type StatusTone,
} from '../../platform/components'
import { errorMessage } from '../../platform/errors'
import { cleanSearch, pageOf } from '../../platform/list-search'
import { useCan, useFormat } from '../../platform/session'
import { AuditHistory } from '../audit'
import {
  ENTITY,
  docDetailQuery,
  docListQuery,
  exportUrl,
  fileUrl,
  pdfUrl,
  projectsQuery,
  useAddAttachment,
  useCreateDocument,
  useDeleteDocument,
  useDocumentStatus,
  useRemoveAttachment,
  useUpdateDocument,
  type AnyDetail,
  type DetailOf,
  type DocKind,
  type StatusAction,
  type SummaryOf,
} from './api'
import type { DocsSearch } from './routes'

/** Widens a generic kind to the union (translation keys are checked against the union). */
const kindOf = (k: DocKind): DocKind => k

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

// --- list ---

export type ListProps<K extends DocKind> = {
  kind: K
  search: DocsSearch
  setSearch: (patch: Partial<DocsSearch>, resetPage?: boolean) => void
  columns: Column<SummaryOf<K>>[]
  statuses: readonly string[]
  /** kind-specific filters (type…) and their query params */
  extraFilters?: ReactNode
  extraParams?: QueryParams
  extraActive?: boolean
  dateLabel: string
  /** more header actions for whoever manages the documents (the chains' scan upload), given the list's filters */
  extraActions?: (params: QueryParams) => ReactNode
}

/** The list screen of a document kind: URL filters, server pagination/sort, Excel export of what is shown. */
export const DocumentList = <K extends DocKind>({
  kind,
  search,
  setSearch,
  columns,
  statuses,
  extraFilters,
  extraParams = {},
  extraActive = false,
  dateLabel,
  extraActions,
}: ListProps<K>) => {
  const { t } = useTranslation(['rental-documents', 'platform'])
  const fmt = useFormat()
  const can = useCan()
  const navigate = useNavigate()
  const id = useId()
  const { limit, offset } = pageOf(search)
  const params: QueryParams = {
    q: search.q,
    projectId: search.projectId,
    status: search.status,
    from: search.from,
    to: search.to,
    sort: search.sort,
    dir: search.dir,
    ...extraParams,
  }
  const list = useQuery(docListQuery(kind, { ...params, limit, offset }))
  const filtered = Boolean(
    search.q || search.projectId || search.status || search.from || search.to || extraActive,
  )
  const sort: SortState | undefined = search.sort
    ? { key: search.sort, dir: search.dir ?? 'desc' }
    : undefined

  return (
    <div className="page rd-list">
      <PageHeader
        title={t(`kinds.${kindOf(kind)}.title`)}
        subtitle={t(`kinds.${kindOf(kind)}.subtitle`)}
        actions={
          can('fieldDocument.manage') ? (
            <>
              {extraActions?.(params)}
              <Link to={ROUTES[kind].new} className={buttonClass('primary')} data-testid={`new-${kind}`}>
                <Icon name="plus" />
                {t(`kinds.${kindOf(kind)}.new`)}
              </Link>
            </>
          ) : null
        }
      />
      <section className="card card--flush">
        <FilterBar
          active={filtered}
          onClear={() =>
            setSearch({
              q: undefined,
              projectId: undefined,
              status: undefined,
              from: undefined,
              to: undefined,
              maintenanceType: undefined,
              wasteType: undefined,
              guideType: undefined,
              billed: undefined,
            })
          }
          end={
            <>
              <ListCount
                total={list.data?.total}
                className="rd-count"
                label={(count) => t('list.count', { count, formatted: fmt.integer(count) })}
              />
              <JobExportButton
                url={exportUrl(kind)}
                body={params}
                doneMessage={t('list.exportDone')}
                disabled={!list.data || list.data.total === 0}
              />
            </>
          }
        >
          <SearchInput
            value={search.q ?? ''}
            label={t('list.search')}
            placeholder={t('list.searchHint')}
            onChange={(q) => setSearch({ q: q || undefined })}
            className="rd-search"
          />
          <Filter label={t('list.project')} htmlFor={`${id}-project`}>
            <ProjectSelect
              control={{ id: `${id}-project` }}
              value={search.projectId ?? ''}
              allLabel={t('list.all')}
              compact
              onChange={(v) => setSearch({ projectId: v || undefined })}
            />
          </Filter>
          <Filter label={t('list.status')} htmlFor={`${id}-status`}>
            <select
              id={`${id}-status`}
              className="input"
              value={search.status ?? ''}
              onChange={(e) => setSearch({ status: (e.target.value || undefined) as DocsSearch['status'] })}
            >
              <option value="">{t('list.all')}</option>
              {statuses.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s as 'draft'}`)}
                </option>
              ))}
            </select>
          </Filter>
          {extraFilters}
          <DateRangeFilter
            label={dateLabel}
            from={search.from}
            to={search.to}
            onFromChange={(v) => setSearch({ from: v })}
            onToChange={(v) => setSearch({ to: v })}
            mode="immediate"
            className="rd-range"
          />
        </FilterBar>
        <DataTable
          caption={t(`kinds.${kindOf(kind)}.title`)}
          columns={columns}
          rows={list.data?.items}
          rowKey={(d) => d.id}
          loading={list.isPending}
          fetching={list.isFetching && !list.isPending}
          error={list.error}
          onRetry={() => void list.refetch()}
          onRowClick={(d) => void navigate({ to: ROUTES[kind].detail, params: { id: d.id } })}
          sort={sort}
          onSortChange={(s) => setSearch({ sort: s.key, dir: s.dir })}
          empty={filtered ? t('list.emptyFiltered') : t('list.empty')}
          emptyFiltered={filtered}
          pagination={{
            total: list.data?.total,
            limit,
            offset,
            onPageChange: (o) => setSearch({ offset: o || undefined }, false),
            onLimitChange: (l) => setSearch({ limit: l, offset: undefined }),
          }}
        />
      </section>
    </div>
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

/** Navigation helper for list pages: filters in the URL, reset the page on a filter change. */
export const useListSearch = (kind: DocKind) => {
  const navigate = useNavigate()
  return (patch: Partial<DocsSearch>, resetPage = true) =>
    void navigate({
      to: ROUTES[kind].list,
      // the three list routes share one search shape (routes.tsx)
      search: ((prev: DocsSearch) =>
        cleanSearch({ ...prev, ...patch, ...(resetPage ? { offset: undefined } : {}) })) as never,
      replace: true,
    })
}

// --- detail ---

type Confirm = { action: StatusAction | 'delete' } | null

/**
 * The detail frame of a document: loading and not-found states, header with number and status, the
 * actions the server allows (edit, PDF, close, void / cancel, delete — with confirmation and reason),
 * the body, attachments and history.
 */
export const DocumentDetail = <K extends DocKind>({
  kind,
  id,
  title,
  children,
}: {
  kind: K
  id: string
  title: (d: DetailOf<K>) => string
  children: (d: DetailOf<K>) => ReactNode
}) => {
  const { t } = useTranslation(['rental-documents', 'platform'])
  const navigate = useNavigate()
  const toast = useToast()
  const can = useCan()
  const detail = useQuery(docDetailQuery(kind, id))
  const status = useDocumentStatus(kind, id)
  const remove = useDeleteDocument(kind, id)
  const [confirm, setConfirm] = useState<Confirm>(null)
  const [downloading, setDownloading] = useState(false)

  if (detail.isPending) return <PagePending />
  if (detail.isError) {
    return (
      <PageLoadError
        error={detail.error}
        onRetry={() => void detail.refetch()}
        breadcrumb={<BackLink kind={kind} />}
        title={t(`kinds.${kindOf(kind)}.title`)}
        notFound={{
          title: t('detail.notFound'),
          action: (
            <Link to={ROUTES[kind].list} className={buttonClass('primary')}>
              {t('detail.back')}
            </Link>
          ),
        }}
      />
    )
  }

  const d = detail.data as DetailOf<K> & AnyDetail
  const allowed = d.allowedActions
  const downloadPdf = async () => {
    setDownloading(true)
    try {
      await downloadFile(pdfUrl(kind, id))
    } catch (e) {
      toast.failure(e)
    } finally {
      setDownloading(false)
    }
  }
  const run = (reason: string) => {
    if (!confirm) return
    if (confirm.action === 'delete') {
      remove.mutate(undefined, {
        onSuccess: () => {
          toast.success(t('detail.deleted'))
          setConfirm(null)
          void navigate({ to: ROUTES[kind].list })
        },
        onError: (e) => {
          setConfirm(null)
          toast.failure(e)
        },
      })
      return
    }
    const action = confirm.action
    status.mutate(
      { action, reason },
      {
        onSuccess: () => {
          toast.success(
            t(
              action === 'close' ? 'detail.closed' : action === 'void' ? 'detail.voided' : 'detail.cancelled',
            ),
          )
          setConfirm(null)
        },
        onError: (e) => {
          setConfirm(null)
          toast.failure(e)
        },
      },
    )
  }
  const confirmText = confirm
    ? {
        close: {
          title: t('detail.close'),
          body: t('detail.closeConfirm'),
          tone: 'primary' as const,
          reason: undefined,
        },
        void: {
          title: t('detail.void'),
          body: t('detail.voidConfirm'),
          tone: 'danger' as const,
          reason: 'required' as const,
        },
        cancel: {
          title: t('detail.cancel'),
          body: t('detail.cancelConfirm'),
          tone: 'danger' as const,
          reason: 'required' as const,
        },
        delete: {
          title: t('detail.delete'),
          body: t('detail.deleteConfirm'),
          tone: 'danger' as const,
          reason: undefined,
        },
      }[confirm.action]
    : null

  return (
    <div className="page rd-detail">
      <PageHeader
        breadcrumb={<BackLink kind={kind} />}
        title={
          <>
            {title(d)} <DocStatus status={d.status} />
          </>
        }
        subtitle={`${d.projectName} — ${d.clientName}`}
        actions={
          <>
            <Button
              icon={<Icon name="download" />}
              loading={downloading}
              onClick={() => void downloadPdf()}
              data-testid="download-pdf"
            >
              {t('detail.pdf')}
            </Button>
            {allowed.includes('update') ? (
              <Link to={ROUTES[kind].edit} params={{ id }} className={buttonClass('secondary')}>
                {t('detail.edit')}
              </Link>
            ) : null}
            {allowed.includes('delete') ? (
              <Button variant="ghost" onClick={() => setConfirm({ action: 'delete' })}>
                {t('detail.delete')}
              </Button>
            ) : null}
            {allowed.includes('void') ? (
              <Button variant="danger" onClick={() => setConfirm({ action: 'void' })}>
                {t('detail.void')}
              </Button>
            ) : null}
            {allowed.includes('cancel') ? (
              <Button variant="danger" onClick={() => setConfirm({ action: 'cancel' })}>
                {t('detail.cancel')}
              </Button>
            ) : null}
            {allowed.includes('close') ? (
              <Button
                variant="primary"
                onClick={() => setConfirm({ action: 'close' })}
                data-testid="close-document"
              >
                {t('detail.close')}
              </Button>
            ) : null}
          </>
        }
      />
      {d.statusReason && (d.status === 'void' || d.status === 'cancelled') ? (
        <p className="rd-notice" role="note">
          {t('detail.statusReason', { reason: d.statusReason })}
        </p>
      ) : null}
      {children(d)}
      <Attachments kind={kind} detail={d} />
      {can('audit.read') ? (
        <section className="card">
          <AuditHistory
            entityType={ENTITY[kind]}
            entityId={id}
            module="rental-documents"
            title={t('detail.history')}
          />
        </section>
      ) : null}
      <ConfirmDialog
        open={confirm !== null}
        title={confirmText?.title ?? ''}
        tone={confirmText?.tone ?? 'danger'}
        confirmLabel={confirmText?.title}
        reason={confirmText?.reason}
        reasonLabel={t('detail.reason')}
        busy={status.isPending || remove.isPending}
        onConfirm={run}
        onCancel={() => setConfirm(null)}
      >
        <p>{confirmText?.body}</p>
      </ConfirmDialog>
    </div>
  )
}

/** PDF attachments of a document: list, upload (PDF only, checked again by the server), remove. */
const Attachments = ({ kind, detail }: { kind: DocKind; detail: AnyDetail }) => {
  const { t } = useTranslation(['rental-documents', 'platform'])
  const fmt = useFormat()
  const toast = useToast()
  const add = useAddAttachment(kind, detail.id)
  const remove = useRemoveAttachment(kind, detail.id)
  const input = useRef<HTMLInputElement>(null)
  const [label, setLabel] = useState('')
  const [removing, setRemoving] = useState<{ id: string; name: string } | null>(null)
  const id = useId()
  const canAttach = detail.allowedActions.includes('attach')

  const onFile = (file: File | undefined) => {
    if (!file) return
    add.mutate(
      { file, label: label.trim() },
      {
        onSuccess: () => {
          toast.success(t('detail.attached'))
          setLabel('')
          if (input.current) input.current.value = ''
        },
        onError: () => {
          if (input.current) input.current.value = ''
        },
      },
    )
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">
        {t('fields.attachments')}
      </h2>
      <p className="muted rd-small">{t('detail.attachmentsHint')}</p>
      {detail.attachments.length === 0 ? (
        <p className="muted">{t('detail.noAttachments')}</p>
      ) : (
        <ul className="rd-attachments">
          {detail.attachments.map((a) => (
            <li key={a.id}>
              <a href={fileUrl(a.fileId)} target="_blank" rel="noreferrer">
                {a.label ? `${a.label} — ` : ''}
                {a.name}
              </a>
              <span className="muted rd-small">
                {' '}
                · {fmt.quantity(String(Math.max(1, Math.round(a.size / 1024))), { maxFractionDigits: 0 })} KB
                · {fmt.dateTime(a.createdAt)}
              </span>
              {canAttach ? (
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => setRemoving({ id: a.id, name: a.name })}
                  aria-label={`${t('detail.removeAttachment')}: ${a.name}`}
                >
                  <Icon name="close" />
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canAttach ? (
        <div className="rd-attach">
          <label className="field__label" htmlFor={`${id}-label`}>
            {t('detail.attachLabel')}
          </label>
          <div className="rd-attach__row">
            <input
              id={`${id}-label`}
              className="input"
              maxLength={100}
              value={label}
              onChange={(e) => setLabel(e.target.value)}
            />
            <input
              ref={input}
              type="file"
              accept="application/pdf,.pdf"
              className="visually-hidden"
              id={`${id}-file`}
              data-testid="attachment-input"
              onChange={(e) => onFile(e.target.files?.[0])}
            />
            <Button
              icon={<Icon name="plus" />}
              loading={add.isPending}
              onClick={() => input.current?.click()}
            >
              {t('detail.attach')}
            </Button>
          </div>
          {add.error ? (
            <FormError>
              {[errorMessage(add.error), isApiError(add.error) ? add.error.details[0]?.message : null]
                .filter(Boolean)
                .join(' ')}
            </FormError>
          ) : null}
        </div>
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title={t('detail.removeAttachment')}
        busy={remove.isPending}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.id, {
            onSuccess: () => setRemoving(null),
            onError: (e) => {
              setRemoving(null)
              toast.failure(e)
            },
          })
        }
        onCancel={() => setRemoving(null)}
      >
        <p>{t('detail.removeAttachmentConfirm', { name: removing?.name ?? '' })}</p>
      </ConfirmDialog>
    </section>
  )
}

/** Server field errors → messages by field path (paths may come as `body.x`). */
export const serverErrors = (error: unknown): Record<string, string> => {
  const out: Record<string, string> = {}
  if (!isApiError(error)) return out
  for (const d of error.details) out[d.path.replace(/^body\./, '') || '_form'] ??= d.message
  return out
}

/** The form-level message of a failed save (business rules without field paths). */
export const formLevelError = (error: unknown, fieldErrors: Record<string, string>): string | null => {
  if (!error) return null
  if (fieldErrors._form) return fieldErrors._form
  if (isApiError(error) && error.details.length > 0) return null
  return errorMessage(error)
}

/** Submit bar of a form page. */
/**
 * Create (no `existingId`) or update a document of `kind`. `save(body)` toasts and opens the detail page on
 * success; the server's field errors go to `setErrors`.
 */
export const useSaveDocument = (
  kind: DocKind,
  existingId: string | undefined,
  setErrors: (e: Record<string, string>) => void,
) => {
  const { t } = useTranslation(['rental-documents', 'platform'])
  const toast = useToast()
  const navigate = useNavigate()
  const create = useCreateDocument(kind)
  const update = useUpdateDocument(kind, existingId ?? '')
  const mutation = existingId ? update : create
  const save = (body: object) =>
    mutation.mutate(body, {
      onSuccess: (d: { id: string; displayNumber: string }) => {
        toast.success(
          existingId
            ? t('form.saved')
            : t('form.created', { name: t(`kinds.${kindOf(kind)}.one`), number: d.displayNumber }),
        )
        allowNavigation() // saved: going to the record is not leaving unsaved changes
        void navigate({ to: ROUTES[kind].detail, params: { id: d.id } })
      },
      onError: (e) => setErrors(serverErrors(e)),
    })
  return { mutation, save }
}

/**
 * The new / edit form of a document: `<form>` (test id `<kind>-form`) with the form-level error on top.
 * With `dirty`, leaving the page (link, back, reload) asks first.
 */
export const DocForm = ({
  kind,
  error,
  dirty = false,
  onSubmit,
  children,
}: {
  kind: DocKind
  error: string | null
  dirty?: boolean
  onSubmit: () => void
  children: ReactNode
}) => (
  <form
    noValidate
    className="rd-form"
    data-testid={`${kind}-form`}
    onSubmit={(e) => {
      e.preventDefault()
      onSubmit()
    }}
  >
    <FormError>{error}</FormError>
    <UnsavedChangesGuard when={dirty} />
    {children}
  </form>
)

/** The project of a document: chosen when creating (open projects only), fixed when editing. */
export const DocProjectField = ({
  error,
  value,
  locked,
  onChange,
}: {
  error: string | undefined
  value: string
  locked: boolean
  onChange: (projectId: string) => void
}) => {
  const { t } = useTranslation(['rental-documents', 'platform'])
  return (
    <FormField
      label={t('fields.project')}
      error={error}
      required
      hint={locked ? undefined : t('form.newHint')}
    >
      {(p) => (
        <ProjectSelect
          control={{ ...p, 'data-testid': 'project-select' }}
          openOnly
          value={value}
          disabled={locked}
          onChange={onChange}
        />
      )}
    </FormField>
  )
}

export const FormActions = ({
  kind,
  id,
  busy,
  label,
}: {
  kind: DocKind
  id?: string
  busy: boolean
  label: string
}) => {
  const { t } = useTranslation(['rental-documents', 'platform'])
  return (
    <div className="form__actions">
      {id ? (
        <Link to={ROUTES[kind].detail} params={{ id }} className={buttonClass('secondary')}>
          {t('platform:actions.cancel')}
        </Link>
      ) : (
        <Link to={ROUTES[kind].list} className={buttonClass('secondary')}>
          {t('platform:actions.cancel')}
        </Link>
      )}
      <Button type="submit" variant="primary" loading={busy} data-testid="save-document">
        {busy ? t('platform:actions.saving') : label}
      </Button>
    </div>
  )
}

/** Loads a document for its edit page; renders the form once loaded. */
export const EditLoader = <K extends DocKind>({
  kind,
  id,
  children,
}: {
  kind: K
  id: string
  children: (d: DetailOf<K>) => ReactNode
}) => {
  const { t } = useTranslation(['rental-documents', 'platform'])
  const detail = useQuery(docDetailQuery(kind, id))
  if (detail.isPending) return <PagePending />
  if (detail.isError)
    return (
      <PageLoadError
        error={detail.error}
        onRetry={() => void detail.refetch()}
        breadcrumb={<BackLink kind={kind} />}
        title={t(`kinds.${kindOf(kind)}.title`)}
      />
    )
  return <>{children(detail.data)}</>
}

export type { Column }
