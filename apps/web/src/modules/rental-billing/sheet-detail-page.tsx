import { useId, useState, type ReactNode } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate, useParams } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import type { TBillingSheetDetail, TBillingSheetLine } from '@faena/contracts'
import { downloadFile, isApiError } from '../../platform/api'
import { EInvoiceCard } from '../e-invoicing'
import { SheetDossierButton } from '../rental-dossiers'
import { SheetChainScansButton } from '../rental-documents'
import {
  Button,
  ConfirmDialog,
  Dialog,
  ErrorState,
  PageLoadError,
  PagePending,
  FormError,
  FormField,
  Icon,
  PageHeader,
  buttonClass,
  useToast,
} from '../../platform/components'
import { todayIn } from '../../platform/format'
import { useFormat, useMe } from '../../platform/session'
import { AuditHistory } from '../audit'
import {
  certificatePdfUrl,
  certificateQuery,
  fileUrl,
  sheetDetailQuery,
  sheetExcelUrl,
  sheetPdfUrl,
  useCancelSheet,
  useCreateCertificate,
  useDeleteSheet,
  useInvoice,
  useLiquidate,
  useRefreshCertificate,
  useRemoveLine,
  useReopen,
  useResetDays,
  useRestoreLine,
  useSaveDays,
  useUpdateSheet,
} from './api'
import { DaysGrid } from './days-grid'
import { SheetStatusPill } from './ui'

type Confirm = 'liquidate' | 'reopen' | 'cancel' | 'delete' | null

/** The tax rate fraction ('0.1500') as a percentage for labels, formatted by the platform. */
const useRate = (rate: string) => useFormat().percent(rate, { ratio: true, maxFractionDigits: 2 })

const HeaderCard = ({ s }: { s: TBillingSheetDetail }) => {
  const { t } = useTranslation(['rental-billing', 'platform'])
  const fmt = useFormat()
  const item = (label: string, value: ReactNode, wide = false) => (
    <div className={wide ? 'rb-dl__item rb-dl__item--wide' : 'rb-dl__item'}>
      <dt>{label}</dt>
      <dd>{value ?? <span className="muted">—</span>}</dd>
    </div>
  )
  return (
    <section className="card rb-header" aria-labelledby="rb-header-title" data-testid="billing-sheet-header">
      <div className="rb-card-head">
        <h2 id="rb-header-title" className="section-title">
          {t('detail.header')}
        </h2>
        <SheetStatusPill status={s.status} />
      </div>
      {s.statusReason ? (
        <p className="rb-notice" role="note">
          {t('detail.statusReason', { reason: s.statusReason })}
        </p>
      ) : null}
      <dl className="rb-dl">
        {item(t('fields.project'), s.projectName)}
        {item(t('fields.client'), s.clientName)}
        {item(t('fields.taxId'), s.clientTaxId)}
        {item(t('fields.location'), s.projectLocation)}
        {item(t('fields.period'), `${fmt.date(s.periodStart)} – ${fmt.date(s.periodEnd)}`)}
        {item(t('fields.contactReference'), s.contactReference)}
        {item(t('fields.clientPoReference'), s.clientPoReference)}
        {item(t('fields.createdBy'), s.createdBy?.name)}
        {item(t('fields.createdAt'), fmt.dateTime(s.createdAt))}
        {s.liquidatedAt ? item(t('fields.liquidatedAt'), fmt.dateTime(s.liquidatedAt)) : null}
        {s.invoiceReference
          ? item(
              t('fields.invoice'),
              <>
                {s.invoiceReference}
                {s.invoiceFileId ? (
                  <>
                    {' · '}
                    <a href={fileUrl(s.invoiceFileId)} target="_blank" rel="noreferrer">
                      {t('detail.openInvoice')}
                    </a>
                  </>
                ) : null}
              </>,
            )
          : null}
        {s.cancelledAt ? item(t('fields.cancelledAt'), fmt.dateTime(s.cancelledAt)) : null}
        {s.notes ? item(t('fields.notes'), <span className="rb-pre">{s.notes}</span>, true) : null}
      </dl>
    </section>
  )
}

