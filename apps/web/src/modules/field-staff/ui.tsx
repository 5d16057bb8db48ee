/** Pieces shared by the field-staff screens: status badge, small helpers, the remove confirmation, the files panel (documents-panel.tsx, vaccines-panel.tsx hold the others). */
import { useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { type TComplianceFile, type TComplianceOwnerKind, type TComplianceStatus } from '@faena/contracts'
import {
  Button,
  ConfirmDialog,
  FormError,
  Icon,
  StatusBadge,
  useToast,
  type StatusTone,
} from '../../platform/components'
import { errorMessage, errorReference } from '../../platform/errors'
import { useFormat } from '../../platform/session'
import { useDeleteFile, useUploadFile } from './api'
import './field-staff.css'

export const STATUS_TONE: Record<TComplianceStatus, StatusTone> = {
  expired: 'danger',
  due10: 'warning',
  due30: 'info',
  ok: 'success',
}

export const ComplianceBadge = ({ status }: { status: TComplianceStatus | null }) => {
  const { t } = useTranslation('field-staff')
  return status ? (
    <StatusBadge tone={STATUS_TONE[status]}>{t(`status.${status}`)}</StatusBadge>
  ) : (
    <StatusBadge tone="neutral">{t('status.none')}</StatusBadge>
  )
}

/** "en 5 días", "hace 3 días", "hoy". */
export const useWhen = () => {
  const { t } = useTranslation('field-staff')
  return (daysLeft: number) =>
    daysLeft === 0
      ? t('common.today')
      : daysLeft > 0
        ? t('common.daysLeft', { count: daysLeft })
        : t('common.daysAgo', { count: -daysLeft })
}

export const errorLine = (e: unknown, refLabel: (id: string) => string): string => {
  const ref = errorReference(e)
  return errorMessage(e) + (ref ? ` · ${refLabel(ref)}` : '')
}
export const orNull = (s: string | null | undefined): string | null => {
  const v = (s ?? '').trim()
  return v === '' ? null : v
}

/** The confirmation before removing a document, a vaccine or a file; a failure shows in the panel. */
export function RemoveConfirm<R extends { id: string }>({
  removing,
  setRemoving,
  remove,
  title,
  done,
  setError,
  children,
}: {
  removing: R | null
  setRemoving: (r: R | null) => void
  remove: {
    isPending: boolean
    mutate: (id: string, o: { onSuccess: () => void; onError: (e: unknown) => void }) => void
  }
  title: string
  done: string
  setError: (message: string) => void
  children?: ReactNode
}) {
  const { t } = useTranslation(['field-staff', 'platform'])
  const toast = useToast()
  return (
    <ConfirmDialog
      open={removing !== null}
      title={title}
      confirmLabel={t('common.remove')}
      tone="danger"
      busy={remove.isPending}
      onCancel={() => setRemoving(null)}
      onConfirm={() =>
        removing &&
        remove.mutate(removing.id, {
          onSuccess: () => {
            toast.success(done)
            setRemoving(null)
          },
          onError: (e) => {
            setRemoving(null)
            setError(errorMessage(e))
          },
        })
      }
    >
      {children}
    </ConfirmDialog>
  )
}

/** Scans of a person or vehicle (PDF, PNG, JPEG). */
export const FilesPanel = ({
  owner,
  ownerId,
  files,
  canManage,
}: {
  owner: TComplianceOwnerKind
  ownerId: string
  files: TComplianceFile[]
  canManage: boolean
}) => {
  const { t } = useTranslation(['field-staff', 'platform'])
  const fmt = useFormat()
  const toast = useToast()
  const upload = useUploadFile(owner, ownerId)
  const remove = useDeleteFile(owner, ownerId)
  const input = useRef<HTMLInputElement>(null)
  const [error, setError] = useState<string | null>(null)
  const [removing, setRemoving] = useState<TComplianceFile | null>(null)
  return (
    <section className="card" aria-labelledby="fs-files">
      <div className="fs-panel__head">
        <h2 id="fs-files" className="section-title">
          {t('files.title')}
        </h2>
        {canManage ? (
          <>
            <input
              ref={input}
              type="file"
              hidden
              accept="application/pdf,image/png,image/jpeg"
              onChange={(e) => {
                const f = e.target.files?.[0]
                e.target.value = ''
                if (!f) return
                setError(null)
                upload.mutate(f, {
                  onSuccess: () => toast.success(t('files.uploaded')),
                  onError: (err) => setError(errorMessage(err)),
                })
              }}
            />
            <Button
              size="sm"
              icon={<Icon name="upload" />}
              loading={upload.isPending}
              onClick={() => input.current?.click()}
            >
              {t('files.upload')}
            </Button>
          </>
        ) : null}
      </div>
      <FormError>{error}</FormError>
      {files.length === 0 ? (
        <p className="muted">{t('files.empty')}</p>
      ) : (
        <ul className="fs-files">
          {files.map((f) => (
            <li key={f.id}>
              <a href={`/api/v1/files/${f.fileId}`} target="_blank" rel="noreferrer">
                {f.name}
              </a>{' '}
              <span className="muted">
                {fmt.integer(Math.ceil(f.size / 1024))} KB · {fmt.date(f.createdAt.slice(0, 10))}
              </span>
              {canManage ? (
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => setRemoving(f)}
                  aria-label={t('files.deleteTitle', { name: f.name })}
                >
                  <Icon name="close" />
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canManage ? <p className="fs-sub">{t('files.hint')}</p> : null}
      <RemoveConfirm
        removing={removing}
        setRemoving={setRemoving}
        remove={remove}
        title={t('files.deleteTitle', { name: removing?.name ?? '' })}
        done={t('files.deleted')}
        setError={setError}
      />
    </section>
  )
}
