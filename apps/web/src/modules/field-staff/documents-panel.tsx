import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type TComplianceDocument, type TComplianceOwnerKind } from '@faena/contracts'
import { Button, FormError, Icon } from '../../platform/components'
import { useFormat } from '../../platform/session'
import { useDeleteDocument } from './api'
import { ComplianceBadge, RemoveConfirm, useWhen } from './ui'
import { DocumentDialog } from './document-dialog'

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
      <RemoveConfirm
        removing={removing}
        setRemoving={setRemoving}
        remove={remove}
        title={t('documents.deleteTitle', { kind: removing?.kindName ?? '' })}
        done={t('documents.deleted')}
        setError={setError}
      >
        <p>{t('documents.deleteBody')}</p>
      </RemoveConfirm>
    </section>
  )
}