const TotalsCard = ({ s }: { s: TBillingSheetDetail }) => {
  const { t } = useTranslation('rental-billing')
  const fmt = useFormat()
  const currency = useMe().organization.currencies[0] ?? s.currency
  const rate = useRate(s.taxRate)
  return (
    <section className="card rb-totals" aria-labelledby="rb-totals-title" data-testid="billing-sheet-totals">
      <h2 id="rb-totals-title" className="section-title">
        {t('detail.totals')}
      </h2>
      <dl className="rb-money">
        <div>
          <dt>{t('fields.subtotal')}</dt>
          <dd data-testid="sheet-subtotal">{fmt.money(s.subtotal, currency)}</dd>
        </div>
        <div>
          <dt>{t('fields.taxWithRate', { rate })}</dt>
          <dd data-testid="sheet-tax">{fmt.money(s.tax, currency)}</dd>
        </div>
        <div className="rb-money__total">
          <dt>{t('fields.total')}</dt>
          <dd data-testid="sheet-total">{fmt.money(s.total, currency)}</dd>
        </div>
      </dl>
      <h3 className="rb-subtitle">{t('fields.volumes')}</h3>
      <dl className="rb-volumes">
        <div>
          <dt>{t('fields.gallons')}</dt>
          <dd>{fmt.quantity(s.gallons, { minFractionDigits: 2 })}</dd>
        </div>
        <div>
          <dt>{t('fields.barrels')}</dt>
          <dd>{fmt.quantity(s.barrels, { minFractionDigits: 2 })}</dd>
        </div>
        <div>
          <dt>{t('fields.cubicMeters')}</dt>
          <dd>{fmt.quantity(s.cubicMeters, { minFractionDigits: 2 })}</dd>
        </div>
      </dl>
    </section>
  )
}

