import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ZUpdateUserRequest, type TUpdateUserRequest, type TUser } from '@faena/contracts'
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
import { useFormErrorText } from '../../platform/pages/form-parts'
import { useZodForm } from '../../platform/validation'
import { RoleSelect } from './role-select'
import { useUpdateUser } from './users-api'

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
