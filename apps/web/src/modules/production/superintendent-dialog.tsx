/** Configuración → superintendents → the dialog that adds one or renames one (docs/production.md#superintendent-rotation). */
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ZSuperintendentRequest, type TSuperintendent } from '@faena/contracts'
import { FormField, useToast, FormDialog } from '../../platform/components'
import { errorMessage } from '../../platform/errors'
import { useZodForm } from '../../platform/validation'
import { withMessages } from './form-schema'
import { useCreateSuperintendent, useUpdateSuperintendent } from './monthly-api'

export function SuperintendentDialog({ sup, onClose }: { sup: TSuperintendent | null; onClose: () => void }) {
  const { t } = useTranslation(['production', 'platform'])
  const toast = useToast()
  const create = useCreateSuperintendent()
  const update = useUpdateSuperintendent()
  const [formError, setFormError] = useState<string | null>(null)
  const schema = useMemo(
    () =>
      withMessages(ZSuperintendentRequest, ({ value }) => (value ? undefined : t('rotation.nameRequired'))),
    [t],
  )
  const form = useZodForm(schema, { name: sup?.name ?? '' })
  const busy = create.isPending || update.isPending
  const submit = form.submit(({ name }) => {
    setFormError(null)
    const done = {
      onSuccess: () => {
        toast.success(t('rotation.superintendentSaved'))
        onClose()
      },
      onError: (e: unknown) => {
        if (!form.applyServerError(e)) setFormError(errorMessage(e))
      },
    }
    if (sup) update.mutate({ id: sup.id, name }, done)
    else create.mutate(name, done)
  })
  return (
    <FormDialog
      title={sup ? t('rotation.editTitle', { name: sup.name }) : t('rotation.addTitle')}
      onClose={onClose}
      onSubmit={submit}
      busy={busy}
      dirty={form.isDirty}
      formError={formError}
      submitLabel={sup ? t('platform:actions.save') : t('platform:actions.create')}
    >
      <FormField label={t('rotation.name')} error={form.errors.name} required>
        {(p) => (
          <input
            {...p}
            className="input"
            maxLength={120}
            data-testid="superintendent-name"
            {...form.register('name')}
          />
        )}
      </FormField>
    </FormDialog>
  )
}
