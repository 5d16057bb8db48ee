/** Add or edit a compliance document of a person or vehicle. */
import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import {
  ZComplianceDocumentInput,
  type TComplianceDocument,
  type TComplianceOwnerKind,
} from '@faena/contracts'
import { Button, Dialog, FormError, FormField, useToast } from '../../platform/components'
import { useZodForm } from '../../platform/validation'
import { kindsQuery, useSaveDocument } from './api'
import { errorLine, orNull } from './ui'

type DocForm = {
  kindId: string
  subject: string
  number: string
  issuedOn: string
  expiresOn: string
  notes: string
}

export const DocumentDialog = ({
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
