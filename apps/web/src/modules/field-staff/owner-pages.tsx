import { useId, useState, type ReactNode } from 'react'
import type { UseQueryResult } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TComplianceFile, TComplianceOwnerKind, TComplianceStatus } from '@faena/contracts'
import type { TComplianceDocument } from '@faena/contracts'
import {
  Button,
  type Column,
  DataTable,
  Filter,
  FilterBar,
  Icon,
  JobExportButton,
  ListCount,
  PageHeader,
  PageLoadError,
  PagePending,
  SearchInput,
  type SortState,
} from '../../platform/components'
import { cleanSearch, pageOf } from '../../platform/list-search'
import { useCan, useFormat } from '../../platform/session'
import { DocumentsPanel } from './documents-panel'
import { ComplianceBadge, FilesPanel } from './ui'

/** The list search both owners share (routes.tsx: ZStaffSearch, ZVehiclesSearch). */
export type OwnerSearch = {
  q?: string
  status?: TComplianceStatus
  active?: 'true' | 'false'
  sort?: string
  dir?: 'asc' | 'desc'
  limit?: number
  offset?: number
}

/** The list's query parameters and page from the URL's search. */
export const ownerListParams = (search: OwnerSearch) => {
  const { limit, offset } = pageOf(search)
  const { q, status, active, dir } = search
  return { params: { q, status, active, sort: search.sort, dir }, limit, offset }
}

/** The `search` updater of a list page: the patch over the URL's search, back to page 1 unless told. */
export const patchSearch =
  <S extends OwnerSearch>(patch: Partial<S>, resetPage = true) =>
  (prev: S) =>
    cleanSearch({ ...prev, ...patch, ...(resetPage ? { offset: undefined } : {}) })

export type OwnerListProps<
  T extends { id: string; status: TComplianceStatus | null; nextExpiry: string | null },
> = {
  /** i18n room: `staff` or `vehicles` (title, subtitle, new, search, caption, empty, emptyFiltered) */
  room: 'staff' | 'vehicles'
  newTestId: string
  search: OwnerSearch
  setSearch: (patch: Partial<OwnerSearch>, resetPage?: boolean) => void
  list: UseQueryResult<{ items: T[]; total: number }>
  exportUrl: string
  /** the owner's own columns; the next expiry is added last */
  columns: Column<T>[]
  onOpen: (row: T) => void
  /** the create dialog */
  creating: (close: () => void) => ReactNode
}

/** The list page of technicians and of vehicles: header, filters, count, export, table, create dialog. */
export function OwnerListPage<
  T extends { id: string; status: TComplianceStatus | null; nextExpiry: string | null },
>(props: OwnerListProps<T>) {
  const { room, search, setSearch, list } = props
  const { t } = useTranslation(['field-staff', 'platform'])
  const fmt = useFormat()
  const can = useCan()
  const [creating, setCreating] = useState(false)
  const { params, limit, offset } = ownerListParams(search)
  const sort: SortState | undefined = search.sort ? { key: search.sort, dir: search.dir ?? 'asc' } : undefined
  const filtered = Boolean(search.q || search.status || search.active)
  const columns: Column<T>[] = [
    ...props.columns,
    {
      key: 'nextExpiry',
      header: t('staff.fields.nextExpiry'),
      sortable: true,
      width: '12rem',
      cell: (r) => (
        <div>
          <ComplianceBadge status={r.status} />
          {r.nextExpiry ? <span className="fs-sub">{fmt.date(r.nextExpiry)}</span> : null}
        </div>
      ),
    },
  ]

  return (
    <div className="page">
      <PageHeader
        title={t(`${room}.title`)}
        subtitle={t(`${room}.subtitle`)}
        actions={
          can('fieldStaff.manage') ? (
            <Button
              variant="primary"
              icon={<Icon name="plus" />}
              onClick={() => setCreating(true)}
              data-testid={props.newTestId}
            >
              {t(`${room}.new`)}
            </Button>
          ) : null
        }
      />
      <section className="card card--flush">
        <FilterBar
          active={filtered}
          onClear={() => setSearch({ q: undefined, status: undefined, active: undefined })}
          end={
            <>
              <ListCount
                total={list.data?.total}
                label={(count) => t('common.count', { count, formatted: fmt.integer(count) })}
              />
              <JobExportButton
                url={props.exportUrl}
                body={params}
                doneMessage={t('common.exportDone')}
                disabled={!list.data || list.data.total === 0}
              />
            </>
          }
        >
          <SearchInput
            value={search.q ?? ''}
            label={t(`${room}.search`)}
            placeholder={t(`${room}.search`)}
            onChange={(q) => setSearch({ q: q || undefined })}
          />
          <StatusFilter value={search.status} onChange={(status) => setSearch({ status })} />
          <ActiveFilter value={search.active} onChange={(active) => setSearch({ active })} />
        </FilterBar>
        <DataTable
          caption={t(`${room}.caption`)}
          columns={columns}
          rows={list.data?.items}
          rowKey={(r) => r.id}
          loading={list.isPending}
          fetching={list.isFetching && !list.isPending}
          error={list.error}
          onRetry={() => void list.refetch()}
          onRowClick={props.onOpen}
          sort={sort}
          onSortChange={(s) => setSearch({ sort: s.key, dir: s.dir })}
          empty={filtered ? t(`${room}.emptyFiltered`) : t(`${room}.empty`)}
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
      {creating ? props.creating(() => setCreating(false)) : null}
    </div>
  )
}