const CertificateCard = ({ s }: { s: TBillingSheetDetail }) => {
  const { t } = useTranslation(['rental-billing', 'platform'])
  const fmt = useFormat()
  const toast = useToast()
  const cert = useQuery({ ...certificateQuery(s.certificate?.id ?? ''), enabled: Boolean(s.certificate) })
  const create = useCreateCertificate(s.id)
  const refresh = useRefreshCertificate(s.id)
  const [downloading, setDownloading] = useState(false)
  const canCreate = s.allowedActions.includes('createCertificate')
  const canRefresh = s.allowedActions.includes('refreshCertificate')

  const download = async (id: string) => {
    setDownloading(true)
    try {
      await downloadFile(certificatePdfUrl(id))
    } catch (e) {
      toast.failure(e)
    } finally {
      setDownloading(false)
    }
  }

  return (
    <section className="card rb-cert" aria-labelledby="rb-cert-title" data-testid="certificate-card">
      <div className="rb-card-head">
        <h2 id="rb-cert-title" className="section-title">
          {t('detail.certificate')}
        </h2>
        <div className="rb-card-head__actions">
          {s.certificate ? (
            <>
              {canRefresh ? (
                <Button
                  size="sm"
                  loading={refresh.isPending}
                  onClick={() =>
                    refresh.mutate(s.certificate!.id, {
                      onSuccess: () => toast.success(t('detail.certificateRefreshed')),
                      onError: (e) => toast.failure(e),
                    })
                  }
                >
                  {t('detail.certificateRefresh')}
                </Button>
              ) : null}
              <Button
                size="sm"
                icon={<Icon name="download" />}
                loading={downloading}
                onClick={() => void download(s.certificate!.id)}
              >
                {t('detail.pdf')}
              </Button>
            </>
          ) : canCreate ? (
            <Button
              size="sm"
              variant="primary"
              loading={create.isPending}
              onClick={() =>
                create.mutate(undefined, {
                  onSuccess: (c) => toast.success(t('detail.certificateCreated', { number: c.number })),
                  onError: (e) => toast.failure(e),
                })
              }
            >
              {t('detail.certificateCreate')}
            </Button>
          ) : null}
        </div>
      </div>
      {!s.certificate ? (
        <p className="muted">{t('detail.certificateNone')}</p>
      ) : cert.isError ? (
        <ErrorState error={cert.error} onRetry={() => void cert.refetch()} />
      ) : (
        <>
          <p className="rb-cert__number">
            <span className="cell-strong" data-testid="certificate-number">
              {s.certificate.number}
            </span>{' '}
            <span className="muted">· {fmt.date(s.certificate.issueDate)}</span>
          </p>
          <p className="muted rb-small">
            {s.status === 'in_progress' ? t('detail.certificateLive') : t('detail.certificateFrozen')}
          </p>
          {cert.data ? (
            cert.data.items.length === 0 ? (
              <p className="muted">{t('detail.certificateEmpty')}</p>
            ) : (
              <div className="table-wrap">
                <table className="table table--dense">
                  <caption className="visually-hidden">{t('detail.certificateItems')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('detail.certificateDate')}</th>
                      <th scope="col">{t('detail.certificateChain')}</th>
                      <th scope="col">{t('detail.certificateDescription')}</th>
                      <th scope="col">{t('detail.certificateTreatment')}</th>
                      <th scope="col" className="cell--end">
                        {t('fields.barrels')}
                      </th>
                      <th scope="col" className="cell--end">
                        {t('fields.cubicMeters')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {cert.data.items.map((it) => (
                      <tr key={it.custodyChainId}>
                        <td>{fmt.date(it.activityDate)}</td>
                        <td>{it.chainNumber}</td>
                        <td>{it.description}</td>
                        <td>{it.treatment}</td>
                        <td className="cell--end">{fmt.quantity(it.barrels, { minFractionDigits: 2 })}</td>
                        <td className="cell--end">
                          {fmt.quantity(it.cubicMeters, { minFractionDigits: 2 })}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row" colSpan={4} className="cell--end">
                        {t('fields.total')}
                      </th>
                      <td className="cell--end cell-strong">
                        {fmt.quantity(cert.data.totalBarrels, { minFractionDigits: 2 })}
                      </td>
                      <td className="cell--end cell-strong">
                        {fmt.quantity(cert.data.totalCubicMeters, { minFractionDigits: 2 })}
                      </td>
                    </tr>
                  </tfoot>
                </table>
              </div>
            )
          ) : null}
        </>
      )}
    </section>
  )
}

const InvoiceDialog = ({ s, onClose }: { s: TBillingSheetDetail; onClose: () => void }) => {
  const { t } = useTranslation(['rental-billing', 'platform'])
  const toast = useToast()
  const id = useId()
  const invoice = useInvoice(s.id)
  const [reference, setReference] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})

  const submit = () => {
    const e: Record<string, string> = {}
    if (!reference.trim()) e.invoiceReference = t('platform:validation.required')
    if (!file) e.invoiceFileId = t('detail.invoiceFileRequired')
    else if (!/\.pdf$/i.test(file.name) && file.type !== 'application/pdf')
      e.invoiceFileId = t('detail.invoiceNotPdf')
    setErrors(e)
    if (Object.keys(e).length > 0 || !file) return
    invoice.mutate(
      { invoiceReference: reference.trim(), file },
      {
        onSuccess: () => {
          toast.success(t('detail.invoiced'))
          onClose()
        },
        onError: (err) => {
          if (isApiError(err) && err.details.length > 0) {
            const fe: Record<string, string> = {}
            for (const d of err.details) fe[d.path === 'file' ? 'invoiceFileId' : d.path] ??= d.message
            setErrors(fe)
          }
        },
      },
    )
  }

  const formError =
    invoice.error && isApiError(invoice.error) && invoice.error.details.length === 0
      ? invoice.error.message
      : null

  return (
    <Dialog
      open
      title={t('detail.invoiceTitle', { code: s.seriesCode })}
      onClose={onClose}
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose} disabled={invoice.isPending}>
            {t('platform:actions.cancel')}
          </Button>
          <Button type="submit" variant="primary" loading={invoice.isPending}>
            {t('detail.invoice')}
          </Button>
        </>
      }
    >
      <p>{t('detail.invoiceBody')}</p>
      <FormError>{formError}</FormError>
      <FormField label={t('fields.invoiceReference')} error={errors.invoiceReference} required>
        {(p) => (
          <input
            {...p}
            className="input"
            value={reference}
            maxLength={100}
            autoComplete="off"
            onChange={(e) => setReference(e.target.value)}
          />
        )}
      </FormField>
      <FormField
        label={t('fields.invoiceFile')}
        error={errors.invoiceFileId}
        hint={t('detail.invoiceFileHint')}
        required
      >
        {(p) => (
          <input
            {...p}
            id={p.id || `${id}-file`}
            className="input"
            type="file"
            accept="application/pdf,.pdf"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        )}
      </FormField>
    </Dialog>
  )
}

