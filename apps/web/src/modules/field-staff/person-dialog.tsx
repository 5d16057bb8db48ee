import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ZFieldStaffInput, type TFieldStaff, type TFieldStaffDetail } from '@faena/contracts'
import { FormField, allowNavigation, useToast } from '../../platform/components'
import { fromText } from '../../platform/components/record-form'
import { useCan } from '../../platform/session'
import { useZodForm } from '../../platform/validation'
import { RecordDialog, useErrorLine } from '../rental-projects'
import { useDeleteOwner, useSavePerson } from './api'

/** The technician's form: the contract's fields, the optional ones typed as text (blank → null). */
export const ZPersonForm = ZFieldStaffInput.extend({
  phone: fromText(ZFieldStaffInput.shape.phone, null),
  email: fromText(ZFieldStaffInput.shape.email, null),
  notes: fromText(ZFieldStaffInput.shape.notes, null),
})

const initialOf = (p: TFieldStaff | null): z.input<typeof ZPersonForm> => ({
  firstNames: p?.firstNames ?? '',
  lastNames: p?.lastNames ?? '',
  cedula: p?.cedula ?? '',
  phone: p?.phone ?? '',
  email: p?.email ?? '',
  active: p?.active ?? true,
  notes: p?.notes ?? '',
})

/** Create or edit a technician (cédula: 10 digits here, the check digit on the server); delete from here. */
export const PersonDialog = ({
  person,
  onClose,
  onCreated,
  onDeleted,
}: {
  person: TFieldStaff | null
  onClose: () => void
  onCreated?: (p: TFieldStaffDetail) => void
  onDeleted?: () => void
}) => {
  const { t } = useTranslation(['field-staff', 'platform'])
  const toast = useToast()
  const can = useCan()
  const save = useSavePerson()
  const remove = useDeleteOwner('staff')
  const errorLine = useErrorLine()
  const form = useZodForm(ZPersonForm, initialOf(person))
  const [formError, setFormError] = useState<string | null>(null)
  const submit = form.submit((body) => {
    setFormError(null)
    save.mutate(
      { ...(person ? { id: person.id } : {}), body },
      {
        onSuccess: (p) => {
          toast.success(person ? t('staff.saved') : t('staff.created', { name: p.fullName }))
          // the form was saved: leaving for the new record's page asks nothing
          allowNavigation()
          onClose()
          if (!person) onCreated?.(p)
        },
        onError: (e) => {
          if (!form.applyServerError(e)) setFormError(errorLine(e))
        },
      },
    )
  })
  const text = (k: 'firstNames' | 'lastNames' | 'phone' | 'email', type = 'text', required = false) => (
    <FormField label={t(`staff.fields.${k}`)} error={form.errors[k]} required={required}>
      {(p) => (
        <input {...p} className="input" type={type} {...form.register(k)} data-testid={`person-${k}`} />
      )}
    </FormField>
  )
  return (
    <RecordDialog
      size="lg"
      title={person ? t('staff.editTitle', { name: person.fullName }) : t('staff.newTitle')}
      isNew={!person}
      saving={save.isPending}
      dirty={form.isDirty}
      error={formError}
      onClose={onClose}
      onSubmit={submit}
      saveTestId="person-save"
      remove={
        person && can('fieldStaff.manage')
          ? {
              title: t('staff.deleteTitle', { name: person.fullName }),
              body: <p>{t('staff.deleteBody')}</p>,
              busy: remove.isPending,
              run: (back) =>
                remove.mutate(person.id, {
                  onSuccess: () => {
                    toast.success(t('staff.deleted'))
                    allowNavigation()
                    onClose()
                    onDeleted?.()
                  },
                  onError: (e) => {
                    back()
                    setFormError(errorLine(e))
                  },
                }),
            }
          : undefined
      }
    >
      {text('firstNames', 'text', true)}
      {text('lastNames', 'text', true)}
      <FormField
        label={t('staff.fields.cedula')}
        hint={t('staff.fields.cedulaHint')}
        error={form.errors.cedula}
        required
      >
        {(p) => (
          <input
            {...p}
            className="input mono"
            inputMode="numeric"
            maxLength={10}
            value={form.values.cedula}
            onChange={(e) => form.set('cedula', e.target.value.replace(/\D/g, ''))}
            data-testid="person-cedula"
          />
        )}
      </FormField>
      {text('phone', 'tel')}
      {text('email', 'email')}
      <ActiveField label={t('staff.fields.active')} input={form.register('active')} />
      <FormField label={t('staff.fields.notes')} error={form.errors.notes} className="fs-wide">
        {(p) => <textarea {...p} className="input textarea" rows={2} {...form.register('notes')} />}
      </FormField>
    </RecordDialog>
  )
}

/** The "active" check box of a technician or a vehicle. */
export const ActiveField = ({ label, input }: { label: string; input: object }) => {
  const { t } = useTranslation('field-staff')
  return (
    <FormField label={label}>
      {(p) => (
        <label className="checkbox">
          <input {...p} type="checkbox" {...input} /> {t('common.active')}
        </label>
      )}
    </FormField>
  )
}
