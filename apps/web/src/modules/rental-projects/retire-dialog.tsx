import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type TRentalAssignment } from '@faena/contracts'
import { Button, Dialog, FormError, FormField, useToast } from '../../platform/components'
import { fieldErrors, type FieldErrors } from '../../platform/validation'
import { useRetireAssignment } from './api'
import { errorLine } from './ui'
import { ChangeChoicePanel, useChangeChoice, type ChangeOptions } from './change-choice'

/** Retire with a date (last day on site) and a reason. */
export const RetireDialog = ({
  assignment,
  today,
  onClose,
}: {
  assignment: TRentalAssignment
  today: string
  onClose: () => void
}) => {
  const { t } = useTranslation(['rental-projects', 'platform'])
  const toast = useToast()
  const retire = useRetireAssignment()
  const [date, setDate] = useState(
    assignment.operationEnd && assignment.operationEnd < today ? assignment.operationEnd : today,
  )
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const code = assignment.equipment.code
  const choice = useChangeChoice()

  const submit = (options: ChangeOptions = {}) => {
    setFormError(null)
    choice.clear()
    const errs: FieldErrors = {}
    if (!date) errs.date = t('platform:validation.required')
    if (!reason.trim()) errs.reason = t('platform:dialog.reasonRequired')
    setErrors(errs)
    if (Object.keys(errs).length > 0) return
    retire.mutate(
      { id: assignment.id, body: { ...options, date, reason: reason.trim() } },
      {
        onSuccess: (r) => {
          const count = r.cascadedAssignmentIds.length
          toast.success(count > 0 ? t('retire.doneWith', { code, count }) : t('retire.done', { code }))
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
      size="sm"
      title={t('retire.title', { code })}
      onClose={onClose}
      onSubmit={() => submit()}
      footer={
        <>
          <Button onClick={onClose} disabled={retire.isPending}>
            {t('platform:actions.cancel')}
          </Button>
          <Button type="submit" variant="danger" loading={retire.isPending} data-testid="retire-submit">
            {t('retire.submit')}
          </Button>
        </>
      }
    >
      <FormError>{formError}</FormError>
      <ChangeChoicePanel choice={choice} onChoose={submit} />
      <p className="confirm__text">{t('retire.body')}</p>
      <FormField label={t('retire.date')} error={errors.date} required>
        {(p) => (
          <input
            {...p}
            className="input"
            type="date"
            min={assignment.operationStart}
            value={date}
            onChange={(e) => setDate(e.target.value)}
            data-testid="retire-date"
          />
        )}
      </FormField>
      <FormField
        label={t('retire.reason')}
        error={errors.reason}
        hint={t('platform:dialog.reasonHint')}
        required
      >
        {(p) => (
          <textarea
            {...p}
            className="input textarea"
            rows={2}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="retire-reason"
          />
        )}
      </FormField>
    </Dialog>
  )
}
