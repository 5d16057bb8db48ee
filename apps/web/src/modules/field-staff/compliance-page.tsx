import { useId, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate, useSearch } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import type { TComplianceReportRow } from '@faena/contracts'
import {
  Button,
  type Column,
  DataTable,
  Filter,
  FilterBar,
  JobExportButton,
  ListCount,
  PageHeader,
  SearchInput,
  type SortState,
} from '../../platform/components'
import { cleanSearch, pageOf } from '../../platform/list-search'
import { useCan, useFormat } from '../../platform/session'
import { exportUrls, kindsQuery, reportQuery } from './api'
import type { ReportSearch } from './routes'
import { StatusFilter } from './owner-pages'
import { ComplianceBadge, useWhen } from './ui'
import { AlertsDialog } from './alerts-dialog'

export const CompliancePage = () => {
  const { t } = useTranslation(['field-staff', 'platform'])
  const fmt = useFormat()
  const can = useCan()
  const when = useWhen()
  const ownerId = useId()
  const kindId = useId()
  const search = useSearch({ from: '/app/rental/compliance' })
  const navigate = useNavigate({ from: '/rental/compliance' })
  const { limit, offset } = pageOf(search)
  const [alerts, setAlerts] = useState(false)
  const kinds = useQuery(kindsQuery())
  const params = {
    q: search.q,
    status: search.status,
    ownerKind: search.ownerKind,
    kindId: search.kindId,
    sort: search.sort,
    dir: search.dir,
  }
  const list = useQuery(reportQuery({ ...params, limit, offset }))
  const setSearch = (patch: Partial<ReportSearch>, resetPage = true) =>
    void navigate({
      search: (prev) => cleanSearch({ ...prev, ...patch, ...(resetPage ? { offset: undefined } : {}) }),
      replace: true,
    })
  const sort: SortState | undefined = search.sort ? { key: search.sort, dir: search.dir ?? 'asc' } : undefined
  const filtered = Boolean(search.q || search.status || search.ownerKind || search.kindId)
  const columns: Column<TComplianceReportRow>[] = [
    {
      key: 'owner',
      header: t('report.owner'),
      sortable: true,
      cell: (r) => (
        <div>
          {r.ownerKind === 'staff' ? (
            <Link to="/rental/staff/$id" params={{ id: r.ownerId }} className="cell-strong">
              {r.ownerName}
            </Link>
          ) : (
            <Link to="/rental/vehicles/$id" params={{ id: r.ownerId }} className="fs-code">
              {r.ownerName}
            </Link>
          )}
          <span className="fs-sub">{t(`report.ownerKinds.${r.ownerKind}`)}</span>
        </div>
      ),
    },
    {
      key: 'kind',
      header: t('report.kind'),
      sortable: true,
      cell: (r) => (
        <div>
          <span>{r.kindName}</span>
          {r.subject || r.number ? (
            <span className="fs-sub">{[r.subject, r.number].filter(Boolean).join(' · ')}</span>
          ) : null}
        </div>
      ),
    },
    {
      key: 'expiresOn',
      header: t('report.expiresOn'),
      sortable: true,
      width: '10rem',
      cell: (r) => (
        <div>
          <span>{fmt.date(r.expiresOn)}</span>
          <span className="fs-sub">{when(r.daysLeft)}</span>
        </div>
      ),
    },
    {
      key: 'status',
      header: t('documents.fields.status'),
      width: '11rem',
      cell: (r) => <ComplianceBadge status={r.status} />,
    },
  ]
  const kindOptions = (kinds.data ?? []).filter((k) => !search.ownerKind || k.ownerKind === search.ownerKind)
  return (
    <div className="page">
      <PageHeader
        title={t('report.title')}
        subtitle={t('report.subtitle')}
        actions={
          <>
            <Link to="/rental/compliance/kinds" className="btn btn--secondary" data-testid="kinds-link">
              {t('kinds.link')}
            </Link>
            {can('fieldStaff.manage') ? (
              <Button onClick={() => setAlerts(true)} data-testid="alert-settings">
                {t('report.alerts')}
              </Button>
            ) : null}
          </>
        }
      />
      <section className="card card--flush">
        <FilterBar
          active={filtered}
          onClear={() =>
            setSearch({ q: undefined, status: undefined, ownerKind: undefined, kindId: undefined })
          }
          end={
            <>
              <ListCount
                total={list.data?.total}
                label={(count) => t('common.count', { count, formatted: fmt.integer(count) })}
              />
              <JobExportButton
                url={exportUrls.report}
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
          <StatusFilter value={search.status} onChange={(status) => setSearch({ status })} />
          <Filter label={t('report.ownerKind')} htmlFor={ownerId}>
            <select
              id={ownerId}
              className="input"
              value={search.ownerKind ?? ''}
              onChange={(e) =>
                setSearch({
                  ownerKind: (e.target.value || undefined) as ReportSearch['ownerKind'],
                  kindId: undefined,
                })
              }
            >
              <option value="">{t('common.all')}</option>
              <option value="staff">{t('report.ownerKinds.staff')}</option>
              <option value="vehicle">{t('report.ownerKinds.vehicle')}</option>
            </select>
          </Filter>
          <Filter label={t('report.kind')} htmlFor={kindId}>
            <select
              id={kindId}
              className="input"
              value={search.kindId ?? ''}
              onChange={(e) => setSearch({ kindId: e.target.value || undefined })}
            >
              <option value="">{t('common.all')}</option>
              {kindOptions.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.name}
                </option>
              ))}
            </select>
          </Filter>
        </FilterBar>
        <DataTable
          caption={t('report.caption')}
          columns={columns}
          rows={list.data?.items}
          rowKey={(r) => r.documentId}
          loading={list.isPending}
          fetching={list.isFetching && !list.isPending}
          error={list.error}
          onRetry={() => void list.refetch()}
          sort={sort}
          onSortChange={(s) => setSearch({ sort: s.key as ReportSearch['sort'], dir: s.dir })}
          empty={filtered ? t('report.emptyFiltered') : t('report.empty')}
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
      {alerts ? <AlertsDialog onClose={() => setAlerts(false)} /> : null}
    </div>
  )
}
