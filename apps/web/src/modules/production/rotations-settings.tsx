/**
 * Configuración → superintendents and the rotation of each site (docs/production.md#superintendent-rotation):
 * the organization's superintendents (add, rename, deactivate) and, for a site, its rotations by the day A
 * starts (A, B, days per shift; a new start date changes the rotation from that day). Permission
 * `production.configure`; read-only for the rest.
 */
import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TRotation, TSuperintendent } from '@faena/contracts'
import {
  Button,
  ConfirmDialog,
  Dialog,
  EmptyState,
  FormError,
  FormField,
  Icon,
  StatusBadge,
  useToast,
} from '../../platform/components'
import { errorMessage } from '../../platform/errors'
import { useCan, useFormat } from '../../platform/session'
import {
  allSitesQuery,
  rotationsQuery,
  superintendentsQuery,
  useCreateSuperintendent,
  useDeleteRotation,
  useSaveRotation,
  useUpdateSuperintendent,
} from './monthly-api'
import './monthly.css'

function NameDialog({ sup, onClose }: { sup: TSuperintendent | null; onClose: () => void }) {
  const { t } = useTranslation(['production', 'platform'])
  const toast = useToast()
  const create = useCreateSuperintendent()
  const update = useUpdateSuperintendent()
  const [name, setName] = useState(sup?.name ?? '')
  const [error, setError] = useState<{ name?: string; form?: string }>({})
  const busy = create.isPending || update.isPending
  const submit = () => {
    const n = name.trim()
    if (!n) return setError({ name: t('rotation.nameRequired') })
    const done = {
      onSuccess: () => {
        toast.success(t('rotation.superintendentSaved'))
        onClose()
      },
      onError: (e: unknown) => setError({ form: errorMessage(e) }),
    }
    if (sup) update.mutate({ id: sup.id, name: n }, done)
    else create.mutate(n, done)
  }
  return (
    <Dialog
      open
      onClose={onClose}
      size="sm"
      title={sup ? t('rotation.editTitle', { name: sup.name }) : t('rotation.addTitle')}
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            {t('platform:actions.cancel')}
          </Button>
          <Button type="submit" variant="primary" loading={busy}>
            {sup ? t('platform:actions.save') : t('platform:actions.create')}
          </Button>
        </>
      }
    >
      <FormError>{error.form ?? null}</FormError>
      <FormField label={t('rotation.name')} error={error.name} required>
        {(p) => (
          <input
            {...p}
            className="input"
            maxLength={120}
            value={name}
            data-testid="superintendent-name"
            onChange={(e) => {
              setName(e.target.value)
              setError({})
            }}
          />
        )}
      </FormField>
    </Dialog>
  )
}

type Draft = { startDate: string; a: string; b: string; cycleDays: string }
type DraftErrors = Partial<Record<keyof Draft | 'form', string>>

function RotationDialog({
  siteId,
  siteName,
  sups,
  onClose,
}: {
  siteId: string
  siteName: string
  sups: TSuperintendent[]
  onClose: () => void
}) {
  const { t } = useTranslation(['production', 'platform'])
  const toast = useToast()
  const save = useSaveRotation()
  const [d, setD] = useState<Draft>({ startDate: '', a: '', b: '', cycleDays: '14' })
  const [errors, setErrors] = useState<DraftErrors>({})
  const set = (patch: Partial<Draft>) => {
    setD((x) => ({ ...x, ...patch }))
    setErrors({})
  }
  const active = sups.filter((s) => s.active)
  const submit = () => {
    const e: DraftErrors = {}
    const cycle = Number(d.cycleDays)
    if (!d.startDate) e.startDate = t('rotation.errors.startDate')
    if (!d.a) e.a = t('rotation.errors.a')
    if (!d.b) e.b = t('rotation.errors.b')
    else if (d.a === d.b) e.b = t('rotation.errors.same')
    if (!Number.isInteger(cycle) || cycle < 1 || cycle > 90) e.cycleDays = t('rotation.errors.cycle')
    if (Object.keys(e).length) return setErrors(e)
    save.mutate(
      { siteId, startDate: d.startDate, superintendentAId: d.a, superintendentBId: d.b, cycleDays: cycle },
      {
        onSuccess: () => {
          toast.success(t('rotation.saved'))
          onClose()
        },
        onError: (err) => setErrors({ form: errorMessage(err) }),
      },
    )
  }
  const select = (key: 'a' | 'b') => (
    <FormField label={t(`rotation.${key}`)} error={errors[key]} required>
      {(p) => (
        <select
          {...p}
          className="input"
          value={d[key]}
          data-testid={`rotation-${key}`}
          onChange={(e) => set({ [key]: e.target.value })}
        >
          <option value="">{t('rotation.pick')}</option>
          {active.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      )}
    </FormField>
  )
  return (
    <Dialog
      open
      onClose={onClose}
      size="sm"
      title={t('rotation.rotationTitle', { site: siteName })}
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose} disabled={save.isPending}>
            {t('platform:actions.cancel')}
          </Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            {t('platform:actions.save')}
          </Button>
        </>
      }
    >
      <FormError>{errors.form ?? null}</FormError>
      <FormField
        label={t('rotation.startDate')}
        error={errors.startDate}
        hint={t('rotation.rotationHint')}
        required
      >
        {(p) => (
          <input
            {...p}
            className="input"
            type="date"
            value={d.startDate}
            data-testid="rotation-start"
            onChange={(e) => set({ startDate: e.target.value })}
          />
        )}
      </FormField>
      {select('a')}
      {select('b')}
      <FormField
        label={t('rotation.cycleDays')}
        error={errors.cycleDays}
        hint={t('rotation.cycleHint')}
        required
      >
        {(p) => (
          <input
            {...p}
            className="input"
            inputMode="numeric"
            maxLength={2}
            value={d.cycleDays}
            onChange={(e) => set({ cycleDays: e.target.value })}
          />
        )}
      </FormField>
    </Dialog>
  )
}

