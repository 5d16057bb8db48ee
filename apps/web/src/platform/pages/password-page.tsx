import { useMemo, useState } from 'react'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ZChangePasswordRequest, type TChangePasswordRequest } from '@faena/contracts'
import { api } from '../api'
import { Button } from '../components/button'
import { FormError, FormField } from '../components/form-field'
import { PageHeader } from '../components/page-header'
import { useToast } from '../components/toast'
import { errorMessage, errorReference } from '../errors'
import { useZodForm } from '../validation'

export const PasswordPage = () => {
  const { t } = useTranslation()
  const toast = useToast()
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
      form.setValues({ currentPassword: '', newPassword: '', confirm: '' })
      toast.success(t('password.done'))
    },
    onError: (error) => {
      // The server reports a wrong current password as 400 VALIDATION on `currentPassword`.
      if (form.applyServerError(error)) return
      const ref = errorReference(error)
      setFormError(errorMessage(error) + (ref ? ` · ${t('errors.reference', { id: ref })}` : ''))
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
        <form
          noValidate
          className="form"
          onSubmit={(e) => {
            e.preventDefault()
            submit()
          }}
        >
          <FormError>{formError}</FormError>
          <input type="text" name="username" autoComplete="username" hidden readOnly value="" />
          <FormField label={t('password.current')} error={form.errors.currentPassword} required>
            {(p) => (
              <input
                {...p}
                className="input"
                type="password"
                autoComplete="current-password"
                value={form.values.currentPassword}
                onChange={(e) => form.set('currentPassword', e.target.value)}
              />
            )}
          </FormField>
          <FormField
            label={t('password.new')}
            error={form.errors.newPassword}
            hint={t('password.hint')}
            required
          >
            {(p) => (
              <input
                {...p}
                className="input"
                type="password"
                autoComplete="new-password"
                value={form.values.newPassword}
                onChange={(e) => form.set('newPassword', e.target.value)}
              />
            )}
          </FormField>
          <FormField label={t('password.confirm')} error={form.errors.confirm} required>
            {(p) => (
              <input
                {...p}
                className="input"
                type="password"
                autoComplete="new-password"
                value={form.values.confirm}
                onChange={(e) => form.set('confirm', e.target.value)}
              />
            )}
          </FormField>
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
