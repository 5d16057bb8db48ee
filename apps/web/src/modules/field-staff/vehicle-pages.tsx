import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { type TVehicle } from '@faena/contracts'
import { type Column } from '../../platform/components'
import { exportUrls, vehicleListQuery, vehicleQuery } from './api'
import type { VehiclesSearch } from './routes'
import { OwnerDetailPage, OwnerListPage, ownerListParams, patchSearch } from './owner-pages'
import { VehicleDialog } from './vehicle-dialog'

export const VehiclesPage = () => {
  const { t } = useTranslation(['field-staff', 'platform'])
  const search = useSearch({ from: '/app/rental/vehicles' })
  const navigate = useNavigate({ from: '/rental/vehicles' })
  const { params, limit, offset } = ownerListParams(search)
  const list = useQuery(vehicleListQuery({ ...params, limit, offset }))
  const setSearch = (patch: Partial<VehiclesSearch>, resetPage = true) =>
    void navigate({ search: patchSearch(patch, resetPage), replace: true })
  const columns: Column<TVehicle>[] = [
    {
      key: 'plate',
      header: t('vehicles.fields.plate'),
      sortable: true,
      width: '9rem',
      cell: (v) => (
        <div>
          <Link to="/rental/vehicles/$id" params={{ id: v.id }} className="fs-code">
            {v.plate}
          </Link>
          {!v.active ? <span className="fs-sub">{t('common.inactive')}</span> : null}
        </div>
      ),
    },
    {
      key: 'brand',
      header: `${t('vehicles.fields.brand')} / ${t('vehicles.fields.model')}`,
      sortable: true,
      cell: (v) => (
        <div>
          <span>{[v.brand, v.model].filter(Boolean).join(' ') || t('common.none')}</span>
          {v.year ? <span className="fs-sub">{v.year}</span> : null}
        </div>
      ),
    },
  ]
  return (
    <OwnerListPage
      room="vehicles"
      newTestId="new-vehicle"
      search={search}
      setSearch={(patch, resetPage) => setSearch(patch as Partial<VehiclesSearch>, resetPage)}
      list={list}
      exportUrl={exportUrls.vehicles}
      columns={columns}
      onOpen={(v) => void navigate({ to: '/rental/vehicles/$id', params: { id: v.id } })}
      creating={(close) => (
        <VehicleDialog
          vehicle={null}
          onClose={close}
          onCreated={(v) => void navigate({ to: '/rental/vehicles/$id', params: { id: v.id } })}
        />
      )}
    />
  )
}

export const VehiclePage = () => {
  const { t } = useTranslation(['field-staff', 'platform'])
  const { id } = useParams({ from: '/app/rental/vehicles/$id' })
  const navigate = useNavigate()
  return (
    <OwnerDetailPage
      owner="vehicle"
      room="vehicles"
      query={useQuery(vehicleQuery(id))}
      back={<Link to="/rental/vehicles">{t('common.back')}</Link>}
      title={(v) => v.plate}
      subtitle={(v) =>
        [[v.brand, v.model].filter(Boolean).join(' '), v.year, v.active ? null : t('common.inactive')]
          .filter(Boolean)
          .join(' · ')
      }
      editTestId="edit-vehicle"
      side={(v) =>
        v.notes ? (
          <section className="card">
            <h2 className="section-title">{t('vehicles.fields.notes')}</h2>
            <p>{v.notes}</p>
          </section>
        ) : null
      }
      editing={(v, close) => (
        <VehicleDialog
          vehicle={v}
          onClose={close}
          onDeleted={() => void navigate({ to: '/rental/vehicles' })}
        />
      )}
    />
  )
}
