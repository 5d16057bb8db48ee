/**
 * The detail page frame of a field document (id from the URL): loading and not-found states, the header
 * with number, status, PDF, edit and the lifecycle actions the server allows, the type's body, the PDF
 * attachments and the history.
 */
import { useState, type ReactNode } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link, useParams } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { downloadFile } from '../../platform/api'
import {
  Button,
  Icon,
  PageHeader,
  PageLoadError,
  PagePending,
  buttonClass,
  useToast,
} from '../../platform/components'
import { useCan, useFormat, useMe } from '../../platform/session'
import { AuditHistory } from '../audit'
import { ENTITY, docDetailQuery, pdfUrl, type AnyDetail, type DetailOf, type DocKind } from './api'
import { Attachments } from './attachments'
import { StatusActions } from './status-actions'
import { BackLink, DocStatus, ROUTES } from './ui'

/** Widens a generic kind to the union (translation keys are checked against the union). */
const kindOf = (k: DocKind): DocKind => k

/** Texts, formats and the organization's currency for a type's detail body. */
export const useDetailFormat = () => {
  const { t } = useTranslation('rental-documents')
  const fmt = useFormat()
  const currency = useMe().organization.currencies[0] ?? 'USD'
  return { t, fmt, currency }
}

export const DocumentDetail = <K extends DocKind>({
  kind,
  children,
}: {
  kind: K
  children: (d: DetailOf<K>) => ReactNode
}) => {
  const { t } = useTranslation(['rental-documents', 'platform'])
  const { id = '' } = useParams({ strict: false })
  const toast = useToast()
  const can = useCan()
  const detail = useQuery(docDetailQuery(kind, id))
  const [downloading, setDownloading] = useState(false)

  if (detail.isPending) return <PagePending />
  if (detail.isError) {
    return (
      <PageLoadError
        error={detail.error}
        onRetry={() => void detail.refetch()}
        breadcrumb={<BackLink kind={kind} />}
        title={t(`kinds.${kindOf(kind)}.title`)}
        notFound={{
          title: t('detail.notFound'),
          action: (
            <Link to={ROUTES[kind].list} className={buttonClass('primary')}>
              {t('detail.back')}
            </Link>
          ),
        }}
      />
    )
  }

  const d = detail.data as DetailOf<K> & AnyDetail
  const downloadPdf = async () => {
    setDownloading(true)
    try {
      await downloadFile(pdfUrl(kind, id))
    } catch (e) {
      toast.failure(e)
    } finally {
      setDownloading(false)
    }
  }

  return (
    <div className="page rd-detail">
      <PageHeader
        breadcrumb={<BackLink kind={kind} />}
        title={
          <>
            {`${t(`kinds.${kindOf(kind)}.one`)} N.º ${d.displayNumber}`} <DocStatus status={d.status} />
          </>
        }
        subtitle={`${d.projectName} — ${d.clientName}`}
        actions={
          <>
            <Button
              icon={<Icon name="download" />}
              loading={downloading}
              onClick={() => void downloadPdf()}
              data-testid="download-pdf"
            >
              {t('detail.pdf')}
            </Button>
            {d.allowedActions.includes('update') ? (
              <Link to={ROUTES[kind].edit} params={{ id }} className={buttonClass('secondary')}>
                {t('detail.edit')}
              </Link>
            ) : null}
            <StatusActions kind={kind} id={id} allowed={d.allowedActions} />
          </>
        }
      />
      {d.statusReason && (d.status === 'void' || d.status === 'cancelled') ? (
        <p className="rd-notice" role="note">
          {t('detail.statusReason', { reason: d.statusReason })}
        </p>
      ) : null}
      {children(d)}
      <Attachments kind={kind} detail={d} />
      {can('audit.read') ? (
        <section className="card">
          <AuditHistory
            entityType={ENTITY[kind]}
            entityId={id}
            module="rental-documents"
            title={t('detail.history')}
          />
        </section>
      ) : null}
    </div>
  )
}