const EditDialog = ({ s, onClose }: { s: TBillingSheetDetail; onClose: () => void }) => {
  const { t } = useTranslation(['rental-billing', 'platform'])
  const toast = useToast()
  const update = useUpdateSheet(s.id)
  const [values, setValues] = useState({
    notes: s.notes ?? '',
    clientPoReference: s.clientPoReference ?? '',
    contactReference: s.contactReference ?? '',
  })
  const errors: Record<string, string> = {}
  if (update.error && isApiError(update.error))
    for (const d of update.error.details) errors[d.path] ??= d.message
  const submit = () =>
    update.mutate(
      {
        notes: values.notes.trim() || null,
        clientPoReference: values.clientPoReference.trim() || null,
        contactReference: values.contactReference.trim() || null,
      },
      {
        onSuccess: () => {
          toast.success(t('detail.saved'))
          onClose()
        },
      },
    )
  return (
    <Dialog
      open
      title={t('detail.editTitle', { code: s.seriesCode })}
      onClose={onClose}
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose} disabled={update.isPending}>
            {t('platform:actions.cancel')}
          </Button>
          <Button type="submit" variant="primary" loading={update.isPending}>
            {t('platform:actions.save')}
          </Button>
        </>
      }
    >
      <FormField label={t('fields.clientPoReference')} error={errors.clientPoReference}>
        {(p) => (
          <input
            {...p}
            className="input"
            maxLength={100}
            value={values.clientPoReference}
            onChange={(e) => setValues((v) => ({ ...v, clientPoReference: e.target.value }))}
          />
        )}
      </FormField>
      <FormField label={t('fields.contactReference')} error={errors.contactReference}>
        {(p) => (
          <input
            {...p}
            className="input"
            maxLength={200}
            value={values.contactReference}
            onChange={(e) => setValues((v) => ({ ...v, contactReference: e.target.value }))}
          />
        )}
      </FormField>
      <FormField label={t('fields.notes')} error={errors.notes}>
        {(p) => (
          <textarea
            {...p}
            className="input textarea"
            rows={4}
            maxLength={2000}
            value={values.notes}
            onChange={(e) => setValues((v) => ({ ...v, notes: e.target.value }))}
          />
        )}
      </FormField>
    </Dialog>
  )
}

