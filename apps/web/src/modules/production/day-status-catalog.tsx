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
  StatusBadge,
  useToast,
  type Column,
} from '../../platform/components'
import { SettingsSection } from './settings-section'
import { useCan } from '../../platform/session'
import { dayStatusesQuery, useSaveDayStatuses } from './api'
import { DayStatusDialog, toItems } from './day-status-dialog'

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
    <SettingsSection
      id="day-statuses-title"
      title={t('settings.statuses.title')}
      intro={t('settings.statuses.intro')}
      editable={editable}
      readOnly={t('settings.readOnly')}
      add={{ label: t('settings.statuses.new'), onClick: () => setDialog({ status: null }) }}
    >
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
        <DayStatusDialog status={dialog.status} catalog={items} onClose={() => setDialog(null)} />
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
    </SettingsSection>
  )
}
