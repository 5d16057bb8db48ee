import { useId, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useSearch } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { PUE_STATUSES, type TConcept, type TConceptKind } from '@faena/contracts'
import {
  Button,
  DataTable,
  Filter,
  FilterBar,
  Icon,
  JobExportButton,
  PageHeader,
  SearchInput,
  StatusBadge,
  type Column,
  type StatusTone,
} from '../../platform/components'
import { OptionFilter } from '../../platform/components/option-filter'
import { useListRoute } from '../../platform/list-route'
import { useCan, useFormat } from '../../platform/session'
import { conceptExportUrl, conceptFacetsQuery, conceptListQuery, type ConceptListParams } from './api'
import { ImportDialog } from './import-dialog'
import type { ConceptsSearch } from './routes'
import './concepts.css'

const FILTER_KEYS = ['q', 'annex', 'status'] as const
const STATUS_TONE: Record<NonNullable<TConcept['status']>, StatusTone> = {
  in_preparation: 'warning',
  authorized: 'success',
  cancelled: 'neutral',
}

/** The URL search turned into the API query (list and Excel export use the same). */
const toParams = (s: ConceptsSearch): ConceptListParams => ({
  kind: s.kind,
  q: s.q,
  annex: s.annex,
  status: s.kind === 'ordinary' ? undefined : s.status,
  sort: s.sort,
  dir: s.dir,
})

