import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { CARDINAL_POINTS, ZRentalProjectInput, type TRentalProject } from '@faena/contracts'
import { FormField, useToast } from '../../platform/components'
import { fromText } from '../../platform/components/record-form'
import { useZodForm } from '../../platform/validation'
import { clientOptionsQuery, useSaveProject } from './api'
import { RecordDialog, useErrorLine } from './record-dialog'

const S = ZRentalProjectInput.shape
/** The project's form: the contract's fields typed into inputs (a blank optional field is null). */
export const ZProjectForm = ZRentalProjectInput.extend({
  clientId: fromText(S.clientId),
  location: fromText(S.location, null),
  cardinalPoint: fromText(S.cardinalPoint, null),
  contactName: fromText(S.contactName, null),
  contactPhone: fromText(S.contactPhone, null),
  startDate: fromText(S.startDate),
  endDate: fromText(S.endDate, null),
  notes: fromText(S.notes, null),
})

const initialOf = (p: TRentalProject | null, today: string): z.input<typeof ZProjectForm> => ({
  clientId: p?.client.id ?? '',
  name: p?.name ?? '',
  location: p?.location ?? '',
  cardinalPoint: p?.cardinalPoint ?? '',
  contactName: p?.contactName ?? '',
  contactPhone: p?.contactPhone ?? '',
  startDate: p?.startDate ?? today,
  endDate: p?.endDate ?? '',
  notes: p?.notes ?? '',
})

/** Create or edit a project (client, camp, cardinal point, contact, dates, notes). */
export const ProjectDialog = ({
  project,
  today,
  onClose,
  onSaved,
}: {
  project: TRentalProject | null
  today: string
  onClose: () => void
  onSaved?: (p: TRentalProject) => void
}) => {
  const { t } = useTranslation(['rental-projects', 'platform'])
  const toast = useToast()
  const clients = useQuery(clientOptionsQuery())
  const save = useSaveProject()
  const errorLine = useErrorLine()
  const form = useZodForm(ZProjectForm, initialOf(project, today))
  const [formError, setFormError] = useState<string | null>(null)

  const submit = form.submit((body) => {
    setFormError(null)
    save.mutate(
      { ...(project ? { id: project.id } : {}), body },
      {
        onSuccess: (p) => {
          toast.success(project ? t('projects.saved') : t('projects.created', { name: p.name }))
          onSaved?.(p)
          onClose()
        },
        onError: (e) => {
          if (!form.applyServerError(e)) setFormError(errorLine(e))
        },
      },
    )
  })

  return (
    <RecordDialog
      size="lg"
      title={project ? t('projects.editTitle') : t('projects.newTitle')}
      isNew={!project}
      saving={save.isPending}
      // off while saving: a new project opens its page right after the save
      dirty={form.isDirty && !save.isPending}
      error={formError}
      onClose={onClose}
      onSubmit={submit}
    >
      <FormField label={t('projects.fields.name')} error={form.errors.name} required className="rp-wide">
        {(p) => <input {...p} className="input" {...form.register('name')} data-testid="project-name" />}
      </FormField>
      <FormField label={t('projects.fields.client')} error={form.errors.clientId} required>
        {(p) => (
          <select
            {...p}
            className="input"
            {...form.register('clientId')}
            aria-busy={clients.isPending || undefined}
            data-testid="project-client"
          >
            <option value="">—</option>
            {(clients.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} · {c.taxId}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('projects.fields.location')} error={form.errors.location}>
        {(p) => (
          <input {...p} className="input" {...form.register('location')} data-testid="project-location" />
        )}
      </FormField>
      <FormField label={t('projects.fields.cardinalPoint')} error={form.errors.cardinalPoint}>
        {(p) => (
          <select {...p} className="input" {...form.register('cardinalPoint')}>
            <option value="">—</option>
            {CARDINAL_POINTS.map((c) => (
              <option key={c} value={c}>
                {t(`cardinal.${c}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('projects.fields.contactName')} error={form.errors.contactName}>
        {(p) => <input {...p} className="input" {...form.register('contactName')} />}
      </FormField>
      <FormField label={t('projects.fields.contactPhone')} error={form.errors.contactPhone}>
        {(p) => <input {...p} className="input" type="tel" {...form.register('contactPhone')} />}
      </FormField>
      <FormField label={t('projects.fields.startDate')} error={form.errors.startDate} required>
        {(p) => (
          <input
            {...p}
            className="input"
            type="date"
            {...form.register('startDate')}
            data-testid="project-start"
          />
        )}
      </FormField>
      <FormField label={t('projects.fields.endDate')} error={form.errors.endDate}>
        {(p) => (
          <input
            {...p}
            className="input"
            type="date"
            min={form.values.startDate}
            {...form.register('endDate')}
          />
        )}
      </FormField>
      <FormField label={t('projects.fields.notes')} error={form.errors.notes} className="rp-wide">
        {(p) => <textarea {...p} className="input textarea" rows={2} {...form.register('notes')} />}
      </FormField>
    </RecordDialog>
  )
}
