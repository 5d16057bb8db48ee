import { useState, type KeyboardEvent } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ITEM_CONDITIONS, type TChecklistItem, type TItemCondition } from '@faena/contracts'
import { Button, FormError, FormField, useToast } from '../../platform/components'
import { api } from '../../platform/api'
import { errorMessage } from '../../platform/errors'
import { todayIn } from '../../platform/format'
import { useCan, useFormat } from '../../platform/session'
import { fieldErrors } from '../../platform/validation'
import { useRecordInspection } from './api'

type Answer = { present: boolean | null; condition: TItemCondition | null; notes: string }

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
  const [date, setDate] = useState(() => todayIn(fmt.timeZone))
  const [technicianId, setTechnicianId] = useState('')
  const [inspectorName, setInspectorName] = useState('')
  const [notes, setNotes] = useState('')
  const [answers, setAnswers] = useState<Record<string, Answer>>(() =>
    Object.fromEntries(items.map((i) => [i.id, { present: null, condition: null, notes: '' }])),
  )
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const set = (id: string, patch: Partial<Answer>) =>
    setAnswers((a) => ({ ...a, [id]: { ...a[id]!, ...patch } }))
  const allGood = () =>
    setAnswers(
      Object.fromEntries(
        items.map((i) => [i.id, { present: true, condition: 'good', notes: answers[i.id]?.notes ?? '' }]),
      ),
    )
  const onRowKey = (id: string) => (e: KeyboardEvent<HTMLTableRowElement>) => {
    if (e.target instanceof HTMLInputElement && e.target.type === 'text') return
    const k = e.key.toLowerCase()
    if (k === 's' || k === 'y') set(id, { present: true, condition: answers[id]?.condition ?? 'good' })
    else if (k === 'n') set(id, { present: false, condition: null })
    else if (k === '1' || k === '2' || k === '3')
      set(id, { present: true, condition: ITEM_CONDITIONS[Number(k) - 1]! })
    else return
    e.preventDefault()
  }
  const submit = () => {
    setErrors({})
    setFormError(null)
    record.mutate(
      {
        inspectedOn: date,
        technicianId: technicianId || null,
        inspectorName: technicianId ? null : inspectorName,
        notes: notes || null,
        answers: items
          .filter((i) => answers[i.id]?.present !== null)
          .map((i) => {
            const a = answers[i.id]!
            return {
              itemId: i.id,
              present: a.present!,
              condition: a.present ? a.condition : null,
              notes: a.notes || null,
            }
          }),
      },
      {
        onSuccess: () => {
          toast.success(t('form.saved'))
          onDone()
        },
        onError: (e) => {
          setErrors(fieldErrors(e))
          setFormError(errorMessage(e))
        },
      },
    )
  }
  // server paths name answers by their position in the sent list: map them back to items
  const sent = items.filter((i) => answers[i.id]?.present !== null)
  const rowError = (id: string) => {
    const n = sent.findIndex((i) => i.id === id)
    return n >= 0 ? (errors[`answers.${n}.condition`] ?? errors[`answers.${n}.itemId`]) : undefined
  }
  return (
    <form
      className="card"
      aria-labelledby="ec-form-title"
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <h2 id="ec-form-title" className="ec-h2">
        {t('form.title', { code })}
      </h2>
      <FormError>{formError}</FormError>
      <div className="form-grid">
        <FormField label={t('form.date')} required error={errors.inspectedOn}>
          {(p) => (
            <input
              {...p}
              type="date"
              className="input"
              value={date}
              onChange={(e) => setDate(e.target.value)}
            />
          )}
        </FormField>
        {staff.data ? (
          <FormField label={t('form.technician')} error={errors.technicianId}>
            {(p) => (
              <select
                {...p}
                className="input"
                value={technicianId}
                onChange={(e) => setTechnicianId(e.target.value)}
              >
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
            {(p) => (
              <input
                {...p}
                className="input"
                maxLength={120}
                value={inspectorName}
                onChange={(e) => setInspectorName(e.target.value)}
              />
            )}
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
            const a = answers[i.id]!
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
        {(p) => (
          <textarea
            {...p}
            className="input textarea"
            rows={3}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
          />
        )}
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
