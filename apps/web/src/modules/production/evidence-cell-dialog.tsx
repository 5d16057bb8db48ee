/**
 * One evidence cell (docs/production.md#evidence-gpu): its status (a rejection asks for a note, signing needs a
 * file or link), its files and links (download, delete after a confirmation), upload of several files (PNG, JPEG,
 * PDF) with the time taken and an optional location, and a link.
 */
import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import {
  EVIDENCE_STATUSES,
  ZEvidenceLinkRequest,
  ZEvidenceNote,
  ZEvidenceStatusRequest,
  type TEvidenceCell,
  type TEvidenceCellKey,
  type TEvidenceItem,
  type TEvidenceStatus,
} from '@faena/contracts'
import {
  Button,
  ConfirmDialog,
  Dialog,
  ErrorState,
  FormError,
  FormField,
  StatusBadge,
  useToast,
  type StatusTone,
} from '../../platform/components'
import { ServerFormError, fromText } from '../../platform/components/record-form'
import { errorMessage } from '../../platform/errors'
import { useCan, useFormat } from '../../platform/session'
import { useZodForm } from '../../platform/validation'
import {
  evidenceCellQuery,
  evidenceFileUrl,
  useAddEvidenceLink,
  useDeleteEvidenceItem,
  useSetEvidenceStatus,
  useUploadEvidence,
} from './evidence-api'
import { dCmp } from './exact'

export const STATUS_TONE: Record<TEvidenceStatus, StatusTone> = {
  pending: 'warning',
  in_process: 'info',
  missing_client_signature: 'neutral',
  signed: 'success',
  rejected: 'danger',
}

const LAT = /^-?\d{1,2}(\.\d{1,8})?$/
const LNG = /^-?\d{1,3}(\.\d{1,8})?$/
/** The location's field error, or null when it can be sent (both empty is no location). */
export function checkLocation(lat: string, lng: string): 'pair' | 'format' | null {
  const a = lat.trim()
  const b = lng.trim()
  if (!a && !b) return null
  if (!a || !b) return 'pair'
  if (!LAT.test(a) || !LNG.test(b) || Math.abs(Number(a)) > 90 || Math.abs(Number(b)) > 180) return 'format'
  return null
}

export function EvidenceCellDialog({ cellKey, onClose }: { cellKey: TEvidenceCellKey; onClose: () => void }) {
  const { t } = useTranslation(['production', 'platform'])
  const fmt = useFormat()
  const q = useQuery(evidenceCellQuery(cellKey))
  const title = q.data
    ? t('evidence.cellTitle', { code: q.data.code, timeType: cellKey.timeType, date: fmt.date(cellKey.date) })
    : '…'
  return (
    <Dialog
      open
      onClose={onClose}
      size="lg"
      title={title}
      footer={<Button onClick={onClose}>{t('platform:actions.close')}</Button>}
    >
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data ? (
        <CellBody cell={q.data} />
      ) : (
        <p className="production__loading">…</p>
      )}
    </Dialog>
  )
}

function CellBody({ cell }: { cell: TEvidenceCell }) {
  const { t } = useTranslation(['production', 'platform'])
  const fmt = useFormat()
  const can = useCan()
  const hasProduction = dCmp(cell.volume, '0') > 0
  const canEdit = can('production.capture')
  const writable = canEdit && hasProduction
  const key: TEvidenceCellKey = {
    workOrderId: cell.workOrderId,
    siteId: cell.siteId,
    conceptId: cell.conceptId,
    date: cell.date,
    timeType: cell.timeType,
  }
  return (
    <div className="ev-cell">
      <p className="ev-cell__meta">
        <span>{cell.description}</span>
        <span>
          {t('evidence.dialog.annex')}: <strong>{cell.annex}</strong> · {t('evidence.dialog.volume')}:{' '}
          <strong>{fmt.quantity(cell.volume)}</strong> ·{' '}
          <StatusBadge tone={STATUS_TONE[cell.status]}>{t(`evidence.statuses.${cell.status}`)}</StatusBadge>
        </span>
      </p>
      {!hasProduction ? <p className="ev-cell__warn">{t('evidence.dialog.noProduction')}</p> : null}
      {!canEdit ? <p className="production__muted">{t('evidence.dialog.readOnly')}</p> : null}
      {writable ? <StatusForm cell={cell} cellKey={key} /> : null}
      <ItemList cell={cell} canDelete={canEdit} />
      {writable ? <UploadForm cellKey={key} /> : null}
      {writable ? <LinkForm cellKey={key} /> : null}
    </div>
  )
}

