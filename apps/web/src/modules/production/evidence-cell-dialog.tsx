/**
 * One evidence cell (docs/production.md#evidence-gpu): its status (a rejection asks for a note, signing needs a
 * file or link), its files and links (download, delete after a confirmation), upload of several files (PNG, JPEG,
 * PDF) with the time taken and an optional location, and a link.
 */
import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import {
  EVIDENCE_STATUSES,
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
import { errorMessage } from '../../platform/errors'
import { useCan, useFormat } from '../../platform/session'
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

function StatusForm({ cell, cellKey }: { cell: TEvidenceCell; cellKey: TEvidenceCellKey }) {
  const { t } = useTranslation('production')
  const toast = useToast()
  const save = useSetEvidenceStatus()
  const [status, setStatus] = useState<TEvidenceStatus>(cell.status)
  const [note, setNote] = useState(cell.note ?? '')
  const [errors, setErrors] = useState<{ note?: string; status?: string; form?: string }>({})
  const submit = () => {
    const e: typeof errors = {}
    if (status === 'rejected' && !note.trim()) e.note = t('evidence.dialog.noteRequired')
    if (note.trim().length > 500) e.note = t('evidence.dialog.noteHint')
    if (status === 'signed' && cell.items.length === 0) e.status = t('evidence.dialog.signNeedsItems')
    setErrors(e)
    if (Object.keys(e).length) return
    save.mutate(
      { ...cellKey, status, note: note.trim() || null },
      {
        onSuccess: () => toast.success(t('evidence.dialog.statusSaved')),
        onError: (err) => setErrors({ form: errorMessage(err) }),
      },
    )
  }
  return (
    <form
      className="ev-cell__section"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <FormError>{errors.form ?? null}</FormError>
      <div className="ev-cell__row">
        <FormField label={t('evidence.dialog.status')} error={errors.status}>
          {(p) => (
            <select
              {...p}
              className="input"
              data-testid="evidence-status"
              value={status}
              onChange={(e) => {
                setStatus(e.target.value as TEvidenceStatus)
                setErrors({})
              }}
            >
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
          required={status === 'rejected'}
          error={errors.note}
          hint={errors.note ? undefined : t('evidence.dialog.noteHint')}
          className="ev-cell__grow"
        >
          {(p) => (
            <textarea
              {...p}
              className="input textarea"
              rows={2}
              maxLength={600}
              data-testid="evidence-note"
              value={note}
              onChange={(e) => {
                setNote(e.target.value)
                setErrors({})
              }}
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

function LinkForm({ cellKey }: { cellKey: TEvidenceCellKey }) {
  const { t } = useTranslation('production')
  const toast = useToast()
  const add = useAddEvidenceLink()
  const [url, setUrl] = useState('')
  const [label, setLabel] = useState('')
  const [error, setError] = useState<string | null>(null)
  const submit = () => {
    const u = url.trim()
    if (!/^https?:\/\/\S+$/i.test(u)) return setError(t('evidence.dialog.urlFormat'))
    add.mutate(
      { ...cellKey, url: u, label: label.trim() || null },
      {
        onSuccess: () => {
          toast.success(t('evidence.dialog.linkAdded'))
          setUrl('')
          setLabel('')
        },
        onError: (e) => setError(errorMessage(e)),
      },
    )
  }
  return (
    <form
      className="ev-cell__section"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <h3 className="ev-cell__h">{t('evidence.dialog.addLink')}</h3>
      <div className="ev-cell__row">
        <FormField
          label={t('evidence.dialog.url')}
          required
          error={error ?? undefined}
          className="ev-cell__grow"
        >
          {(p) => (
            <input
              {...p}
              className="input"
              type="url"
              value={url}
              onChange={(e) => {
                setUrl(e.target.value)
                setError(null)
              }}
            />
          )}
        </FormField>
        <FormField label={t('evidence.dialog.label')} className="ev-cell__grow">
          {(p) => (
            <input
              {...p}
              className="input"
              value={label}
              maxLength={200}
              onChange={(e) => setLabel(e.target.value)}
            />
          )}
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
