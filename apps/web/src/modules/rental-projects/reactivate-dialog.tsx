import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type TRentalAssignment } from '@faena/contracts'
import { Button, Dialog, FormError, FormField, useToast } from '../../platform/components'
import { fieldErrors, type FieldErrors } from '../../platform/validation'
import { useReactivateAssignment } from './api'
import { errorLine } from './ui'
import { ChangeChoicePanel, useChangeChoice, type ChangeOptions } from './change-choice'

/** Reactivate, optionally moving the operation start forward. */
export const ReactivateDialog = ({
  assignment,
  onClose,
}: {
  assignment: TRentalAssignment
  onClose: () => void
}) => {
  const { t } = useTranslation(['rental-projects', 'platform'])
  const toast = useToast()
  const reactivate = useReactivateAssignment()
  const [start, setStart] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const code = assignment.equipment.code
  const choice = useChangeChoice()
  const submit = (options: ChangeOptions = {}) => {
    setFormError(null)
    choice.clear()
    reactivate.mutate(
      { id: assignment.id, body: { ...options, ...(start ? { operationStart: start } : {}) } },
      {
        onSuccess: () => {
          toast.success(t('reactivate.done', { code }))
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
      title={t('reactivate.title', { code })}
      onClose={onClose}
      onSubmit={() => submit()}
      footer={
        <>
          <Button onClick={onClose} disabled={reactivate.isPending}>
            {t('platform:actions.cancel')}
          </Button>
          <Button type="submit" variant="primary" loading={reactivate.isPending}>
            {t('reactivate.submit')}
          </Button>
        </>
      }
    >
      <FormError>{formError}</FormError>
      <ChangeChoicePanel choice={choice} onChoose={submit} />
      <p className="confirm__text">{t('reactivate.body')}</p>
      <FormField label={t('reactivate.start')} error={errors.operationStart}>
        {(p) => (
          <input
            {...p}
            className="input"
            type="date"
            min={assignment.operationStart}
            value={start}
            onChange={(e) => setStart(e.target.value)}
          />
        )}
      </FormField>
    </Dialog>
  )
}
