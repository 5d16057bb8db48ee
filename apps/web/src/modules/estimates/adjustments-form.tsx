import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TEstimate, TEstimateAdjustmentRequest } from '@faena/contracts'
import { Button, FormField } from '../../platform/components'

/** Add a deductive line (a concept of the estimate, a quantity, why) or a penalty (amounts, why). */
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
  const concepts = e.lines.filter((l) => l.kind === 'production')
  const [kind, setKind] = useState<'deductive' | 'penalty'>(concepts.length > 0 ? 'deductive' : 'penalty')
  const [conceptId, setConceptId] = useState(concepts[0]?.conceptId ?? '')
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
            : { kind, amountMxn: num(amountMxn), amountUsd: num(amountUsd), reason },
        )
      }}
    >
      <FormField label={t('detail.addDeductive') + ' / ' + t('detail.addPenalty')}>
        {(c) => (
          <select
            {...c}
            className="input"
            value={kind}
            onChange={(x) => setKind(x.target.value as 'deductive' | 'penalty')}
          >
            {concepts.length > 0 ? <option value="deductive">{t('detail.addDeductive')}</option> : null}
            <option value="penalty">{t('detail.addPenalty')}</option>
          </select>
        )}
      </FormField>
      {kind === 'deductive' ? (
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
