import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import {
  RENTAL_CONDITIONS,
  RENTAL_EQUIPMENT_KINDS,
  RENTAL_EQUIPMENT_TYPES,
  ZRentalEquipmentInput,
  type TRentalEquipment,
  type TRentalEquipmentKind,
} from '@faena/contracts'
import { FormField, useToast } from '../../platform/components'
import { fromText } from '../../platform/components/record-form'
import { useZodForm } from '../../platform/validation'
import { useDeleteEquipment, useSaveEquipment } from './api'
import { RecordDialog, useErrorLine } from './record-dialog'

const S = ZRentalEquipmentInput.shape
/** The unit's form: the contract's fields typed into inputs (blank → null), plus the import review's check. */
export const ZEquipmentForm = ZRentalEquipmentInput.extend({
  type: fromText(S.type, null),
  brand: fromText(S.brand, null),
  model: fromText(S.model, null),
  serialNumber: fromText(S.serialNumber, null),
  condition: S.condition.unwrap(),
  location: fromText(S.location, null),
  notes: fromText(S.notes, null),
  reviewed: z.boolean(),
})

const initialOf = (e: TRentalEquipment | null): z.input<typeof ZEquipmentForm> => ({
  code: e?.code ?? '',
  name: e?.name ?? '',
  kind: e?.kind ?? 'equipment',
  type: e?.type ?? '',
  brand: e?.brand ?? '',
  model: e?.model ?? '',
  serialNumber: e?.serialNumber ?? '',
  condition: e?.condition ?? 'operative',
  location: e?.location ?? '',
  notes: e?.notes ?? '',
  reviewed: false,
})

/** Create or edit a unit or service; clear an import's review flag; delete what was never assigned. */
export const EquipmentDialog = ({
  unit,
  onClose,
}: {
  unit: TRentalEquipment | null
  onClose: () => void
}) => {
  const { t } = useTranslation(['rental-projects', 'platform'])
  const toast = useToast()
  const save = useSaveEquipment()
  const remove = useDeleteEquipment()
  const errorLine = useErrorLine()
  const form = useZodForm(ZEquipmentForm, initialOf(unit))
  const [formError, setFormError] = useState<string | null>(null)
  const isService = form.values.kind === 'service'

  const submit = form.submit(({ kind, type, condition, reviewed, ...rest }) => {
    setFormError(null)
    // a service has no type nor condition
    const common = { ...rest, type: isService ? null : type, ...(isService ? {} : { condition }) }
    save.mutate(
      unit
        ? { id: unit.id, body: { ...common, ...(reviewed ? { reviewed: true as const } : {}) } }
        : { body: { ...common, kind } },
      {
        onSuccess: (e) => {
          toast.success(unit ? t('equipment.saved') : t('equipment.created', { code: e.code }))
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
      title={unit ? t('equipment.editTitle', { code: unit.code }) : t('equipment.newTitle')}
      isNew={!unit}
      saving={save.isPending}
      dirty={form.isDirty}
      error={formError}
      onClose={onClose}
      onSubmit={submit}
      remove={
        unit
          ? {
              title: t('equipment.deleteTitle', { code: unit.code }),
              body: <p>{t('equipment.deleteBody')}</p>,
              busy: remove.isPending,
              run: (back) =>
                remove.mutate(unit.id, {
                  onSuccess: () => {
                    toast.success(t('equipment.deleted', { code: unit.code }))
                    onClose()
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
      {unit?.reviewNote ? (
        <div className="rp-banner rp-banner--warning rp-wide" role="note">
          <strong>{t('equipment.reviewNote')}:</strong> {unit.reviewNote}
          <label className="rp-toggle">
            <input type="checkbox" {...form.register('reviewed')} />
            {t('equipment.reviewed')}
          </label>
        </div>
      ) : null}
      <FormField label={t('equipment.fields.code')} error={form.errors.code} required>
        {(p) => <input {...p} className="input mono" maxLength={50} {...form.register('code')} />}
      </FormField>
      <FormField label={t('equipment.fields.kind')} error={form.errors.kind} required>
        {(p) => (
          <select
            {...p}
            className="input"
            disabled={Boolean(unit)}
            value={form.values.kind}
            onChange={(e) => form.set('kind', e.target.value as TRentalEquipmentKind)}
          >
            {RENTAL_EQUIPMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('equipment.fields.name')} error={form.errors.name} required className="rp-wide">
        {(p) => <input {...p} className="input" maxLength={200} {...form.register('name')} />}
      </FormField>
      {!isService ? (
        <>
          <FormField label={t('equipment.fields.type')} error={form.errors.type}>
            {(p) => (
              <select {...p} className="input" {...form.register('type')}>
                <option value="">—</option>
                {RENTAL_EQUIPMENT_TYPES.map((x) => (
                  <option key={x} value={x}>
                    {t(`type.${x}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t('equipment.fields.condition')} error={form.errors.condition}>
            {(p) => (
              <select {...p} className="input" {...form.register('condition')}>
                {RENTAL_CONDITIONS.map((x) => (
                  <option key={x} value={x}>
                    {t(`condition.${x}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t('equipment.fields.brand')} error={form.errors.brand}>
            {(p) => <input {...p} className="input" {...form.register('brand')} />}
          </FormField>
          <FormField label={t('equipment.fields.model')} error={form.errors.model}>
            {(p) => <input {...p} className="input" {...form.register('model')} />}
          </FormField>
          <FormField label={t('equipment.fields.serialNumber')} error={form.errors.serialNumber}>
            {(p) => <input {...p} className="input" {...form.register('serialNumber')} />}
          </FormField>
          <FormField label={t('equipment.fields.location')} error={form.errors.location}>
            {(p) => <input {...p} className="input" {...form.register('location')} />}
          </FormField>
        </>
      ) : null}
      <FormField label={t('equipment.fields.notes')} error={form.errors.notes} className="rp-wide">
        {(p) => <textarea {...p} className="input textarea" rows={2} {...form.register('notes')} />}
      </FormField>
    </RecordDialog>
  )
}
