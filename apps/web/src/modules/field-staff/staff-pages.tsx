import { useId, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import {
  ZFieldStaffInput,
  type TFieldStaff,
  type TFieldStaffDetail,
  type TFieldStaffInput,
} from '@faena/contracts'
import { toQueryString } from '../../platform/api'
import {
  Button,
  ConfirmDialog,
  DataTable,
  Dialog,
  ExportListButton,
  Filter,
  FilterBar,
  FormError,
  FormField,
  Icon,
  ListCount,
  PageHeader,
  PageLoadError,
  PagePending,
  SearchInput,
  useToast,
  type Column,
  type SortState,
  UnsavedChangesGuard,
} from '../../platform/components'
import { cleanSearch, pageOf } from '../../platform/list-search'
import { useCan, useFormat } from '../../platform/session'
import { useZodForm } from '../../platform/validation'
import { exportUrls, personQuery, staffListQuery, useDeleteOwner, useSavePerson } from './api'
import type { StaffSearch } from './routes'
import { ComplianceBadge, DocumentsPanel, errorLine, FilesPanel, orNull, VaccinesPanel } from './ui'

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
  const fmt = useFormat()
  const can = useCan()
  const search = useSearch({ from: '/app/rental/staff' })
  const navigate = useNavigate({ from: '/rental/staff' })
  const { limit, offset } = pageOf(search)
  const [creating, setCreating] = useState(false)
  const params = {
    q: search.q,
    status: search.status,
    active: search.active,
    sort: search.sort,
    dir: search.dir,
  }
  const list = useQuery(staffListQuery({ ...params, limit, offset }))
  const setSearch = (patch: Partial<StaffSearch>, resetPage = true) =>
    void navigate({
      search: (prev) => cleanSearch({ ...prev, ...patch, ...(resetPage ? { offset: undefined } : {}) }),
      replace: true,
    })
  const sort: SortState | undefined = search.sort ? { key: search.sort, dir: search.dir ?? 'asc' } : undefined
  const filtered = Boolean(search.q || search.status || search.active)

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
    {
      key: 'nextExpiry',
      header: t('staff.fields.nextExpiry'),
      sortable: true,
      width: '12rem',
      cell: (p) => (
        <div>
          <ComplianceBadge status={p.status} />
          {p.nextExpiry ? <span className="fs-sub">{fmt.date(p.nextExpiry)}</span> : null}
        </div>
      ),
    },
  ]

  return (
    <div className="page">
      <PageHeader
        title={t('staff.title')}
        subtitle={t('staff.subtitle')}
        actions={
          can('fieldStaff.manage') ? (
            <Button
              variant="primary"
              icon={<Icon name="plus" />}
              onClick={() => setCreating(true)}
              data-testid="new-person"
            >
              {t('staff.new')}
            </Button>
          ) : null
        }
      />
      <section className="card card--flush">
        <FilterBar
          active={filtered}
          onClear={() => setSearch({ q: undefined, status: undefined, active: undefined })}
          end={
            <>
              <ListCount
                total={list.data?.total}
                label={(count) => t('common.count', { count, formatted: fmt.integer(count) })}
              />
              <ExportListButton
                url={exportUrls.staff + toQueryString(params)}
                doneMessage={t('common.exportDone')}
                disabled={!list.data || list.data.total === 0}
                progressLabel={false}
              />
            </>
          }
        >
          <SearchInput
            value={search.q ?? ''}
            label={t('staff.search')}
            placeholder={t('staff.search')}
            onChange={(q) => setSearch({ q: q || undefined })}
          />
          <StatusFilter value={search.status} onChange={(status) => setSearch({ status })} />
          <ActiveFilter value={search.active} onChange={(active) => setSearch({ active })} />
        </FilterBar>
        <DataTable
          caption={t('staff.caption')}
          columns={columns}
          rows={list.data?.items}
          rowKey={(p) => p.id}
          loading={list.isPending}
          fetching={list.isFetching && !list.isPending}
          error={list.error}
          onRetry={() => void list.refetch()}
          onRowClick={(p) => void navigate({ to: '/rental/staff/$id', params: { id: p.id } })}
          sort={sort}
          onSortChange={(s) => setSearch({ sort: s.key as StaffSearch['sort'], dir: s.dir })}
          empty={filtered ? t('staff.emptyFiltered') : t('staff.empty')}
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
      {creating ? (
        <PersonDialog
          person={null}
          onClose={() => setCreating(false)}
          onCreated={(p) => void navigate({ to: '/rental/staff/$id', params: { id: p.id } })}
        />
      ) : null}
    </div>
  )
}

