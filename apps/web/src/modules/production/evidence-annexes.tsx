/**
 * Configuración → annexes that need evidence (docs/production.md#evidence-gpu): the organization's list (C-2, C-3,
 * C2EXT, C3EXT until it chooses); add, remove, save as one `PUT /api/v1/production/evidence/annexes`
 * (permission `production.configure`; read-only for the others).
 */
import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ZEvidenceAnnexKey } from '@faena/contracts'
import { Button, FormField, StatusBadge, useToast } from '../../platform/components'
import { SettingsSection } from './settings-section'
import { errorMessage } from '../../platform/errors'
import { useCan } from '../../platform/session'
import { fieldErrors, useZodForm } from '../../platform/validation'
import { evidenceAnnexesQuery, useSaveEvidenceAnnexes } from './evidence-api'

export function EvidenceAnnexes() {
  const { t } = useTranslation('production')
  const editable = useCan()('production.configure')
  const q = useQuery(evidenceAnnexesQuery())
  return (
    <SettingsSection
      id="evidence-annexes-title"
      title={t('evidence.settings.title')}
      intro={t('evidence.settings.intro')}
      editable={editable}
      readOnly={t('settings.readOnly')}
    >
      {q.data ? (
        <AnnexEditor
          key={q.data.annexes.join('|')}
          saved={q.data.annexes}
          isDefault={q.data.isDefault}
          editable={editable}
        />
      ) : q.isError ? (
        <p className="production__error">{errorMessage(q.error)}</p>
      ) : (
        <p className="production__loading">…</p>
      )}
    </SettingsSection>
  )
}

function AnnexEditor(props: { saved: string[]; isDefault: boolean; editable: boolean }) {
  const { t } = useTranslation('production')
  const toast = useToast()
  const save = useSaveEvidenceAnnexes()
  const [list, setList] = useState(props.saved)
  const dirty = list.join('|') !== props.saved.join('|')
  // one annex to add: the contract's annex key (upper-cased), not already in the list
  const schema = z.object({
    annex: z
      .string()
      .trim()
      .toUpperCase()
      .superRefine((v, ctx) => {
        const message = !v
          ? t('evidence.settings.required')
          : !ZEvidenceAnnexKey.safeParse(v).success
            ? t('evidence.settings.format')
            : list.includes(v)
              ? t('evidence.settings.duplicate', { annex: v })
              : null
        if (message) ctx.addIssue({ code: 'custom', message })
      }),
  })
  const form = useZodForm(schema, { annex: '' })
  const add = form.submit(({ annex }) => {
    setList([...list, annex])
    form.reset({ annex: '' })
  })
  return (
    <div className="ev-annexes">
      <ul className="ev-annexes__list" aria-label={t('evidence.settings.title')}>
        {list.length === 0 ? <li className="muted">{t('evidence.settings.none')}</li> : null}
        {list.map((a) => (
          <li key={a} className="ev-annexes__item">
            <span className="mono">{a}</span>
            {props.editable ? (
              <button
                type="button"
                className="ev-annexes__remove"
                aria-label={t('evidence.settings.remove', { annex: a })}
                title={t('evidence.settings.remove', { annex: a })}
                onClick={() => setList(list.filter((x) => x !== a))}
              >
                ×
              </button>
            ) : null}
          </li>
        ))}
        {props.isDefault && !dirty ? (
          <li>
            <StatusBadge tone="neutral">{t('evidence.settings.isDefault')}</StatusBadge>
          </li>
        ) : null}
      </ul>
      {props.editable ? (
        <form className="ev-annexes__form" noValidate onSubmit={add}>
          <FormField label={t('evidence.settings.annex')} error={form.errors.annex}>
            {(p) => (
              <input {...p} className="input" maxLength={20} placeholder="C-4" {...form.register('annex')} />
            )}
          </FormField>
          <Button type="submit">{t('evidence.settings.add')}</Button>
          <Button
            variant="primary"
            disabled={!dirty}
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                { annexes: list },
                {
                  onSuccess: () => toast.success(t('evidence.settings.saved')),
                  // the list's server errors (`annexes.N`) stand under the one annex field
                  onError: (e) =>
                    form.setErrors({ annex: Object.values(fieldErrors(e))[0] ?? errorMessage(e) }),
                },
              )
            }
          >
            {t('evidence.settings.save')}
          </Button>
        </form>
      ) : null}
    </div>
  )
}
