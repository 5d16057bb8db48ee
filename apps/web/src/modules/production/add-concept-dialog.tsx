/**
 * "Agregar concepto" of the production grid (docs/production.md#adding-a-concept-from-the-catalog): pick a catalog
 * concept not yet in the family (search by code or description), type the volume to authorize (> 0, exact) and
 * why; the server adds it as a new confirmed Anexo C version of the family's latest member and recomputes the
 * excess. The grid reloads with the new row.
 */
import { useId, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TConcept } from '@faena/contracts'
import { Button, Dialog, FormError, useToast } from '../../platform/components'
import { parseDecimalInput } from '../../platform/decimal-input'
import { errorMessage } from '../../platform/errors'
import { useFormat } from '../../platform/session'
import { catalogSearchQuery, useAddGridConcept } from './api'

export type AddConceptTarget = {
  workOrderId: string
  number: string
  siteId: string
  month: string
  /** catalog concepts already in the family (not offered) */
  present: ReadonlySet<string>
}

type Errors = { concept?: string; volume?: string; reason?: string }

/** The form's field errors (keys of `production:addConcept`), and the volume as the API takes it. */
export function checkAddConcept(
  form: { conceptId: string | null; volume: string; reason: string },
  locale: string,
): { errors: Errors; volume: string | null } {
  const errors: Errors = {}
  if (!form.conceptId) errors.concept = 'choose'
  let volume: string | null = null
  if (!form.volume.trim()) errors.volume = 'volumeRequired'
  else {
    const parsed = parseDecimalInput(form.volume, locale, { maxFractionDigits: 6 })
    if (!parsed.ok) errors.volume = parsed.reason === 'fraction' ? 'volumeFraction' : 'volumeFormat'
    else if (!/[1-9]/.test(parsed.value)) errors.volume = 'volumeZero'
    else volume = parsed.value
  }
  const reason = form.reason.trim()
  if (reason.length < 5) errors.reason = 'reasonRequired'
  else if (reason.length > 500) errors.reason = 'reasonTooLong'
  return { errors, volume }
}

export function AddConceptDialog({ target, onClose }: { target: AddConceptTarget; onClose: () => void }) {
  const { t } = useTranslation(['production', 'platform'])
  const fmt = useFormat()
  const toast = useToast()
  const add = useAddGridConcept()
  const id = useId()
  const [q, setQ] = useState('')
  const [chosen, setChosen] = useState<TConcept | null>(null)
  const [volume, setVolume] = useState('')
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const search = useQuery(catalogSearchQuery(q.trim()))
  const offered = (search.data?.items ?? []).filter((c) => !target.present.has(c.id))
  const msg = (key: string | undefined) => (key ? t(`addConcept.${key}` as 'addConcept.choose') : null)

  const submit = () => {
    const checked = checkAddConcept({ conceptId: chosen?.id ?? null, volume, reason }, fmt.locale)
    setErrors(checked.errors)
    if (!chosen || !checked.volume || Object.keys(checked.errors).length) return
    setFormError(null)
    add.mutate(
      {
        workOrderId: target.workOrderId,
        siteId: target.siteId,
        month: target.month,
        conceptId: chosen.id,
        volume: checked.volume,
        reason: reason.trim(),
      },
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
        onError: (e) => setFormError(errorMessage(e)),
      },
    )
  }

  return (
    <Dialog
      open
      onClose={onClose}
      size="lg"
      title={t('addConcept.title', { number: target.number })}
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose} disabled={add.isPending}>
            {t('platform:actions.cancel')}
          </Button>
          <Button type="submit" variant="primary" loading={add.isPending} data-testid="add-concept-submit">
            {t('addConcept.submit')}
          </Button>
        </>
      }
    >
      <FormError>{formError}</FormError>
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
        className={errors.concept ? 'pg-add__list pg-add__list--invalid' : 'pg-add__list'}
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
            onClick={() => (setChosen(c), setErrors((e) => ({ ...e, concept: undefined })))}
          >
            <strong>{c.code}</strong> <span className="production__muted">{c.annex}</span> {c.description}
          </button>
        ))}
      </div>
      <p id={`${id}-concept-msg`} className={errors.concept ? 'field__error' : 'field__hint'}>
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
          msg(errors.concept)
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
          value={volume}
          aria-invalid={errors.volume ? true : undefined}
          aria-describedby={`${id}-volume-msg`}
          data-testid="add-concept-volume"
          onChange={(e) => (setVolume(e.target.value), setErrors((x) => ({ ...x, volume: undefined })))}
        />
        <p id={`${id}-volume-msg`} className={errors.volume ? 'field__error' : 'field__hint'}>
          {msg(errors.volume) ?? t('addConcept.volumeHint')}
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
          value={reason}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={`${id}-reason-msg`}
          data-testid="add-concept-reason"
          onChange={(e) => (setReason(e.target.value), setErrors((x) => ({ ...x, reason: undefined })))}
        />
        <p id={`${id}-reason-msg`} className={errors.reason ? 'field__error' : 'field__hint'}>
          {msg(errors.reason) ?? t('addConcept.reasonHint')}
        </p>
      </div>
    </Dialog>
  )
}
