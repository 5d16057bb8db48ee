import { useId } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link, useSearch } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { RENTAL_EQUIPMENT_TYPES, TECHNICAL_STATUSES, type TUnitStatus } from '@faena/contracts'
import {
  buttonClass,
  type Column,
  DataTable,
  Filter,
  FilterBar,
  JobExportButton,
  ListCount,
  PageHeader,
  SearchInput,
} from '../../platform/components'
import { useListRoute } from '../../platform/list-route'
import { useFormat } from '../../platform/session'
import { exportUrl, statusReportQuery } from './api'
import type { StatusSearch } from './routes'
import { TechnicalStatusBadge } from './ui'
import './equipment-condition.css'

const FILTER_KEYS = ['q', 'status', 'type'] as const

/** The status report: every unit's technical status, filters in the URL, counts per status, export as a job. */
export const StatusPage = () => {
  const { t } = useTranslation(['equipment-condition', 'platform'])
  const fmt = useFormat()
  const statusId = useId()
  const typeId = useId()
  const search = useSearch({ from: '/app/rental/equipment-status' })
  const route = useListRoute(search, FILTER_KEYS)
  const { limit, offset, setSearch, filtered } = route
  const params = { q: search.q, status: search.status, type: search.type, sort: search.sort, dir: search.dir }
  const list = useQuery(statusReportQuery({ ...params, limit, offset }))
  const columns: Column<TUnitStatus>[] = [
    {
      key: 'code',
      header: t('report.code'),
      sortable: true,
      width: '9rem',
      cell: (r) => (
        <Link to="/rental/equipment/$id/condition" params={{ id: r.equipmentId }} className="cell-strong">
          {r.code}
        </Link>
      ),
    },
    { key: 'name', header: t('report.name'), sortable: true, cell: (r) => r.name },
    {
      key: 'type',
      header: t('report.type'),
      sortable: true,
      cell: (r) => (r.type ? t(`types.${r.type}`) : t('common.none')),
    },
    {
      key: 'status',
      header: t('report.statusCol'),
      sortable: true,
      width: '9rem',
      cell: (r) => <TechnicalStatusBadge status={r.status} />,
    },
    {
      key: 'where',
      header: t('report.where'),
      cell: (r) => [r.projectName, r.location].filter(Boolean).join(' · ') || t('common.none'),
    },
    {
      key: 'lastInspectedOn',
      header: t('report.lastInspectedOn'),
      sortable: true,
      width: '9rem',
      cell: (r) => (r.lastInspectedOn ? fmt.date(r.lastInspectedOn) : t('report.never')),
    },
    {
      key: 'findings',
      header: t('report.findings'),
      cell: (r) =>
        [
          r.missingCount ? t('report.missing', { count: r.missingCount }) : null,
          r.damagedCount ? t('report.damagedItems', { count: r.damagedCount }) : null,
        ]
          .filter(Boolean)
          .join(' · ') || t('common.none'),
    },
  ]
  const counts = list.data?.counts
  return (
    <div className="page">
      <PageHeader
        title={t('report.title')}
        subtitle={t('report.subtitle')}
        actions={
          <Link to="/rental/equipment-checklists" className={buttonClass('secondary')}>
            {t('report.checklists')}
          </Link>
        }
      />
      {counts ? (
        <div className="ec-counts" role="list">
          {TECHNICAL_STATUSES.map((s) => (
            <button
              key={s}
              type="button"
              role="listitem"
              className={`ec-count${search.status === s ? ' ec-count--active' : ''}`}
              aria-pressed={search.status === s}
              onClick={() => setSearch({ status: search.status === s ? undefined : s })}
            >
              <span className="ec-count__n">{fmt.integer(counts[s] ?? 0)}</span>
              <span>{t(`status.${s}`)}</span>
            </button>
          ))}
        </div>
      ) : null}
      <section className="card card--flush">
        <FilterBar
          active={filtered}
          onClear={route.clearFilters}
          end={
            <>
              <ListCount
                total={list.data?.total}
                label={(count) => t('common.count', { count, formatted: fmt.integer(count) })}
              />
              <JobExportButton
                url={exportUrl}
                body={params}
                doneMessage={t('common.exportDone')}
                disabled={!list.data || list.data.total === 0}
              />
            </>
          }
        >
          <SearchInput
            value={search.q ?? ''}
            label={t('report.search')}
            placeholder={t('report.search')}
            onChange={(q) => setSearch({ q: q || undefined })}
          />
          <Filter label={t('report.statusFilter')} htmlFor={statusId}>
            <select
              id={statusId}
              className="input"
              value={search.status ?? ''}
              data-testid="status-filter"
              onChange={(e) => setSearch({ status: (e.target.value || undefined) as StatusSearch['status'] })}
            >
              <option value="">{t('common.all')}</option>
              {TECHNICAL_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </Filter>
          <Filter label={t('report.typeFilter')} htmlFor={typeId}>
            <select
              id={typeId}
              className="input"
              value={search.type ?? ''}
              onChange={(e) => setSearch({ type: (e.target.value || undefined) as StatusSearch['type'] })}
            >
              <option value="">{t('common.all')}</option>
              {RENTAL_EQUIPMENT_TYPES.map((s) => (
                <option key={s} value={s}>
                  {t(`types.${s}`)}
                </option>
              ))}
            </select>
          </Filter>
        </FilterBar>
        <DataTable
          caption={t('report.caption')}
          columns={columns}
          rows={list.data?.items}
          rowKey={(r) => r.equipmentId}
          loading={list.isPending}
          fetching={list.isFetching && !list.isPending}
          error={list.error}
          onRetry={() => void list.refetch()}
          empty={filtered ? t('report.emptyFiltered') : t('report.empty')}
          {...route.tableProps(list.data?.total)}
        />
      </section>
    </div>
  )
}
