import { useEffect } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ZEstimateAdjustmentRequest, type TEstimate, type TEstimateAdjustmentRequest } from '@faena/contracts'
import { Button, FormField } from '../../platform/components'
import { useZodForm } from '../../platform/validation'
import { unbilledQuery } from './api'
import { decimalText } from './form-text'

type Kind = TEstimateAdjustmentRequest['kind']

const [deductive, penalty, priceDifference] = ZEstimateAdjustmentRequest.options
/**
 * What the form holds (every kind's inputs, as typed), read into the contract's request of the chosen kind: a
 * blank amount or quantity is 0.
 */
const ZAdjustmentFields = z.object({
  kind: z.enum(['deductive', 'penalty', 'price_difference']),
  conceptId: z.string(),
  quantity: z.string(),
  amountMxn: z.string(),
  amountUsd: z.string(),
  priceDifferenceMxn: z.string(),
  priceDifferenceUsd: z.string(),
  reason: z.string(),
})
const ZAdjustmentRequest = z.discriminatedUnion('kind', [
  deductive.extend({ quantity: decimalText(deductive.shape.quantity, '0') }),
  penalty.extend({
    amountMxn: decimalText(penalty.shape.amountMxn, '0'),
    amountUsd: decimalText(penalty.shape.amountUsd, '0'),
  }),
  priceDifference.extend({
    priceDifferenceMxn: decimalText(priceDifference.shape.priceDifferenceMxn, '0'),
    priceDifferenceUsd: decimalText(priceDifference.shape.priceDifferenceUsd, '0'),
  }),
])
// the chosen kind's request reads only its own fields of the form (the others are stripped)
const ZAdjustmentForm = ZAdjustmentFields.pipe(
  ZAdjustmentRequest as unknown as z.ZodType<
    z.output<typeof ZAdjustmentRequest>,
    z.output<typeof ZAdjustmentFields>
  >,
)

/**
 * Add a deductive line (a concept of the estimate, a quantity, why), a penalty (amounts, why) or, on a
 * price-adjustment estimate, a price difference (a concept the family has already billed, the unit-price
 * differences, why: the server multiplies them by the quantity already billed). `onAdd` gets the request and
 * the handler of its failure (a field error shows under its field).
 */
export const AdjustmentsForm = ({
  e,
  busy,
  onAdd,
}: {
  e: TEstimate
  busy: boolean
  onAdd: (body: TEstimateAdjustmentRequest, onError: (err: unknown) => boolean) => void
}) => {
  const { t } = useTranslation('estimates')
  const priceAdjustment = e.type === 'price_adjustment'
  const unbilled = useQuery({ ...unbilledQuery(e.workOrderId), enabled: priceAdjustment })
  const concepts = priceAdjustment
    ? (unbilled.data?.items ?? []).filter((c) => Number(c.billed) !== 0)
    : e.lines.filter((l) => l.kind === 'production')
  const lineKind: Kind = priceAdjustment ? 'price_difference' : 'deductive'
  const form = useZodForm(ZAdjustmentForm, {
    kind: priceAdjustment || concepts.length > 0 ? lineKind : 'penalty',
    conceptId: concepts[0]?.conceptId ?? '',
    quantity: '',
    amountMxn: '',
    amountUsd: '',
    priceDifferenceMxn: '',
    priceDifferenceUsd: '',
    reason: '',
  })
  const kind = form.values.kind
  // the first concept is the one chosen until another is (the billed ones of a price adjustment load later)
  const firstConcept = concepts[0]?.conceptId ?? ''
  const { setValue } = form
  useEffect(() => {
    if (firstConcept) setValue('conceptId', firstConcept, { shouldDirty: false })
  }, [firstConcept, setValue])
  const conceptField = (
    <FormField label={t('detail.concept')} error={form.errors.conceptId}>
      {(c) => (
        <select {...c} className="input" {...form.register('conceptId')}>
          {concepts.map((l) => (
            <option key={l.conceptId} value={l.conceptId}>
              {l.code}
            </option>
          ))}
        </select>
      )}
    </FormField>
  )
  const decimal = (
    name: 'quantity' | 'amountMxn' | 'amountUsd' | 'priceDifferenceMxn' | 'priceDifferenceUsd',
    label: string,
  ) => (
    <FormField label={label} error={form.errors[name]}>
      {(c) => <input {...c} className="input" inputMode="decimal" {...form.register(name)} />}
    </FormField>
  )
  return (
    <form
      className="estimate__adjust"
      noValidate
      onSubmit={form.submit((body: TEstimateAdjustmentRequest) => onAdd(body, form.applyServerError))}
    >
      <FormField
        label={`${priceAdjustment ? t('billing.priceDifference') : t('detail.addDeductive')} / ${t('detail.addPenalty')}`}
        hint={kind === 'price_difference' ? t('billing.priceDifferenceHint') : undefined}
      >
        {(c) => (
          <select {...c} className="input" {...form.register('kind')}>
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
          {conceptField}
          {decimal('priceDifferenceMxn', t('billing.priceDiffMxn'))}
          {decimal('priceDifferenceUsd', t('billing.priceDiffUsd'))}
        </>
      ) : kind === 'deductive' ? (
        <>
          {conceptField}
          {decimal('quantity', t('detail.quantity'))}
        </>
      ) : (
        <>
          {decimal('amountMxn', t('detail.amountMxnField'))}
          {decimal('amountUsd', t('detail.amountUsdField'))}
        </>
      )}
      <FormField label={t('detail.reason')} className="estimate__reason" error={form.errors.reason}>
        {(c) => <input {...c} className="input" maxLength={500} {...form.register('reason')} />}
      </FormField>
      <Button type="submit" disabled={busy}>
        {t('detail.add')}
      </Button>
    </form>
  )
}