/** The status form: the contract's status and note; a rejection needs a note, signing needs a file or link. */
function StatusForm({ cell, cellKey }: { cell: TEvidenceCell; cellKey: TEvidenceCellKey }) {
  const { t } = useTranslation('production')
  const toast = useToast()
  const save = useSetEvidenceStatus()
  const schema = ZEvidenceStatusRequest.pick({ status: true })
    .extend({ note: fromText(ZEvidenceNote.nullable(), null) })
    .superRefine((v, ctx) => {
      if (v.status === 'rejected' && v.note === null)
        ctx.addIssue({ code: 'custom', path: ['note'], message: t('evidence.dialog.noteRequired') })
      if (v.status === 'signed' && cell.items.length === 0)
        ctx.addIssue({ code: 'custom', path: ['status'], message: t('evidence.dialog.signNeedsItems') })
    })
  const form = useZodForm(schema, { status: cell.status, note: cell.note ?? '' })
  const submit = form.submit((data) =>
    save.mutate(
      { ...cellKey, ...data },
      {
        onSuccess: () => toast.success(t('evidence.dialog.statusSaved')),
        onError: form.applyServerError,
      },
    ),
  )
  return (
    <form className="ev-cell__section" noValidate onSubmit={submit}>
      <ServerFormError error={save.error} errors={form.errors} />
      <div className="ev-cell__row">
        <FormField label={t('evidence.dialog.status')} error={form.errors.status}>
          {(p) => (
            <select {...p} className="input" data-testid="evidence-status" {...form.register('status')}>
              {EVIDENCE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`evidence.statuses.${s}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          label={t('evidence.dialog.note')}
          required={form.values.status === 'rejected'}
          error={form.errors.note}
          hint={form.errors.note ? undefined : t('evidence.dialog.noteHint')}
          className="ev-cell__grow"
        >
          {(p) => (
            <textarea
              {...p}
              className="input textarea"
              rows={2}
              maxLength={600}
              data-testid="evidence-note"
              {...form.register('note')}
            />
          )}
        </FormField>
      </div>
      <div>
        <Button type="submit" variant="primary" loading={save.isPending}>
          {t('evidence.dialog.saveStatus')}
        </Button>
      </div>
    </form>
  )
}

function ItemList({ cell, canDelete }: { cell: TEvidenceCell; canDelete: boolean }) {
  const { t } = useTranslation(['production', 'platform'])
  const fmt = useFormat()
  const toast = useToast()
  const remove = useDeleteEvidenceItem()
  const [deleting, setDeleting] = useState<TEvidenceItem | null>(null)
  const nameOf = (i: TEvidenceItem) => (i.kind === 'file' ? (i.fileName ?? '') : (i.label ?? i.url ?? ''))
  return (
    <section className="ev-cell__section" aria-labelledby="ev-items-title">
      <h3 id="ev-items-title" className="ev-cell__h">
        {t('evidence.dialog.files')} ({cell.items.length})
      </h3>
      {cell.items.length === 0 ? (
        <p className="production__muted">{t('evidence.dialog.noItems')}</p>
      ) : (
        <ul className="ev-items">
          {cell.items.map((i) => (
            <li key={i.id} className="ev-items__item">
              <span className={`ev-items__kind ev-items__kind--${i.kind}`} aria-hidden="true">
                {i.kind === 'file' ? (i.mimeType === 'application/pdf' ? 'PDF' : 'IMG') : 'URL'}
              </span>
              <span className="ev-items__main">
                {i.kind === 'file' ? (
                  <a
                    href={evidenceFileUrl(i.id)}
                    target="_blank"
                    rel="noopener"
                    aria-label={t('evidence.dialog.download', { name: i.fileName ?? '' })}
                  >
                    {i.fileName}
                  </a>
                ) : (
                  <a href={i.url ?? '#'} target="_blank" rel="noopener noreferrer">
                    {i.label ?? i.url}
                  </a>
                )}
                <span className="ev-items__sub">
                  {i.takenAt ? `${t('evidence.dialog.takenAt')}: ${fmt.dateTime(i.takenAt)}` : null}
                  {i.latitude && i.longitude
                    ? ` · ${t('evidence.dialog.location')}: ${i.latitude}, ${i.longitude}`
                    : null}
                  {i.kind === 'link' && i.label ? i.url : null}
                </span>
              </span>
              {canDelete ? (
                <Button size="sm" variant="ghost" onClick={() => setDeleting(i)}>
                  {t('evidence.dialog.delete')}
                  <span className="visually-hidden"> {nameOf(i)}</span>
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={t('evidence.dialog.deleteTitle', { name: deleting ? nameOf(deleting) : '' })}
        confirmLabel={t('evidence.dialog.delete')}
        busy={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              toast.success(t('evidence.dialog.deleted'))
              setDeleting(null)
            },
            onError: (e) => {
              setDeleting(null)
              toast.failure(e)
            },
          })
        }
      >
        <p>{t('evidence.dialog.deleteBody')}</p>
      </ConfirmDialog>
    </section>
  )
}

function UploadForm({ cellKey }: { cellKey: TEvidenceCellKey }) {
  const { t } = useTranslation('production')
  const toast = useToast()
  const upload = useUploadEvidence()
  const [files, setFiles] = useState<File[]>([])
  const [takenAt, setTakenAt] = useState('')
  const [lat, setLat] = useState('')
  const [lng, setLng] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [inputKey, setInputKey] = useState(0)
  const busy = upload.isPending

  const locate = () =>
    navigator.geolocation?.getCurrentPosition(
      (p) => {
        setLat(p.coords.latitude.toFixed(6))
        setLng(p.coords.longitude.toFixed(6))
      },
      () => setError(t('evidence.dialog.locationUnavailable')),
    )

  const submit = async () => {
    setError(null)
    if (files.length === 0) return setError(t('evidence.dialog.pickFiles'))
    const loc = checkLocation(lat, lng)
    if (loc)
      return setError(t(loc === 'pair' ? 'evidence.dialog.locationPair' : 'evidence.dialog.locationFormat'))
    let done = 0
    try {
      for (const file of files) {
        await upload.mutateAsync({
          ...cellKey,
          file,
          takenAt: takenAt ? new Date(takenAt).toISOString() : new Date(file.lastModified).toISOString(),
          latitude: lat.trim() || undefined,
          longitude: lng.trim() || undefined,
        })
        done++
      }
      toast.success(t('evidence.dialog.uploaded', { count: done }))
      setFiles([])
      setInputKey((k) => k + 1)
    } catch (e) {
      setFiles(files.slice(done))
      setError(errorMessage(e))
    }
  }

  return (
    <form
      className="ev-cell__section"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <h3 className="ev-cell__h">{t('evidence.dialog.upload')}</h3>
      <FormError>{error}</FormError>
      <FormField label={t('evidence.dialog.chooseFiles')} hint={t('evidence.dialog.uploadHint')}>
        {(p) => (
          <input
            {...p}
            key={inputKey}
            type="file"
            multiple
            accept="image/png,image/jpeg,application/pdf"
            data-testid="evidence-files"
            onChange={(e) => {
              setFiles([...(e.target.files ?? [])])
              setError(null)
            }}
          />
        )}
      </FormField>
      <div className="ev-cell__row">
        <FormField label={t('evidence.dialog.takenAtLabel')} hint={t('evidence.dialog.takenAtHint')}>
          {(p) => (
            <input
              {...p}
              className="input"
              type="datetime-local"
              value={takenAt}
              onChange={(e) => setTakenAt(e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('evidence.dialog.latitude')}>
          {(p) => (
            <input
              {...p}
              className="input ev-cell__coord"
              inputMode="decimal"
              value={lat}
              onChange={(e) => setLat(e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('evidence.dialog.longitude')}>
          {(p) => (
            <input
              {...p}
              className="input ev-cell__coord"
              inputMode="decimal"
              value={lng}
              onChange={(e) => setLng(e.target.value)}
            />
          )}
        </FormField>
        <Button onClick={locate} disabled={busy} className="ev-cell__locate">
          {t('evidence.dialog.useLocation')}
        </Button>
      </div>
      <div>
        <Button type="submit" variant="primary" loading={busy} disabled={files.length === 0}>
          {t('evidence.dialog.uploadButton', { count: Math.max(files.length, 1) })}
        </Button>
      </div>
    </form>
  )
}

/** A link: the contract's url (http or https) and optional label. */
function LinkForm({ cellKey }: { cellKey: TEvidenceCellKey }) {
  const { t } = useTranslation('production')
  const toast = useToast()
  const add = useAddEvidenceLink()
  const L = ZEvidenceLinkRequest.shape
  const schema = z.object({
    url: z
      .string()
      .trim()
      .regex(/^https?:\/\/\S+$/i, t('evidence.dialog.urlFormat'))
      .pipe(L.url),
    label: fromText(L.label, null),
  })
  const form = useZodForm(schema, { url: '', label: '' })
  const submit = form.submit((data) =>
    add.mutate(
      { ...cellKey, ...data },
      {
        onSuccess: () => {
          toast.success(t('evidence.dialog.linkAdded'))
          form.reset({ url: '', label: '' })
        },
        onError: form.applyServerError,
      },
    ),
  )
  return (
    <form className="ev-cell__section" noValidate onSubmit={submit}>
      <h3 className="ev-cell__h">{t('evidence.dialog.addLink')}</h3>
      <ServerFormError error={add.error} errors={form.errors} />
      <div className="ev-cell__row">
        <FormField
          label={t('evidence.dialog.url')}
          required
          error={form.errors.url}
          className="ev-cell__grow"
        >
          {(p) => <input {...p} className="input" type="url" {...form.register('url')} />}
        </FormField>
        <FormField label={t('evidence.dialog.label')} error={form.errors.label} className="ev-cell__grow">
          {(p) => <input {...p} className="input" maxLength={200} {...form.register('label')} />}
        </FormField>
      </div>
      <div>
        <Button type="submit" loading={add.isPending}>
          {t('evidence.dialog.addLink')}
        </Button>
      </div>
    </form>
  )
}
