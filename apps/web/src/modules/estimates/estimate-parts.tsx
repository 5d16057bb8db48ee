/** Parts of the estimate screen: the production selection, the submit dialog, the unbilled production. */
import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TEstimate } from '@faena/contracts'
import { Button, Dialog, FormError, FormField } from '../../platform/components'
import { errorMessage } from '../../platform/errors'
import { useFormat } from '../../platform/session'
import { unbilledQuery } from './api'

export const SelectionCard = ({
  e,
  onApply,
  busy,
}: {
  e: TEstimate
  onApply: (body: {
    dateFrom: string
    dateTo: string
    evidence: 'signed' | 'any'
    includeAuthorizedExcess: boolean
  }) => void
  busy: boolean
}) => {
  const { t } = useTranslation('estimates')
  const s = (e.selection ?? {}) as Partial<Record<'dateFrom' | 'dateTo' | 'evidence', string>> & {
    includeAuthorizedExcess?: boolean
  }
  const [dateFrom, setDateFrom] = useState(s.dateFrom ?? e.periodStart)
  const [dateTo, setDateTo] = useState(s.dateTo ?? e.periodEnd)
  const [evidence, setEvidence] = useState<'signed' | 'any'>(s.evidence === 'any' ? 'any' : 'signed')
  const [excess, setExcess] = useState(Boolean(s.includeAuthorizedExcess))
  return (
    <section className="card">
      <h2 className="card__title">{t('detail.selection')}</h2>
      <p className="muted">{t('detail.selectionHint')}</p>
      <form
        className="estimate__selection"
        onSubmit={(ev) => {
          ev.preventDefault()
          onApply({ dateFrom, dateTo, evidence, includeAuthorizedExcess: excess })
        }}
      >
        <FormField label={t('detail.dateFrom')}>
          {(c) => (
            <input
              {...c}
              type="date"
              className="input"
              value={dateFrom}
              min={e.periodStart}
              max={e.periodEnd}
              onChange={(x) => setDateFrom(x.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('detail.dateTo')}>
          {(c) => (
            <input
              {...c}
              type="date"
              className="input"
              value={dateTo}
              min={dateFrom}
              max={e.periodEnd}
              onChange={(x) => setDateTo(x.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('detail.evidence')}>
          {(c) => (
            <select
              {...c}
              className="input"
              value={evidence}
              onChange={(x) => setEvidence(x.target.value as 'signed' | 'any')}
            >
              <option value="signed">{t('detail.evidenceSigned')}</option>
              <option value="any">{t('detail.evidenceAny')}</option>
            </select>
          )}
        </FormField>
        <label className="estimate__check">
          <input type="checkbox" checked={excess} onChange={(x) => setExcess(x.target.checked)} />{' '}
          {t('detail.includeExcess')}
        </label>
        <Button type="submit" variant="primary" disabled={busy}>
          {t('detail.applySelection')}
        </Button>
      </form>
    </section>
  )
}

export const SubmitDialog = ({
  e,
  busy,
  onClose,
  onSubmit,
}: {
  e: TEstimate
  busy: boolean
  onClose: () => void
  onSubmit: (exchangeRate: string, onError: (err: unknown) => void) => void
}) => {
  const { t } = useTranslation(['estimates', 'platform'])
  const [rate, setRate] = useState('')
  const [error, setError] = useState<string | null>(null)
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('detail.submitTitle', { number: e.number })}
      onSubmit={() => onSubmit(rate.trim().replace(',', '.'), (err) => setError(errorMessage(err)))}
      footer={
        <>
          <Button type="button" onClick={onClose}>
            {t('platform:actions.cancel')}
          </Button>
          <Button type="submit" variant="primary" disabled={busy}>
            {t('detail.submit')}
          </Button>
        </>
      }
    >
      <p>{t('detail.submitBody')}</p>
      <FormField
        label={t('fields.exchangeRate')}
        hint={
          e.suggestedExchangeRate
            ? `${t('detail.suggestedRate')}: ${e.suggestedExchangeRate}`
            : t('detail.noRate')
        }
      >
        {(c) => (
          <input
            {...c}
            className="input"
            inputMode="decimal"
            value={rate}
            placeholder={e.suggestedExchangeRate ?? ''}
            onChange={(x) => setRate(x.target.value)}
          />
        )}
      </FormField>
      <FormError>{error}</FormError>
    </Dialog>
  )
}

export const UnbilledCard = ({ workOrderId }: { workOrderId: string }) => {
  const { t } = useTranslation('estimates')
  const fmt = useFormat()
  const q = useQuery(unbilledQuery(workOrderId))
  const qty = (v: string) => fmt.quantity(v, { maxFractionDigits: 6 })
  if (!q.data || q.data.items.length === 0) return null
  return (
    <section className="card">
      <h2 className="card__title">{t('detail.unbilled')}</h2>
      <table className="table">
        <thead>
          <tr>
            <th>{t('detail.code')}</th>
            <th>{t('detail.description')}</th>
            <th className="cell--end">{t('detail.produced')}</th>
            <th className="cell--end">{t('detail.inEstimates')}</th>
            <th className="cell--end">{t('detail.billed')}</th>
            <th className="cell--end">{t('detail.left')}</th>
          </tr>
        </thead>
        <tbody>
          {q.data.items.map((r) => (
            <tr key={r.conceptId}>
              <td className="cell-strong">{r.code}</td>
              <td>{r.description}</td>
              <td className="cell--end">{qty(r.produced)}</td>
              <td className="cell--end">{qty(r.inEstimates)}</td>
              <td className="cell--end">{qty(r.billed)}</td>
              <td className="cell--end cell-strong">{qty(r.unbilled)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
