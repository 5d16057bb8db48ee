import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { type TRentalProject } from '@faena/contracts'
import { Button, Dialog, FormError, FormField, useToast } from '../../platform/components'
import { fieldErrors, type FieldErrors } from '../../platform/validation'
import { closeCheckQuery, useCloseProject } from './api'
import { errorLine, orNull } from './ui'

/** Close the project: shows what the server says will happen (or why it cannot), asks date and reason. */
export const CloseProjectDialog = ({
  project,
  today,
  onClose,
}: {
  project: TRentalProject
  today: string
  onClose: () => void
}) => {
  const { t } = useTranslation(['rental-projects', 'platform'])
  const toast = useToast()
  const check = useQuery(closeCheckQuery(project.id))
  const close = useCloseProject(project.id)
  const [date, setDate] = useState(project.endDate && project.endDate < today ? project.endDate : today)
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const can = check.data?.canClose ?? false

  const submit = () =>
    close.mutate(
      { date, reason: orNull(reason) },
      {
        onSuccess: () => {
          toast.success(t('close.done'))
          onClose()
        },
        onError: (e) => {
          const fe = fieldErrors(e)
          setErrors(fe)
          if (Object.keys(fe).length === 0)
            setFormError(errorLine(e, (id) => t('platform:errors.reference', { id })))
        },
      },
    )

  return (
    <Dialog
      open
      size="md"
      title={t('close.title', { name: project.name })}
      onClose={onClose}
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose} disabled={close.isPending}>
            {t('platform:actions.cancel')}
          </Button>
          <Button
            type="submit"
            variant="danger"
            loading={close.isPending}
            disabled={!can}
            data-testid="close-submit"
          >
            {t('close.submit')}
          </Button>
        </>
      }
    >
      <FormError>{formError}</FormError>
      {check.isPending ? <p className="muted">{t('close.checking')}</p> : null}
      {check.data?.blockers.map((b) => (
        <p key={b.code} className="rp-banner rp-banner--danger" role="alert">
          {b.message}
        </p>
      ))}
      {check.data && check.data.canClose ? (
        check.data.assignmentsToRetire > 0 ? (
          <>
            <p className="confirm__text">{t('close.body', { count: check.data.assignmentsToRetire })}</p>
            <p className="rp-badges">
              {check.data.equipmentToRelease.map((e) => (
                <span key={e.id} className="badge badge--neutral" title={e.name}>
                  {e.code}
                </span>
              ))}
            </p>
          </>
        ) : (
          <p className="muted">{t('close.nothing')}</p>
        )
      ) : null}
      {can ? (
        <div className="form-grid">
          <FormField label={t('close.date')} error={errors.date} required>
            {(p) => (
              <input
                {...p}
                className="input"
                type="date"
                min={project.startDate}
                value={date}
                onChange={(e) => setDate(e.target.value)}
              />
            )}
          </FormField>
          <FormField label={t('close.reason')} error={errors.reason}>
            {(p) => (
              <input
                {...p}
                className="input"
                maxLength={500}
                placeholder={t('close.reasonPlaceholder')}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            )}
          </FormField>
        </div>
      ) : null}
    </Dialog>
  )
}
