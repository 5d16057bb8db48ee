/**
 * The lifecycle actions of a field document the server allows it (`allowedActions`: delete, void, cancel,
 * close), each behind a confirmation (void and cancel ask for the reason). The same for the three types: the
 * server runs one field-document lifecycle configured per type.
 */
import { useState } from 'react'
import { useNavigate } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { Button, ConfirmDialog, useToast } from '../../platform/components'
import { useDeleteDocument, useDocumentStatus, type DocKind, type StatusAction } from './api'
import { ROUTES } from './ui'

type Action = StatusAction | 'delete'

/** The buttons in the order the header shows them. */
const BUTTONS = [
  { action: 'delete', variant: 'ghost' },
  { action: 'void', variant: 'danger' },
  { action: 'cancel', variant: 'danger' },
  { action: 'close', variant: 'primary', testId: 'close-document' },
] as const

const useConfirmTexts = () => {
  const { t } = useTranslation('rental-documents')
  return (action: Action) =>
    ({
      close: { title: t('detail.close'), body: t('detail.closeConfirm'), tone: 'primary', reason: undefined },
      void: { title: t('detail.void'), body: t('detail.voidConfirm'), tone: 'danger', reason: 'required' },
      cancel: {
        title: t('detail.cancel'),
        body: t('detail.cancelConfirm'),
        tone: 'danger',
        reason: 'required',
      },
      delete: {
        title: t('detail.delete'),
        body: t('detail.deleteConfirm'),
        tone: 'danger',
        reason: undefined,
      },
    })[action] as { title: string; body: string; tone: 'primary' | 'danger'; reason?: 'required' }
}

export const StatusActions = ({
  kind,
  id,
  allowed,
}: {
  kind: DocKind
  id: string
  allowed: readonly string[]
}) => {
  const { t } = useTranslation('rental-documents')
  const navigate = useNavigate()
  const toast = useToast()
  const status = useDocumentStatus(kind, id)
  const remove = useDeleteDocument(kind, id)
  const [confirm, setConfirm] = useState<Action | null>(null)
  const texts = useConfirmTexts()
  const shown = confirm ? texts(confirm) : null

  const fail = (e: unknown) => {
    setConfirm(null)
    toast.failure(e)
  }
  const run = (reason: string) => {
    if (!confirm) return
    if (confirm === 'delete') {
      remove.mutate(undefined, {
        onSuccess: () => {
          toast.success(t('detail.deleted'))
          setConfirm(null)
          void navigate({ to: ROUTES[kind].list })
        },
        onError: fail,
      })
      return
    }
    const action = confirm
    const done = { close: 'detail.closed', void: 'detail.voided', cancel: 'detail.cancelled' } as const
    status.mutate(
      { action, reason },
      {
        onSuccess: () => {
          toast.success(t(done[action]))
          setConfirm(null)
        },
        onError: fail,
      },
    )
  }

  return (
    <>
      {BUTTONS.filter((b) => allowed.includes(b.action)).map((b) => (
        <Button
          key={b.action}
          variant={b.variant}
          onClick={() => setConfirm(b.action)}
          data-testid={'testId' in b ? b.testId : undefined}
        >
          {texts(b.action).title}
        </Button>
      ))}
      <ConfirmDialog
        open={confirm !== null}
        title={shown?.title ?? ''}
        tone={shown?.tone ?? 'danger'}
        confirmLabel={shown?.title}
        reason={shown?.reason}
        reasonLabel={t('detail.reason')}
        busy={status.isPending || remove.isPending}
        onConfirm={run}
        onCancel={() => setConfirm(null)}
      >
        <p>{shown?.body}</p>
      </ConfirmDialog>
    </>
  )
}
