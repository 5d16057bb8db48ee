/** Attachments of one step: files (download) and links, add by upload or URL, remove with confirmation. */
import { useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ZAddStepAttachmentRequest, type TProposalStep } from '@faena/contracts'
import { Button, ConfirmDialog, useToast } from '../../platform/components'
import { errorMessage } from '../../platform/errors'
import { useFormat } from '../../platform/session'
import { fileUrl, useAddAttachment, useRemoveAttachment } from './api'

type Attachment = TProposalStep['attachments'][number]

/** What the file picker offers; the server checks the real type by its content. */
const ACCEPT =
  '.pdf,.png,.jpg,.jpeg,.xlsx,.xml,application/pdf,image/png,image/jpeg,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/xml,text/xml'

export const StepAttachments = ({
  proposalId,
  step,
  canEdit,
}: {
  proposalId: string
  step: TProposalStep
  canEdit: boolean
}) => {
  const { t } = useTranslation('proposals')
  const fmt = useFormat()
  const toast = useToast()
  const id = useId()
  const add = useAddAttachment(proposalId)
  const remove = useRemoveAttachment(proposalId)
  const fileRef = useRef<HTMLInputElement>(null)
  const [file, setFile] = useState<File | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  const [url, setUrl] = useState('')
  const [linkName, setLinkName] = useState('')
  const [linkError, setLinkError] = useState<string | null>(null)
  const [removing, setRemoving] = useState<Attachment | null>(null)
  const [pending, setPending] = useState<'file' | 'link' | null>(null)

  const upload = () => {
    if (!file) {
      setFileError(t('attachments.noFile'))
      fileRef.current?.focus()
      return
    }
    setPending('file')
    add.mutate(
      { stepId: step.id, file },
      {
        onSuccess: () => {
          toast.success(t('attachments.added'))
          setFile(null)
          if (fileRef.current) fileRef.current.value = ''
        },
        onError: (e) => setFileError(errorMessage(e)),
        onSettled: () => setPending(null),
      },
    )
  }

  const addLink = () => {
    const r = ZAddStepAttachmentRequest.safeParse({
      url: url.trim(),
      ...(linkName.trim() ? { name: linkName.trim() } : {}),
    })
    if (!r.success) {
      setLinkError(t('attachments.invalidUrl'))
      return
    }
    setPending('link')
    add.mutate(
      { stepId: step.id, link: r.data },
      {
        onSuccess: () => {
          toast.success(t('attachments.added'))
          setUrl('')
          setLinkName('')
        },
        onError: (e) => setLinkError(errorMessage(e)),
        onSettled: () => setPending(null),
      },
    )
  }

  return (
    <div className="pte-att" aria-label={t('attachments.title', { name: step.name })} role="group">
      <h3 className="pte-att__title">{t('attachments.title', { name: step.name })}</h3>
      {step.attachments.length === 0 ? (
        <p className="muted">{t('attachments.none')}</p>
      ) : (
        <ul className="pte-att__list">
          {step.attachments.map((a) => (
            <li key={a.id} className="pte-att__item">
              <span className="pte-att__kind">
                {a.kind === 'file' ? t('attachments.file') : t('attachments.link')}
              </span>
              {a.kind === 'file' && a.fileId ? (
                <a
                  href={fileUrl(a.fileId)}
                  target="_blank"
                  rel="noopener"
                  aria-label={t('attachments.download', { name: a.name })}
                  className="pte-att__link"
                >
                  {a.name}
                </a>
              ) : a.url ? (
                <a
                  href={a.url}
                  target="_blank"
                  rel="noopener noreferrer"
                  aria-label={t('attachments.open', { name: a.name })}
                  className="pte-att__link"
                >
                  {a.name}
                </a>
              ) : (
                <span>{a.name}</span>
              )}
              {a.kind === 'link' && a.url && a.url !== a.name ? (
                <span className="muted pte-att__url">{a.url}</span>
              ) : null}
              <span className="muted pte-att__date">{fmt.dateTime(a.createdAt)}</span>
              {canEdit ? (
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={t('attachments.removeLabel', { name: a.name })}
                  onClick={() => setRemoving(a)}
                >
                  {t('attachments.remove')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <div className="pte-att__forms">
          <div className="pte-att__form">
            <label className="field__label" htmlFor={`${id}-file`}>
              {t('attachments.chooseFile')}
            </label>
            <div className="pte-att__row">
              <input
                ref={fileRef}
                id={`${id}-file`}
                type="file"
                className="input input--sm"
                accept={ACCEPT}
                aria-invalid={fileError ? true : undefined}
                aria-describedby={fileError ? `${id}-file-error` : undefined}
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null)
                  setFileError(null)
                }}
              />
              <Button size="sm" loading={pending === 'file'} onClick={upload}>
                {pending === 'file' ? t('attachments.uploading') : t('attachments.upload')}
              </Button>
            </div>
            {fileError ? (
              <p id={`${id}-file-error`} className="field__error" role="alert">
                {fileError}
              </p>
            ) : null}
          </div>
          <form
            className="pte-att__form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault()
              addLink()
            }}
          >
            <div className="pte-att__row">
              <div className="field pte-att__url-field">
                <label className="field__label" htmlFor={`${id}-url`}>
                  {t('attachments.url')}
                </label>
                <input
                  id={`${id}-url`}
                  type="url"
                  className="input input--sm"
                  inputMode="url"
                  value={url}
                  maxLength={2000}
                  aria-invalid={linkError ? true : undefined}
                  aria-describedby={linkError ? `${id}-url-error` : undefined}
                  onChange={(e) => {
                    setUrl(e.target.value)
                    setLinkError(null)
                  }}
                />
              </div>
              <div className="field">
                <label className="field__label" htmlFor={`${id}-name`}>
                  {t('attachments.linkName')}
                </label>
                <input
                  id={`${id}-name`}
                  type="text"
                  className="input input--sm"
                  value={linkName}
                  maxLength={200}
                  onChange={(e) => setLinkName(e.target.value)}
                />
              </div>
              <Button size="sm" type="submit" loading={pending === 'link'}>
                {t('attachments.addLink')}
              </Button>
            </div>
            {linkError ? (
              <p id={`${id}-url-error`} className="field__error" role="alert">
                {linkError}
              </p>
            ) : null}
          </form>
        </div>
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title={t('attachments.removeTitle')}
        confirmLabel={t('attachments.remove')}
        busy={remove.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (!removing) return
          remove.mutate(
            { stepId: step.id, attachmentId: removing.id },
            {
              onSuccess: () => {
                toast.success(t('attachments.removed'))
                setRemoving(null)
              },
              onError: (e) => {
                toast.failure(e)
                setRemoving(null)
              },
            },
          )
        }}
      >
        <p>{t('attachments.removeBody', { name: removing?.name ?? '' })}</p>
      </ConfirmDialog>
    </div>
  )
}
