/** PDF attachments of a field document: list, upload (PDF only, checked again by the server), remove. */
import { useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../platform/api'
import { Button, ConfirmDialog, FormError, Icon, useToast } from '../../platform/components'
import { errorMessage } from '../../platform/errors'
import { useFormat } from '../../platform/session'
import { fileUrl, useAddAttachment, useRemoveAttachment, type AnyDetail, type DocKind } from './api'

export const Attachments = ({ kind, detail }: { kind: DocKind; detail: AnyDetail }) => {
  const { t } = useTranslation(['rental-documents', 'platform'])
  const fmt = useFormat()
  const toast = useToast()
  const add = useAddAttachment(kind, detail.id)
  const remove = useRemoveAttachment(kind, detail.id)
  const input = useRef<HTMLInputElement>(null)
  const [label, setLabel] = useState('')
  const [removing, setRemoving] = useState<{ id: string; name: string } | null>(null)
  const id = useId()
  const canAttach = detail.allowedActions.includes('attach')

  const onFile = (file: File | undefined) => {
    if (!file) return
    add.mutate(
      { file, label: label.trim() },
      {
        onSuccess: () => {
          toast.success(t('detail.attached'))
          setLabel('')
          if (input.current) input.current.value = ''
        },
        onError: () => {
          if (input.current) input.current.value = ''
        },
      },
    )
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">
        {t('fields.attachments')}
      </h2>
      <p className="muted rd-small">{t('detail.attachmentsHint')}</p>
      {detail.attachments.length === 0 ? (
        <p className="muted">{t('detail.noAttachments')}</p>
      ) : (
        <ul className="rd-attachments">
          {detail.attachments.map((a) => (
            <li key={a.id}>
              <a href={fileUrl(a.fileId)} target="_blank" rel="noreferrer">
                {a.label ? `${a.label} — ` : ''}
                {a.name}
              </a>
              <span className="muted rd-small">
                {' '}
                · {fmt.quantity(String(Math.max(1, Math.round(a.size / 1024))), { maxFractionDigits: 0 })} KB
                · {fmt.dateTime(a.createdAt)}
              </span>
              {canAttach ? (
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => setRemoving({ id: a.id, name: a.name })}
                  aria-label={`${t('detail.removeAttachment')}: ${a.name}`}
                >
                  <Icon name="close" />
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canAttach ? (
        <div className="rd-attach">
          <label className="field__label" htmlFor={`${id}-label`}>
            {t('detail.attachLabel')}
          </label>
          <div className="rd-attach__row">
            <input
              id={`${id}-label`}
              className="input"
              maxLength={100}
              value={label}
              onChange={(e) => setLabel(e.target.value)}
            />
            <input
              ref={input}
              type="file"
              accept="application/pdf,.pdf"
              className="visually-hidden"
              id={`${id}-file`}
              data-testid="attachment-input"
              onChange={(e) => onFile(e.target.files?.[0])}
            />
            <Button
              icon={<Icon name="plus" />}
              loading={add.isPending}
              onClick={() => input.current?.click()}
            >
              {t('detail.attach')}
            </Button>
          </div>
          {add.error ? (
            <FormError>
              {[errorMessage(add.error), isApiError(add.error) ? add.error.details[0]?.message : null]
                .filter(Boolean)
                .join(' ')}
            </FormError>
          ) : null}
        </div>
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title={t('detail.removeAttachment')}
        busy={remove.isPending}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.id, {
            onSuccess: () => setRemoving(null),
            onError: (e) => {
              setRemoving(null)
              toast.failure(e)
            },
          })
        }
        onCancel={() => setRemoving(null)}
      >
        <p>{t('detail.removeAttachmentConfirm', { name: removing?.name ?? '' })}</p>
      </ConfirmDialog>
    </section>
  )
}
