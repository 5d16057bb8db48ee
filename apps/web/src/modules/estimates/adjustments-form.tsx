import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TEstimate, TEstimateAdjustmentRequest } from '@faena/contracts'
import { Button, FormField } from '../../platform/components'
import { unbilledQuery } from './api'

type Kind = TEstimateAdjustmentRequest['kind']

/**
 * Add a deductive line (a concept of the estimate, a quantity, why), a penalty (amounts, why) or, on a
 * price-adjustment estimate, a price difference (a concept the family has already billed, the unit-price
 * differences, why: the server multiplies them by the quantity already billed).
 */
export const AdjustmentsForm = ({
  e,
  busy,
  onAdd,
}: {
  e: TEstimate
  busy: boolean
  onAdd: (body: TEstimateAdjustmentRequest) => void
}) => {
  const { t } = useTranslation('estimates')
  const priceAdjustment = e.type === 'price_adjustment'
  const unbilled = useQuery({ ...unbilledQuery(e.workOrderId), enabled: priceAdjustment })
  const concepts = priceAdjustment
    ? (unbilled.data?.items ?? []).filter((c) => Number(c.billed) !== 0)
    : e.lines.filter((l) => l.kind === 'production')
  const lineKind: Kind = priceAdjustment ? 'price_difference' : 'deductive'
  const [kind, setKind] = useState<Kind>(priceAdjustment || concepts.length > 0 ? lineKind : 'penalty')
  const [chosenConcept, setConceptId] = useState('')
  const conceptId = chosenConcept || (concepts[0]?.conceptId ?? '')
  const [priceDiffMxn, setPriceDiffMxn] = useState('')
  const [priceDiffUsd, setPriceDiffUsd] = useState('')
  const [quantity, setQuantity] = useState('')
  const [amountMxn, setAmountMxn] = useState('')
  const [amountUsd, setAmountUsd] = useState('')
  const [reason, setReason] = useState('')
  const num = (v: string) => v.trim().replace(',', '.') || '0'
  return (
    <form
      className="estimate__adjust"
      onSubmit={(ev) => {
        ev.preventDefault()
        onAdd(
          kind === 'deductive'
            ? { kind, conceptId, quantity: num(quantity), reason }
            : kind === 'price_difference'
              ? {
                  kind,
                  conceptId,
                  priceDifferenceMxn: num(priceDiffMxn),
                  priceDifferenceUsd: num(priceDiffUsd),
                  reason,
                }
              : { kind, amountMxn: num(amountMxn), amountUsd: num(amountUsd), reason },
        )
      }}
    >
      <FormField
        label={`${priceAdjustment ? t('billing.priceDifference') : t('detail.addDeductive')} / ${t('detail.addPenalty')}`}
        hint={kind === 'price_difference' ? t('billing.priceDifferenceHint') : undefined}
      >
        {(c) => (
          <select {...c} className="input" value={kind} onChange={(x) => setKind(x.target.value as Kind)}>
            {priceAdjustment ? (
              <option value="price_difference">{t('billing.priceDifference')}</option>
            ) : concepts.length > 0 ? (
              <option value="deductive">{t('detail.addDeductive')}</option>
            ) : null}
            <option value="penalty">{t('detail.addPenalty')}</option>
          </select>
        )}
      </FormField>
      {kind === 'price_difference' ? (
        <>
          <FormField label={t('detail.concept')}>
            {(c) => (
              <select
                {...c}
                className="input"
                value={conceptId}
                onChange={(x) => setConceptId(x.target.value)}
              >
                {concepts.map((l) => (
                  <option key={l.conceptId} value={l.conceptId}>
                    {l.code}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t('billing.priceDiffMxn')}>
            {(c) => (
              <input
                {...c}
                className="input"
                inputMode="decimal"
                value={priceDiffMxn}
                onChange={(x) => setPriceDiffMxn(x.target.value)}
              />
            )}
          </FormField>
          <FormField label={t('billing.priceDiffUsd')}>
            {(c) => (
              <input
                {...c}
                className="input"
                inputMode="decimal"
                value={priceDiffUsd}
                onChange={(x) => setPriceDiffUsd(x.target.value)}
              />
            )}
          </FormField>
        </>
      ) : kind === 'deductive' ? (
        <>
          <FormField label={t('detail.concept')}>
            {(c) => (
              <select
                {...c}
                className="input"
                value={conceptId}
                onChange={(x) => setConceptId(x.target.value)}
              >
                {concepts.map((l) => (
                  <option key={l.conceptId} value={l.conceptId}>
                    {l.code}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t('detail.quantity')}>
            {(c) => (
              <input
                {...c}
                className="input"
                inputMode="decimal"
                value={quantity}
                onChange={(x) => setQuantity(x.target.value)}
              />
            )}
          </FormField>
        </>
      ) : (
        <>
          <FormField label={t('detail.amountMxnField')}>
            {(c) => (
              <input
                {...c}
                className="input"
                inputMode="decimal"
                value={amountMxn}
                onChange={(x) => setAmountMxn(x.target.value)}
              />
            )}
          </FormField>
          <FormField label={t('detail.amountUsdField')}>
            {(c) => (
              <input
                {...c}
                className="input"
                inputMode="decimal"
                value={amountUsd}
                onChange={(x) => setAmountUsd(x.target.value)}
              />
            )}
          </FormField>
        </>
      )}
      <FormField label={t('detail.reason')} className="estimate__reason">
        {(c) => (
          <input
            {...c}
            className="input"
            value={reason}
            maxLength={500}
            onChange={(x) => setReason(x.target.value)}
          />
        )}
      </FormField>
      <Button type="submit" disabled={busy}>
        {t('detail.add')}
      </Button>
    </form>
  )
}
