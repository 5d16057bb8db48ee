/**
 * Configuración → day statuses → the dialog that creates a status or edits one
 * (docs/production.md#day-statuses). The catalog is saved whole: the edited item replaces its own, a new one
 * goes last. The rules are the contract's, plus a code not taken by another status.
 */
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ZDayStatusInput, type TDayStatus } from '@faena/contracts'
import { FormField, useToast, FormDialog } from '../../platform/components'
import { errorMessage } from '../../platform/errors'
import { useZodForm } from '../../platform/validation'
import { useSaveDayStatuses } from './api'
import { withMessages, type Translate } from './form-schema'

/** A code from a name: "Espera por clima" → "espera_por_clima". */
export const codeFromName = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '')
    .slice(0, 40)

/** The catalog as the `PUT` takes it. */
export const toItems = (list: readonly TDayStatus[]) =>
  list.map((s) => ({ code: s.code, name: s.name, allowsProduction: s.allowsProduction, active: s.active }))

/** The contract's status item with messages that name the field; `others` are the codes already taken. */
export const dayStatusSchema = (others: readonly string[], t: Translate) =>
  withMessages(
    ZDayStatusInput.pick({ name: true, allowsProduction: true }).extend({
      code: ZDayStatusInput.shape.code.refine((c) => !others.includes(c), {
        error: (iss) => t('settings.statuses.errors.codeTaken', { code: String(iss.input).trim() }),
      }),
    }),
    ({ path, code, value }) => {
      if (path === 'name')
        return value ? t('settings.statuses.errors.nameTooLong') : t('settings.statuses.errors.nameRequired')
      if (path === 'code' && code !== 'custom')
        return value ? t('settings.statuses.errors.codeFormat') : t('settings.statuses.errors.codeRequired')
      return undefined
    },
  )

export function DayStatusDialog({
  status,
  catalog,
  onClose,
}: {
  status: TDayStatus | null
  catalog: readonly TDayStatus[]
  onClose: () => void
}) {
  const { t } = useTranslation(['production', 'platform'])
  const toast = useToast()
  const save = useSaveDayStatuses()
  const [codeTouched, setCodeTouched] = useState(Boolean(status))
  const [formError, setFormError] = useState<string | null>(null)
  const schema = useMemo(
    () =>
      dayStatusSchema(
        catalog.filter((s) => s.id !== status?.id).map((s) => s.code),
        t as unknown as Translate,
      ),
    [catalog, status, t],
  )
  const form = useZodForm(schema, {
    code: status?.code ?? '',
    name: status?.name ?? '',
    allowsProduction: status?.allowsProduction ?? false,
  })

  const submit = form.submit((draft) => {
    setFormError(null)
    const item = { ...draft, active: status?.active ?? true }
    const items = status
      ? toItems(catalog).map((s) => (s.code === status.code ? item : s))
      : [...toItems(catalog), item]
    save.mutate(
      { items },
      {
        onSuccess: () => {
          toast.success(
            status
              ? t('settings.statuses.saved', { name: item.name })
              : t('settings.statuses.created', { name: item.name }),
          )
          onClose()
        },
        onError: (err) => setFormError(errorMessage(err)),
      },
    )
  })

  return (
    <FormDialog
      title={
        status ? t('settings.statuses.editTitle', { name: status.name }) : t('settings.statuses.newTitle')
      }
      onClose={onClose}
      onSubmit={submit}
      busy={save.isPending}
      dirty={form.isDirty}
      formError={formError}
      submitLabel={status ? t('platform:actions.save') : t('platform:actions.create')}
    >
      <FormField label={t('settings.statuses.name')} error={form.errors.name} required>
        {(p) => (
          <input
            {...p}
            className="input"
            maxLength={100}
            value={form.values.name}
            data-testid="day-status-name"
            onChange={(e) => {
              form.set('name', e.target.value)
              if (!codeTouched) form.set('code', codeFromName(e.target.value))
            }}
          />
        )}
      </FormField>
      <FormField
        label={t('settings.statuses.code')}
        error={form.errors.code}
        hint={status ? t('settings.statuses.codeFixed') : t('settings.statuses.codeHint')}
        required
      >
        {(p) => (
          <input
            {...p}
            className="input mono"
            maxLength={40}
            value={form.values.code}
            readOnly={Boolean(status)}
            data-testid="day-status-code"
            onChange={(e) => {
              setCodeTouched(true)
              form.set('code', e.target.value)
            }}
          />
        )}
      </FormField>
      <label className="production-settings__check">
        <input type="checkbox" data-testid="day-status-allows" {...form.register('allowsProduction')} />
        <span>
          {t('settings.statuses.allowsProduction')}
          <small>{t('settings.statuses.allowsProductionHint')}</small>
        </span>
      </label>
    </FormDialog>
  )
}
