import { type KeyboardEvent } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import {
  ITEM_CONDITIONS,
  ZInspectionInput,
  ZItemCondition,
  type TChecklistItem,
  type TInspectionInput,
} from '@faena/contracts'
import { Button, FormField, useToast } from '../../platform/components'
import { ServerFormError } from '../../platform/components/record-form'
import { api } from '../../platform/api'
import { todayIn } from '../../platform/format'
import { useCan, useFormat } from '../../platform/session'
import { useZodForm } from '../../platform/validation'
import { useRecordInspection } from './api'

/**
 * What the form holds (every item, answered or not, as typed), read into the contract's inspection: only
 * answered items are sent, a named technician replaces the typed inspector, blank notes are none.
 */
const ZInspectionFields = z.object({
  inspectedOn: z.string(),
  technicianId: z.string(),
  inspectorName: z.string(),
  notes: z.string(),
  answers: z.array(
    z.object({
      itemId: z.string(),
      present: z.boolean().nullable(),
      condition: ZItemCondition.nullable(),
      notes: z.string(),
    }),
  ),
})
type Answer = z.input<typeof ZInspectionFields>['answers'][number]
const ZInspectionForm = ZInspectionFields.transform((f): z.input<typeof ZInspectionInput> => ({
  inspectedOn: f.inspectedOn,
  technicianId: f.technicianId || null,
  inspectorName: f.technicianId ? null : f.inspectorName,
  notes: f.notes || null,
  answers: f.answers
    .filter((a) => a.present !== null)
    .map((a) => ({
      itemId: a.itemId,
      present: a.present!,
      condition: a.present ? a.condition : null,
      notes: a.notes || null,
    })),
})).pipe(ZInspectionInput)

/**
 * The inspection of one unit, keyboard-friendly: Tab walks the rows; on a row S/Y = present, N = missing,
 * 1/2/3 = good/fair/damaged. Every item must be answered; the server's errors show next to their row.
 */
