import { useId, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate, useSearch } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { TechnicalStatusLink } from '../equipment-condition'
import {
  RENTAL_AVAILABILITIES,
  RENTAL_CONDITIONS,
  RENTAL_EQUIPMENT_KINDS,
  RENTAL_EQUIPMENT_TYPES,
  type TRentalEquipment,
} from '@faena/contracts'
import {
  Button,
  DataTable,
  Filter,
  FilterBar,
  Icon,
  PageHeader,
  SearchInput,
  StatusBadge,
  type Column,
  type SortState,
  JobExportButton,
  ListCount,
} from '../../platform/components'
import { cleanSearch, pageOf } from '../../platform/list-search'
import { useCan, useFormat } from '../../platform/session'
import { equipmentListQuery, exportUrls } from './api'
import type { EquipmentSearch } from './routes'
import { AvailabilityBadge, ConditionBadge, ReviewBadge } from './ui'
import { EquipmentDialog } from './equipment-dialog'
import { ImportDialog } from './equipment-import-dialog'

export const EquipmentPage = () => {
  const { t } = useTranslation(['rental-projects', 'platform'])
  const fmt = useFormat()
  const can = useCan()
  const id = useId()
  const search = useSearch({ from: '/app/rental/equipment' })
  const navigate = useNavigate({ from: '/rental/equipment' })
  const { limit, offset } = pageOf(search)
  const [dialog, setDialog] = useState<{ unit: TRentalEquipment | null } | null>(null)
  const [importing, setImporting] = useState(false)
  const params = {
    q: search.q,
    kind: search.kind,
    type: search.type,
    condition: search.condition,
    availability: search.availability,
    review: search.review ? 'true' : undefined,
    sort: search.sort,
    dir: search.dir,
  }
  const list = useQuery(equipmentListQuery({ ...params, limit, offset }))
  const unitIds = (list.data?.items ?? []).filter((e) => e.kind !== 'service').map((e) => e.id)
  const setSearch = (patch: Partial<EquipmentSearch>, resetPage = true) =>
    void navigate({
      search: (prev) => cleanSearch({ ...prev, ...patch, ...(resetPage ? { offset: undefined } : {}) }),
      replace: true,
    })
  const filtered = Boolean(
    search.q || search.kind || search.type || search.condition || search.availability || search.review,
  )
  const sort: SortState | undefined = search.sort ? { key: search.sort, dir: search.dir ?? 'asc' } : undefined

  const select = <K extends 'kind' | 'type' | 'condition' | 'availability'>(
    key: K,
    values: readonly string[],
    label: string,
    prefix: string,
  ) => (
    <Filter label={label} htmlFor={`${id}-${key}`}>
      <select
        id={`${id}-${key}`}
        className="input"
        value={search[key] ?? ''}
        onChange={(e) => setSearch({ [key]: e.target.value || undefined })}
      >
        <option value="">{t('common.all')}</option>
        {values.map((x) => (
          <option key={x} value={x}>
            {t(`${prefix}.${x}` as 'kind.equipment')}
          </option>
        ))}
      </select>
    </Filter>
  )

  const columns: Column<TRentalEquipment>[] = [
    {
      key: 'code',
      header: t('equipment.fields.code'),
      sortable: true,
      width: '11rem',
      cell: (e) => (
        <div>
          <span className="rp-code">{e.code}</span>
          {e.reviewNote ? (
            <span className="rp-sub">
              <ReviewBadge note={e.reviewNote} />
            </span>
          ) : null}
        </div>
      ),
    },
    {
      key: 'name',
      header: t('equipment.fields.name'),
      sortable: true,
      cell: (e) => (
        <div>
          <span>{e.name}</span>
          {e.brand || e.model || e.serialNumber ? (
            <span className="rp-sub">{[e.brand, e.model, e.serialNumber].filter(Boolean).join(' · ')}</span>
          ) : null}
        </div>
      ),
    },
    {
      key: 'type',
      header: t('equipment.fields.type'),
      sortable: true,
      width: '11rem',
      cell: (e) =>
        e.kind === 'service' ? (
          <StatusBadge tone="neutral">{t('kind.service')}</StatusBadge>
        ) : (
          <span>{e.type ? t(`type.${e.type}`) : t('common.none')}</span>
        ),
    },
    {
      key: 'condition',
      header: t('equipment.fields.condition'),
      sortable: true,
      width: '8.5rem',
      cell: (e) =>
        e.kind === 'service' ? (
          <span className="muted">{t('common.none')}</span>
        ) : (
          <ConditionBadge condition={e.condition} />
        ),
    },
    {
      key: 'technicalStatus',
      header: t('equipment.fields.technicalStatus'),
      width: '9rem',
      cell: (e) =>
        e.kind === 'service' ? null : <TechnicalStatusLink equipmentId={e.id} pageIds={unitIds} />,
    },
    {
      key: 'availability',
      header: t('equipment.fields.availability'),
      sortable: true,
      width: '17rem',
      cell: (e) =>
        e.kind === 'service' ? (
          <span className="muted">{t('common.none')}</span>
        ) : (
          <div>
            <AvailabilityBadge availability={e.availability} />
            {e.currentProject ? (
              <span className="rp-sub">
                <Link
                  to="/rental/projects/$id"
                  params={{ id: e.currentProject.id }}
                  onClick={(ev) => ev.stopPropagation()}
                >
                  {e.currentProject.name}
                </Link>
                {e.currentProject.location ? ` · ${e.currentProject.location}` : ''}
              </span>
            ) : e.location ? (
              <span className="rp-sub">{e.location}</span>
            ) : null}
          </div>
        ),
    },
  ]

  return (
    <div className="page">
      <PageHeader
        title={t('equipment.title')}
        subtitle={t('equipment.subtitle')}
        actions={
          can('rental.manage') ? (
            <>
              <Button
                icon={<Icon name="download" />}
                onClick={() => setImporting(true)}
                data-testid="import-open"
              >
                {t('equipment.import')}
              </Button>
              <Button variant="primary" icon={<Icon name="plus" />} onClick={() => setDialog({ unit: null })}>
                {t('equipment.new')}
              </Button>
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
              kind: undefined,
              type: undefined,
              condition: undefined,
              availability: undefined,
              review: undefined,
            })
          }
          end={
            <>
              <ListCount
                total={list.data?.total}
                label={(count) => t('common.count', { count, formatted: fmt.integer(count) })}
              />
              <JobExportButton
                url={exportUrls.equipment}
                body={params}
                doneMessage={t('common.exportDone')}
                disabled={!list.data || list.data.total === 0}
              />
            </>
          }
        >
          <SearchInput
            value={search.q ?? ''}
            label={t('equipment.search')}
            placeholder={t('equipment.search')}
            onChange={(q) => setSearch({ q: q || undefined })}
            className="rp-search"
          />
          {select('kind', RENTAL_EQUIPMENT_KINDS, t('equipment.filters.kind'), 'kind')}
          {select('type', RENTAL_EQUIPMENT_TYPES, t('equipment.filters.type'), 'type')}
          {select('condition', RENTAL_CONDITIONS, t('equipment.filters.condition'), 'condition')}
          {select('availability', RENTAL_AVAILABILITIES, t('equipment.filters.availability'), 'availability')}
          <label className="rp-toggle">
            <input
              type="checkbox"
              checked={search.review === true}
              onChange={(e) => setSearch({ review: e.target.checked || undefined })}
            />
            {t('equipment.reviewOnly')}
          </label>
        </FilterBar>
        <DataTable
          caption={t('equipment.caption')}
          columns={columns}
          rows={list.data?.items}
          rowKey={(e) => e.id}
          loading={list.isPending}
          fetching={list.isFetching && !list.isPending}
          error={list.error}
          onRetry={() => void list.refetch()}
          onRowClick={can('rental.manage') ? (e) => setDialog({ unit: e }) : undefined}
          sort={sort}
          onSortChange={(s) => setSearch({ sort: s.key as EquipmentSearch['sort'], dir: s.dir })}
          empty={filtered ? t('equipment.emptyFiltered') : t('equipment.empty')}
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
      {dialog ? <EquipmentDialog unit={dialog.unit} onClose={() => setDialog(null)} /> : null}
      {importing ? <ImportDialog onClose={() => setImporting(false)} /> : null}
    </div>
  )
}
