/**
 * Configuración → exchange rates (docs/production.md#kpis-and-exchange-rates): the organization's USD→MXN rates
 * by the date they take effect, newest first and paged; record, edit the rate of a date, delete with
 * confirmation (permission `exchangeRate.manage`). The production KPIs use the rate in force on the month's
 * last day.
 */
import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TExchangeRate } from '@faena/contracts'
import { Button, ConfirmDialog, DataTable, useToast, type Column } from '../../platform/components'
import { SettingsSection } from './settings-section'
import { useCan, useFormat } from '../../platform/session'
import { ratesQuery, useDeleteRate } from './api'
import { RateDialog } from './rate-dialog'

export function ExchangeRates() {
  const { t } = useTranslation(['production', 'platform'])
  const can = useCan()
  const fmt = useFormat()
  const toast = useToast()
  const editable = can('exchangeRate.manage')
  const [page, setPage] = useState({ limit: 25, offset: 0 })
  const rates = useQuery(ratesQuery(page))
  const remove = useDeleteRate()
  const [dialog, setDialog] = useState<{ rate: TExchangeRate | null } | null>(null)
  const [deleting, setDeleting] = useState<TExchangeRate | null>(null)

  const columns: Column<TExchangeRate>[] = [
    {
      key: 'validFrom',
      header: t('settings.rates.validFrom'),
      width: '12rem',
      cell: (r) => <span className="cell-strong">{fmt.date(r.validFrom)}</span>,
    },
    {
      key: 'rate',
      header: t('settings.rates.rate'),
      align: 'end',
      width: '10rem',
      cell: (r) => (
        <span className="mono">{fmt.quantity(r.rate, { minFractionDigits: 4, maxFractionDigits: 6 })}</span>
      ),
    },
    {
      key: 'createdAt',
      header: t('settings.rates.recorded'),
      cell: (r) => <span className="muted">{fmt.dateTime(r.createdAt)}</span>,
    },
    ...(editable
      ? [
          {
            key: 'actions',
            header: <span className="visually-hidden">{t('settings.actions')}</span>,
            headerLabel: t('settings.actions'),
            align: 'end' as const,
            width: '12rem',
            cell: (r: TExchangeRate) => (
              <span className="production-settings__actions">
                <Button size="sm" onClick={() => setDialog({ rate: r })}>
                  {t('platform:actions.edit')}
                </Button>
                <Button size="sm" onClick={() => setDeleting(r)}>
                  {t('platform:actions.delete')}
                </Button>
              </span>
            ),
          },
        ]
      : []),
  ]

  return (
    <SettingsSection
      id="exchange-rates-title"
      title={t('settings.rates.title')}
      intro={t('settings.rates.intro')}
      editable={editable}
      readOnly={t('settings.readOnlyRates')}
      add={{ label: t('settings.rates.add'), onClick: () => setDialog({ rate: null }) }}
    >
      <DataTable
        caption={t('settings.rates.title')}
        columns={columns}
        rows={rates.data?.items}
        rowKey={(r) => r.validFrom}
        loading={rates.isPending}
        fetching={rates.isFetching}
        error={rates.error}
        onRetry={() => void rates.refetch()}
        empty={t('settings.rates.empty')}
        dense
        pagination={{
          total: rates.data?.total,
          limit: page.limit,
          offset: page.offset,
          onPageChange: (offset) => setPage((p) => ({ ...p, offset })),
          onLimitChange: (limit) => setPage({ limit, offset: 0 }),
        }}
      />
      {dialog ? <RateDialog rate={dialog.rate} onClose={() => setDialog(null)} /> : null}
      <ConfirmDialog
        open={deleting !== null}
        title={t('settings.rates.deleteTitle', { date: fmt.date(deleting?.validFrom) })}
        confirmLabel={t('platform:actions.delete')}
        busy={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.validFrom, {
            onSuccess: () => {
              toast.success(t('settings.rates.deleted', { date: fmt.date(deleting.validFrom) }))
              setDeleting(null)
            },
            onError: (e) => {
              setDeleting(null)
              toast.failure(e)
            },
          })
        }
      >
        <p>{t('settings.rates.deleteBody')}</p>
      </ConfirmDialog>
    </SettingsSection>
  )
}