export const InspectionForm = ({
  equipmentId,
  code,
  items,
  onDone,
}: {
  equipmentId: string
  code: string
  items: TChecklistItem[]
  onDone: () => void
}) => {
  const { t } = useTranslation(['equipment-condition', 'platform'])
  const fmt = useFormat()
  const can = useCan()
  const toast = useToast()
  const record = useRecordInspection(equipmentId)
  const staff = useQuery({
    queryKey: ['equipment-condition', 'staff'],
    queryFn: ({ signal }) =>
      api.get('/api/v1/rental/staff', { query: { limit: 200, active: 'true' }, signal }),
    enabled: can('fieldStaff.read'),
  })
  const form = useZodForm(ZInspectionForm, {
    inspectedOn: todayIn(fmt.timeZone),
    technicianId: '',
    inspectorName: '',
    notes: '',
    answers: items.map((i) => ({ itemId: i.id, present: null, condition: null, notes: '' })),
  })
  const answers = form.values.answers
  const technicianId = form.values.technicianId
  const set = (id: string, patch: Partial<Answer>) =>
    form.set(
      'answers',
      answers.map((a) => (a.itemId === id ? { ...a, ...patch } : a)),
    )
  const allGood = () =>
    form.set(
      'answers',
      answers.map((a) => ({ ...a, present: true, condition: 'good' })),
    )
  const answerOf = (id: string) => answers.find((a) => a.itemId === id)
  const onRowKey = (id: string) => (e: KeyboardEvent<HTMLTableRowElement>) => {
    if (e.target instanceof HTMLInputElement && e.target.type === 'text') return
    const k = e.key.toLowerCase()
    if (k === 's' || k === 'y') set(id, { present: true, condition: answerOf(id)?.condition ?? 'good' })
    else if (k === 'n') set(id, { present: false, condition: null })
    else if (k === '1' || k === '2' || k === '3')
      set(id, { present: true, condition: ITEM_CONDITIONS[Number(k) - 1]! })
    else return
    e.preventDefault()
  }
  const errors = form.errors
  // answer paths (the schema's and the server's) name answers by their position in the sent list: map them
  // back to items
  const sent = answers.filter((a) => a.present !== null)
  const rowError = (id: string) => {
    const n = sent.findIndex((a) => a.itemId === id)
    return n >= 0 ? (errors[`answers.${n}.condition`] ?? errors[`answers.${n}.itemId`]) : undefined
  }
  return (
    <form
      className="card"
      aria-labelledby="ec-form-title"
      noValidate
      onSubmit={form.submit((data: TInspectionInput) =>
        record.mutate(data, {
          onSuccess: () => {
            toast.success(t('form.saved'))
            onDone()
          },
          onError: form.applyServerError,
        }),
      )}
    >
      <h2 id="ec-form-title" className="ec-h2">
        {t('form.title', { code })}
      </h2>
      <ServerFormError error={record.error} errors={errors} />
      <div className="form-grid">
        <FormField label={t('form.date')} required error={errors.inspectedOn}>
          {(p) => <input {...p} type="date" className="input" {...form.register('inspectedOn')} />}
        </FormField>
        {staff.data ? (
          <FormField label={t('form.technician')} error={errors.technicianId}>
            {(p) => (
              <select {...p} className="input" {...form.register('technicianId')}>
                <option value="">{t('form.technicianNone')}</option>
                {staff.data.items.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.fullName}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        ) : null}
        {!technicianId ? (
          <FormField label={t('form.inspectorName')} required error={errors.inspectorName}>
            {(p) => <input {...p} className="input" maxLength={120} {...form.register('inspectorName')} />}
          </FormField>
        ) : null}
      </div>
      <p className="muted">{t('form.keyboardHint')}</p>
      <div className="ec-actions">
        <Button onClick={allGood}>{t('form.allPresent')}</Button>
      </div>
      {errors.answers ? <p className="field__error">{errors.answers}</p> : null}
      <table className="ec-grid">
        <thead>
          <tr>
            <th scope="col">{t('form.item')}</th>
            <th scope="col">{t('form.present')}</th>
            <th scope="col">{t('form.condition')}</th>
            <th scope="col">{t('form.notes')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => {
            const a = answerOf(i.id)!
            const err = rowError(i.id)
            return (
              <tr
                key={i.id}
                onKeyDown={onRowKey(i.id)}
                className={a.present === false ? 'ec-row-missing' : undefined}
                data-testid="inspection-row"
              >
                <th scope="row">
                  {i.label}
                  {err ? <span className="field__error">{err}</span> : null}
                </th>
                <td>
                  <fieldset className="ec-radio" aria-label={`${t('form.present')}: ${i.label}`}>
                    <label>
                      <input
                        type="radio"
                        name={`present-${i.id}`}
                        checked={a.present === true}
                        onChange={() => set(i.id, { present: true, condition: a.condition ?? 'good' })}
                      />
                      {t('form.yes')}
                    </label>
                    <label>
                      <input
                        type="radio"
                        name={`present-${i.id}`}
                        checked={a.present === false}
                        onChange={() => set(i.id, { present: false, condition: null })}
                      />
                      {t('form.no')}
                    </label>
                  </fieldset>
                </td>
                <td>
                  <fieldset
                    className="ec-radio"
                    aria-label={`${t('form.condition')}: ${i.label}`}
                    disabled={a.present !== true}
                  >
                    {ITEM_CONDITIONS.map((c) => (
                      <label key={c}>
                        <input
                          type="radio"
                          name={`condition-${i.id}`}
                          checked={a.condition === c}
                          onChange={() => set(i.id, { condition: c })}
                        />
                        {t(`conditions.${c}`)}
                      </label>
                    ))}
                  </fieldset>
                </td>
                <td>
                  <input
                    type="text"
                    className="input"
                    aria-label={`${t('form.notes')}: ${i.label}`}
                    maxLength={500}
                    value={a.notes}
                    onChange={(e) => set(i.id, { notes: e.target.value })}
                  />
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <FormField label={t('form.generalNotes')} error={errors.notes}>
        {(p) => <textarea {...p} className="input textarea" rows={3} {...form.register('notes')} />}
      </FormField>
      <div className="ec-actions">
        <Button onClick={onDone}>{t('platform:actions.cancel')}</Button>
        <Button type="submit" variant="primary" loading={record.isPending}>
          {t('form.save')}
        </Button>
      </div>
    </form>
  )
}