export function RotationsSettings({ siteId: initialSite }: { siteId?: string | undefined }) {
  const { t } = useTranslation(['production', 'platform'])
  const fmt = useFormat()
  const can = useCan()
  const toast = useToast()
  const editable = can('production.configure')
  const sites = useQuery(allSitesQuery())
  const sups = useQuery(superintendentsQuery())
  const [picked, setPicked] = useState<string | undefined>(initialSite)
  const siteId = picked ?? sites.data?.items[0]?.id
  const siteName = sites.data?.items.find((s) => s.id === siteId)?.name ?? ''
  const rotations = useQuery({ ...rotationsQuery(siteId ?? ''), enabled: Boolean(siteId) })
  const update = useUpdateSuperintendent()
  const remove = useDeleteRotation()
  const [nameDialog, setNameDialog] = useState<{ sup: TSuperintendent | null } | null>(null)
  const [rotationDialog, setRotationDialog] = useState(false)
  const [deleting, setDeleting] = useState<TRotation | null>(null)
  const list = sups.data?.items ?? []

  return (
    <section className="production-settings__section" aria-labelledby="rotations-title">
      <header className="production-settings__head">
        <div>
          <h2 id="rotations-title">{t('rotation.title')}</h2>
          <p className="muted">{t('rotation.intro')}</p>
        </div>
        {editable ? null : <p className="muted">{t('rotation.readOnly')}</p>}
      </header>
      <div className="rotations__grid">
        <div>
          <h3>{t('rotation.superintendents')}</h3>
          {list.length === 0 ? (
            <p className="muted">{t('rotation.noSuperintendents')}</p>
          ) : (
            <ul className="rotations__list" data-testid="superintendents">
              {list.map((s) => (
                <li key={s.id}>
                  <span>
                    <span className="cell-strong">{s.name}</span>
                    {s.active ? null : <StatusBadge>{t('rotation.inactive')}</StatusBadge>}
                  </span>
                  {editable ? (
                    <span className="production-settings__actions">
                      <Button size="sm" onClick={() => setNameDialog({ sup: s })}>
                        {t('platform:actions.edit')}
                      </Button>
                      <Button
                        size="sm"
                        loading={update.isPending && update.variables?.id === s.id}
                        onClick={() =>
                          update.mutate(
                            { id: s.id, active: !s.active },
                            {
                              onSuccess: () => toast.success(t('rotation.superintendentSaved')),
                              onError: (e) => toast.failure(e),
                            },
                          )
                        }
                      >
                        {s.active ? t('rotation.deactivate') : t('rotation.activate')}
                      </Button>
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {editable ? (
            <Button icon={<Icon name="plus" />} onClick={() => setNameDialog({ sup: null })}>
              {t('rotation.add')}
            </Button>
          ) : null}
        </div>
        <div>
          <label className="production__field">
            <span>{t('rotation.site')}</span>
            <select
              className="input"
              value={siteId ?? ''}
              data-testid="rotation-site"
              onChange={(e) => setPicked(e.target.value)}
            >
              {(sites.data?.items ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <h3>{t('rotation.rotations', { site: siteName })}</h3>
          {!siteId ? (
            <p className="muted">{t('rotation.pickSite')}</p>
          ) : rotations.data?.items.length === 0 ? (
            <EmptyState title={t('rotation.noRotations')} />
          ) : (
            <ul className="rotations__list" data-testid="rotations">
              {(rotations.data?.items ?? []).map((r) => (
                <li key={r.id}>
                  <span>
                    <span className="cell-strong">{fmt.date(r.startDate)}</span>
                    <span>
                      A: {r.superintendentA.name} · B: {r.superintendentB.name} · {r.cycleDays}×{r.cycleDays}
                    </span>
                  </span>
                  {editable ? (
                    <Button size="sm" onClick={() => setDeleting(r)}>
                      {t('platform:actions.delete')}
                    </Button>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {editable && siteId ? (
            <Button
              variant="primary"
              icon={<Icon name="plus" />}
              disabled={list.filter((s) => s.active).length < 2}
              onClick={() => setRotationDialog(true)}
            >
              {t('rotation.addRotation')}
            </Button>
          ) : null}
        </div>
      </div>
      {nameDialog ? <NameDialog sup={nameDialog.sup} onClose={() => setNameDialog(null)} /> : null}
      {rotationDialog && siteId ? (
        <RotationDialog
          siteId={siteId}
          siteName={siteName}
          sups={list}
          onClose={() => setRotationDialog(false)}
        />
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={t('rotation.deleteTitle', { date: fmt.date(deleting?.startDate) })}
        confirmLabel={t('platform:actions.delete')}
        busy={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              toast.success(t('rotation.deleted'))
              setDeleting(null)
            },
            onError: (e) => {
              setDeleting(null)
              toast.failure(e)
            },
          })
        }
      >
        <p>{t('rotation.deleteBody')}</p>
      </ConfirmDialog>
    </section>
  )
}
