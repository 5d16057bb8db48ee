/**
 * "Agregar concepto" of the production grid (docs/production.md#adding-a-concept-from-the-catalog): pick a catalog
 * concept not yet in the family (search by code or description), type the volume to authorize (> 0, exact) and
 * why; the server adds it as a new confirmed Anexo C version of the family's latest member and recomputes the
 * excess. The grid reloads with the new row.
 */
import { useId, useMemo, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ZGridConceptRequest, type TConcept } from '@faena/contracts'
import { useToast, FormDialog } from '../../platform/components'
import { parseDecimalInput } from '../../platform/decimal-input'
import { errorMessage } from '../../platform/errors'
import { useFormat } from '../../platform/session'
import { useZodForm } from '../../platform/validation'
import { catalogSearchQuery, useAddGridConcept } from './api'
import { withMessages, type Translate } from './form-schema'

export type AddConceptTarget = {
  workOrderId: string
  number: string
  siteId: string
  month: string
  /** catalog concepts already in the family (not offered) */
  present: ReadonlySet<string>
}

/** The contract's request (concept, volume > 0 with up to 6 decimals typed in the organization's
 * convention, reason of 5 to 500 characters) with the dialog's messages (`production:addConcept.*`). */
export const addConceptSchema = (locale: string, t: Translate) =>
  withMessages(
    ZGridConceptRequest.pick({ conceptId: true, volume: true, reason: true }),
    ({ path, code, value }) => {
      if (path === 'conceptId') return t('addConcept.choose')
      if (path === 'reason')
        return t(code === 'too_big' ? 'addConcept.reasonTooLong' : 'addConcept.reasonRequired')
      if (path !== 'volume') return undefined
      if (!value) return t('addConcept.volumeRequired')
      const parsed = parseDecimalInput(typeof value === 'string' ? value : '', locale, {
        maxFractionDigits: 6,
      })
      if (!parsed.ok)
        return t(parsed.reason === 'fraction' ? 'addConcept.volumeFraction' : 'addConcept.volumeFormat')
      return t(code === 'custom' ? 'addConcept.volumeZero' : 'addConcept.volumeFormat')
    },
    (v: { conceptId: string; volume: string; reason: string }) => {
      const parsed = parseDecimalInput(v.volume.trim(), locale, { maxFractionDigits: 6 })
      return { ...v, volume: parsed.ok ? parsed.value : v.volume }
    },
  )

export function AddConceptDialog({ target, onClose }: { target: AddConceptTarget; onClose: () => void }) {
  const { t } = useTranslation(['production', 'platform'])
  const fmt = useFormat()
  const toast = useToast()
  const add = useAddGridConcept()
  const id = useId()
  const [q, setQ] = useState('')
  const [chosen, setChosen] = useState<TConcept | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const schema = useMemo(() => addConceptSchema(fmt.locale, t as unknown as Translate), [fmt.locale, t])
  const form = useZodForm(schema, { conceptId: '', volume: '', reason: '' })
  const errors = form.errors
  const search = useQuery(catalogSearchQuery(q.trim()))
  const offered = (search.data?.items ?? []).filter((c) => !target.present.has(c.id))

  const submit = form.submit((data) => {
    setFormError(null)
    add.mutate(
      { workOrderId: target.workOrderId, siteId: target.siteId, month: target.month, ...data },
      {
        onSuccess: (r) => {
          toast.success(
            t('addConcept.added', {
              code: r.code,
              volume: fmt.quantity(r.authorizedVolume),
              version: r.annexVersion,
            }),
          )
          onClose()
        },
        onError: (e) => {
          if (!form.applyServerError(e)) setFormError(errorMessage(e))
        },
      },
    )
  })

  return (
    <FormDialog
      title={t('addConcept.title', { number: target.number })}
      onClose={onClose}
      onSubmit={submit}
      busy={add.isPending}
      dirty={form.isDirty}
      formError={formError}
      submitLabel={t('addConcept.submit')}
      submitTestId="add-concept-submit"
      size="lg"
    >
      <p className="production__muted">{t('addConcept.intro')}</p>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-q`}>
          {t('addConcept.search')}
        </label>
        <input
          id={`${id}-q`}
          className="input"
          type="search"
          value={q}
          autoFocus
          aria-describedby={`${id}-q-msg`}
          data-testid="add-concept-search"
          onChange={(e) => setQ(e.target.value)}
        />
        <p id={`${id}-q-msg`} className="field__hint">
          {t('addConcept.searchHint')}
        </p>
      </div>
      <div
        className={errors.conceptId ? 'pg-add__list pg-add__list--invalid' : 'pg-add__list'}
        role="listbox"
        aria-label={t('addConcept.results')}
        aria-describedby={`${id}-concept-msg`}
      >
        {search.isPending ? <p className="production__muted">{t('addConcept.searching')}</p> : null}
        {!search.isPending && offered.length === 0 ? (
          <p className="production__muted">{t('addConcept.noMatches')}</p>
        ) : null}
        {offered.map((c) => (
          <button
            key={c.id}
            type="button"
            role="option"
            aria-selected={chosen?.id === c.id}
            className={chosen?.id === c.id ? 'pg-add__option pg-add__option--chosen' : 'pg-add__option'}
            onClick={() => (setChosen(c), form.set('conceptId', c.id))}
          >
            <strong>{c.code}</strong> <span className="production__muted">{c.annex}</span> {c.description}
          </button>
        ))}
      </div>
      <p id={`${id}-concept-msg`} className={errors.conceptId ? 'field__error' : 'field__hint'}>
        {chosen ? (
          <>
            {t('addConcept.chosen')}: <strong>{chosen.code}</strong> {chosen.description} ·{' '}
            {t('addConcept.prices', {
              mxn: fmt.quantity(chosen.unitPriceMxn),
              usd: fmt.quantity(chosen.unitPriceUsd),
              unit: chosen.unit,
            })}
          </>
        ) : (
          errors.conceptId
        )}
      </p>
      <div className={errors.volume ? 'field field--invalid' : 'field'}>
        <label className="field__label" htmlFor={`${id}-volume`}>
          {t('addConcept.volume')}
          <span className="field__required" aria-hidden="true">
            {' '}
            *
          </span>
        </label>
        <input
          id={`${id}-volume`}
          className="input"
          inputMode="decimal"
          aria-invalid={errors.volume ? true : undefined}
          aria-describedby={`${id}-volume-msg`}
          data-testid="add-concept-volume"
          {...form.register('volume')}
        />
        <p id={`${id}-volume-msg`} className={errors.volume ? 'field__error' : 'field__hint'}>
          {errors.volume ?? t('addConcept.volumeHint')}
        </p>
      </div>
      <div className={errors.reason ? 'field field--invalid' : 'field'}>
        <label className="field__label" htmlFor={`${id}-reason`}>
          {t('addConcept.reason')}
          <span className="field__required" aria-hidden="true">
            {' '}
            *
          </span>
        </label>
        <textarea
          id={`${id}-reason`}
          className="input textarea"
          rows={3}
          maxLength={600}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={`${id}-reason-msg`}
          data-testid="add-concept-reason"
          {...form.register('reason')}
        />
        <p id={`${id}-reason-msg`} className={errors.reason ? 'field__error' : 'field__hint'}>
          {errors.reason ?? t('addConcept.reasonHint')}
        </p>
      </div>
    </FormDialog>
  )
}