const ConceptDetail = ({ c }: { c: TConcept }) => {
  const { t } = useTranslation('concepts')
  const fmt = useFormat()
  const none = t('detail.none')
  const rows: [string, string][] = [
    [t('fields.category'), c.category ?? none],
    [t('fields.subcategory'), c.subcategory ?? none],
    [t('fields.classification'), c.classification ?? none],
  ]
  if (c.kind === 'extraordinary') {
    rows.push(
      [t('fields.proposalNumber'), c.proposalNumber ?? none],
      [t('fields.workOrderNumber'), c.workOrderNumber ?? none],
      [t('fields.sanctionDate'), c.sanctionDate ? fmt.date(c.sanctionDate) : none],
      [
        t('fields.convertedCode'),
        c.convertedCode ? t('detail.convertedTo', { code: c.convertedCode, annex: c.annex ?? '' }) : none,
      ],
      [t('fields.comment'), c.comment ?? none],
    )
  }
  rows.push([t('fields.updatedAt'), fmt.dateTime(c.updatedAt)])
  return (
    <dl className="deflist deflist--compact concepts-detail">
      {rows.map(([k, v]) => (
        <div key={k} className="deflist__row">
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  )
}

/** Catálogo de conceptos: ordinary contract items and PUEs, with search, filters, sort, export and import. */
export const ConceptsPage = () => {
  const { t } = useTranslation(['concepts', 'platform'])
  const fmt = useFormat()
  const has = useCan()
  const id = useId()
  const search = useSearch({ from: '/app/concepts' })
  const route = useListRoute(search, FILTER_KEYS)
  const { setSearch, filtered } = route
  const [importing, setImporting] = useState(false)

  const params = toParams(search)
  const list = useQuery(conceptListQuery({ ...params, limit: route.limit, offset: route.offset }))
  const facets = useQuery(conceptFacetsQuery(search.kind))
  const allFacets = useQuery(conceptFacetsQuery(undefined))
  const counts = allFacets.data?.counts

  const pue = search.kind === 'extraordinary'

  const columns: Column<TConcept>[] = [
    {
      key: 'annex',
      header: t('fields.annex'),
      sortable: true,
      width: '4.75rem',
      cell: (c) => (c.annex ? <span className="nowrap">{c.annex}</span> : <span className="muted">—</span>),
    },
    {
      key: 'code',
      header: t('fields.code'),
      sortable: true,
      width: pue ? '8.5rem' : '6.5rem',
      cell: (c) => (
        <div className="concepts-code">
          <span className="cell-strong mono nowrap">{c.code}</span>
          {c.kind === 'extraordinary' && search.kind === undefined ? (
            <StatusBadge tone="info">{t('badges.pue')}</StatusBadge>
          ) : null}
          {c.convertedCode ? <span className="muted concepts-sub mono">{c.convertedCode}</span> : null}
          {c.occurrence > 1 ? (
            <span className="muted concepts-sub" title={t('badges.repeatedHint', { n: c.occurrence })}>
              {t('badges.repeated', { n: c.occurrence })}
            </span>
          ) : null}
        </div>
      ),
    },
    {
      key: 'description',
      header: t('fields.description'),
      sortable: true,
      cell: (c) => (
        <div>
          <span className="concepts-description" title={c.description}>
            {c.description}
          </span>
          {c.category ? <span className="muted concepts-sub">{c.category}</span> : null}
        </div>
      ),
    },
    {
      key: 'unit',
      header: t('fields.unit'),
      sortable: true,
      width: '5.5rem',
      cell: (c) => <span className="nowrap">{c.unit}</span>,
    },
    {
      key: 'quantity',
      header: t('fields.quantity'),
      headerLabel: t('fields.quantityLong'),
      sortable: true,
      align: 'end',
      width: '6.5rem',
      cell: (c) => fmt.quantity(c.quantity),
    },
    {
      key: 'unitPriceMxn',
      header: t('fields.unitPriceMxn'),
      sortable: true,
      align: 'end',
      width: '9rem',
      cell: (c) => (
        <span className={c.unitPriceMxn === '0' ? 'muted nowrap' : 'nowrap'}>
          {fmt.money(c.unitPriceMxn, 'MXN')}
        </span>
      ),
    },
    {
      key: 'unitPriceUsd',
      header: t('fields.unitPriceUsd'),
      sortable: true,
      align: 'end',
      width: '8.5rem',
      cell: (c) => (
        <span className={c.unitPriceUsd === '0' ? 'muted nowrap' : 'nowrap'}>
          {fmt.money(c.unitPriceUsd, 'USD')}
        </span>
      ),
    },
  ]
  if (pue) {
    columns.push(
      {
        key: 'status',
        header: t('fields.status'),
        sortable: true,
        width: '8.5rem',
        cell: (c) =>
          c.status ? (
            <StatusBadge tone={STATUS_TONE[c.status]}>{t(`status.${c.status}`)}</StatusBadge>
          ) : (
            <span className="muted">{t('status.none')}</span>
          ),
      },
      {
        key: 'sanctionDate',
        header: t('fields.sanctionDate'),
        sortable: true,
        width: '7.5rem',
        cell: (c) =>
          c.sanctionDate ? (
            <span className="nowrap">{fmt.date(c.sanctionDate)}</span>
          ) : (
            <span className="muted">—</span>
          ),
      },
    )
  }

  const kinds: { value: TConceptKind | undefined; label: string; count: number | undefined }[] = [
    {
      value: undefined,
      label: t('kinds.all'),
      count: counts ? counts.ordinary + counts.extraordinary : undefined,
    },
    { value: 'ordinary', label: t('kinds.ordinary'), count: counts?.ordinary },
    { value: 'extraordinary', label: t('kinds.extraordinary'), count: counts?.extraordinary },
  ]
  const annexes = facets.data?.annexes ?? []
  const emptyMessage = filtered ? t('list.emptyFiltered') : t('list.empty')

  return (
    <div className="page concepts">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <>
            <JobExportButton
              size="md"
              url={conceptExportUrl}
              body={params}
              doneMessage={t('list.exportDone')}
              disabled={!list.data || list.data.total === 0}
            />
            {has('concept.import') ? (
              <Button
                variant="primary"
                icon={<Icon name="upload" />}
                onClick={() => setImporting(true)}
                data-testid="import-concepts"
              >
                {t('actions.import')}
              </Button>
            ) : null}
          </>
        }
      />
      <div className="segmented concepts-kinds" role="group" aria-label={t('kindLabel')}>
        {kinds.map((k) => (
          <button
            key={k.value ?? 'all'}
            type="button"
            className="segmented__item"
            aria-pressed={search.kind === k.value}
            onClick={() =>
              setSearch({
                kind: k.value,
                status: undefined,
                annex: undefined,
                sort: undefined,
                dir: undefined,
              })
            }
          >
            {k.label}
            {k.count !== undefined ? (
              <span className="concepts-kinds__count">{fmt.integer(k.count)}</span>
            ) : null}
          </button>
        ))}
      </div>
      <section
        className={
          pue ? 'card card--flush concepts-table concepts-table--pue' : 'card card--flush concepts-table'
        }
      >
        <FilterBar
          active={filtered}
          onClear={route.clearFilters}
          end={
            list.data ? (
              <span className="muted" aria-live="polite">
                {t('list.count', { count: list.data.total, formatted: fmt.integer(list.data.total) })}
              </span>
            ) : null
          }
        >
          <SearchInput
            value={search.q ?? ''}
            label={t('list.search')}
            placeholder={t('list.searchHint')}
            onChange={(q) => setSearch({ q: q || undefined })}
            className="concepts-search"
          />
          <Filter label={t('list.annex')} htmlFor={`${id}-annex`}>
            <select
              id={`${id}-annex`}
              className="input"
              value={search.annex ?? ''}
              onChange={(e) => setSearch({ annex: e.target.value || undefined })}
            >
              <option value="">{t('list.all')}</option>
              {search.annex && !annexes.some((a) => a.annex === search.annex) ? (
                <option value={search.annex}>{search.annex}</option>
              ) : null}
              {annexes.map((a) => (
                <option key={a.annex} value={a.annex}>
                  {a.annex} ({fmt.integer(a.concepts)})
                </option>
              ))}
            </select>
          </Filter>
          {pue ? (
            <OptionFilter
              label={t('list.status')}
              value={search.status}
              onChange={(v) => setSearch({ status: v as ConceptsSearch['status'] })}
              allLabel={t('list.all')}
              options={PUE_STATUSES.map((x) => ({ value: x, label: t(`status.${x}`) }))}
            />
          ) : null}
        </FilterBar>
        <DataTable
          caption={t('list.caption')}
          columns={columns}
          rows={list.data?.items}
          rowKey={(c) => c.id}
          loading={list.isPending}
          fetching={list.isFetching && !list.isPending}
          error={list.error}
          onRetry={() => void list.refetch()}
          {...route.tableProps(list.data?.total)}
          renderExpanded={(c) => <ConceptDetail c={c} />}
          empty={
            !filtered && has('concept.import') ? (
              <>
                {emptyMessage} {t('list.emptyHint')}
              </>
            ) : (
              emptyMessage
            )
          }
          dense
          fixedLayout
        />
      </section>
      {importing ? <ImportDialog onClose={() => setImporting(false)} /> : null}
    </div>
  )
}
