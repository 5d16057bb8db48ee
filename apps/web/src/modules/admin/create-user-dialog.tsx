import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ZCreateUserRequest } from '@faena/contracts'
import {
  Button,
  Dialog,
  FormError,
  FormField,
  useToast,
  UnsavedChangesGuard,
} from '../../platform/components'
import { PasswordField, useFormErrorText } from '../../platform/pages/form-parts'
import { useZodForm } from '../../platform/validation'
import { RoleSelect } from './role-select'
import { useCreateUser } from './users-api'

export const CreateUserDialog = ({ onClose }: { onClose: () => void }) => {
  const { t } = useTranslation(['admin', 'platform'])
  const toast = useToast()
  const create = useCreateUser()
  const errorText = useFormErrorText()
  const [formError, setFormError] = useState<string | null>(null)
  const form = useZodForm(ZCreateUserRequest, { email: '', name: '', role: 'viewer', password: '' })

  const submit = form.submit((data) => {
    setFormError(null)
    create.mutate(data, {
      onSuccess: (u) => {
        toast.success(t('create.done', { name: u.name }))
        onClose()
      },
      onError: (e) => {
        if (!form.applyServerError(e)) setFormError(errorText(e))
      },
    })
  })

  return (
    <Dialog
      open
      onClose={onClose}
      title={t('create.title')}
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose} disabled={create.isPending}>
            {t('platform:actions.cancel')}
          </Button>
          <Button type="submit" variant="primary" loading={create.isPending}>
            {t('create.submit')}
          </Button>
        </>
      }
    >
      <UnsavedChangesGuard when={form.isDirty} />
      <FormError>{formError}</FormError>
      <div className="form-grid">
        <FormField label={t('users.name')} error={form.errors.name} required>
          {(p) => (
            <input
              {...p}
              className="input"
              autoComplete="off"
              value={form.values.name}
              onChange={(e) => form.set('name', e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('users.email')} error={form.errors.email} required>
          {(p) => (
            <input
              {...p}
              className="input"
              type="email"
              autoComplete="off"
              value={form.values.email}
              onChange={(e) => form.set('email', e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('users.role')} error={form.errors.role} required>
          {(p) => <RoleSelect {...p} value={form.values.role} onChange={(r) => form.set('role', r)} />}
        </FormField>
        <PasswordField
          label={t('create.password')}
          error={form.errors.password}
          hint={t('create.passwordHint')}
          autoComplete="new-password"
          field={form.register('password')}
        />
      </div>
    </Dialog>
  )
}
