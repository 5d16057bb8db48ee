/**
 * Configuración → day statuses (docs/production.md#day-statuses): the organization's catalog, in the order the
 * daily report offers it; create, edit, reorder, deactivate (with confirmation) and reactivate. Every change is
 * one `PUT /api/v1/production/day-statuses` with the whole list (permission `production.configure`).
 */
import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TDayStatus } from '@faena/contracts'
import {
  Button,
  ConfirmDialog,
  DataTable,
  Dialog,
  FormError,
  FormField,
  Icon,
  StatusBadge,
  useToast,
  type Column,
} from '../../platform/components'
import { errorMessage } from '../../platform/errors'
import { useCan } from '../../platform/session'
import { dayStatusesQuery, useSaveDayStatuses } from './api'

type Draft = { code: string; name: string; allowsProduction: boolean }
type FieldErrors = Partial<Record<keyof Draft | '_form', string>>

/** A code from a name: "Espera por clima" → "espera_por_clima". */
export const codeFromName = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '')
    .slice(0, 40)

const CODE_RE = /^[a-z][a-z0-9_]{0,39}$/

/** Field errors that name the field, in the user's language; `others` are the codes already taken. */
export const checkDraft = (
  d: Draft,
  others: readonly string[],
  t: (key: string, o?: Record<string, unknown>) => string,
): FieldErrors => {
  const e: FieldErrors = {}
  const name = d.name.trim()
  if (!name) e.name = t('settings.statuses.errors.nameRequired')
  else if (name.length > 100) e.name = t('settings.statuses.errors.nameTooLong')
  const code = d.code.trim()
  if (!code) e.code = t('settings.statuses.errors.codeRequired')
  else if (!CODE_RE.test(code)) e.code = t('settings.statuses.errors.codeFormat')
  else if (others.includes(code)) e.code = t('settings.statuses.errors.codeTaken', { code })
  return e
}

const toItems = (list: readonly TDayStatus[]) =>
  list.map((s) => ({ code: s.code, name: s.name, allowsProduction: s.allowsProduction, active: s.active }))

function StatusDialog({
  status,
  catalog,
  onClose,
}: {
  status: TDayStatus | null
  catalog: readonly TDayStatus[]
  onClose: () => void
}) {
  const { t } = useTranslation(['production', 'platform'])
  const tr = t as unknown as (key: string, o?: Record<string, unknown>) => string
  const toast = useToast()
  const save = useSaveDayStatuses()
  const [draft, setDraft] = useState<Draft>({
    code: status?.code ?? '',
    name: status?.name ?? '',
    allowsProduction: status?.allowsProduction ?? false,
  })
  const [codeTouched, setCodeTouched] = useState(Boolean(status))
  const [errors, setErrors] = useState<FieldErrors>({})

  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    setErrors((e) => {
      const next = { ...e }
      for (const k of Object.keys(patch)) delete next[k as keyof Draft]
      delete next._form
      return next
    })
  }

  const submit = () => {
    const others = catalog.filter((s) => s.id !== status?.id).map((s) => s.code)
    const found = checkDraft(draft, others, tr)
    if (Object.keys(found).length) return setErrors(found)
    const item = {
      code: draft.code.trim(),
      name: draft.name.trim(),
      allowsProduction: draft.allowsProduction,
      active: status?.active ?? true,
    }
    const items = status
      ? toItems(catalog).map((s) => (s.code === status.code ? item : s))
      : [...toItems(catalog), item]
    save.mutate(
      { items },
      {
        onSuccess: () => {
          toast.success(
            status
              ? t('settings.statuses.saved', { name: item.name })
              : t('settings.statuses.created', { name: item.name }),
          )
          onClose()
        },
        onError: (err) => setErrors({ _form: errorMessage(err) }),
      },
    )
  }

  return (
    <Dialog
      open
      onClose={onClose}
      size="sm"
      title={
        status ? t('settings.statuses.editTitle', { name: status.name }) : t('settings.statuses.newTitle')
      }
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose} disabled={save.isPending}>
            {t('platform:actions.cancel')}
          </Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            {status ? t('platform:actions.save') : t('platform:actions.create')}
          </Button>
        </>
      }
    >
      <FormError>{errors._form ?? null}</FormError>
      <FormField label={t('settings.statuses.name')} error={errors.name} required>
        {(p) => (
          <input
            {...p}
            className="input"
            maxLength={100}
            value={draft.name}
            data-testid="day-status-name"
            onChange={(e) =>
              set(
                codeTouched
                  ? { name: e.target.value }
                  : { name: e.target.value, code: codeFromName(e.target.value) },
              )
            }
          />
        )}
      </FormField>
      <FormField
        label={t('settings.statuses.code')}
        error={errors.code}
        hint={status ? t('settings.statuses.codeFixed') : t('settings.statuses.codeHint')}
        required
      >
        {(p) => (
          <input
            {...p}
            className="input mono"
            maxLength={40}
            value={draft.code}
            readOnly={Boolean(status)}
            data-testid="day-status-code"
            onChange={(e) => {
              setCodeTouched(true)
              set({ code: e.target.value })
            }}
          />
        )}
      </FormField>
      <label className="production-settings__check">
        <input
          type="checkbox"
          checked={draft.allowsProduction}
          data-testid="day-status-allows"
          onChange={(e) => set({ allowsProduction: e.target.checked })}
        />
        <span>
          {t('settings.statuses.allowsProduction')}
          <small>{t('settings.statuses.allowsProductionHint')}</small>
        </span>
      </label>
    </Dialog>
  )
}

