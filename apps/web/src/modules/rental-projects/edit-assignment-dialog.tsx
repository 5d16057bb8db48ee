import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type TRentalAssignment, type TRentalFrequency } from '@faena/contracts'
import {
  Button,
  DecimalHint,
  DecimalInput,
  Dialog,
  FormError,
  FormField,
  useToast,
} from '../../platform/components'
import { fieldErrors, type FieldErrors } from '../../platform/validation'
import { useUpdateAssignment } from './api'
import { errorLine } from './ui'
import { useChangeChoice, type ChangeOptions } from './change-choice'
import { FrequencyField, frequencyBody } from './frequency-field'

/** Edit rate, billing text, frequency and window of an active assignment. */
export const EditAssignmentDialog = ({
  assignment,
  onClose,
}: {
  assignment: TRentalAssignment
  onClose: () => void
}) => {
  const { t } = useTranslation(['rental-projects', 'platform'])
  const toast = useToast()
  const update = useUpdateAssignment()
  const [rate, setRate] = useState(assignment.dailyRate)
  const [frequency, setFrequency] = useState<TRentalFrequency>(assignment.frequency)
  const [days, setDays] = useState<number[]>(
    assignment.frequency === 'weekdays' ? assignment.weekdays : assignment.monthdays,
  )
  const [start, setStart] = useState(assignment.operationStart)
  const [end, setEnd] = useState(assignment.operationEnd ?? '')
  const [description, setDescription] = useState(assignment.description)
  const [rateFrom, setRateFrom] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const choice = useChangeChoice()

  const submit = (options: ChangeOptions = {}) => {
    setFormError(null)
    choice.clear()
    update.mutate(
      {
        id: assignment.id,
        body: {
          ...options,
          dailyRate: rate.trim(),
          ...(rateFrom ? { rateEffectiveFrom: rateFrom } : {}),
          ...frequencyBody(frequency, days),
          operationStart: start,
          operationEnd: end || null,
          description: description.trim(),
        },
      },
      {
        onSuccess: () => {
          toast.success(t('edit.saved'))
          onClose()
        },
        onError: (e) => {
          if (choice.offer(e, options)) return
          const fe = fieldErrors(e)
          setErrors(fe)
          if (Object.keys(fe).length === 0)
            setFormError(errorLine(e, (id) => t('platform:errors.reference', { id })))
        },
      },
    )
  }

  return (
    <Dialog
      open
      size="lg"
      title={t('edit.title', { code: assignment.equipment.code })}
      onClose={onClose}
      onSubmit={() => submit()}
      footer={
        <>
          <Button onClick={onClose} disabled={update.isPending}>
            {t('platform:actions.cancel')}
          </Button>
          <Button type="submit" variant="primary" loading={update.isPending}>
            {t('platform:actions.save')}
          </Button>
        </>
      }
    >
      <FormError>{formError}</FormError>
      <div className="form-grid">
        <FormField
          label={assignment.kind === 'service' ? t('assign.rateService') : t('assign.rate')}
          error={errors.dailyRate}
          hint={<DecimalHint />}
          required
        >
          {(p) => <DecimalInput {...p} maxFractionDigits={2} value={rate} onValueChange={setRate} />}
        </FormField>
        <FormField label={t('edit.rateFrom')} hint={t('edit.rateFromHint')} error={errors.rateEffectiveFrom}>
          {(p) => (
            <input
              {...p}
              className="input"
              type="date"
              value={rateFrom}
              onChange={(e) => setRateFrom(e.target.value)}
              data-testid="assignment-rate-from"
            />
          )}
        </FormField>
        <FormField label={t('assign.operationStart')} error={errors.operationStart} required>
          {(p) => (
            <input
              {...p}
              className="input"
              type="date"
              value={start}
              onChange={(e) => setStart(e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('assign.operationEnd')} error={errors.operationEnd}>
          {(p) => (
            <input
              {...p}
              className="input"
              type="date"
              min={start}
              value={end}
              onChange={(e) => setEnd(e.target.value)}
            />
          )}
        </FormField>
        <FrequencyField
          frequency={frequency}
          days={days}
          errors={errors}
          onChange={(f, d) => {
            setFrequency(f)
            setDays(d)
          }}
        />
        <FormField label={t('assign.description')} error={errors.description} className="rp-wide">
          {(p) => (
            <input
              {...p}
              className="input"
              maxLength={300}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          )}
        </FormField>
      </div>
    </Dialog>
  )
}
