import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useNavigate, useSearch } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { ZRentalClientInput, type TRentalClient, type TRentalClientInput } from '@faena/contracts'
import {
  Button,
  ConfirmDialog,
  DataTable,
  Dialog,
  FilterBar,
  FormError,
  FormField,
  Icon,
  PageHeader,
  SearchInput,
  StatusBadge,
  useToast,
  type Column,
  type SortState,
  JobExportButton,
  ListCount,
  UnsavedChangesGuard,
} from '../../platform/components'
import { cleanSearch, pageOf } from '../../platform/list-search'
import { useCan, useFormat } from '../../platform/session'
import { useZodForm } from '../../platform/validation'
import { clientListQuery, exportUrls, useDeleteClient, useSaveClient } from './api'
import type { ClientsSearch } from './routes'
import { errorLine, orNull } from './ui'

type ContactRow = { name: string; position: string; phone: string; email: string }
type ClientForm = {
  name: string
  taxId: string
  email: string
  phone: string
  address: string
  notes: string
  contacts: ContactRow[]
}

const formOf = (c: TRentalClient | null): ClientForm => ({
  name: c?.name ?? '',
  taxId: c?.taxId ?? '',
  email: c?.email ?? '',
  phone: c?.phone ?? '',
  address: c?.address ?? '',
  notes: c?.notes ?? '',
  contacts: (c?.contacts ?? []).map((x) => ({
    name: x.name,
    position: x.position ?? '',
    phone: x.phone ?? '',
    email: x.email ?? '',
  })),
})

const toInput = (f: ClientForm): TRentalClientInput => ({
  name: f.name.trim(),
  taxId: f.taxId.trim(),
  email: orNull(f.email),
  phone: orNull(f.phone),
  address: orNull(f.address),
  notes: orNull(f.notes),
  contacts: f.contacts
    .filter((c) => c.name.trim() !== '')
    .map((c) => ({
      name: c.name.trim(),
      position: orNull(c.position),
      phone: orNull(c.phone),
      email: orNull(c.email),
    })),
})

