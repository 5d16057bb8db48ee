import { useMemo, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import {
  type TCreateRentalAssignmentInput,
  type TRentalAssignment,
  type TRentalEquipment,
  type TRentalFrequency,
  type TRentalProject,
} from '@faena/contracts'
import {
  Button,
  DecimalHint,
  DecimalInput,
  Dialog,
  FormError,
  FormField,
  useToast,
} from '../../platform/components'
import { fieldErrors, type FieldErrors } from '../../platform/validation'
import { assignableQuery, useCreateAssignment } from './api'
import { errorLine, orNull } from './ui'
import { ChangeChoicePanel, useChangeChoice, type ChangeOptions } from './change-choice'
import { FrequencyField, frequencyBody } from './frequency-field'

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
  const [itemId, setItemId] = useState('')
  const [rate, setRate] = useState('')
  const [frequency, setFrequency] = useState<TRentalFrequency>('daily')
  const [days, setDays] = useState<number[]>([])
  const [start, setStart] = useState(project.startDate)
  const [end, setEnd] = useState('')
  const [linked, setLinked] = useState('')
  const [description, setDescription] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const choice = useChangeChoice()

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

  const submit = (options: ChangeOptions = {}) => {
    setFormError(null)
    choice.clear()
    const errs: FieldErrors = {}
    if (!itemId) errs.equipmentId = t('assign.chooseItem')
    if (!/^\d{1,10}(\.\d{1,2})?$/.test(rate.trim())) errs.dailyRate = t('platform:validation.number')
    if (!start) errs.operationStart = t('platform:validation.required')
    if (frequency !== 'daily' && days.length === 0) errs[frequency] = t('platform:validation.required')
    if (Object.keys(errs).length > 0) {
      setErrors(errs)
      return
    }
    const body: TCreateRentalAssignmentInput = {
      ...options,
      equipmentId: itemId,
      dailyRate: rate.trim(),
      ...frequencyBody(frequency, days),
      operationStart: start,
      operationEnd: end || null,
      description: orNull(description),
      linkedEquipmentId: item?.kind === 'service' && linked ? linked : null,
    }
    create.mutate(body, {
      onSuccess: (a) => {
        toast.success(t('assign.done', { code: a.equipment.code }))
        onClose()
      },
      onError: (e) => {
        if (choice.offer(e)) return
        const fe = fieldErrors(e)
        setErrors(fe)
        if (Object.keys(fe).length === 0)
          setFormError(errorLine(e, (id) => t('platform:errors.reference', { id })))
      },
    })
  }

  return (
    <Dialog
      open
      size="lg"
      title={t('assign.title')}
      onClose={onClose}
      onSubmit={() => submit()}
      footer={
        <>
          <Button onClick={onClose} disabled={create.isPending}>
            {t('platform:actions.cancel')}
          </Button>
          <Button type="submit" variant="primary" loading={create.isPending} data-testid="assign-submit">
            {t('assign.submit')}
          </Button>
        </>
      }
    >
      <FormError>{formError}</FormError>
      <ChangeChoicePanel choice={choice} onChoose={submit} />
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
        <FormField label={t('assign.item')} error={errors.equipmentId} required className="rp-wide">
          {(p) => (
            <select
              {...p}
              className="input rp-listbox"
              value={itemId}
              size={Math.min(8, Math.max(4, visible.length + 2))}
              aria-busy={items.isPending || undefined}
              onChange={(e) => {
                setItemId(e.target.value)
                setErrors((x) => ({ ...x, equipmentId: '' }))
                const next = all.find((i) => i.id === e.target.value)
                if (next?.kind === 'service' && frequency === 'daily') setFrequency('weekdays')
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
          error={errors.dailyRate}
          hint={<DecimalHint />}
          required
        >
          {(p) => (
            <DecimalInput
              {...p}
              maxFractionDigits={2}
              value={rate}
              onValueChange={setRate}
              data-testid="assign-rate"
            />
          )}
        </FormField>
        {item?.kind === 'service' ? (
          <FormField label={t('assign.linked')} error={errors.linkedEquipmentId}>
            {(p) => (
              <select {...p} className="input" value={linked} onChange={(e) => setLinked(e.target.value)}>
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
        <FormField label={t('assign.operationStart')} error={errors.operationStart} required>
          {(p) => (
            <input
              {...p}
              className="input"
              type="date"
              min={project.startDate}
              value={start}
              onChange={(e) => setStart(e.target.value)}
              data-testid="assign-start"
            />
          )}
        </FormField>
        <FormField label={t('assign.operationEnd')} error={errors.operationEnd}>
          {(p) => (
            <input
              {...p}
              className="input"
              type="date"
              min={start}
              value={end}
              onChange={(e) => setEnd(e.target.value)}
            />
          )}
        </FormField>
        <FrequencyField
          frequency={frequency}
          days={days}
          errors={errors}
          onChange={(f, d) => {
            setFrequency(f)
            setDays(d)
          }}
        />
        <FormField
          label={t('assign.description')}
          error={errors.description}
          hint={t('assign.descriptionHint')}
          className="rp-wide"
        >
          {(p) => (
            <input
              {...p}
              className="input"
              maxLength={300}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          )}
        </FormField>
      </div>
    </Dialog>
  )
}
