import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import {
  ZFieldStaffInput,
  type TFieldStaff,
  type TFieldStaffDetail,
  type TFieldStaffInput,
} from '@faena/contracts'
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
import { exportUrls, personQuery, staffListQuery, useDeleteOwner, useSavePerson } from './api'
import type { StaffSearch } from './routes'
import { OwnerDetailPage, OwnerListPage, ownerListParams, patchSearch } from './owner-pages'
import { errorLine, orNull } from './ui'
import { VaccinesPanel } from './vaccines-panel'

type PersonForm = {
  firstNames: string
  lastNames: string
  cedula: string
  phone: string
  email: string
  active: boolean
  notes: string
}
const formOf = (p: TFieldStaff | null): PersonForm => ({
  firstNames: p?.firstNames ?? '',
  lastNames: p?.lastNames ?? '',
  cedula: p?.cedula ?? '',
  phone: p?.phone ?? '',
  email: p?.email ?? '',
  active: p?.active ?? true,
  notes: p?.notes ?? '',
})
const toInput = (f: PersonForm): TFieldStaffInput => ({
  firstNames: f.firstNames.trim(),
  lastNames: f.lastNames.trim(),
  cedula: f.cedula.trim(),
  phone: orNull(f.phone),
  email: orNull(f.email),
  active: f.active,
  notes: orNull(f.notes),
})

/** Create or edit a technician (cédula: 10 digits here, the check digit on the server); delete from here. */
export const PersonDialog = ({
  person,
  onClose,
  onCreated,
  onDeleted,
}: {
  person: TFieldStaff | null
  onClose: () => void
  onCreated?: (p: TFieldStaffDetail) => void
  onDeleted?: () => void
}) => {
  const { t } = useTranslation(['field-staff', 'platform'])
  const toast = useToast()
  const can = useCan()
  const save = useSavePerson()
  const remove = useDeleteOwner('staff')
  const form = useZodForm(ZFieldStaffInput, toInput(formOf(person)))
  const [v, setV] = useState<PersonForm>(formOf(person))
  const [formError, setFormError] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const ref = (id: string) => t('platform:errors.reference', { id })
  const set = <K extends keyof PersonForm>(k: K, value: PersonForm[K]) => {
    setV((x) => ({ ...x, [k]: value }))
    if (form.errors[k])
      form.setErrors(Object.fromEntries(Object.entries(form.errors).filter(([key]) => key !== k)))
  }
  const submit = () => {
    setFormError(null)
    const parsed = ZFieldStaffInput.safeParse(toInput(v))
    if (!parsed.success) {
      form.setErrors(
        Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.') || '_form', i.message])),
      )
      return
    }
    save.mutate(
      { ...(person ? { id: person.id } : {}), body: parsed.data },
      {
        onSuccess: (p) => {
          toast.success(person ? t('staff.saved') : t('staff.created', { name: p.fullName }))
          onClose()
          if (!person) onCreated?.(p)
        },
        onError: (e) => {
          if (!form.applyServerError(e)) setFormError(errorLine(e, ref))
        },
      },
    )
  }
  const text = (k: 'firstNames' | 'lastNames' | 'phone' | 'email', type = 'text', required = false) => (
    <FormField label={t(`staff.fields.${k}`)} error={form.errors[k]} required={required}>
      {(p) => (
        <input
          {...p}
          className="input"
          type={type}
          value={v[k]}
          onChange={(e) => set(k, e.target.value)}
          data-testid={`person-${k}`}
        />
      )}
    </FormField>
  )
  return (
    <>
      <Dialog
        open={!confirming}
        onClose={onClose}
        size="lg"
        title={person ? t('staff.editTitle', { name: person.fullName }) : t('staff.newTitle')}
        onSubmit={submit}
        footer={
          <>
            {person && can('fieldStaff.manage') ? (
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
            <Button type="submit" variant="primary" loading={save.isPending} data-testid="person-save">
              {person ? t('platform:actions.save') : t('platform:actions.create')}
            </Button>
          </>
        }
      >
        <UnsavedChangesGuard when={form.isDirty} />
        <FormError>{formError}</FormError>
        <div className="form-grid">
          {text('firstNames', 'text', true)}
          {text('lastNames', 'text', true)}
          <FormField
            label={t('staff.fields.cedula')}
            hint={t('staff.fields.cedulaHint')}
            error={form.errors.cedula}
            required
          >
            {(p) => (
              <input
                {...p}
                className="input mono"
                inputMode="numeric"
                maxLength={10}
                value={v.cedula}
                onChange={(e) => set('cedula', e.target.value.replace(/\D/g, ''))}
                data-testid="person-cedula"
              />
            )}
          </FormField>
          {text('phone', 'tel')}
          {text('email', 'email')}
          <FormField label={t('staff.fields.active')}>
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
          <FormField label={t('staff.fields.notes')} error={form.errors.notes} className="fs-wide">
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
        title={t('staff.deleteTitle', { name: person?.fullName ?? '' })}
        confirmLabel={t('platform:actions.delete')}
        tone="danger"
        busy={remove.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          person &&
          remove.mutate(person.id, {
            onSuccess: () => {
              toast.success(t('staff.deleted'))
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
        <p>{t('staff.deleteBody')}</p>
      </ConfirmDialog>
    </>
  )
}

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
