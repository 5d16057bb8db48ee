import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import {
  CARDINAL_POINTS,
  ZRentalProjectInput,
  type TCardinalPoint,
  type TRentalProject,
  type TRentalProjectInput,
} from '@faena/contracts'
import { Button, Dialog, FormError, FormField, useToast } from '../../platform/components'
import { fieldErrors, type FieldErrors } from '../../platform/validation'
import { clientOptionsQuery, useSaveProject } from './api'
import { errorLine, orNull } from './ui'

type Values = {
  clientId: string
  name: string
  location: string
  cardinalPoint: TCardinalPoint | ''
  contactName: string
  contactPhone: string
  startDate: string
  endDate: string
  notes: string
}

const valuesOf = (p: TRentalProject | null, today: string): Values => ({
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

const toInput = (v: Values): TRentalProjectInput => ({
  clientId: v.clientId,
  name: v.name.trim(),
  location: orNull(v.location),
  cardinalPoint: v.cardinalPoint === '' ? null : v.cardinalPoint,
  contactName: orNull(v.contactName),
  contactPhone: orNull(v.contactPhone),
  startDate: v.startDate,
  endDate: v.endDate === '' ? null : v.endDate,
  notes: orNull(v.notes),
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
  const [values, setValues] = useState<Values>(valuesOf(project, today))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const set = <K extends keyof Values>(k: K, v: Values[K]) => {
    setValues((x) => ({ ...x, [k]: v }))
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([key]) => key !== k)))
  }

  const submit = () => {
    setFormError(null)
    const parsed = ZRentalProjectInput.safeParse(toInput(values))
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.') || '_form', i.message])))
      return
    }
    save.mutate(
      { ...(project ? { id: project.id } : {}), body: parsed.data },
      {
        onSuccess: (p) => {
          toast.success(project ? t('projects.saved') : t('projects.created', { name: p.name }))
          onSaved?.(p)
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
  }

  return (
    <Dialog
      open
      size="lg"
      title={project ? t('projects.editTitle') : t('projects.newTitle')}
      onClose={onClose}
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose} disabled={save.isPending}>
            {t('platform:actions.cancel')}
          </Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            {project ? t('platform:actions.save') : t('platform:actions.create')}
          </Button>
        </>
      }
    >
      <FormError>{formError}</FormError>
      <div className="form-grid">
        <FormField label={t('projects.fields.name')} error={errors.name} required className="rp-wide">
          {(p) => (
            <input
              {...p}
              className="input"
              value={values.name}
              onChange={(e) => set('name', e.target.value)}
              data-testid="project-name"
            />
          )}
        </FormField>
        <FormField label={t('projects.fields.client')} error={errors.clientId} required>
          {(p) => (
            <select
              {...p}
              className="input"
              value={values.clientId}
              onChange={(e) => set('clientId', e.target.value)}
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
        <FormField label={t('projects.fields.location')} error={errors.location}>
          {(p) => (
            <input
              {...p}
              className="input"
              value={values.location}
              onChange={(e) => set('location', e.target.value)}
              data-testid="project-location"
            />
          )}
        </FormField>
        <FormField label={t('projects.fields.cardinalPoint')} error={errors.cardinalPoint}>
          {(p) => (
            <select
              {...p}
              className="input"
              value={values.cardinalPoint}
              onChange={(e) => set('cardinalPoint', e.target.value as TCardinalPoint | '')}
            >
              <option value="">—</option>
              {CARDINAL_POINTS.map((c) => (
                <option key={c} value={c}>
                  {t(`cardinal.${c}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('projects.fields.contactName')} error={errors.contactName}>
          {(p) => (
            <input
              {...p}
              className="input"
              value={values.contactName}
              onChange={(e) => set('contactName', e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('projects.fields.contactPhone')} error={errors.contactPhone}>
          {(p) => (
            <input
              {...p}
              className="input"
              type="tel"
              value={values.contactPhone}
              onChange={(e) => set('contactPhone', e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('projects.fields.startDate')} error={errors.startDate} required>
          {(p) => (
            <input
              {...p}
              className="input"
              type="date"
              value={values.startDate}
              onChange={(e) => set('startDate', e.target.value)}
              data-testid="project-start"
            />
          )}
        </FormField>
        <FormField label={t('projects.fields.endDate')} error={errors.endDate}>
          {(p) => (
            <input
              {...p}
              className="input"
              type="date"
              value={values.endDate}
              min={values.startDate}
              onChange={(e) => set('endDate', e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('projects.fields.notes')} error={errors.notes} className="rp-wide">
          {(p) => (
            <textarea
              {...p}
              className="input textarea"
              rows={2}
              value={values.notes}
              onChange={(e) => set('notes', e.target.value)}
            />
          )}
        </FormField>
      </div>
    </Dialog>
  )
}
