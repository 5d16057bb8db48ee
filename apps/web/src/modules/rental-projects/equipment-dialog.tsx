import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  RENTAL_CONDITIONS,
  RENTAL_EQUIPMENT_KINDS,
  RENTAL_EQUIPMENT_TYPES,
  type TRentalCondition,
  type TRentalEquipment,
  type TRentalEquipmentKind,
  type TRentalEquipmentType,
} from '@faena/contracts'
import { Button, ConfirmDialog, Dialog, FormError, FormField, useToast } from '../../platform/components'
import { fieldErrors, type FieldErrors } from '../../platform/validation'
import { useDeleteEquipment, useSaveEquipment } from './api'
import { errorLine, orNull } from './ui'

type Values = {
  code: string
  name: string
  kind: TRentalEquipmentKind
  type: TRentalEquipmentType | ''
  brand: string
  model: string
  serialNumber: string
  condition: TRentalCondition
  location: string
  notes: string
  reviewed: boolean
}

const valuesOf = (e: TRentalEquipment | null): Values => ({
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
  const [v, setV] = useState<Values>(valuesOf(unit))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const set = <K extends keyof Values>(k: K, value: Values[K]) => {
    setV((x) => ({ ...x, [k]: value }))
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([key]) => key !== k)))
  }
  const ref = (id: string) => t('platform:errors.reference', { id })
  const isService = v.kind === 'service'

  const submit = () => {
    setFormError(null)
    const errs: FieldErrors = {}
    if (!v.code.trim()) errs.code = t('platform:validation.required')
    if (!v.name.trim()) errs.name = t('platform:validation.required')
    setErrors(errs)
    if (Object.keys(errs).length > 0) return
    const common = {
      code: v.code.trim(),
      name: v.name.trim(),
      type: isService || v.type === '' ? null : v.type,
      brand: orNull(v.brand),
      model: orNull(v.model),
      serialNumber: orNull(v.serialNumber),
      location: orNull(v.location),
      notes: orNull(v.notes),
      ...(isService ? {} : { condition: v.condition }),
    }
    save.mutate(
      unit
        ? { id: unit.id, body: { ...common, ...(v.reviewed ? { reviewed: true as const } : {}) } }
        : { body: { ...common, kind: v.kind } },
      {
        onSuccess: (e) => {
          toast.success(unit ? t('equipment.saved') : t('equipment.created', { code: e.code }))
          onClose()
        },
        onError: (e) => {
          const fe = fieldErrors(e)
          setErrors(fe)
          if (Object.keys(fe).length === 0) setFormError(errorLine(e, ref))
        },
      },
    )
  }

  return (
    <>
      <Dialog
        open={!confirming}
        size="lg"
        title={unit ? t('equipment.editTitle', { code: unit.code }) : t('equipment.newTitle')}
        onClose={onClose}
        onSubmit={submit}
        footer={
          <>
            {unit ? (
              <Button
                variant="danger"
                className="dialog__footer-start"
                onClick={() => setConfirming(true)}
                disabled={save.isPending}
              >
                {t('platform:actions.delete')}
              </Button>
            ) : null}
            <Button onClick={onClose} disabled={save.isPending}>
              {t('platform:actions.cancel')}
            </Button>
            <Button type="submit" variant="primary" loading={save.isPending}>
              {unit ? t('platform:actions.save') : t('platform:actions.create')}
            </Button>
          </>
        }
      >
        <FormError>{formError}</FormError>
        {unit?.reviewNote ? (
          <div className="rp-banner rp-banner--warning" role="note">
            <strong>{t('equipment.reviewNote')}:</strong> {unit.reviewNote}
            <label className="rp-toggle">
              <input
                type="checkbox"
                checked={v.reviewed}
                onChange={(e) => set('reviewed', e.target.checked)}
              />
              {t('equipment.reviewed')}
            </label>
          </div>
        ) : null}
        <div className="form-grid">
          <FormField label={t('equipment.fields.code')} error={errors.code} required>
            {(p) => (
              <input
                {...p}
                className="input mono"
                maxLength={50}
                value={v.code}
                onChange={(e) => set('code', e.target.value)}
              />
            )}
          </FormField>
          <FormField label={t('equipment.fields.kind')} error={errors.kind} required>
            {(p) => (
              <select
                {...p}
                className="input"
                value={v.kind}
                disabled={Boolean(unit)}
                onChange={(e) => set('kind', e.target.value as TRentalEquipmentKind)}
              >
                {RENTAL_EQUIPMENT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`kind.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t('equipment.fields.name')} error={errors.name} required className="rp-wide">
            {(p) => (
              <input
                {...p}
                className="input"
                maxLength={200}
                value={v.name}
                onChange={(e) => set('name', e.target.value)}
              />
            )}
          </FormField>
          {!isService ? (
            <>
              <FormField label={t('equipment.fields.type')} error={errors.type}>
                {(p) => (
                  <select
                    {...p}
                    className="input"
                    value={v.type}
                    onChange={(e) => set('type', e.target.value as TRentalEquipmentType | '')}
                  >
                    <option value="">—</option>
                    {RENTAL_EQUIPMENT_TYPES.map((x) => (
                      <option key={x} value={x}>
                        {t(`type.${x}`)}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
              <FormField label={t('equipment.fields.condition')} error={errors.condition}>
                {(p) => (
                  <select
                    {...p}
                    className="input"
                    value={v.condition}
                    onChange={(e) => set('condition', e.target.value as TRentalCondition)}
                  >
                    {RENTAL_CONDITIONS.map((x) => (
                      <option key={x} value={x}>
                        {t(`condition.${x}`)}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
              <FormField label={t('equipment.fields.brand')} error={errors.brand}>
                {(p) => (
                  <input
                    {...p}
                    className="input"
                    value={v.brand}
                    onChange={(e) => set('brand', e.target.value)}
                  />
                )}
              </FormField>
              <FormField label={t('equipment.fields.model')} error={errors.model}>
                {(p) => (
                  <input
                    {...p}
                    className="input"
                    value={v.model}
                    onChange={(e) => set('model', e.target.value)}
                  />
                )}
              </FormField>
              <FormField label={t('equipment.fields.serialNumber')} error={errors.serialNumber}>
                {(p) => (
                  <input
                    {...p}
                    className="input"
                    value={v.serialNumber}
                    onChange={(e) => set('serialNumber', e.target.value)}
                  />
                )}
              </FormField>
              <FormField label={t('equipment.fields.location')} error={errors.location}>
                {(p) => (
                  <input
                    {...p}
                    className="input"
                    value={v.location}
                    onChange={(e) => set('location', e.target.value)}
                  />
                )}
              </FormField>
            </>
          ) : null}
          <FormField label={t('equipment.fields.notes')} error={errors.notes} className="rp-wide">
            {(p) => (
              <textarea
                {...p}
                className="input textarea"
                rows={2}
                value={v.notes}
                onChange={(e) => set('notes', e.target.value)}
              />
            )}
          </FormField>
        </div>
      </Dialog>
      <ConfirmDialog
        open={confirming}
        title={t('equipment.deleteTitle', { code: unit?.code ?? '' })}
        confirmLabel={t('platform:actions.delete')}
        busy={remove.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          unit &&
          remove.mutate(unit.id, {
            onSuccess: () => {
              toast.success(t('equipment.deleted', { code: unit.code }))
              onClose()
            },
            onError: (e) => {
              setConfirming(false)
              setFormError(errorLine(e, ref))
            },
          })
        }
      >
        <p>{t('equipment.deleteBody')}</p>
      </ConfirmDialog>
    </>
  )
}
