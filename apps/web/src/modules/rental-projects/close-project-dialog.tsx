import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ZCloseRentalProjectRequest, type TRentalProject } from '@faena/contracts'
import { Button, Dialog, FormError, FormField, useToast } from '../../platform/components'
import { fromText } from '../../platform/components/record-form'
import { useZodForm } from '../../platform/validation'
import { closeCheckQuery, useCloseProject } from './api'
import { useErrorLine } from './record-dialog'

const close = ZCloseRentalProjectRequest.shape
/** The close's form: the date is asked for (the contract would default it to today), a blank reason is null. */
export const ZCloseProjectForm = z.object({
  date: fromText(close.date.unwrap()),
  reason: fromText(close.reason, null),
})

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
  const closing = useCloseProject(project.id)
  const errorLine = useErrorLine()
  const form = useZodForm(ZCloseProjectForm, {
    date: project.endDate && project.endDate < today ? project.endDate : today,
    reason: '',
  })
  const [formError, setFormError] = useState<string | null>(null)
  const can = check.data?.canClose ?? false

  const submit = form.submit((body) => {
    setFormError(null)
    closing.mutate(body, {
      onSuccess: () => {
        toast.success(t('close.done'))
        onClose()
      },
      onError: (e) => {
        if (!form.applyServerError(e)) setFormError(errorLine(e))
      },
    })
  })

  return (
    <Dialog
      open
      size="md"
      title={t('close.title', { name: project.name })}
      onClose={onClose}
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose} disabled={closing.isPending}>
            {t('platform:actions.cancel')}
          </Button>
          <Button
            type="submit"
            variant="danger"
            loading={closing.isPending}
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
          <FormField label={t('close.date')} error={form.errors.date} required>
            {(p) => (
              <input
                {...p}
                className="input"
                type="date"
                min={project.startDate}
                {...form.register('date')}
              />
            )}
          </FormField>
          <FormField label={t('close.reason')} error={form.errors.reason}>
            {(p) => (
              <input
                {...p}
                className="input"
                maxLength={500}
                placeholder={t('close.reasonPlaceholder')}
                {...form.register('reason')}
              />
            )}
          </FormField>
        </div>
      ) : null}
    </Dialog>
  )
}
