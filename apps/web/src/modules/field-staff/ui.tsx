/** Pieces shared by the field-staff screens: status badges, the documents, vaccines and files panels. */
import { useRef, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import {
  ZComplianceDocumentInput,
  type TComplianceDocument,
  type TComplianceFile,
  type TComplianceOwnerKind,
  type TComplianceStatus,
  type TVaccine,
} from '@faena/contracts'
import {
  Button,
  ConfirmDialog,
  Dialog,
  FormError,
  FormField,
  Icon,
  StatusBadge,
  useToast,
  type StatusTone,
} from '../../platform/components'
import { errorMessage, errorReference } from '../../platform/errors'
import { useFormat } from '../../platform/session'
import { useZodForm } from '../../platform/validation'
import {
  kindsQuery,
  useAddVaccine,
  useDeleteDocument,
  useDeleteFile,
  useDeleteVaccine,
  useSaveDocument,
  useUploadFile,
} from './api'
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

type DocForm = {
  kindId: string
  subject: string
  number: string
  issuedOn: string
  expiresOn: string
  notes: string
}

const DocumentDialog = ({
  owner,
  ownerId,
  doc,
  onClose,
}: {
  owner: TComplianceOwnerKind
  ownerId: string
  doc: TComplianceDocument | null
  onClose: () => void
}) => {
  const { t } = useTranslation(['field-staff', 'platform'])
  const toast = useToast()
  const kinds = useQuery(kindsQuery())
  const save = useSaveDocument(owner, ownerId)
  const [v, setV] = useState<DocForm>({
    kindId: doc?.kindId ?? '',
    subject: doc?.subject ?? '',
    number: doc?.number ?? '',
    issuedOn: doc?.issuedOn ?? '',
    expiresOn: doc?.expiresOn ?? '',
    notes: doc?.notes ?? '',
  })
  const form = useZodForm(ZComplianceDocumentInput, { kindId: v.kindId, expiresOn: v.expiresOn })
  const [formError, setFormError] = useState<string | null>(null)
  const set = (k: keyof DocForm, value: string) => setV((x) => ({ ...x, [k]: value }))
  const options = (kinds.data ?? []).filter((k) => k.ownerKind === owner && (k.active || k.id === v.kindId))

  const submit = () => {
    setFormError(null)
    const parsed = ZComplianceDocumentInput.safeParse({
      kindId: v.kindId,
      subject: orNull(v.subject),
      number: orNull(v.number),
      issuedOn: orNull(v.issuedOn),
      expiresOn: v.expiresOn,
      notes: orNull(v.notes),
    })
    if (!parsed.success) {
      form.setErrors(
        Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.') || '_form', i.message])),
      )
      return
    }
    save.mutate(
      { ...(doc ? { id: doc.id } : {}), body: parsed.data },
      {
        onSuccess: () => {
          toast.success(t('documents.saved'))
          onClose()
        },
        onError: (e) => {
          if (!form.applyServerError(e))
            setFormError(errorLine(e, (id) => t('platform:errors.reference', { id })))
        },
      },
    )
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title={doc ? t('documents.editTitle', { kind: doc.kindName }) : t('documents.newTitle')}
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose} disabled={save.isPending}>
            {t('platform:actions.cancel')}
          </Button>
          <Button type="submit" variant="primary" loading={save.isPending} data-testid="document-save">
            {t('platform:actions.save')}
          </Button>
        </>
      }
    >
      <FormError>{formError}</FormError>
      <div className="form-grid">
        <FormField label={t('documents.fields.kind')} error={form.errors.kindId} required className="fs-wide">
          {(p) => (
            <select
              {...p}
              className="input"
              value={v.kindId}
              onChange={(e) => set('kindId', e.target.value)}
              data-testid="document-kind"
            >
              <option value="">{t('documents.chooseKind')}</option>
              {options.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          label={t('documents.fields.subject')}
          hint={t('documents.fields.subjectHint')}
          error={form.errors.subject}
        >
          {(p) => (
            <input
              {...p}
              className="input"
              value={v.subject}
              onChange={(e) => set('subject', e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('documents.fields.number')} error={form.errors.number}>
          {(p) => (
            <input
              {...p}
              className="input"
              value={v.number}
              onChange={(e) => set('number', e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('documents.fields.issuedOn')} error={form.errors.issuedOn}>
          {(p) => (
            <input
              {...p}
              className="input"
              type="date"
              value={v.issuedOn}
              onChange={(e) => set('issuedOn', e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('documents.fields.expiresOn')} error={form.errors.expiresOn} required>
          {(p) => (
            <input
              {...p}
              className="input"
              type="date"
              value={v.expiresOn}
              onChange={(e) => set('expiresOn', e.target.value)}
              data-testid="document-expires"
            />
          )}
        </FormField>
        <FormField label={t('documents.fields.notes')} error={form.errors.notes} className="fs-wide">
          {(p) => (
            <textarea
              {...p}
              className="input textarea"
              rows={2}
              value={v.notes}
              onChange={(e) => set('notes', e.target.value)}
            />
          )}
        </FormField>
      </div>
    </Dialog>
  )
}

/** The documents of a person or vehicle with their status; add, edit and remove (with confirmation). */
export const DocumentsPanel = ({
  owner,
  ownerId,
  documents,
  canManage,
}: {
  owner: TComplianceOwnerKind
  ownerId: string
  documents: TComplianceDocument[]
  canManage: boolean
}) => {
  const { t } = useTranslation(['field-staff', 'platform'])
  const fmt = useFormat()
  const when = useWhen()
  const toast = useToast()
  const remove = useDeleteDocument(owner, ownerId)
  const [editing, setEditing] = useState<{ doc: TComplianceDocument | null } | null>(null)
  const [removing, setRemoving] = useState<TComplianceDocument | null>(null)
  const [error, setError] = useState<string | null>(null)
  return (
    <section className="card" aria-labelledby="fs-documents">
      <div className="fs-panel__head">
        <h2 id="fs-documents" className="section-title">
          {owner === 'staff' ? t('documents.titleStaff') : t('documents.titleVehicle')}
        </h2>
        {canManage ? (
          <Button
            size="sm"
            icon={<Icon name="plus" />}
            onClick={() => setEditing({ doc: null })}
            data-testid="add-document"
          >
            {t('documents.add')}
          </Button>
        ) : null}
      </div>
      <FormError>{error}</FormError>
      {documents.length === 0 ? (
        <p className="muted">{t('documents.empty')}</p>
      ) : (
        <table className="fs-table">
          <thead>
            <tr>
              <th scope="col">{t('documents.fields.kind')}</th>
              <th scope="col">{t('documents.fields.number')}</th>
              <th scope="col">{t('documents.fields.expiresOn')}</th>
              <th scope="col">{t('documents.fields.status')}</th>
              {canManage ? <th scope="col" aria-label={t('platform:actions.edit')} /> : null}
            </tr>
          </thead>
          <tbody>
            {documents.map((d) => (
              <tr key={d.id} data-testid="document-row">
                <td>
                  <span className="cell-strong">{d.kindName}</span>
                  {d.subject ? <span className="fs-sub">{d.subject}</span> : null}
                </td>
                <td>{d.number ?? t('common.none')}</td>
                <td>
                  {fmt.date(d.expiresOn)}
                  <span className="fs-sub">{when(d.daysLeft)}</span>
                </td>
                <td>
                  <ComplianceBadge status={d.status} />
                </td>
                {canManage ? (
                  <td className="fs-actions">
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => setEditing({ doc: d })}
                      aria-label={t('documents.editTitle', { kind: d.kindName })}
                    >
                      {t('common.edit')}
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => setRemoving(d)}
                      aria-label={t('documents.deleteTitle', { kind: d.kindName })}
                    >
                      <Icon name="close" />
                    </Button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing ? (
        <DocumentDialog owner={owner} ownerId={ownerId} doc={editing.doc} onClose={() => setEditing(null)} />
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title={t('documents.deleteTitle', { kind: removing?.kindName ?? '' })}
        confirmLabel={t('common.remove')}
        tone="danger"
        busy={remove.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.id, {
            onSuccess: () => {
              toast.success(t('documents.deleted'))
              setRemoving(null)
            },
            onError: (e) => {
              setRemoving(null)
              setError(errorMessage(e))
            },
          })
        }
      >
        <p>{t('documents.deleteBody')}</p>
      </ConfirmDialog>
    </section>
  )
}

/** A person's vaccines, dose by dose. */
export const VaccinesPanel = ({
  staffId,
  vaccines,
  canManage,
}: {
  staffId: string
  vaccines: TVaccine[]
  canManage: boolean
}) => {
  const { t } = useTranslation(['field-staff', 'platform'])
  const fmt = useFormat()
  const toast = useToast()
  const add = useAddVaccine(staffId)
  const remove = useDeleteVaccine(staffId)
  const [v, setV] = useState({ vaccine: '', doseNumber: '1', appliedOn: '' })
  const [error, setError] = useState<string | null>(null)
  const [removing, setRemoving] = useState<TVaccine | null>(null)
  const submit = () => {
    setError(null)
    add.mutate(
      { vaccine: v.vaccine.trim(), doseNumber: Number(v.doseNumber), appliedOn: v.appliedOn },
      {
        onSuccess: () => {
          toast.success(t('vaccines.added'))
          setV({ vaccine: v.vaccine, doseNumber: String(Number(v.doseNumber) + 1), appliedOn: '' })
        },
        onError: (e) => setError(errorMessage(e)),
      },
    )
  }
  return (
    <section className="card" aria-labelledby="fs-vaccines">
      <div className="fs-panel__head">
        <h2 id="fs-vaccines" className="section-title">
          {t('vaccines.title')}
        </h2>
      </div>
      {vaccines.length === 0 ? (
        <p className="muted">{t('vaccines.empty')}</p>
      ) : (
        <table className="fs-table">
          <thead>
            <tr>
              <th scope="col">{t('vaccines.fields.vaccine')}</th>
              <th scope="col">{t('vaccines.fields.doseNumber')}</th>
              <th scope="col">{t('vaccines.fields.appliedOn')}</th>
              {canManage ? <th scope="col" aria-label={t('common.remove')} /> : null}
            </tr>
          </thead>
          <tbody>
            {vaccines.map((x) => (
              <tr key={x.id}>
                <td>{x.vaccine}</td>
                <td>{x.doseNumber}</td>
                <td>{fmt.date(x.appliedOn)}</td>
                {canManage ? (
                  <td className="fs-actions">
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => setRemoving(x)}
                      aria-label={t('vaccines.deleteTitle', { dose: x.doseNumber, vaccine: x.vaccine })}
                    >
                      <Icon name="close" />
                    </Button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canManage ? (
        <form
          className="fs-inline-form"
          onSubmit={(e) => {
            e.preventDefault()
            submit()
          }}
        >
          <FormField label={t('vaccines.fields.vaccine')}>
            {(p) => (
              <input
                {...p}
                className="input"
                value={v.vaccine}
                onChange={(e) => setV({ ...v, vaccine: e.target.value })}
                required
              />
            )}
          </FormField>
          <FormField label={t('vaccines.fields.doseNumber')}>
            {(p) => (
              <input
                {...p}
                className="input"
                type="number"
                min={1}
                max={10}
                value={v.doseNumber}
                onChange={(e) => setV({ ...v, doseNumber: e.target.value })}
              />
            )}
          </FormField>
          <FormField label={t('vaccines.fields.appliedOn')}>
            {(p) => (
              <input
                {...p}
                className="input"
                type="date"
                value={v.appliedOn}
                onChange={(e) => setV({ ...v, appliedOn: e.target.value })}
                required
              />
            )}
          </FormField>
          <Button type="submit" loading={add.isPending} icon={<Icon name="plus" />}>
            {t('vaccines.add')}
          </Button>
        </form>
      ) : null}
      <FormError>{error}</FormError>
      <ConfirmDialog
        open={removing !== null}
        title={t('vaccines.deleteTitle', {
          dose: removing?.doseNumber ?? '',
          vaccine: removing?.vaccine ?? '',
        })}
        confirmLabel={t('common.remove')}
        tone="danger"
        busy={remove.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.id, {
            onSuccess: () => {
              toast.success(t('vaccines.deleted'))
              setRemoving(null)
            },
            onError: (e) => {
              setRemoving(null)
              setError(errorMessage(e))
            },
          })
        }
      />
    </section>
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
      <ConfirmDialog
        open={removing !== null}
        title={t('files.deleteTitle', { name: removing?.name ?? '' })}
        confirmLabel={t('common.remove')}
        tone="danger"
        busy={remove.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.id, {
            onSuccess: () => {
              toast.success(t('files.deleted'))
              setRemoving(null)
            },
            onError: (e) => {
              setRemoving(null)
              setError(errorMessage(e))
            },
          })
        }
      />
    </section>
  )
}
