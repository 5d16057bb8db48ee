import { useMemo, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import {
  WEEKDAY_KEYS,
  type TCreateRentalAssignmentInput,
  type TRentalAssignment,
  type TRentalEquipment,
  type TRentalFrequency,
  type TRentalProject,
} from '@faena/contracts'
import {
  Button,
  ConfirmDialog,
  DecimalHint,
  DecimalInput,
  Dialog,
  FormError,
  FormField,
  useToast,
} from '../../platform/components'
import { fieldErrors, type FieldErrors } from '../../platform/validation'
import { isApiError } from '../../platform/api'
import { useFormat } from '../../platform/session'
import {
  assignableQuery,
  closeCheckQuery,
  useCloseProject,
  useCreateAssignment,
  useDeleteAssignment,
  useReactivateAssignment,
  useRetireAssignment,
  useUpdateAssignment,
} from './api'
import { errorLine, orNull } from './ui'

const MONTH_DAYS = Array.from({ length: 31 }, (_, i) => i + 1)

/** Toggle buttons for weekdays (0 = Monday) or month days. */
const DayPicker = ({
  kind,
  value,
  onChange,
  labelledBy,
}: {
  kind: 'weekdays' | 'monthdays'
  value: number[]
  onChange: (days: number[]) => void
  labelledBy: string
}) => {
  const { t } = useTranslation('rental-projects')
  const toggle = (d: number) =>
    onChange(value.includes(d) ? value.filter((x) => x !== d) : [...value, d].sort((a, b) => a - b))
  const days = kind === 'weekdays' ? [0, 1, 2, 3, 4, 5, 6] : MONTH_DAYS
  return (
    <div
      className={kind === 'weekdays' ? 'rp-days' : 'rp-days rp-days--month'}
      role="group"
      aria-labelledby={labelledBy}
    >
      {days.map((d) => (
        <button
          key={d}
          type="button"
          className="rp-day"
          aria-pressed={value.includes(d)}
          aria-label={kind === 'weekdays' ? t(`weekdaysLong.${WEEKDAY_KEYS[d]!}`) : String(d)}
          onClick={() => toggle(d)}
        >
          {kind === 'weekdays' ? t(`weekdays.${WEEKDAY_KEYS[d]!}`) : d}
        </button>
      ))}
    </div>
  )
}

/** Frequency radio (daily / weekdays / month days) with its day picker. */
const FrequencyField = ({
  frequency,
  days,
  onChange,
  errors,
}: {
  frequency: TRentalFrequency
  days: number[]
  onChange: (f: TRentalFrequency, days: number[]) => void
  errors: FieldErrors
}) => {
  const { t } = useTranslation('rental-projects')
  const daysError =
    errors.weekdays ??
    errors.monthdays ??
    errors['frequency.days'] ??
    Object.entries(errors).find(([k]) => /^(weekdays|monthdays)\./.test(k))?.[1]
  return (
    <fieldset className="rp-wide field">
      <legend className="field__label">{t('assign.frequency')}</legend>
      <div className="segmented" role="group" aria-label={t('assign.frequency')}>
        {(['daily', 'weekdays', 'monthdays'] as const).map((f) => (
          <button
            key={f}
            type="button"
            aria-pressed={frequency === f}
            className="segmented__item"
            onClick={() => onChange(f, f === frequency ? days : [])}
          >
            {t(`frequency.${f}`)}
          </button>
        ))}
      </div>
      {frequency !== 'daily' ? (
        <div className="rp-days-wrap">
          <span id="rp-days-label" className="visually-hidden">
            {t(frequency === 'weekdays' ? 'assign.weekdays' : 'assign.monthdays')}
          </span>
          <DayPicker
            kind={frequency}
            value={days}
            onChange={(d) => onChange(frequency, d)}
            labelledBy="rp-days-label"
          />
        </div>
      ) : null}
      {daysError ? (
        <p className="field__error">{daysError}</p>
      ) : (
        <p className="field__hint">{t('assign.frequencyHint')}</p>
      )}
    </fieldset>
  )
}

const frequencyBody = (frequency: TRentalFrequency, days: number[]) =>
  frequency === 'weekdays'
    ? { frequency, weekdays: days }
    : frequency === 'monthdays'
      ? { frequency, monthdays: days }
      : { frequency }

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

/** Edit rate, billing text, frequency and window of an active assignment. */
export const EditAssignmentDialog = ({
  assignment,
  onClose,
}: {
  assignment: TRentalAssignment
  onClose: () => void
}) => {
  const { t } = useTranslation(['rental-projects', 'platform'])
  const toast = useToast()
  const update = useUpdateAssignment()
  const [rate, setRate] = useState(assignment.dailyRate)
  const [frequency, setFrequency] = useState<TRentalFrequency>(assignment.frequency)
  const [days, setDays] = useState<number[]>(
    assignment.frequency === 'weekdays' ? assignment.weekdays : assignment.monthdays,
  )
  const [start, setStart] = useState(assignment.operationStart)
  const [end, setEnd] = useState(assignment.operationEnd ?? '')
  const [description, setDescription] = useState(assignment.description)
  const [rateFrom, setRateFrom] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const choice = useChangeChoice()

  const submit = (options: ChangeOptions = {}) => {
    setFormError(null)
    choice.clear()
    update.mutate(
      {
        id: assignment.id,
        body: {
          ...options,
          dailyRate: rate.trim(),
          ...(rateFrom ? { rateEffectiveFrom: rateFrom } : {}),
          ...frequencyBody(frequency, days),
          operationStart: start,
          operationEnd: end || null,
          description: description.trim(),
        },
      },
      {
        onSuccess: () => {
          toast.success(t('edit.saved'))
          onClose()
        },
        onError: (e) => {
          if (choice.offer(e, options)) return
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
      title={t('edit.title', { code: assignment.equipment.code })}
      onClose={onClose}
      onSubmit={() => submit()}
      footer={
        <>
          <Button onClick={onClose} disabled={update.isPending}>
            {t('platform:actions.cancel')}
          </Button>
          <Button type="submit" variant="primary" loading={update.isPending}>
            {t('platform:actions.save')}
          </Button>
        </>
      }
    >
      <FormError>{formError}</FormError>
      <div className="form-grid">
        <FormField
          label={assignment.kind === 'service' ? t('assign.rateService') : t('assign.rate')}
          error={errors.dailyRate}
          hint={<DecimalHint />}
          required
        >
          {(p) => <DecimalInput {...p} maxFractionDigits={2} value={rate} onValueChange={setRate} />}
        </FormField>
        <FormField label={t('edit.rateFrom')} hint={t('edit.rateFromHint')} error={errors.rateEffectiveFrom}>
          {(p) => (
            <input
              {...p}
              className="input"
              type="date"
              value={rateFrom}
              onChange={(e) => setRateFrom(e.target.value)}
              data-testid="assignment-rate-from"
            />
          )}
        </FormField>
        <FormField label={t('assign.operationStart')} error={errors.operationStart} required>
          {(p) => (
            <input
              {...p}
              className="input"
              type="date"
              value={start}
              onChange={(e) => setStart(e.target.value)}
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
        <FormField label={t('assign.description')} error={errors.description} className="rp-wide">
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

type ChangeOptions = { effectiveFrom?: 'firstOpenDay'; confirmDropManualDays?: boolean }
type PendingChoice = {
  reason: 'frozenPeriod' | 'manualDays'
  message: string
  firstOpenDay: string | null
  /** the choices already made for this change (a second 409 keeps them) */
  chosen: ChangeOptions
}

/**
 * The server's 409 for a change that touches a liquidated or invoiced period (`frozenPeriod`) or drops manual
 * billing days (`manualDays`) becomes a choice for the user (docs/rental-projects.md#frozen-billing-periods):
 * apply from the first open day, or drop the manual days. Nothing is resent without it.
 */
const useChangeChoice = () => {
  const [pending, setPending] = useState<PendingChoice | null>(null)
  return {
    pending,
    clear: () => setPending(null),
    /** true when the error is such a 409 (the panel then shows it); `chosen` = the options sent */
    offer: (e: unknown, chosen: ChangeOptions = {}): boolean => {
      const info = isApiError(e) && e.status === 409 ? e.info : undefined
      const reason = info?.reason
      if (reason === 'manualDays' || (reason === 'frozenPeriod' && info?.firstOpenDayPossible !== false)) {
        setPending({
          reason,
          message: (e as Error).message,
          firstOpenDay: typeof info?.firstOpenDay === 'string' ? info.firstOpenDay : null,
          chosen,
        })
        return true
      }
      return false
    },
  }
}

const ChangeChoicePanel = ({
  choice,
  onChoose,
  fromOpenDayKey = 'conflict.fromOpenDay',
}: {
  choice: ReturnType<typeof useChangeChoice>
  onChoose: (options: ChangeOptions) => void
  /** the label of the "from the first open day" choice ({{date}} = that day) */
  fromOpenDayKey?: 'conflict.fromOpenDay' | 'remove.retireInstead'
}) => {
  const { t } = useTranslation(['rental-projects', 'platform'])
  const fmt = useFormat()
  const { pending } = choice
  if (!pending) return null
  const options: ChangeOptions = {
    ...pending.chosen,
    ...(pending.reason === 'frozenPeriod'
      ? { effectiveFrom: 'firstOpenDay' as const }
      : { confirmDropManualDays: true }),
  }
  return (
    <div className="form-error rp-choice" role="alert" data-testid="assignment-change-choice">
      <p>{pending.message}</p>
      <Button variant="primary" onClick={() => onChoose(options)} data-testid="assignment-change-confirm">
        {pending.reason === 'frozenPeriod'
          ? t(fromOpenDayKey, { date: pending.firstOpenDay ? fmt.date(pending.firstOpenDay) : '' })
          : t('conflict.dropDays')}
      </Button>
    </div>
  )
}

/** Retire with a date (last day on site) and a reason. */
export const RetireDialog = ({
  assignment,
  today,
  onClose,
}: {
  assignment: TRentalAssignment
  today: string
  onClose: () => void
}) => {
  const { t } = useTranslation(['rental-projects', 'platform'])
  const toast = useToast()
  const retire = useRetireAssignment()
  const [date, setDate] = useState(
    assignment.operationEnd && assignment.operationEnd < today ? assignment.operationEnd : today,
  )
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const code = assignment.equipment.code
  const choice = useChangeChoice()

  const submit = (options: ChangeOptions = {}) => {
    setFormError(null)
    choice.clear()
    const errs: FieldErrors = {}
    if (!date) errs.date = t('platform:validation.required')
    if (!reason.trim()) errs.reason = t('platform:dialog.reasonRequired')
    setErrors(errs)
    if (Object.keys(errs).length > 0) return
    retire.mutate(
      { id: assignment.id, body: { ...options, date, reason: reason.trim() } },
      {
        onSuccess: (r) => {
          const count = r.cascadedAssignmentIds.length
          toast.success(count > 0 ? t('retire.doneWith', { code, count }) : t('retire.done', { code }))
          onClose()
        },
        onError: (e) => {
          if (choice.offer(e, options)) return
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
      size="sm"
      title={t('retire.title', { code })}
      onClose={onClose}
      onSubmit={() => submit()}
      footer={
        <>
          <Button onClick={onClose} disabled={retire.isPending}>
            {t('platform:actions.cancel')}
          </Button>
          <Button type="submit" variant="danger" loading={retire.isPending} data-testid="retire-submit">
            {t('retire.submit')}
          </Button>
        </>
      }
    >
      <FormError>{formError}</FormError>
      <ChangeChoicePanel choice={choice} onChoose={submit} />
      <p className="confirm__text">{t('retire.body')}</p>
      <FormField label={t('retire.date')} error={errors.date} required>
        {(p) => (
          <input
            {...p}
            className="input"
            type="date"
            min={assignment.operationStart}
            value={date}
            onChange={(e) => setDate(e.target.value)}
            data-testid="retire-date"
          />
        )}
      </FormField>
      <FormField
        label={t('retire.reason')}
        error={errors.reason}
        hint={t('platform:dialog.reasonHint')}
        required
      >
        {(p) => (
          <textarea
            {...p}
            className="input textarea"
            rows={2}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="retire-reason"
          />
        )}
      </FormField>
    </Dialog>
  )
}

/** Reactivate, optionally moving the operation start forward. */
export const ReactivateDialog = ({
  assignment,
  onClose,
}: {
  assignment: TRentalAssignment
  onClose: () => void
}) => {
  const { t } = useTranslation(['rental-projects', 'platform'])
  const toast = useToast()
  const reactivate = useReactivateAssignment()
  const [start, setStart] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const code = assignment.equipment.code
  const choice = useChangeChoice()
  const submit = (options: ChangeOptions = {}) => {
    setFormError(null)
    choice.clear()
    reactivate.mutate(
      { id: assignment.id, body: { ...options, ...(start ? { operationStart: start } : {}) } },
      {
        onSuccess: () => {
          toast.success(t('reactivate.done', { code }))
          onClose()
        },
        onError: (e) => {
          if (choice.offer(e, options)) return
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
      size="sm"
      title={t('reactivate.title', { code })}
      onClose={onClose}
      onSubmit={() => submit()}
      footer={
        <>
          <Button onClick={onClose} disabled={reactivate.isPending}>
            {t('platform:actions.cancel')}
          </Button>
          <Button type="submit" variant="primary" loading={reactivate.isPending}>
            {t('reactivate.submit')}
          </Button>
        </>
      }
    >
      <FormError>{formError}</FormError>
      <ChangeChoicePanel choice={choice} onChoose={submit} />
      <p className="confirm__text">{t('reactivate.body')}</p>
      <FormField label={t('reactivate.start')} error={errors.operationStart}>
        {(p) => (
          <input
            {...p}
            className="input"
            type="date"
            min={assignment.operationStart}
            value={start}
            onChange={(e) => setStart(e.target.value)}
          />
        )}
      </FormField>
    </Dialog>
  )
}

/** Delete with confirmation (linked services go too). */
export const DeleteAssignmentDialog = ({
  assignment,
  onClose,
}: {
  assignment: TRentalAssignment
  onClose: () => void
}) => {
  const { t } = useTranslation(['rental-projects', 'platform'])
  const toast = useToast()
  const remove = useDeleteAssignment()
  const choice = useChangeChoice()
  const send = (options: ChangeOptions = {}) => {
    choice.clear()
    remove.mutate(
      { id: assignment.id, options },
      {
        onSuccess: (r) => {
          const retired = r.retiredIds?.length ?? 0
          toast.success(
            retired > 0
              ? t('remove.retiredInstead', { code: assignment.equipment.code })
              : t('remove.done', { count: r.deletedIds.length }),
          )
          onClose()
        },
        onError: (e) => {
          // a delete over a frozen period or manual days becomes a choice in this dialog
          if (choice.offer(e, options)) return
          toast.failure(e)
          onClose()
        },
      },
    )
  }
  return (
    <ConfirmDialog
      open
      title={t('remove.title', { code: assignment.equipment.code })}
      confirmLabel={t('platform:actions.delete')}
      busy={remove.isPending}
      onCancel={onClose}
      onConfirm={() => send()}
    >
      <p>{t('remove.body')}</p>
      <ChangeChoicePanel choice={choice} onChoose={send} fromOpenDayKey="remove.retireInstead" />
    </ConfirmDialog>
  )
}

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
