/**
 * Configuración → a site's rotations → the dialog that adds a rotation from a start date
 * (docs/production.md#superintendent-rotation): A, B (active superintendents, distinct) and days per shift.
 */
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ZRotationRequest, type TRotationRequest, type TSuperintendent } from '@faena/contracts'
import { FormField, useToast, FormDialog } from '../../platform/components'
import { errorMessage } from '../../platform/errors'
import { useZodForm } from '../../platform/validation'
import { withMessages, type Translate } from './form-schema'
import { useSaveRotation } from './monthly-api'

/** The contract's rotation request, days per shift typed as text, with messages that name the field. */
export const rotationSchema = (t: Translate) =>
  withMessages(
    ZRotationRequest,
    ({ path, code, value }) =>
      path === 'startDate'
        ? t('rotation.errors.startDate')
        : path === 'superintendentAId'
          ? t('rotation.errors.a')
          : path === 'superintendentBId'
            ? value && code === 'custom'
              ? t('rotation.errors.same')
              : t('rotation.errors.b')
            : path === 'cycleDays'
              ? t('rotation.errors.cycle')
              : undefined,
    (v: Omit<TRotationRequest, 'cycleDays'> & { cycleDays: string }) => ({
      ...v,
      cycleDays: v.cycleDays.trim() === '' ? Number.NaN : Number(v.cycleDays),
    }),
  )

export function RotationDialog({
  siteId,
  siteName,
  sups,
  onClose,
}: {
  siteId: string
  siteName: string
  sups: TSuperintendent[]
  onClose: () => void
}) {
  const { t } = useTranslation(['production', 'platform'])
  const toast = useToast()
  const save = useSaveRotation()
  const [formError, setFormError] = useState<string | null>(null)
  const schema = useMemo(() => rotationSchema(t as unknown as Translate), [t])
  const form = useZodForm(schema, {
    siteId,
    startDate: '',
    superintendentAId: '',
    superintendentBId: '',
    cycleDays: '14',
  })
  const active = sups.filter((s) => s.active)
  const submit = form.submit((rotation) => {
    setFormError(null)
    save.mutate(rotation, {
      onSuccess: () => {
        toast.success(t('rotation.saved'))
        onClose()
      },
      onError: (err) => {
        if (!form.applyServerError(err)) setFormError(errorMessage(err))
      },
    })
  })
  const select = (key: 'a' | 'b') => {
    const field = key === 'a' ? 'superintendentAId' : 'superintendentBId'
    return (
      <FormField label={t(`rotation.${key}`)} error={form.errors[field]} required>
        {(p) => (
          <select {...p} className="input" data-testid={`rotation-${key}`} {...form.register(field)}>
            <option value="">{t('rotation.pick')}</option>
            {active.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
    )
  }
  return (
    <FormDialog
      title={t('rotation.rotationTitle', { site: siteName })}
      onClose={onClose}
      onSubmit={submit}
      busy={save.isPending}
      dirty={form.isDirty}
      formError={formError}
      submitLabel={t('platform:actions.save')}
    >
      <FormField
        label={t('rotation.startDate')}
        error={form.errors.startDate}
        hint={t('rotation.rotationHint')}
        required
      >
        {(p) => (
          <input
            {...p}
            className="input"
            type="date"
            data-testid="rotation-start"
            {...form.register('startDate')}
          />
        )}
      </FormField>
      {select('a')}
      {select('b')}
      <FormField
        label={t('rotation.cycleDays')}
        error={form.errors.cycleDays}
        hint={t('rotation.cycleHint')}
        required
      >
        {(p) => (
          <input {...p} className="input" inputMode="numeric" maxLength={2} {...form.register('cycleDays')} />
        )}
      </FormField>
    </FormDialog>
  )
}
