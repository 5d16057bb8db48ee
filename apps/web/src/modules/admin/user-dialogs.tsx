import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  ROLES,
  ZCreateUserRequest,
  ZUpdateUserRequest,
  type TRole,
  type TUpdateUserRequest,
  type TUser,
} from '@faena/contracts'
import {
  Button,
  ConfirmDialog,
  Dialog,
  FormError,
  FormField,
  StatusBadge,
  useToast,
  UnsavedChangesGuard,
} from '../../platform/components'
import { errorMessage, errorReference } from '../../platform/errors'
import { useZodForm } from '../../platform/validation'
import { useCreateUser, useUpdateUser } from './users-api'

const RoleSelect = ({
  value,
  onChange,
  disabled,
  ...aria
}: {
  value: TRole
  onChange: (r: TRole) => void
  disabled?: boolean
  id: string
  'aria-invalid': true | undefined
  'aria-describedby': string | undefined
}) => {
  const { t } = useTranslation()
  return (
    <select
      {...aria}
      className="input"
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value as TRole)}
    >
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {t(`roles.${r}`)}
        </option>
      ))}
    </select>
  )
}

const useFormErrorText = () => {
  const { t } = useTranslation()
  return (error: unknown) => {
    const ref = errorReference(error)
    return errorMessage(error) + (ref ? ` · ${t('errors.reference', { id: ref })}` : '')
  }
}

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
        <FormField
          label={t('create.password')}
          error={form.errors.password}
          hint={t('create.passwordHint')}
          required
        >
          {(p) => (
            <input
              {...p}
              className="input"
              type="password"
              autoComplete="new-password"
              value={form.values.password}
              onChange={(e) => form.set('password', e.target.value)}
            />
          )}
        </FormField>
      </div>
    </Dialog>
  )
}

export const EditUserDialog = ({
  user,
  isSelf,
  onClose,
}: {
  user: TUser
  isSelf: boolean
  onClose: () => void
}) => {
  const { t } = useTranslation(['admin', 'platform'])
  const toast = useToast()
  const update = useUpdateUser()
  const errorText = useFormErrorText()
  const [formError, setFormError] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const form = useZodForm(ZUpdateUserRequest, { name: user.name, role: user.role })

  const save = form.submit((data) => {
    setFormError(null)
    const patch: TUpdateUserRequest = {}
    if (data.name !== undefined && data.name !== user.name) patch.name = data.name
    if (data.role !== undefined && data.role !== user.role) patch.role = data.role
    if (Object.keys(patch).length === 0) {
      toast.info(t('edit.noChanges'))
      onClose()
      return
    }
    update.mutate(
      { id: user.id, patch },
      {
        onSuccess: () => {
          toast.success(t('edit.saved'))
          onClose()
        },
        onError: (e) => {
          if (!form.applyServerError(e)) setFormError(errorText(e))
        },
      },
    )
  })

  const setActive = (active: boolean) =>
    update.mutate(
      { id: user.id, patch: { active } },
      {
        onSuccess: (u) => {
          setConfirming(false)
          toast.success(t(active ? 'edit.reactivated' : 'edit.deactivated', { name: u.name }))
          onClose()
        },
        onError: (e) => {
          setConfirming(false)
          setFormError(errorText(e))
        },
      },
    )

  return (
    <>
      <Dialog
        open={!confirming}
        onClose={onClose}
        title={t('edit.title')}
        onSubmit={save}
        footer={
          <>
            {isSelf ? null : user.active ? (
              <Button
                variant="danger"
                className="dialog__footer-start"
                onClick={() => setConfirming(true)}
                disabled={update.isPending}
              >
                {t('edit.deactivate')}
              </Button>
            ) : (
              <Button
                className="dialog__footer-start"
                onClick={() => setActive(true)}
                loading={update.isPending}
              >
                {t('edit.reactivate')}
              </Button>
            )}
            <Button onClick={onClose} disabled={update.isPending}>
              {t('platform:actions.cancel')}
            </Button>
            <Button type="submit" variant="primary" loading={update.isPending}>
              {t('platform:actions.save')}
            </Button>
          </>
        }
      >
        <UnsavedChangesGuard when={form.isDirty} />
        <FormError>{formError}</FormError>
        <p className="dialog__meta">
          <span>{user.email}</span>
          {user.active ? (
            <StatusBadge tone="success">{t('users.active')}</StatusBadge>
          ) : (
            <StatusBadge tone="neutral">{t('users.inactive')}</StatusBadge>
          )}
        </p>
        {!user.active ? <p className="note">{t('edit.inactiveNote')}</p> : null}
        <div className="form-grid">
          <FormField label={t('users.name')} error={form.errors.name} required>
            {(p) => (
              <input
                {...p}
                className="input"
                autoComplete="off"
                value={form.values.name ?? ''}
                onChange={(e) => form.set('name', e.target.value)}
              />
            )}
          </FormField>
          <FormField
            label={t('users.role')}
            error={form.errors.role}
            hint={isSelf ? t('edit.selfNote') : undefined}
          >
            {(p) => (
              <RoleSelect
                {...p}
                value={form.values.role ?? user.role}
                disabled={isSelf}
                onChange={(r) => form.set('role', r)}
              />
            )}
          </FormField>
        </div>
      </Dialog>
      <ConfirmDialog
        open={confirming}
        title={t('edit.confirmDeactivateTitle', { name: user.name })}
        confirmLabel={t('edit.deactivate')}
        busy={update.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => setActive(false)}
      >
        <p>{t('edit.confirmDeactivateBody')}</p>
      </ConfirmDialog>
    </>
  )
}
