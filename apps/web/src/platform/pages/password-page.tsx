import { useMemo, useState } from 'react'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ZChangePasswordRequest, type TChangePasswordRequest } from '@faena/contracts'
import { api } from '../api'
import { Button } from '../components/button'
import { FormError } from '../components/form-field'
import { PageHeader } from '../components/page-header'
import { useToast } from '../components/toast'
import { useZodForm } from '../validation'
import { PasswordField, useFormErrorText } from './form-parts'

export const PasswordPage = () => {
  const { t } = useTranslation()
  const toast = useToast()
  const errorText = useFormErrorText()
  const [formError, setFormError] = useState<string | null>(null)
  const schema = useMemo(
    () =>
      ZChangePasswordRequest.extend({ confirm: z.string() }).refine((d) => d.newPassword === d.confirm, {
        path: ['confirm'],
        error: () => t('password.mismatch'),
      }),
    [t],
  )
  const form = useZodForm(schema, { currentPassword: '', newPassword: '', confirm: '' })

  const change = useMutation({
    mutationFn: (body: TChangePasswordRequest) => api.post('/api/v1/auth/password', { body }),
    onSuccess: () => {
      form.reset({ currentPassword: '', newPassword: '', confirm: '' })
      toast.success(t('password.done'))
    },
    onError: (error) => {
      // The server reports a wrong current password as 400 VALIDATION on `currentPassword`.
      if (!form.applyServerError(error)) setFormError(errorText(error))
    },
  })

  const submit = form.submit((data) => {
    setFormError(null)
    change.mutate({ currentPassword: data.currentPassword, newPassword: data.newPassword })
  })

  return (
    <div className="page page--narrow">
      <PageHeader title={t('password.title')} />
      <section className="card">
        <form noValidate className="form" onSubmit={submit}>
          <FormError>{formError}</FormError>
          <input type="text" name="username" autoComplete="username" hidden readOnly value="" />
          <PasswordField
            label={t('password.current')}
            error={form.errors.currentPassword}
            autoComplete="current-password"
            field={form.register('currentPassword')}
          />
          <PasswordField
            label={t('password.new')}
            error={form.errors.newPassword}
            hint={t('password.hint')}
            autoComplete="new-password"
            field={form.register('newPassword')}
          />
          <PasswordField
            label={t('password.confirm')}
            error={form.errors.confirm}
            autoComplete="new-password"
            field={form.register('confirm')}
          />
          <div className="form__actions">
            <Button type="submit" variant="primary" loading={change.isPending}>
              {change.isPending ? t('actions.saving') : t('password.submit')}
            </Button>
          </div>
        </form>
      </section>
    </div>
  )
}
