import { useTranslation } from 'react-i18next'
import type { TAuditEntry } from '@faena/contracts'
import { useAuditLabels } from './audit-labels'

/** Field-level changes of one entry: field, old → new. */
export const AuditChanges = ({ entry }: { entry: TAuditEntry }) => {
  const { t } = useTranslation('audit')
  const l = useAuditLabels()
  if (entry.changes.length === 0) return <p className="muted">{t('detail.noChanges')}</p>
  return (
    <table className="table table--dense changes">
      <caption className="visually-hidden">{t('detail.changes')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('detail.field')}</th>
          <th scope="col">{t('detail.old')}</th>
          <th scope="col" className="changes__arrow" aria-hidden="true" />
          <th scope="col">{t('detail.new')}</th>
        </tr>
      </thead>
      <tbody>
        {entry.changes.map((c) => (
          <tr key={c.field}>
            <th scope="row">{l.field(entry.module, entry.entityType, c.field)}</th>
            <td className="changes__old">{l.value(c.field, c.old, entry)}</td>
            <td className="changes__arrow" aria-hidden="true">
              →
            </td>
            <td className="changes__new">{l.value(c.field, c.new, entry)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** The expanded row of the audit table: changes, extra data and request metadata. */
export const AuditDetail = ({ entry }: { entry: TAuditEntry }) => {
  const { t } = useTranslation('audit')
  const l = useAuditLabels()
  const summary = l.summary(entry)
  const data = l.dataRows(entry)
  const subject = entry.entityId ? entry.refs[entry.entityId] : undefined
  return (
    <div className="audit-detail">
      <section className="audit-detail__changes">
        <h3 className="audit-detail__title">{t('detail.changes')}</h3>
        <AuditChanges entry={entry} />
      </section>
      <section className="audit-detail__meta">
        {summary || data.length > 0 ? (
          <>
            <h3 className="audit-detail__title">{t('detail.data')}</h3>
            {summary ? <p className="audit-detail__summary">{summary}</p> : null}
            <dl className="deflist deflist--compact">
              {data.map((d) => (
                <div key={d.key} className="deflist__row">
                  <dt>{d.label}</dt>
                  <dd>{d.value}</dd>
                </div>
              ))}
            </dl>
          </>
        ) : null}
        <dl className="deflist deflist--compact">
          {subject ? (
            <div className="deflist__row">
              <dt>{l.entity(entry.module, entry.entityType)}</dt>
              <dd>{subject}</dd>
            </div>
          ) : null}
          {entry.entityId ? (
            <div className="deflist__row">
              <dt>{t('detail.entityId')}</dt>
              <dd className="mono">{entry.entityId}</dd>
            </div>
          ) : null}
          {entry.requestId ? (
            <div className="deflist__row">
              <dt>{t('detail.requestId')}</dt>
              <dd className="mono">{entry.requestId}</dd>
            </div>
          ) : null}
          {entry.ip ? (
            <div className="deflist__row">
              <dt>{t('detail.ip')}</dt>
              <dd className="mono">{entry.ip}</dd>
            </div>
          ) : null}
          {entry.userAgent ? (
            <div className="deflist__row">
              <dt>{t('detail.userAgent')}</dt>
              <dd className="audit-detail__ua">{entry.userAgent}</dd>
            </div>
          ) : null}
        </dl>
      </section>
    </div>
  )
}
