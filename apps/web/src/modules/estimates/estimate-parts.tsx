/** Parts of the estimate screen: the production selection and the unbilled production. */
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ZEstimateSelectionFilters, type TEstimate } from '@faena/contracts'
import { Button, FormField } from '../../platform/components'
import { useFormat } from '../../platform/session'
import { useZodForm } from '../../platform/validation'
import { unbilledQuery } from './api'

/** The selection by filters the card sends (the contract's, without a site or time type). */
const ZSelectionForm = ZEstimateSelectionFilters.pick({
  dateFrom: true,
  dateTo: true,
  evidence: true,
  includeAuthorizedExcess: true,
})
type SelectionBody = {
  dateFrom: string
  dateTo: string
  evidence: 'signed' | 'any'
  includeAuthorizedExcess: boolean
}

/** The production the draft bills, by period and evidence; `onApply` gets the body and its failure's handler. */
export const SelectionCard = ({
  e,
  onApply,
  busy,
}: {
  e: TEstimate
  onApply: (body: SelectionBody, onError: (err: unknown) => boolean) => void
  busy: boolean
}) => {
  const { t } = useTranslation('estimates')
  const s = (e.selection ?? {}) as Partial<Record<'dateFrom' | 'dateTo' | 'evidence', string>> & {
    includeAuthorizedExcess?: boolean
  }
  const form = useZodForm(ZSelectionForm, {
    dateFrom: s.dateFrom ?? e.periodStart,
    dateTo: s.dateTo ?? e.periodEnd,
    evidence: s.evidence === 'any' ? 'any' : 'signed',
    includeAuthorizedExcess: Boolean(s.includeAuthorizedExcess),
  })
  return (
    <section className="card">
      <h2 className="card__title">{t('detail.selection')}</h2>
      <p className="muted">{t('detail.selectionHint')}</p>
      <form
        className="estimate__selection"
        noValidate
        onSubmit={form.submit((body) => onApply(body, form.applyServerError))}
      >
        <FormField label={t('detail.dateFrom')} error={form.errors.dateFrom}>
          {(c) => (
            <input
              {...c}
              type="date"
              className="input"
              min={e.periodStart}
              max={e.periodEnd}
              {...form.register('dateFrom')}
            />
          )}
        </FormField>
        <FormField label={t('detail.dateTo')} error={form.errors.dateTo}>
          {(c) => (
            <input
              {...c}
              type="date"
              className="input"
              min={form.values.dateFrom}
              max={e.periodEnd}
              {...form.register('dateTo')}
            />
          )}
        </FormField>
        <FormField label={t('detail.evidence')} error={form.errors.evidence}>
          {(c) => (
            <select {...c} className="input" {...form.register('evidence')}>
              <option value="signed">{t('detail.evidenceSigned')}</option>
              <option value="any">{t('detail.evidenceAny')}</option>
            </select>
          )}
        </FormField>
        <label className="estimate__check">
          <input type="checkbox" {...form.register('includeAuthorizedExcess')} /> {t('detail.includeExcess')}
        </label>
        <Button type="submit" variant="primary" disabled={busy}>
          {t('detail.applySelection')}
        </Button>
      </form>
    </section>
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
