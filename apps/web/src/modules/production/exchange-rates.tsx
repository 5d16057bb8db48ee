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
import {
  Button,
  ConfirmDialog,
  DataTable,
  Dialog,
  FormError,
  FormField,
  Icon,
  useToast,
  type Column,
} from '../../platform/components'
import { errorMessage } from '../../platform/errors'
import { useCan, useFormat } from '../../platform/session'
import { ratesQuery, useDeleteRate, useSaveRate } from './api'

type Draft = { validFrom: string; rate: string }
type FieldErrors = Partial<Record<keyof Draft | '_form', string>>

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/
const RATE_RE = /^\d{1,6}(\.\d{1,6})?$/

/** Field errors that name the field, in the user's language. A comma is taken as the decimal point. */
export const checkRate = (
  d: Draft,
  t: (key: string) => string,
): { errors: FieldErrors; value: Draft | null } => {
  const errors: FieldErrors = {}
  const validFrom = d.validFrom.trim()
  const rate = d.rate.trim().replace(',', '.')
  if (!validFrom) errors.validFrom = t('settings.rates.errors.dateRequired')
  else if (!DATE_RE.test(validFrom) || Number.isNaN(Date.parse(validFrom)))
    errors.validFrom = t('settings.rates.errors.dateFormat')
  if (!rate) errors.rate = t('settings.rates.errors.rateRequired')
  else if (!RATE_RE.test(rate)) errors.rate = t('settings.rates.errors.rateFormat')
  else if (Number(rate) <= 0) errors.rate = t('settings.rates.errors.ratePositive')
  return Object.keys(errors).length ? { errors, value: null } : { errors, value: { validFrom, rate } }
}

function RateDialog({ rate, onClose }: { rate: TExchangeRate | null; onClose: () => void }) {
  const { t } = useTranslation(['production', 'platform'])
  const tr = t as unknown as (key: string) => string
  const toast = useToast()
  const fmt = useFormat()
  const save = useSaveRate()
  const [draft, setDraft] = useState<Draft>({ validFrom: rate?.validFrom ?? '', rate: rate?.rate ?? '' })
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
    const { errors: found, value } = checkRate(draft, tr)
    if (!value) return setErrors(found)
    save.mutate(value, {
      onSuccess: () => {
        toast.success(t('settings.rates.saved', { date: fmt.date(value.validFrom) }))
        onClose()
      },
      onError: (e) => setErrors({ _form: errorMessage(e) }),
    })
  }

  return (
    <Dialog
      open
      onClose={onClose}
      size="sm"
      title={
        rate
          ? t('settings.rates.editTitle', { date: fmt.date(rate.validFrom) })
          : t('settings.rates.newTitle')
      }
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose} disabled={save.isPending}>
            {t('platform:actions.cancel')}
          </Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            {rate ? t('platform:actions.save') : t('platform:actions.create')}
          </Button>
        </>
      }
    >
      <FormError>{errors._form ?? null}</FormError>
      <FormField
        label={t('settings.rates.validFrom')}
        error={errors.validFrom}
        hint={rate ? t('settings.rates.dateFixed') : t('settings.rates.dateHint')}
        required
      >
        {(p) => (
          <input
            {...p}
            className="input"
            type="date"
            value={draft.validFrom}
            readOnly={Boolean(rate)}
            data-testid="rate-valid-from"
            onChange={(e) => set({ validFrom: e.target.value })}
          />
        )}
      </FormField>
      <FormField
        label={t('settings.rates.rate')}
        error={errors.rate}
        hint={t('settings.rates.rateHint')}
        required
      >
        {(p) => (
          <input
            {...p}
            className="input mono"
            inputMode="decimal"
            maxLength={14}
            value={draft.rate}
            data-testid="rate-value"
            onChange={(e) => set({ rate: e.target.value })}
          />
        )}
      </FormField>
    </Dialog>
  )
}

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
    <section className="production-settings__section" aria-labelledby="exchange-rates-title">
      <header className="production-settings__head">
        <div>
          <h2 id="exchange-rates-title">{t('settings.rates.title')}</h2>
          <p className="muted">{t('settings.rates.intro')}</p>
        </div>
        {editable ? (
          <Button variant="primary" icon={<Icon name="plus" />} onClick={() => setDialog({ rate: null })}>
            {t('settings.rates.add')}
          </Button>
        ) : (
          <p className="muted">{t('settings.readOnlyRates')}</p>
        )}
      </header>
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
    </section>
  )
}
