import { useTranslation } from 'react-i18next'
import { type TRentalAssignment } from '@faena/contracts'
import { DecimalHint, DecimalInput, FormField, useToast } from '../../platform/components'
import { useUpdateAssignment } from './api'
import { ZEditAssignmentForm } from './assignment-form'
import { ChangeDialog, useChangeForm } from './change-dialog'
import { FrequencyField } from './frequency-field'

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
  const change = useChangeForm(ZEditAssignmentForm, {
    dailyRate: assignment.dailyRate,
    rateEffectiveFrom: '',
    frequency: assignment.frequency,
    days: assignment.frequency === 'weekdays' ? assignment.weekdays : assignment.monthdays,
    operationStart: assignment.operationStart,
    operationEnd: assignment.operationEnd ?? '',
    description: assignment.description,
  })
  const { form } = change

  const submit = change.submitWith((body, onError) =>
    update.mutate(
      { id: assignment.id, body },
      {
        onSuccess: () => {
          toast.success(t('edit.saved'))
          onClose()
        },
        onError,
      },
    ),
  )

  return (
    <ChangeDialog
      change={change}
      onSubmit={submit}
      size="lg"
      title={t('edit.title', { code: assignment.equipment.code })}
      busy={update.isPending}
      submitLabel={t('platform:actions.save')}
      onClose={onClose}
    >
      <div className="form-grid">
        <FormField
          label={assignment.kind === 'service' ? t('assign.rateService') : t('assign.rate')}
          error={form.errors.dailyRate}
          hint={<DecimalHint />}
          required
        >
          {(p) => (
            <DecimalInput
              {...p}
              maxFractionDigits={2}
              value={form.values.dailyRate}
              onValueChange={(v) => form.set('dailyRate', v)}
            />
          )}
        </FormField>
        <FormField
          label={t('edit.rateFrom')}
          hint={t('edit.rateFromHint')}
          error={form.errors.rateEffectiveFrom}
        >
          {(p) => (
            <input
              {...p}
              className="input"
              type="date"
              {...form.register('rateEffectiveFrom')}
              data-testid="assignment-rate-from"
            />
          )}
        </FormField>
        <FormField label={t('assign.operationStart')} error={form.errors.operationStart} required>
          {(p) => <input {...p} className="input" type="date" {...form.register('operationStart')} />}
        </FormField>
        <FormField label={t('assign.operationEnd')} error={form.errors.operationEnd}>
          {(p) => (
            <input
              {...p}
              className="input"
              type="date"
              min={form.values.operationStart}
              {...form.register('operationEnd')}
            />
          )}
        </FormField>
        <FrequencyField
          frequency={form.values.frequency}
          days={form.values.days}
          errors={form.errors}
          onChange={(f, d) => {
            form.set('frequency', f)
            form.set('days', d)
          }}
        />
        <FormField label={t('assign.description')} error={form.errors.description} className="rp-wide">
          {(p) => <input {...p} className="input" maxLength={300} {...form.register('description')} />}
        </FormField>
      </div>
    </ChangeDialog>
  )
}