export function DayStatusCatalog() {
  const { t } = useTranslation(['production', 'platform'])
  const can = useCan()
  const toast = useToast()
  const editable = can('production.configure')
  const catalog = useQuery(dayStatusesQuery())
  const save = useSaveDayStatuses()
  const [dialog, setDialog] = useState<{ status: TDayStatus | null } | null>(null)
  const [deactivating, setDeactivating] = useState<TDayStatus | null>(null)
  const items = catalog.data?.items ?? []

  const saveItems = (next: ReturnType<typeof toItems>, message: string, after?: () => void) =>
    save.mutate(
      { items: next },
      {
        onSuccess: () => {
          toast.success(message)
          after?.()
        },
        onError: (e) => {
          after?.()
          toast.failure(e)
        },
      },
    )

  const move = (s: TDayStatus, by: -1 | 1) => {
    const list = toItems(items)
    const i = list.findIndex((x) => x.code === s.code)
    const j = i + by
    if (j < 0 || j >= list.length) return
    ;[list[i], list[j]] = [list[j]!, list[i]!]
    saveItems(list, t('settings.statuses.moved', { name: s.name }))
  }

  const setActive = (s: TDayStatus, active: boolean, after?: () => void) =>
    saveItems(
      toItems(items).map((x) => (x.code === s.code ? { ...x, active } : x)),
      active
        ? t('settings.statuses.reactivated', { name: s.name })
        : t('settings.statuses.deactivated', { name: s.name }),
      after,
    )

  const columns: Column<TDayStatus>[] = [
    {
      key: 'position',
      header: t('settings.statuses.order'),
      width: '6rem',
      cell: (s) => {
        const i = items.indexOf(s)
        return editable ? (
          <span className="production-settings__order">
            <Button
              size="sm"
              variant="ghost"
              aria-label={t('settings.statuses.moveUp', { name: s.name })}
              title={t('settings.statuses.moveUp', { name: s.name })}
              disabled={i === 0 || save.isPending}
              onClick={() => move(s, -1)}
            >
              ↑
            </Button>
            <Button
              size="sm"
              variant="ghost"
              aria-label={t('settings.statuses.moveDown', { name: s.name })}
              title={t('settings.statuses.moveDown', { name: s.name })}
              disabled={i === items.length - 1 || save.isPending}
              onClick={() => move(s, 1)}
            >
              ↓
            </Button>
          </span>
        ) : (
          i + 1
        )
      },
    },
    {
      key: 'name',
      header: t('settings.statuses.name'),
      cell: (s) => (
        <div>
          <span className="cell-strong">{s.name}</span>
          <span className="production-settings__sub mono">{s.code}</span>
        </div>
      ),
    },
    {
      key: 'allows',
      header: t('settings.statuses.allowsProduction'),
      width: '11rem',
      cell: (s) =>
        s.allowsProduction ? (
          <StatusBadge tone="success">{t('settings.statuses.yes')}</StatusBadge>
        ) : (
          <StatusBadge tone="warning">{t('settings.statuses.no')}</StatusBadge>
        ),
    },
    {
      key: 'active',
      header: t('settings.statuses.state'),
      width: '8rem',
      cell: (s) =>
        s.active ? (
          <StatusBadge tone="info">{t('settings.statuses.active')}</StatusBadge>
        ) : (
          <StatusBadge tone="neutral">{t('settings.statuses.inactive')}</StatusBadge>
        ),
    },
    ...(editable
      ? [
          {
            key: 'actions',
            header: <span className="visually-hidden">{t('settings.actions')}</span>,
            headerLabel: t('settings.actions'),
            align: 'end' as const,
            width: '15rem',
            cell: (s: TDayStatus) => (
              <span className="production-settings__actions">
                <Button size="sm" onClick={() => setDialog({ status: s })} disabled={save.isPending}>
                  {t('platform:actions.edit')}
                </Button>
                {s.active ? (
                  <Button size="sm" onClick={() => setDeactivating(s)} disabled={save.isPending}>
                    {t('settings.statuses.deactivate')}
                  </Button>
                ) : (
                  <Button size="sm" onClick={() => setActive(s, true)} disabled={save.isPending}>
                    {t('settings.statuses.reactivate')}
                  </Button>
                )}
              </span>
            ),
          },
        ]
      : []),
  ]

  return (
    <section className="production-settings__section" aria-labelledby="day-statuses-title">
      <header className="production-settings__head">
        <div>
          <h2 id="day-statuses-title">{t('settings.statuses.title')}</h2>
          <p className="muted">{t('settings.statuses.intro')}</p>
        </div>
        {editable ? (
          <Button variant="primary" icon={<Icon name="plus" />} onClick={() => setDialog({ status: null })}>
            {t('settings.statuses.new')}
          </Button>
        ) : (
          <p className="muted">{t('settings.readOnly')}</p>
        )}
      </header>
      <DataTable
        caption={t('settings.statuses.title')}
        columns={columns}
        rows={catalog.data?.items}
        rowKey={(s) => s.id}
        loading={catalog.isPending}
        error={catalog.error}
        onRetry={() => void catalog.refetch()}
        dense
      />
      {dialog ? (
        <StatusDialog status={dialog.status} catalog={items} onClose={() => setDialog(null)} />
      ) : null}
      <ConfirmDialog
        open={deactivating !== null}
        title={t('settings.statuses.deactivateTitle', { name: deactivating?.name ?? '' })}
        confirmLabel={t('settings.statuses.deactivate')}
        busy={save.isPending}
        onCancel={() => setDeactivating(null)}
        onConfirm={() => deactivating && setActive(deactivating, false, () => setDeactivating(null))}
      >
        <p>{t('settings.statuses.deactivateBody')}</p>
      </ConfirmDialog>
    </section>
  )
}
