import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { ZVehicleInput, type TVehicle, type TVehicleDetail, type TVehicleInput } from '@faena/contracts'
import {
  Button,
  ConfirmDialog,
  Dialog,
  FormError,
  FormField,
  useToast,
  type Column,
  UnsavedChangesGuard,
} from '../../platform/components'
import { useCan } from '../../platform/session'
import { useZodForm } from '../../platform/validation'
import { exportUrls, useDeleteOwner, useSaveVehicle, vehicleListQuery, vehicleQuery } from './api'
import type { VehiclesSearch } from './routes'
import { OwnerDetailPage, OwnerListPage, ownerListParams, patchSearch } from './owner-pages'
import { errorLine, orNull } from './ui'

type VehicleForm = {
  plate: string
  brand: string
  model: string
  year: string
  active: boolean
  notes: string
}
const formOf = (v: TVehicle | null): VehicleForm => ({
  plate: v?.plate ?? '',
  brand: v?.brand ?? '',
  model: v?.model ?? '',
  year: v?.year ? String(v.year) : '',
  active: v?.active ?? true,
  notes: v?.notes ?? '',
})
const toInput = (f: VehicleForm): TVehicleInput => ({
  plate: f.plate.trim().toUpperCase(),
  brand: orNull(f.brand),
  model: orNull(f.model),
  year: f.year.trim() ? Number(f.year) : null,
  active: f.active,
  notes: orNull(f.notes),
})

/** Create or edit a vehicle (plate format checked here and on the server); delete from here. */
const VehicleDialog = ({
  vehicle,
  onClose,
  onCreated,
  onDeleted,
}: {
  vehicle: TVehicle | null
  onClose: () => void
  onCreated?: (v: TVehicleDetail) => void
  onDeleted?: () => void
}) => {
  const { t } = useTranslation(['field-staff', 'platform'])
  const toast = useToast()
  const can = useCan()
  const save = useSaveVehicle()
  const remove = useDeleteOwner('vehicle')
  const form = useZodForm(ZVehicleInput, toInput(formOf(vehicle)))
  const [v, setV] = useState<VehicleForm>(formOf(vehicle))
  const [formError, setFormError] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const ref = (id: string) => t('platform:errors.reference', { id })
  const set = <K extends keyof VehicleForm>(k: K, value: VehicleForm[K]) => {
    setV((x) => ({ ...x, [k]: value }))
    if (form.errors[k])
      form.setErrors(Object.fromEntries(Object.entries(form.errors).filter(([key]) => key !== k)))
  }
  const submit = () => {
    setFormError(null)
    const parsed = ZVehicleInput.safeParse(toInput(v))
    if (!parsed.success) {
      form.setErrors(
        Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.') || '_form', i.message])),
      )
      return
    }
    save.mutate(
      { ...(vehicle ? { id: vehicle.id } : {}), body: parsed.data },
      {
        onSuccess: (x) => {
          toast.success(vehicle ? t('vehicles.saved') : t('vehicles.created', { plate: x.plate }))
          onClose()
          if (!vehicle) onCreated?.(x)
        },
        onError: (e) => {
          if (!form.applyServerError(e)) setFormError(errorLine(e, ref))
        },
      },
    )
  }
  const text = (k: 'brand' | 'model') => (
    <FormField label={t(`vehicles.fields.${k}`)} error={form.errors[k]}>
      {(p) => (
        <input
          {...p}
          className="input"
          value={v[k]}
          onChange={(e) => set(k, e.target.value)}
          data-testid={`vehicle-${k}`}
        />
      )}
    </FormField>
  )
  return (
    <>
      <Dialog
        open={!confirming}
        onClose={onClose}
        title={vehicle ? t('vehicles.editTitle', { plate: vehicle.plate }) : t('vehicles.newTitle')}
        onSubmit={submit}
        footer={
          <>
            {vehicle && can('fieldStaff.manage') ? (
              <Button
                variant="danger"
                className="dialog__footer-start"
                onClick={() => setConfirming(true)}
                disabled={save.isPending}
              >
                {t('platform:actions.delete')}
              </Button>
            ) : null}
            <Button onClick={onClose} disabled={save.isPending}>
              {t('platform:actions.cancel')}
            </Button>
            <Button type="submit" variant="primary" loading={save.isPending} data-testid="vehicle-save">
              {vehicle ? t('platform:actions.save') : t('platform:actions.create')}
            </Button>
          </>
        }
      >
        <UnsavedChangesGuard when={form.isDirty} />
        <FormError>{formError}</FormError>
        <div className="form-grid">
          <FormField
            label={t('vehicles.fields.plate')}
            hint={t('vehicles.fields.plateHint')}
            error={form.errors.plate}
            required
          >
            {(p) => (
              <input
                {...p}
                className="input mono"
                maxLength={9}
                value={v.plate}
                onChange={(e) => set('plate', e.target.value.toUpperCase())}
                data-testid="vehicle-plate"
              />
            )}
          </FormField>
          <FormField label={t('vehicles.fields.year')} error={form.errors.year}>
            {(p) => (
              <input
                {...p}
                className="input"
                inputMode="numeric"
                maxLength={4}
                value={v.year}
                onChange={(e) => set('year', e.target.value.replace(/\D/g, ''))}
              />
            )}
          </FormField>
          {text('brand')}
          {text('model')}
          <FormField label={t('vehicles.fields.active')}>
            {(p) => (
              <label className="checkbox">
                <input
                  {...p}
                  type="checkbox"
                  checked={v.active}
                  onChange={(e) => set('active', e.target.checked)}
                />{' '}
                {t('common.active')}
              </label>
            )}
          </FormField>
          <FormField label={t('vehicles.fields.notes')} error={form.errors.notes} className="fs-wide">
            {(p) => (
              <textarea
                {...p}
                className="input textarea"
                rows={2}
                value={v.notes}
                onChange={(e) => set('notes', e.target.value)}
              />
            )}
          </FormField>
        </div>
      </Dialog>
      <ConfirmDialog
        open={confirming}
        title={t('vehicles.deleteTitle', { plate: vehicle?.plate ?? '' })}
        confirmLabel={t('platform:actions.delete')}
        tone="danger"
        busy={remove.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          vehicle &&
          remove.mutate(vehicle.id, {
            onSuccess: () => {
              toast.success(t('vehicles.deleted'))
              onClose()
              onDeleted?.()
            },
            onError: (e) => {
              setConfirming(false)
              setFormError(errorLine(e, ref))
            },
          })
        }
      >
        <p>{t('vehicles.deleteBody')}</p>
      </ConfirmDialog>
    </>
  )
}

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
