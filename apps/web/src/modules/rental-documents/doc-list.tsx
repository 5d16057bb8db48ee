/**
 * The list page of a field-document type: filters, sort and page in the URL (`useListRoute`), server
 * pagination, the Excel export of what is shown. Each type gives its columns, its extra filters (selects of
 * a closed set) and its date label.
 */
import { useId, type ReactNode } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate, useSearch } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import type { QueryParams } from '../../platform/api'
import {
  DataTable,
  DateRangeFilter,
  Filter,
  FilterBar,
  Icon,
  JobExportButton,
  ListCount,
  PageHeader,
  SearchInput,
  buttonClass,
  type Column,
} from '../../platform/components'
import { useListRoute } from '../../platform/list-route'
import { useCan, useFormat, useMe } from '../../platform/session'
import { docListQuery, exportUrl, type DocKind, type SummaryOf } from './api'
import type { DocsSearch } from './routes'
import { DocStatus, NumberCell, ProjectCell, ProjectSelect, ROUTES } from './ui'

/** Widens a generic kind to the union (translation keys are checked against the union). */
const kindOf = (k: DocKind): DocKind => k

const useDocT = () => useTranslation(['rental-documents', 'platform']).t
/** What a type's columns and filters are built with: texts, formats and the organization's currency. */
export type ListContext = {
  t: ReturnType<typeof useDocT>
  fmt: ReturnType<typeof useFormat>
  currency: string
}

/** A type's own filter: a select of a closed set kept in the URL under `key`. */
export type ExtraFilter = {
  key: 'maintenanceType' | 'wasteType' | 'guideType' | 'billed'
  label: string
  options: readonly { value: string; label: string }[]
}

const LIST_ROUTE = {
  maintenance: '/app/rental/maintenance-sheets',
  chain: '/app/rental/custody-chains',
  guide: '/app/rental/shipping-guides',
} as const

const BASE_FILTERS = ['q', 'projectId', 'status', 'from', 'to'] as const

export type DocumentListProps<K extends DocKind> = {
  kind: K
  statuses: readonly string[]
  dateField: DateField
  columns: (ctx: ListContext) => Column<SummaryOf<K>>[]
  filters?: (ctx: ListContext) => ExtraFilter[]
  /** more header actions for whoever manages the documents (the chains' scan upload), given the list's filters */
  extraActions?: (params: QueryParams) => ReactNode
}

/** The list screen of a document kind. */
export const DocumentList = <K extends DocKind>({
  kind,
  statuses,
  dateField,
  columns,
  filters,
  extraActions,
}: DocumentListProps<K>) => {
  const t = useDocT()
  const fmt = useFormat()
  const currency = useMe().organization.currencies[0] ?? 'USD'
  const ctx: ListContext = { t, fmt, currency }
  const can = useCan()
  const navigate = useNavigate()
  const id = useId()
  // the three list routes share one search shape (routes.tsx)
  const search: DocsSearch = useSearch({ from: LIST_ROUTE[kind] })
  const extras = filters?.(ctx) ?? []
  const list = useListRoute(search, [...BASE_FILTERS, ...extras.map((f) => f.key)])
  const params: QueryParams = {
    q: search.q,
    projectId: search.projectId,
    status: search.status,
    from: search.from,
    to: search.to,
    sort: search.sort,
    dir: search.dir,
    ...Object.fromEntries(extras.map((f) => [f.key, search[f.key]])),
  }
  const query = useQuery(docListQuery(kind, { ...params, limit: list.limit, offset: list.offset }))
  const title = t(`kinds.${kindOf(kind)}.title`)

  return (
    <div className="page rd-list">
      <PageHeader
        title={title}
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
          active={list.filtered}
          onClear={list.clearFilters}
          end={
            <>
              <ListCount
                total={query.data?.total}
                className="rd-count"
                label={(count) => t('list.count', { count, formatted: fmt.integer(count) })}
              />
              <JobExportButton
                url={exportUrl(kind)}
                body={params}
                doneMessage={t('list.exportDone')}
                disabled={!query.data || query.data.total === 0}
              />
            </>
          }
        >
          <SearchInput
            value={search.q ?? ''}
            label={t('list.search')}
            placeholder={t('list.searchHint')}
            onChange={(q) => list.setSearch({ q: q || undefined })}
            className="rd-search"
          />
          <Filter label={t('list.project')} htmlFor={`${id}-project`}>
            <ProjectSelect
              control={{ id: `${id}-project` }}
              value={search.projectId ?? ''}
              allLabel={t('list.all')}
              compact
              onChange={(v) => list.setSearch({ projectId: v || undefined })}
            />
          </Filter>
          <SelectFilter
            id={`${id}-status`}
            label={t('list.status')}
            value={search.status}
            options={statuses.map((s) => ({ value: s, label: t(`status.${s as 'draft'}`) }))}
            onChange={(v) => list.setSearch({ status: v as DocsSearch['status'] })}
          />
          {extras.map((f) => (
            <SelectFilter
              key={f.key}
              id={`${id}-${f.key}`}
              label={f.label}
              value={search[f.key]}
              options={f.options}
              onChange={(v) => list.setSearch({ [f.key]: v })}
            />
          ))}
          <DateRangeFilter
            label={t(`fields.${dateField}`)}
            from={search.from}
            to={search.to}
            onFromChange={(v) => list.setSearch({ from: v })}
            onToChange={(v) => list.setSearch({ to: v })}
            mode="immediate"
            className="rd-range"
          />
        </FilterBar>
        <DataTable
          caption={title}
          columns={columns(ctx)}
          rows={query.data?.items}
          rowKey={(d) => d.id}
          loading={query.isPending}
          fetching={query.isFetching && !query.isPending}
          error={query.error}
          onRetry={() => void query.refetch()}
          onRowClick={(d) => void navigate({ to: ROUTES[kind].detail, params: { id: d.id } })}
          empty={list.filtered ? t('list.emptyFiltered') : t('list.empty')}
          {...list.tableProps(query.data?.total)}
        />
      </section>
    </div>
  )
}