export const StatusFilter = ({
  value,
  onChange,
}: {
  value: string | undefined
  onChange: (v: StaffSearch['status']) => void
}) => {
  const { t } = useTranslation('field-staff')
  const id = useId()
  return (
    <Filter label={t('common.statusFilter')} htmlFor={id}>
      <select
        id={id}
        className="input"
        value={value ?? ''}
        onChange={(e) => onChange((e.target.value || undefined) as StaffSearch['status'])}
        data-testid="status-filter"
      >
        <option value="">{t('common.all')}</option>
        {(['expired', 'due10', 'due30', 'ok'] as const).map((s) => (
          <option key={s} value={s}>
            {t(`status.${s}`)}
          </option>
        ))}
      </select>
    </Filter>
  )
}

export const ActiveFilter = ({
  value,
  onChange,
}: {
  value: 'true' | 'false' | undefined
  onChange: (v: 'true' | 'false' | undefined) => void
}) => {
  const { t } = useTranslation('field-staff')
  const id = useId()
  return (
    <Filter label={t('common.activeFilter')} htmlFor={id}>
      <select
        id={id}
        className="input"
        value={value ?? ''}
        onChange={(e) => onChange((e.target.value || undefined) as 'true' | 'false' | undefined)}
      >
        <option value="">{t('common.all')}</option>
        <option value="true">{t('common.onlyActive')}</option>
        <option value="false">{t('common.onlyInactive')}</option>
      </select>
    </Filter>
  )
}

export const PersonPage = () => {
  const { t } = useTranslation(['field-staff', 'platform'])
  const { id } = useParams({ from: '/app/rental/staff/$id' })
  const navigate = useNavigate()
  const q = useQuery(personQuery(id))
  const [editing, setEditing] = useState(false)
  const back = <Link to="/rental/staff">{t('common.back')}</Link>
  if (q.isPending) return <PagePending />
  if (q.isError)
    return (
      <PageLoadError
        error={q.error}
        onRetry={() => void q.refetch()}
        breadcrumb={back}
        title={t('staff.title')}
        notFound={{ title: t('staff.emptyFiltered'), action: back }}
      />
    )
  const p = q.data
  return (
    <div className="page">
      <PageHeader
        breadcrumb={back}
        title={
          <>
            {p.fullName} <ComplianceBadge status={p.status} />
          </>
        }
        subtitle={`${t('staff.fields.cedula')} ${p.cedula}${p.active ? '' : ` · ${t('common.inactive')}`}`}
        actions={
          p.canManage ? (
            <Button onClick={() => setEditing(true)} data-testid="edit-person">
              {t('common.edit')}
            </Button>
          ) : null
        }
      />
      <div className="fs-detail">
        <div className="fs-detail__main">
          <DocumentsPanel owner="staff" ownerId={p.id} documents={p.documents} canManage={p.canManage} />
          <VaccinesPanel staffId={p.id} vaccines={p.vaccines} canManage={p.canManage} />
        </div>
        <div className="fs-detail__side">
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
          <FilesPanel owner="staff" ownerId={p.id} files={p.files} canManage={p.canManage} />
        </div>
      </div>
      {editing ? (
        <PersonDialog
          person={p}
          onClose={() => setEditing(false)}
          onDeleted={() => void navigate({ to: '/rental/staff' })}
        />
      ) : null}
    </div>
  )
}
