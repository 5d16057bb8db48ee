import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { type TFieldStaff } from '@faena/contracts'
import { type Column } from '../../platform/components'
import { exportUrls, personQuery, staffListQuery } from './api'
import type { StaffSearch } from './routes'
import { OwnerDetailPage, OwnerListPage, ownerListParams, patchSearch } from './owner-pages'
import { VaccinesPanel } from './vaccines-panel'
import { PersonDialog } from './person-dialog'

export const StaffPage = () => {
  const { t } = useTranslation(['field-staff', 'platform'])
  const search = useSearch({ from: '/app/rental/staff' })
  const navigate = useNavigate({ from: '/rental/staff' })
  const { params, limit, offset } = ownerListParams(search)
  const list = useQuery(staffListQuery({ ...params, limit, offset }))
  const setSearch = (patch: Partial<StaffSearch>, resetPage = true) =>
    void navigate({ search: patchSearch(patch, resetPage), replace: true })

  const columns: Column<TFieldStaff>[] = [
    {
      key: 'name',
      header: t('staff.fields.name'),
      sortable: true,
      cell: (p) => (
        <div>
          <Link to="/rental/staff/$id" params={{ id: p.id }} className="cell-strong">
            {p.lastNames}, {p.firstNames}
          </Link>
          {!p.active ? <span className="fs-sub">{t('common.inactive')}</span> : null}
        </div>
      ),
    },
    {
      key: 'cedula',
      header: t('staff.fields.cedula'),
      sortable: true,
      width: '9rem',
      cell: (p) => <span className="fs-code">{p.cedula}</span>,
    },
    {
      key: 'phone',
      header: t('staff.fields.phone'),
      cell: (p) => p.phone ?? <span className="muted">{t('common.none')}</span>,
    },
  ]

  return (
    <OwnerListPage
      room="staff"
      newTestId="new-person"
      search={search}
      setSearch={(patch, resetPage) => setSearch(patch as Partial<StaffSearch>, resetPage)}
      list={list}
      exportUrl={exportUrls.staff}
      columns={columns}
      onOpen={(p) => void navigate({ to: '/rental/staff/$id', params: { id: p.id } })}
      creating={(close) => (
        <PersonDialog
          person={null}
          onClose={close}
          onCreated={(p) => void navigate({ to: '/rental/staff/$id', params: { id: p.id } })}
        />
      )}
    />
  )
}

export const PersonPage = () => {
  const { t } = useTranslation(['field-staff', 'platform'])
  const { id } = useParams({ from: '/app/rental/staff/$id' })
  const navigate = useNavigate()
  return (
    <OwnerDetailPage
      owner="staff"
      room="staff"
      query={useQuery(personQuery(id))}
      back={<Link to="/rental/staff">{t('common.back')}</Link>}
      title={(p) => p.fullName}
      subtitle={(p) =>
        `${t('staff.fields.cedula')} ${p.cedula}${p.active ? '' : ` · ${t('common.inactive')}`}`
      }
      editTestId="edit-person"
      main={(p) => <VaccinesPanel staffId={p.id} vaccines={p.vaccines} canManage={p.canManage} />}
      side={(p) => (
        <section className="card" aria-labelledby="fs-person">
          <h2 id="fs-person" className="section-title">
            {t('staff.contact')}
          </h2>
          <dl className="deflist">
            <dt>{t('staff.fields.phone')}</dt>
            <dd>{p.phone ?? t('common.none')}</dd>
            <dt>{t('staff.fields.email')}</dt>
            <dd>{p.email ?? t('common.none')}</dd>
            <dt>{t('staff.fields.notes')}</dt>
            <dd>{p.notes ?? t('common.none')}</dd>
          </dl>
        </section>
      )}
      editing={(p, close) => (
        <PersonDialog person={p} onClose={close} onDeleted={() => void navigate({ to: '/rental/staff' })} />
      )}
    />
  )
}