export const BillingSheetDetailPage = () => {
  const { t } = useTranslation(['rental-billing', 'platform'])
  const { id } = useParams({ from: '/app/rental/billing-sheets/$id' })
  const navigate = useNavigate()
  const toast = useToast()
  const fmt = useFormat()
  const me = useMe()
  const detail = useQuery(sheetDetailQuery(id))
  const [confirm, setConfirm] = useState<Confirm>(null)
  const [invoicing, setInvoicing] = useState(false)
  const [editing, setEditing] = useState(false)
  const [removing, setRemoving] = useState<TBillingSheetLine | null>(null)
  const [downloading, setDownloading] = useState<'pdf' | 'xlsx' | null>(null)
  const liquidate = useLiquidate(id)
  const reopen = useReopen(id)
  const cancel = useCancelSheet(id)
  const remove = useDeleteSheet(id)
  const saveDays = useSaveDays(id)
  const resetDays = useResetDays(id)
  const removeLine = useRemoveLine(id)
  const restoreLine = useRestoreLine(id)

  const back = (
    <Link to="/rental/billing-sheets" className="rb-back">
      ‹ {t('detail.back')}
    </Link>
  )

  if (detail.isPending) return <PagePending />
  if (detail.isError) {
    return (
      <PageLoadError
        error={detail.error}
        onRetry={() => void detail.refetch()}
        breadcrumb={back}
        title={t('title')}
        notFound={{
          title: t('detail.notFound'),
          action: (
            <Link to="/rental/billing-sheets" className={buttonClass('primary')}>
              {t('detail.back')}
            </Link>
          ),
        }}
      />
    )
  }

  const s = detail.data
  const can = (a: TBillingSheetDetail['allowedActions'][number]) => s.allowedActions.includes(a)
  const editable = can('editLines')
  const currency = me.organization.currencies[0] ?? s.currency

  const download = async (kind: 'pdf' | 'xlsx') => {
    setDownloading(kind)
    try {
      await downloadFile(kind === 'pdf' ? sheetPdfUrl(s.id) : sheetExcelUrl(s.id))
    } catch (e) {
      toast.failure(e)
    } finally {
      setDownloading(null)
    }
  }

  const done = (message: string) => ({
    onSuccess: () => {
      toast.success(message)
      setConfirm(null)
    },
    onError: (e: unknown) => {
      toast.failure(e)
      setConfirm(null)
    },
  })

  // the period has not ended yet (organization time zone): it cannot be liquidated until it has
  const periodOpen = s.status === 'in_progress' && s.periodEnd >= todayIn(fmt.timeZone)

  return (
    <div className="page rb-detail">
      <PageHeader
        breadcrumb={back}
        title={
          <>
            <span data-testid="sheet-series">{s.seriesCode}</span>
            {detail.isFetching ? (
              <span className="spinner spinner--sm rb-title-spinner" aria-hidden="true" />
            ) : null}
          </>
        }
        subtitle={`${s.projectName} · ${fmt.date(s.periodStart)} – ${fmt.date(s.periodEnd)}`}
        actions={
          <>
            <Button
              icon={<Icon name="download" />}
              loading={downloading === 'pdf'}
              onClick={() => void download('pdf')}
            >
              {t('detail.pdf')}
            </Button>
            <Button
              icon={<Icon name="download" />}
              loading={downloading === 'xlsx'}
              onClick={() => void download('xlsx')}
            >
              {t('detail.excel')}
            </Button>
            {/* one PDF: sheet, certificate, invoice and every custody chain (docs/rental-dossiers.md) */}
            <SheetDossierButton sheetId={s.id} />
            {/* one scanned PDF, a page per custody chain of this sheet (docs/rental-documents.md#bulk-scan) */}
            <SheetChainScansButton billingSheetId={s.id} />
            {editable ? <Button onClick={() => setEditing(true)}>{t('detail.editHeader')}</Button> : null}
            {can('reopen') ? (
              <Button onClick={() => setConfirm('reopen')}>{t('detail.reopen')}</Button>
            ) : null}
            {can('cancel') ? (
              <Button variant="danger" onClick={() => setConfirm('cancel')}>
                {t('detail.cancel')}
              </Button>
            ) : null}
            {can('delete') ? (
              <Button variant="danger" onClick={() => setConfirm('delete')}>
                {t('detail.delete')}
              </Button>
            ) : null}
            {can('invoice') ? (
              <Button variant="primary" onClick={() => setInvoicing(true)}>
                {t('detail.invoice')}
              </Button>
            ) : null}
            {can('liquidate') ? (
              // a sheet is liquidated once its period has ended (the server refuses earlier: 409)
              <Button
                variant="primary"
                onClick={() => setConfirm('liquidate')}
                disabled={periodOpen}
                title={periodOpen ? t('detail.liquidateFrom', { date: fmt.date(s.periodEnd) }) : undefined}
                data-testid="liquidate"
              >
                {t('detail.liquidate')}
              </Button>
            ) : null}
          </>
        }
      />

      {s.status !== 'in_progress' ? (
        <p className="rb-banner" role="status">
          {t('detail.frozen', { status: t(`status.${s.status}`).toLowerCase() })}
        </p>
      ) : null}
      {periodOpen && can('liquidate') ? (
        <p className="rb-banner" role="status" data-testid="liquidate-from">
          {t('detail.liquidateFrom', { date: fmt.date(s.periodEnd) })}
        </p>
      ) : null}

      <div className="rb-top">
        <HeaderCard s={s} />
        <TotalsCard s={s} />
      </div>
      {/* the SRI invoice right under the sheet's status and totals, where the clerk looks */}
      <EInvoiceCard sheet={s} />

      <section className="card card--flush rb-lines" aria-labelledby="rb-lines-title">
        <div className="rb-card-head rb-card-head--pad">
          <h2 id="rb-lines-title" className="section-title">
            {t('detail.linesTitle')}
          </h2>
        </div>
        {editable ? <p className="muted rb-small rb-pad">{t('detail.linesHint')}</p> : null}
        <DaysGrid
          sheet={s}
          editable={editable}
          saving={saveDays.isPending}
          onSave={(edits, clear) =>
            saveDays.mutate(edits, {
              onSuccess: () => {
                clear()
                toast.success(t('detail.daysSaved'))
              },
              onError: (e) => toast.failure(e),
            })
          }
          onRemove={setRemoving}
          onResetDays={(line) =>
            resetDays.mutate(line.id, {
              onSuccess: () => toast.success(t('detail.daysReset')),
              onError: (e) => toast.failure(e),
            })
          }
        />
        <div className="rb-lines__foot">
          <span className="muted">
            {t('fields.lines')}: {fmt.integer(s.lineCount)}
          </span>
          <span>
            {t('fields.subtotal')}: <strong>{fmt.money(s.subtotal, currency)}</strong>
          </span>
        </div>
      </section>

      {s.removedLines.length > 0 ? (
        <section className="card rb-removed" aria-labelledby="rb-removed-title">
          <h2 id="rb-removed-title" className="section-title">
            {t('detail.removedTitle')}
          </h2>
          <p className="muted rb-small">{t('detail.removedHint')}</p>
          <ul className="rb-removed__list">
            {s.removedLines.map((r) => (
              <li key={r.key}>
                <span>
                  <span className="muted">{t(`kind.${r.kind}`)} · </span>
                  {r.description}
                </span>
                {editable ? (
                  <Button
                    size="sm"
                    loading={restoreLine.isPending && restoreLine.variables === r.key}
                    onClick={() =>
                      restoreLine.mutate(r.key, {
                        onSuccess: () => toast.success(t('detail.restored')),
                        onError: (e) => toast.failure(e),
                      })
                    }
                  >
                    {t('detail.restore')}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <CertificateCard s={s} />

      <section className="card rb-history">
        <AuditHistory
          entityType="billing_sheet"
          entityId={s.id}
          module="rental-billing"
          title={t('detail.history')}
        />
      </section>

      {editing ? <EditDialog s={s} onClose={() => setEditing(false)} /> : null}
      {invoicing ? <InvoiceDialog s={s} onClose={() => setInvoicing(false)} /> : null}

      <ConfirmDialog
        open={confirm === 'liquidate'}
        tone="primary"
        title={t('detail.liquidateTitle', { code: s.seriesCode })}
        confirmLabel={t('detail.liquidate')}
        busy={liquidate.isPending}
        onCancel={() => setConfirm(null)}
        onConfirm={() => liquidate.mutate(undefined, done(t('detail.liquidated')))}
      >
        <p>{t('detail.liquidateBody', { total: fmt.money(s.total, currency) })}</p>
      </ConfirmDialog>

      <ConfirmDialog
        open={confirm === 'reopen'}
        tone="primary"
        title={t('detail.reopenTitle', { code: s.seriesCode })}
        confirmLabel={t('detail.reopen')}
        reason="required"
        reasonLabel={t('fields.statusReason')}
        busy={reopen.isPending}
        onCancel={() => setConfirm(null)}
        onConfirm={(reason) => reopen.mutate(reason, done(t('detail.reopened')))}
      >
        <p>{t('detail.reopenBody')}</p>
      </ConfirmDialog>

      <ConfirmDialog
        open={confirm === 'cancel'}
        title={t('detail.cancelTitle', { code: s.seriesCode })}
        confirmLabel={t('detail.cancel')}
        reason="optional"
        reasonLabel={t('fields.statusReason')}
        busy={cancel.isPending}
        onCancel={() => setConfirm(null)}
        onConfirm={(reason) => cancel.mutate(reason, done(t('detail.cancelled')))}
      >
        <p>{t('detail.cancelBody')}</p>
      </ConfirmDialog>

      <ConfirmDialog
        open={confirm === 'delete'}
        title={t('detail.deleteTitle', { code: s.seriesCode })}
        confirmLabel={t('detail.delete')}
        busy={remove.isPending}
        onCancel={() => setConfirm(null)}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              toast.success(t('detail.deleted'))
              setConfirm(null)
              void navigate({ to: '/rental/billing-sheets' })
            },
            onError: (e) => {
              toast.failure(e)
              setConfirm(null)
            },
          })
        }
      >
        <p>{t('detail.deleteBody')}</p>
      </ConfirmDialog>

      <ConfirmDialog
        open={removing !== null}
        title={t('detail.removeTitle')}
        confirmLabel={t('detail.removeLine')}
        busy={removeLine.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (!removing) return
          removeLine.mutate(removing.id, {
            onSuccess: () => {
              toast.success(t('detail.removed'))
              setRemoving(null)
            },
            onError: (e) => {
              toast.failure(e)
              setRemoving(null)
            },
          })
        }}
      >
        <p>{t('detail.removeBody', { description: removing?.description ?? '' })}</p>
      </ConfirmDialog>
    </div>
  )
}
