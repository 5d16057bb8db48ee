import { useMemo, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { type TRentalAssignment, type TRentalEquipment, type TRentalProject } from '@faena/contracts'
import { DecimalHint, DecimalInput, FormField, useToast } from '../../platform/components'
import { assignableQuery, useCreateAssignment } from './api'
import { ZAssignForm } from './assignment-form'
import { ChangeDialog, useChangeForm } from './change-dialog'
import { FrequencyField } from './frequency-field'

/** Assign an available equipment or a service to the project. */
export const AssignDialog = ({
  project,
  assignments,
  onClose,
}: {
  project: TRentalProject
  assignments: TRentalAssignment[]
  onClose: () => void
}) => {
  const { t } = useTranslation(['rental-projects', 'platform'])
  const toast = useToast()
  const items = useQuery(assignableQuery())
  const create = useCreateAssignment(project.id)
  const [filter, setFilter] = useState('')
  const change = useChangeForm(ZAssignForm, {
    equipmentId: '',
    dailyRate: '',
    frequency: 'daily',
    days: [],
    operationStart: project.startDate,
    operationEnd: '',
    linkedEquipmentId: '',
    description: '',
  })
  const { form } = change
  const itemId = form.values.equipmentId
  const all = items.data ?? []
  const item: TRentalEquipment | undefined = all.find((i) => i.id === itemId)
  const needle = filter.trim().toLowerCase()
  const visible = needle
    ? all.filter((i) => `${i.code} ${i.name}`.toLowerCase().includes(needle) || i.id === itemId)
    : all
  const equipment = visible.filter((i) => i.kind === 'equipment')
  const services = visible.filter((i) => i.kind === 'service')
  const linkable = useMemo(
    () => assignments.filter((a) => a.kind === 'equipment' && a.status === 'active').map((a) => a.equipment),
    [assignments],
  )

  const submit = change.submitWith((body, onError) =>
    create.mutate(
      // the equipment a service attends: only for a service
      { ...body, linkedEquipmentId: item?.kind === 'service' ? body.linkedEquipmentId : null },
      {
        onSuccess: (a) => {
          toast.success(t('assign.done', { code: a.equipment.code }))
          onClose()
        },
        onError,
      },
    ),
  )

  return (
    <ChangeDialog
      change={change}
      onSubmit={submit}
      size="lg"
      title={t('assign.title')}
      busy={create.isPending}
      submitLabel={t('assign.submit')}
      submitTestId="assign-submit"
      onClose={onClose}
    >
      <div className="form-grid">
        <FormField label={t('assign.itemSearch')} className="rp-wide">
          {(p) => (
            <input
              {...p}
              className="input"
              type="search"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              data-testid="assign-filter"
            />
          )}
        </FormField>
        <FormField label={t('assign.item')} error={form.errors.equipmentId} required className="rp-wide">
          {(p) => (
            <select
              {...p}
              className="input rp-listbox"
              value={itemId}
              size={Math.min(8, Math.max(4, visible.length + 2))}
              aria-busy={items.isPending || undefined}
              onChange={(e) => {
                form.set('equipmentId', e.target.value)
                const next = all.find((i) => i.id === e.target.value)
                if (next?.kind === 'service' && form.values.frequency === 'daily')
                  form.set('frequency', 'weekdays')
              }}
              data-testid="assign-item"
            >
              {equipment.length > 0 ? (
                <optgroup label={t('assign.groupEquipment')}>
                  {equipment.map((i) => (
                    <option key={i.id} value={i.id}>
                      {i.code} · {i.name}
                      {i.type ? ` (${t(`type.${i.type}`)})` : ''}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              {services.length > 0 ? (
                <optgroup label={t('assign.groupServices')}>
                  {services.map((i) => (
                    <option key={i.id} value={i.id}>
                      {i.code} · {i.name}
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </select>
          )}
        </FormField>
        {visible.length === 0 && items.isSuccess ? (
          <p className="muted rp-wide">{t('assign.noItems')}</p>
        ) : null}
        <FormField
          label={item?.kind === 'service' ? t('assign.rateService') : t('assign.rate')}
          error={form.errors.dailyRate}
          hint={<DecimalHint />}
          required
        >
          {(p) => (
            <DecimalInput
              {...p}
              maxFractionDigits={2}
              value={form.values.dailyRate}
              onValueChange={(v) => form.set('dailyRate', v)}
              data-testid="assign-rate"
            />
          )}
        </FormField>
        {item?.kind === 'service' ? (
          <FormField label={t('assign.linked')} error={form.errors.linkedEquipmentId}>
            {(p) => (
              <select {...p} className="input" {...form.register('linkedEquipmentId')}>
                <option value="">{t('assign.linkedNone')}</option>
                {linkable.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.code} · {e.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        ) : (
          <div />
        )}
        <FormField label={t('assign.operationStart')} error={form.errors.operationStart} required>
          {(p) => (
            <input
              {...p}
              className="input"
              type="date"
              min={project.startDate}
              {...form.register('operationStart')}
              data-testid="assign-start"
            />
          )}
        </FormField>
        <FormField label={t('assign.operationEnd')} error={form.errors.operationEnd}>
          {(p) => (
            <input
              {...p}
              className="input"
              type="date"
              min={form.values.operationStart}
              {...form.register('operationEnd')}
            />
          )}
        </FormField>
        <FrequencyField
          frequency={form.values.frequency}
          days={form.values.days}
          errors={form.errors}
          onChange={(f, d) => {
            form.set('frequency', f)
            form.set('days', d)
          }}
        />
        <FormField
          label={t('assign.description')}
          error={form.errors.description}
          hint={t('assign.descriptionHint')}
          className="rp-wide"
        >
          {(p) => <input {...p} className="input" maxLength={300} {...form.register('description')} />}
        </FormField>
      </div>
    </ChangeDialog>
  )
}