type OwnerDetail = {
  id: string
  status: TComplianceStatus | null
  documents: TComplianceDocument[]
  files: TComplianceFile[]
  canManage: boolean
}

/** The detail page of a technician or a vehicle: header, documents (and `main`), `side`, files, edit dialog. */
export function OwnerDetailPage<D extends OwnerDetail>(props: {
  owner: TComplianceOwnerKind
  room: 'staff' | 'vehicles'
  query: UseQueryResult<D>
  back: ReactNode
  title: (d: D) => ReactNode
  subtitle: (d: D) => string
  editTestId: string
  /** under the documents (the vaccines) */
  main?: (d: D) => ReactNode
  /** above the files (contact, notes) */
  side: (d: D) => ReactNode
  editing: (d: D, close: () => void) => ReactNode
}) {
  const { t } = useTranslation(['field-staff', 'platform'])
  const [editing, setEditing] = useState(false)
  const { query: q, back, room } = props
  if (q.isPending) return <PagePending />
  if (q.isError)
    return (
      <PageLoadError
        error={q.error}
        onRetry={() => void q.refetch()}
        breadcrumb={back}
        title={t(`${room}.title`)}
        notFound={{ title: t(`${room}.emptyFiltered`), action: back }}
      />
    )
  const d = q.data
  return (
    <div className="page">
      <PageHeader
        breadcrumb={back}
        title={
          <>
            {props.title(d)} <ComplianceBadge status={d.status} />
          </>
        }
        subtitle={props.subtitle(d)}
        actions={
          d.canManage ? (
            <Button onClick={() => setEditing(true)} data-testid={props.editTestId}>
              {t('common.edit')}
            </Button>
          ) : null
        }
      />
      <div className="fs-detail">
        <div className="fs-detail__main">
          <DocumentsPanel
            owner={props.owner}
            ownerId={d.id}
            documents={d.documents}
            canManage={d.canManage}
          />
          {props.main?.(d)}
        </div>
        <div className="fs-detail__side">
          {props.side(d)}
          <FilesPanel owner={props.owner} ownerId={d.id} files={d.files} canManage={d.canManage} />
        </div>
      </div>
      {editing ? props.editing(d, () => setEditing(false)) : null}
    </div>
  )
}

export const StatusFilter = ({
  value,
  onChange,
}: {
  value: string | undefined
  onChange: (v: TComplianceStatus | undefined) => void
}) => {
  const { t } = useTranslation('field-staff')
  const id = useId()
  return (
    <Filter label={t('common.statusFilter')} htmlFor={id}>
      <select
        id={id}
        className="input"
        value={value ?? ''}
        onChange={(e) => onChange((e.target.value || undefined) as TComplianceStatus | undefined)}
        data-testid="status-filter"
      >
        <option value="">{t('common.all')}</option>
        {(['expired', 'due10', 'due30', 'ok'] as const).map((s) => (
          <option key={s} value={s}>
            {t(`status.${s}`)}
          </option>
        ))}
      </select>
    </Filter>
  )
}

export const ActiveFilter = ({
  value,
  onChange,
}: {
  value: 'true' | 'false' | undefined
  onChange: (v: 'true' | 'false' | undefined) => void
}) => {
  const { t } = useTranslation('field-staff')
  const id = useId()
  return (
    <Filter label={t('common.activeFilter')} htmlFor={id}>
      <select
        id={id}
        className="input"
        value={value ?? ''}
        onChange={(e) => onChange((e.target.value || undefined) as 'true' | 'false' | undefined)}
      >
        <option value="">{t('common.all')}</option>
        <option value="true">{t('common.onlyActive')}</option>
        <option value="false">{t('common.onlyInactive')}</option>
      </select>
    </Filter>
  )
}