/** A select filter of a closed set ("all" = not set). */
const SelectFilter = ({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string
  label: string
  value: string | undefined
  options: readonly { value: string; label: string }[]
  onChange: (value: string | undefined) => void
}) => {
  const { t } = useTranslation('rental-documents')
  return (
    <Filter label={label} htmlFor={id}>
      <select
        id={id}
        className="input"
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value || undefined)}
      >
        <option value="">{t('list.all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Filter>
  )
}

/** The columns every type starts with or ends with. */
export const numberColumn = <T extends { id: string; displayNumber: string }>(
  kind: DocKind,
  { t }: ListContext,
): Column<T> => ({
  key: 'number',
  header: t('fields.number'),
  sortable: true,
  width: '7rem',
  cell: (d) => <NumberCell kind={kind} id={d.id} number={d.displayNumber} />,
})

export const projectColumn = <T extends { projectName: string; clientName: string }>({
  t,
}: ListContext): Column<T> => ({
  key: 'project',
  header: t('fields.project'),
  cell: (d) => <ProjectCell project={d.projectName} client={d.clientName} />,
})

type DateField = 'startDate' | 'issueDate' | 'activityDate'
type MoneyField = 'totalCost' | 'logisticsCost' | 'transportCost' | 'stowageCost'

export const dateColumn = <T extends Partial<Record<DateField, string>>>(
  field: DateField,
  { t, fmt }: ListContext,
): Column<T> => ({
  key: field,
  header: t(`fields.${field}`),
  sortable: true,
  width: '8rem',
  cell: (d) => fmt.date(d[field] ?? ''),
})

export const moneyColumn = <T extends Partial<Record<MoneyField, string>>>(
  field: MoneyField,
  { t, fmt, currency }: ListContext,
  sortable = false,
): Column<T> => ({
  key: field,
  header: t(`fields.${field}`),
  sortable,
  align: 'end',
  width: '8rem',
  cell: (d) => fmt.money(d[field] ?? '0', currency),
})

export const statusColumn = <T extends { status: 'draft' | 'closed' | 'void' | 'cancelled' }>(
  { t }: ListContext,
  width = '7rem',
  more?: (d: T) => ReactNode,
): Column<T> => ({
  key: 'status',
  header: t('fields.status'),
  sortable: true,
  width,
  cell: (d) =>
    more ? (
      <div className="rd-badges">
        <DocStatus status={d.status} />
        {more(d)}
      </div>
    ) : (
      <DocStatus status={d.status} />
    ),
})