/** Create or edit a client: RUC checked in the browser (13 digits) and by the server (check digit); delete from here. */
const ClientDialog = ({ client, onClose }: { client: TRentalClient | null; onClose: () => void }) => {
  const { t } = useTranslation(['rental-projects', 'platform'])
  const toast = useToast()
  const can = useCan()
  const save = useSaveClient()
  const remove = useDeleteClient()
  const form = useZodForm(ZRentalClientInput, toInput(formOf(client)))
  const [values, setValues] = useState<ClientForm>(formOf(client))
  const [formError, setFormError] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const set = <K extends keyof ClientForm>(k: K, v: ClientForm[K]) => {
    setValues((x) => ({ ...x, [k]: v }))
    if (form.errors[k])
      form.setErrors(Object.fromEntries(Object.entries(form.errors).filter(([key]) => key !== k)))
  }
  const setContact = (i: number, k: keyof ContactRow, v: string) =>
    setValues((x) => ({ ...x, contacts: x.contacts.map((c, j) => (j === i ? { ...c, [k]: v } : c)) }))
  const ref = (id: string) => t('platform:errors.reference', { id })

  const submit = () => {
    setFormError(null)
    const input = toInput(values)
    const parsed = ZRentalClientInput.safeParse(input)
    if (!parsed.success) {
      form.setErrors(
        Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.') || '_form', i.message])),
      )
      return
    }
    save.mutate(
      { ...(client ? { id: client.id } : {}), body: parsed.data },
      {
        onSuccess: (c) => {
          toast.success(client ? t('clients.saved') : t('clients.created', { name: c.name }))
          onClose()
        },
        onError: (e) => {
          if (!form.applyServerError(e)) setFormError(errorLine(e, ref))
        },
      },
    )
  }

  return (
    <>
      <Dialog
        open={!confirming}
        onClose={onClose}
        size="lg"
        title={client ? t('clients.editTitle', { name: client.name }) : t('clients.newTitle')}
        onSubmit={submit}
        footer={
          <>
            {client && can('rental.manage') ? (
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
            <Button type="submit" variant="primary" loading={save.isPending}>
              {client ? t('platform:actions.save') : t('platform:actions.create')}
            </Button>
          </>
        }
      >
        <UnsavedChangesGuard when={form.isDirty} />
        <FormError>{formError}</FormError>
        <div className="form-grid">
          <FormField label={t('clients.fields.name')} error={form.errors.name} required className="rp-wide">
            {(p) => (
              <input
                {...p}
                className="input"
                value={values.name}
                onChange={(e) => set('name', e.target.value)}
                autoComplete="organization"
              />
            )}
          </FormField>
          <FormField
            label={t('clients.fields.taxId')}
            error={form.errors.taxId}
            hint={t('clients.fields.taxIdHint')}
            required
          >
            {(p) => (
              <input
                {...p}
                className="input mono"
                inputMode="numeric"
                maxLength={13}
                value={values.taxId}
                onChange={(e) => set('taxId', e.target.value.replace(/\D/g, ''))}
                data-testid="client-tax-id"
              />
            )}
          </FormField>
          <FormField label={t('clients.fields.email')} error={form.errors.email}>
            {(p) => (
              <input
                {...p}
                className="input"
                type="email"
                value={values.email}
                onChange={(e) => set('email', e.target.value)}
              />
            )}
          </FormField>
          <FormField label={t('clients.fields.phone')} error={form.errors.phone}>
            {(p) => (
              <input
                {...p}
                className="input"
                type="tel"
                value={values.phone}
                onChange={(e) => set('phone', e.target.value)}
              />
            )}
          </FormField>
          <FormField label={t('clients.fields.address')} error={form.errors.address}>
            {(p) => (
              <input
                {...p}
                className="input"
                value={values.address}
                onChange={(e) => set('address', e.target.value)}
              />
            )}
          </FormField>
          <fieldset className="rp-wide rp-contacts">
            <legend className="field__label">{t('clients.fields.contacts')}</legend>
            {values.contacts.map((c, i) => (
              <div className="rp-contact" key={i}>
                <FormField label={t('clients.fields.contactName')} error={form.errors[`contacts.${i}.name`]}>
                  {(p) => (
                    <input
                      {...p}
                      className="input"
                      value={c.name}
                      onChange={(e) => setContact(i, 'name', e.target.value)}
                    />
                  )}
                </FormField>
                <FormField label={t('clients.fields.contactPosition')}>
                  {(p) => (
                    <input
                      {...p}
                      className="input"
                      value={c.position}
                      onChange={(e) => setContact(i, 'position', e.target.value)}
                    />
                  )}
                </FormField>
                <FormField label={t('clients.fields.contactPhone')}>
                  {(p) => (
                    <input
                      {...p}
                      className="input"
                      type="tel"
                      value={c.phone}
                      onChange={(e) => setContact(i, 'phone', e.target.value)}
                    />
                  )}
                </FormField>
                <FormField
                  label={t('clients.fields.contactEmail')}
                  error={form.errors[`contacts.${i}.email`]}
                >
                  {(p) => (
                    <input
                      {...p}
                      className="input"
                      type="email"
                      value={c.email}
                      onChange={(e) => setContact(i, 'email', e.target.value)}
                    />
                  )}
                </FormField>
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={t('clients.removeContact', { n: i + 1 })}
                  onClick={() => setValues((x) => ({ ...x, contacts: x.contacts.filter((_, j) => j !== i) }))}
                >
                  <Icon name="close" />
                </Button>
              </div>
            ))}
            <div>
              <Button
                size="sm"
                icon={<Icon name="plus" />}
                onClick={() =>
                  setValues((x) => ({
                    ...x,
                    contacts: [...x.contacts, { name: '', position: '', phone: '', email: '' }],
                  }))
                }
                disabled={values.contacts.length >= 20}
              >
                {t('clients.addContact')}
              </Button>
            </div>
          </fieldset>
          <FormField label={t('clients.fields.notes')} error={form.errors.notes} className="rp-wide">
            {(p) => (
              <textarea
                {...p}
                className="input textarea"
                rows={2}
                value={values.notes}
                onChange={(e) => set('notes', e.target.value)}
              />
            )}
          </FormField>
        </div>
      </Dialog>
      <ConfirmDialog
        open={confirming}
        title={t('clients.deleteTitle', { name: client?.name ?? '' })}
        confirmLabel={t('platform:actions.delete')}
        busy={remove.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          client &&
          remove.mutate(client.id, {
            onSuccess: () => {
              toast.success(t('clients.deleted'))
              onClose()
            },
            onError: (e) => {
              setConfirming(false)
              setFormError(errorLine(e, ref))
            },
          })
        }
      >
        <p>{t('clients.deleteBody')}</p>
      </ConfirmDialog>
    </>
  )
}

export const ClientsPage = () => {
  const { t } = useTranslation(['rental-projects', 'platform'])
  const fmt = useFormat()
  const can = useCan()
  const search = useSearch({ from: '/app/rental/clients' })
  const navigate = useNavigate({ from: '/rental/clients' })
  const { limit, offset } = pageOf(search)
  const [dialog, setDialog] = useState<{ client: TRentalClient | null } | null>(null)
  const params = { q: search.q, sort: search.sort, dir: search.dir }
  const list = useQuery(clientListQuery({ ...params, limit, offset }))
  const setSearch = (patch: Partial<ClientsSearch>, resetPage = true) =>
    void navigate({
      search: (prev) => cleanSearch({ ...prev, ...patch, ...(resetPage ? { offset: undefined } : {}) }),
      replace: true,
    })
  const sort: SortState | undefined = search.sort ? { key: search.sort, dir: search.dir ?? 'asc' } : undefined

  const columns: Column<TRentalClient>[] = [
    {
      key: 'name',
      header: t('clients.fields.name'),
      sortable: true,
      cell: (c) => (
        <div>
          <span className="cell-strong">{c.name}</span>
          {c.address ? <span className="rp-sub">{c.address}</span> : null}
        </div>
      ),
    },
    {
      key: 'taxId',
      header: t('clients.fields.taxId'),
      sortable: true,
      width: '11rem',
      cell: (c) => (
        <div>
          <span className="rp-code">{c.taxId}</span>
          <span className="rp-sub">{t(`clients.taxIdKinds.${c.taxIdKind}`)}</span>
        </div>
      ),
    },
    {
      key: 'contact',
      header: t('clients.fields.contacts'),
      cell: (c) => (
        <div>
          <span>{c.contacts[0]?.name ?? c.email ?? t('common.none')}</span>
          {c.phone ? <span className="rp-sub">{c.phone}</span> : null}
        </div>
      ),
    },
    {
      key: 'projects',
      header: t('clients.projects'),
      width: '10rem',
      cell: (c) =>
        c.projectCount > 0 ? (
          <div>
            <span>{t('clients.projectCount', { count: c.projectCount })}</span>
            <span className="rp-sub">
              <StatusBadge tone={c.openProjectCount > 0 ? 'success' : 'neutral'}>
                {t('clients.openCount', { count: c.openProjectCount })}
              </StatusBadge>
            </span>
          </div>
        ) : (
          <span className="muted">{t('common.none')}</span>
        ),
    },
  ]

  return (
    <div className="page">
      <PageHeader
        title={t('clients.title')}
        subtitle={t('clients.subtitle')}
        actions={
          can('rental.manage') ? (
            <Button
              variant="primary"
              icon={<Icon name="plus" />}
              onClick={() => setDialog({ client: null })}
              data-testid="new-client"
            >
              {t('clients.new')}
            </Button>
          ) : null
        }
      />
      <section className="card card--flush">
        <FilterBar
          active={Boolean(search.q)}
          onClear={() => setSearch({ q: undefined })}
          end={
            <>
              <ListCount
                total={list.data?.total}
                label={(count) => t('common.count', { count, formatted: fmt.integer(count) })}
              />
              <JobExportButton
                url={exportUrls.clients}
                body={params}
                doneMessage={t('common.exportDone')}
                disabled={!list.data || list.data.total === 0}
              />
            </>
          }
        >
          <SearchInput
            value={search.q ?? ''}
            label={t('clients.search')}
            placeholder={t('clients.search')}
            onChange={(q) => setSearch({ q: q || undefined })}
            className="rp-search"
          />
        </FilterBar>
        <DataTable
          caption={t('clients.caption')}
          columns={columns}
          rows={list.data?.items}
          rowKey={(c) => c.id}
          loading={list.isPending}
          fetching={list.isFetching && !list.isPending}
          error={list.error}
          onRetry={() => void list.refetch()}
          onRowClick={can('rental.manage') ? (c) => setDialog({ client: c }) : undefined}
          sort={sort}
          onSortChange={(s) => setSearch({ sort: s.key as ClientsSearch['sort'], dir: s.dir })}
          empty={search.q ? t('clients.emptyFiltered') : t('clients.empty')}
          emptyFiltered={Boolean(search.q)}
          pagination={{
            total: list.data?.total,
            limit,
            offset,
            onPageChange: (o) => setSearch({ offset: o || undefined }, false),
            onLimitChange: (l) => setSearch({ limit: l, offset: undefined }),
          }}
        />
      </section>
      {dialog ? <ClientDialog client={dialog.client} onClose={() => setDialog(null)} /> : null}
    </div>
  )
}
