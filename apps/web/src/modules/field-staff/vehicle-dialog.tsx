import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ZVehicleInput, type TVehicle, type TVehicleDetail } from '@faena/contracts'
import { FormField, allowNavigation, useToast } from '../../platform/components'
import { fromText, intFromText } from '../../platform/components/record-form'
import { useCan } from '../../platform/session'
import { useZodForm } from '../../platform/validation'
import { RecordDialog, useErrorLine } from '../rental-projects'
import { useDeleteOwner, useSaveVehicle } from './api'
import { ActiveField } from './person-dialog'

/** The vehicle's form: the contract's fields, the optional ones typed as text (blank → null). */
export const ZVehicleForm = ZVehicleInput.extend({
  brand: fromText(ZVehicleInput.shape.brand, null),
  model: fromText(ZVehicleInput.shape.model, null),
  year: intFromText(ZVehicleInput.shape.year, null),
  notes: fromText(ZVehicleInput.shape.notes, null),
})

const initialOf = (v: TVehicle | null): z.input<typeof ZVehicleForm> => ({
  plate: v?.plate ?? '',
  brand: v?.brand ?? '',
  model: v?.model ?? '',
  year: v?.year ? String(v.year) : '',
  active: v?.active ?? true,
  notes: v?.notes ?? '',
})

/** Create or edit a vehicle (plate format checked here and on the server); delete from here. */
export const VehicleDialog = ({
  vehicle,
  onClose,
  onCreated,
  onDeleted,
}: {
  vehicle: TVehicle | null
  onClose: () => void
  onCreated?: (v: TVehicleDetail) => void
  onDeleted?: () => void
}) => {
  const { t } = useTranslation(['field-staff', 'platform'])
  const toast = useToast()
  const can = useCan()
  const save = useSaveVehicle()
  const remove = useDeleteOwner('vehicle')
  const errorLine = useErrorLine()
  const form = useZodForm(ZVehicleForm, initialOf(vehicle))
  const [formError, setFormError] = useState<string | null>(null)
  const submit = form.submit((body) => {
    setFormError(null)
    save.mutate(
      { ...(vehicle ? { id: vehicle.id } : {}), body },
      {
        onSuccess: (x) => {
          toast.success(vehicle ? t('vehicles.saved') : t('vehicles.created', { plate: x.plate }))
          // the form was saved: leaving for the new record's page asks nothing
          allowNavigation()
          onClose()
          if (!vehicle) onCreated?.(x)
        },
        onError: (e) => {
          if (!form.applyServerError(e)) setFormError(errorLine(e))
        },
      },
    )
  })
  const text = (k: 'brand' | 'model') => (
    <FormField label={t(`vehicles.fields.${k}`)} error={form.errors[k]}>
      {(p) => <input {...p} className="input" {...form.register(k)} data-testid={`vehicle-${k}`} />}
    </FormField>
  )
  return (
    <RecordDialog
      title={vehicle ? t('vehicles.editTitle', { plate: vehicle.plate }) : t('vehicles.newTitle')}
      isNew={!vehicle}
      saving={save.isPending}
      dirty={form.isDirty}
      error={formError}
      onClose={onClose}
      onSubmit={submit}
      saveTestId="vehicle-save"
      remove={
        vehicle && can('fieldStaff.manage')
          ? {
              title: t('vehicles.deleteTitle', { plate: vehicle.plate }),
              body: <p>{t('vehicles.deleteBody')}</p>,
              busy: remove.isPending,
              run: (back) =>
                remove.mutate(vehicle.id, {
                  onSuccess: () => {
                    toast.success(t('vehicles.deleted'))
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
      <FormField
        label={t('vehicles.fields.plate')}
        hint={t('vehicles.fields.plateHint')}
        error={form.errors.plate}
        required
      >
        {(p) => (
          <input
            {...p}
            className="input mono"
            maxLength={9}
            value={form.values.plate}
            onChange={(e) => form.set('plate', e.target.value.toUpperCase())}
            data-testid="vehicle-plate"
          />
        )}
      </FormField>
      <FormField label={t('vehicles.fields.year')} error={form.errors.year}>
        {(p) => (
          <input
            {...p}
            className="input"
            inputMode="numeric"
            maxLength={4}
            value={form.values.year}
            onChange={(e) => form.set('year', e.target.value.replace(/\D/g, ''))}
          />
        )}
      </FormField>
      {text('brand')}
      {text('model')}
      <ActiveField label={t('vehicles.fields.active')} input={form.register('active')} />
      <FormField label={t('vehicles.fields.notes')} error={form.errors.notes} className="fs-wide">
        {(p) => <textarea {...p} className="input textarea" rows={2} {...form.register('notes')} />}
      </FormField>
    </RecordDialog>
  )
}
