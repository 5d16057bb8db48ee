import { useId, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link, useParams, useSearch } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { CATALOG_NAMES, type TCatalogName } from '@faena/contracts'
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
  activeUsersQuery,
  type Column,
} from '../../platform/components'
import { useListRoute, type ListRoute } from '../../platform/list-route'
import { useCan, useFormat } from '../../platform/session'
import { CATALOG_UI, GROUPS } from './catalog-ui'
import { catalogListQuery, exportUrl, type CatalogListParams, type CatalogRow } from './catalogs-api'
import { ActiveBadge, RestoreButton, ShowInactiveToggle } from './parts'
import { RecordDialog, type DialogState } from './record-dialog'
import type { CatalogSearch } from './routes'
import { StepTree } from './step-tree'
import './catalogs.css'

/** Catalog screen: the list of catalogs on the side, the chosen catalog's records on the right. */
export const CatalogPage = () => {
  const name = useParams({ from: '/app/catalogs/$name', select: (p) => p.name as TCatalogName })
  return <CatalogView key={name} name={name} />
}

const CatalogNav = ({ current }: { current: TCatalogName }) => {
  const { t } = useTranslation('catalogs')
  return (
    <nav className="catalogs__nav" aria-label={t('sideLabel')}>
      {GROUPS.map((g) => (
        <div key={g} className="catalogs__group">
          <p className="catalogs__group-title">{t(`groups.${g}`)}</p>
          <ul className="catalogs__list">
            {CATALOG_NAMES.filter((n) => CATALOG_UI[n].group === g).map((n) => (
              <li key={n}>
                <Link
                  to="/catalogs/$name"
                  params={{ name: n }}
                  className={n === current ? 'catalogs__link catalogs__link--active' : 'catalogs__link'}
                  aria-current={n === current ? 'page' : undefined}
                >
                  {t(`names.${n}`)}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  )
}

const CatalogView = ({ name }: { name: TCatalogName }) => {
  const { t } = useTranslation(['catalogs', 'platform'])
  const has = useCan()
  const manage = has('catalog.manage')
  const search = useSearch({ from: '/app/catalogs/$name' })
  const ui = CATALOG_UI[name]
  const [dialog, setDialog] = useState<DialogState | null>(null)
  const route = useListRoute(search, ui.filter ? ['q', ui.filter.param] : ['q'])
  const { setSearch } = route

  const classifierValue = ui.filter ? search[ui.filter.param] : undefined
  const filters = {
    q: search.q,
    includeInactive: search.includeInactive ? ('true' as const) : undefined,
    ...(ui.tree
      ? { clientType: search.clientType ?? 'CONTRATO', sort: 'position' }
      : { sort: search.sort, dir: search.dir, ...(ui.filter ? { [ui.filter.param]: classifierValue } : {}) }),
  }

  return (
    <div className="page">
      <PageHeader
        breadcrumb={<span>{t('title')}</span>}
        title={t(`names.${name}`)}
        subtitle={t(`descriptions.${name}`)}
        actions={
          <>
            <JobExportButton size="md" url={exportUrl(name)} body={filters} />
            {manage ? (
              <Button
                variant="primary"
                icon={<Icon name="plus" />}
                onClick={() =>
                  setDialog({
                    mode: 'create',
                    preset: ui.tree
                      ? { clientType: search.clientType ?? 'CONTRATO' }
                      : ui.filter && classifierValue
                        ? { [ui.filter.param]: classifierValue }
                        : {},
                  })
                }
              >
                {t(`newRecord.${name}`)}
              </Button>
            ) : null}
          </>
        }
      />
      <div className="catalogs">
        <CatalogNav current={name} />
        <div className="catalogs__content">
          {ui.tree ? (
            <StepTree
              name={name as 'proposal-step-templates' | 'work-order-step-templates'}
              search={search}
              setSearch={setSearch}
              manage={manage}
              onOpen={(record) => setDialog({ mode: 'edit', record })}
              onAddSub={(parent) =>
                setDialog({
                  mode: 'create',
                  preset: {
                    clientType: parent.clientType,
                    parentId: parent.id,
                    position: parent.nextSubPosition,
                  },
                })
              }
            />
          ) : (
            <CatalogTable
              name={name}
              search={search}
              route={route}
              manage={manage}
              onOpen={(record) => setDialog({ mode: 'edit', record })}
              onCreate={() => setDialog({ mode: 'create', preset: {} })}
            />
          )}
        </div>
      </div>
      {dialog ? <RecordDialog name={name} state={dialog} onClose={() => setDialog(null)} /> : null}
    </div>
  )
}

type ListProps = {
  name: TCatalogName
  search: CatalogSearch
  route: ListRoute<CatalogSearch>
  manage: boolean
  onOpen: (record: CatalogRow) => void
  onCreate: () => void
}

const text = (v: unknown) => (typeof v === 'string' ? v : '')

const CatalogTable = ({ name, search, route, manage, onOpen, onCreate }: ListProps) => {
  const { t } = useTranslation(['catalogs', 'platform'])
  const fmt = useFormat()
  const id = useId()
  const ui = CATALOG_UI[name]
  const { setSearch, filtered, limit, offset } = route
  const params: CatalogListParams = {
    q: search.q,
    sort: search.sort,
    dir: search.dir,
    includeInactive: search.includeInactive ? 'true' : undefined,
    ...(ui.filter ? { [ui.filter.param]: search[ui.filter.param] } : {}),
    limit,
    offset,
  }
  const list = useQuery(catalogListQuery(name, params))
  // project managers show the user account they are linked to, by name
  const users = useQuery({ ...activeUsersQuery(), enabled: name === 'project-managers' })
  const userNames = new Map((users.data?.items ?? []).map((u) => [u.id, u.name]))

  const classifierLabel = (v: unknown) => {
    const c = ui.classifier
    if (!c || typeof v !== 'string') return ''
    return (t as unknown as (k: string) => string)(`${c.labels}.${v}`)
  }

  const columns: Column<CatalogRow>[] = []
  if (name === 'units') {
    columns.push(
      {
        key: 'key',
        header: t('fields.key'),
        sortable: true,
        width: '10rem',
        cell: (r) => <span className="mono cell-strong">{text(r.key)}</span>,
      },
      {
        key: 'name',
        header: t('fields.description'),
        headerLabel: t('fields.description'),
        sortable: true,
        cell: (r) => text(r.description),
      },
    )
  } else {
    columns.push({
      key: 'name',
      header: t('fields.name'),
      sortable: true,
      width: '34%',
      cell: (r) => <span className="cell-strong">{text(r.name)}</span>,
    })
  }
  if (name === 'project-managers') {
    columns.push({
      key: 'email',
      header: t('fields.email'),
      cell: (r) => text(r.email) || <span className="muted">—</span>,
    })
    columns.push({
      key: 'userId',
      header: t('fields.userId'),
      cell: (r) =>
        typeof r.userId === 'string' ? (
          (userNames.get(r.userId) ?? <span className="muted">{t('form.userInactive')}</span>)
        ) : (
          <span className="muted">—</span>
        ),
    })
  }
  if (ui.classifier) {
    const c = ui.classifier
    columns.push({
      key: c.field,
      header: t(`fields.${c.field}`),
      width: c.type === 'checkboxes' ? '18rem' : '11rem',
      cell: (r) => {
        const v = r[c.field]
        if (Array.isArray(v))
          return v.map((x) => classifierLabel(x)).join(', ') || <span className="muted">—</span>
        return c.field === 'clientType' ? (
          <StatusBadge tone={v === 'CONTRATO' ? 'info' : 'warning'}>{classifierLabel(v)}</StatusBadge>
        ) : (
          classifierLabel(v)
        )
      },
    })
  }
  columns.push({
    key: 'comment',
    header: t('fields.comment'),
    className: 'catalogs__comment',
    cell: (r) => (r.comment ? <span title={r.comment}>{r.comment}</span> : <span className="muted">—</span>),
  })
  columns.push({
    key: 'createdAt',
    header: t('fields.createdAt'),
    sortable: true,
    width: '10rem',
    cell: (r) => fmt.date(r.createdAt.slice(0, 10)),
  })
  if (search.includeInactive) {
    columns.push({
      key: 'active',
      header: t('fields.status'),
      width: '7rem',
      cell: (r) => <ActiveBadge active={r.active} />,
    })
    if (manage) {
      columns.push({
        key: 'actions',
        header: <span className="visually-hidden">{t('list.actions')}</span>,
        width: '8rem',
        align: 'end',
        cell: (r) =>
          r.active ? null : <RestoreButton name={name} record={r} label={text(r[ui.titleField])} />,
      })
    }
  }

  const empty = filtered ? undefined : (
    <>
      {t('list.empty')}
      {manage ? (
        <>
          {' '}
          <Button variant="ghost" size="sm" onClick={onCreate}>
            {t('list.emptyAction')}
          </Button>
        </>
      ) : null}
    </>
  )

  return (
    <section className="card card--flush">
      <FilterBar
        active={filtered}
        onClear={route.clearFilters}
        end={list.data ? <span className="muted">{t('list.count', { count: list.data.total })}</span> : null}
      >
        <SearchInput
          value={search.q ?? ''}
          label={t('list.search')}
          placeholder={name === 'units' ? t('list.searchUnits') : t('list.searchPlaceholder')}
          onChange={(q) => setSearch({ q: q || undefined })}
        />
        {ui.filter ? (
          <Filter label={t(`fields.${ui.filter.param}`)} htmlFor={`${id}-filter`}>
            <select
              id={`${id}-filter`}
              className="input"
              value={search[ui.filter.param] ?? ''}
              onChange={(e) => setSearch({ [ui.filter!.param]: e.target.value || undefined })}
            >
              <option value="">{t('list.all')}</option>
              {ui.filter.options.map((o) => (
                <option key={o} value={o}>
                  {(t as unknown as (k: string) => string)(`${ui.filter!.labels}.${o}`)}
                </option>
              ))}
            </select>
          </Filter>
        ) : null}
        <ShowInactiveToggle
          checked={!!search.includeInactive}
          onChange={(v) => setSearch({ includeInactive: v || undefined })}
        />
      </FilterBar>
      <DataTable
        caption={t('list.caption', { name: t(`names.${name}`) })}
        columns={columns}
        rows={list.data?.items}
        rowKey={(r) => r.id}
        loading={list.isPending}
        fetching={list.isFetching && !list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        onRowClick={manage ? onOpen : undefined}
        {...route.tableProps(list.data?.total)}
        sort={route.sort ?? { key: 'name', dir: 'asc' }}
        empty={empty}
      />
    </section>
  )
}
