import type { TDashboardEmailed, TOffshoreDashboardEmail, TRentalDashboardEmail } from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import type { Db } from '../../platform/db/executor'
import type { FilesService } from '../../platform/files/files.service'
import type { MailService } from '../../platform/mail'
import { offshoreReport, rentalReport, type Report } from './dashboard-report'
import { reportPdf, reportWorkbook } from './dashboard-report-files'
import type { InsightsService } from './insights.service'

export type DashboardMailDeps = {
  db: Db
  files: Pick<FilesService, 'uploadFile'>
  mail: Pick<MailService, 'queueMail' | 'wake'>
  insights: Pick<InsightsService, 'offshoreDashboard' | 'rentalDashboard'>
}

/** The filters in words for the report's subtitle (period and statuses; ids stay out). */
const filtersText = (q: {
  from?: string | undefined
  to?: string | undefined
  clientId?: string | undefined
  frontId?: string | undefined
  proposalStatus?: string | undefined
  workOrderStatus?: string | undefined
  sheetStatus?: string | undefined
}) =>
  [
    q.from || q.to ? `periodo ${q.from ?? '…'} — ${q.to ?? '…'}` : '',
    q.proposalStatus ? `PTE: ${q.proposalStatus}` : '',
    q.workOrderStatus ? `OT: ${q.workOrderStatus}` : '',
    q.sheetStatus ? `planillas: ${q.sheetStatus}` : '',
    q.clientId ? 'un cliente' : '',
    q.frontId ? 'un frente' : '',
  ]
    .filter(Boolean)
    .join(' · ')

/**
 * E-mail a dashboard as it is filtered (docs/insights.md#e-mailing-a-dashboard): its figures as a workbook and
 * as a PDF with the charts, stored as the requester's files and sent as a mail job (tried again on a failing
 * server, in the organization's log).
 */
export function createDashboardMailService({ db, files, mail, insights }: DashboardMailDeps) {
  async function send(actor: Actor, to: string[], report: Report, slug: string): Promise<TDashboardEmailed> {
    requireAccess(actor, 'mail.send')
    const [xlsx, pdf] = await Promise.all([reportWorkbook(report), reportPdf(report)])
    const queued = await db.transaction().execute(async (trx) => {
      const stored = [
        await files.uploadFile(actor, { name: `${slug}.xlsx`, bytes: xlsx, accept: ['xlsx'] }, trx),
        await files.uploadFile(actor, { name: `${slug}.pdf`, bytes: pdf, accept: ['pdf'] }, trx),
      ]
      return mail.queueMail(trx, actor, {
        kind: 'report',
        to,
        subject: `${report.title} — ${report.subtitle}`,
        text: `${report.title}\n${report.subtitle}\n\nVan adjuntos el libro de Excel y el PDF con las gráficas.\n\nEnviado desde Faena.`,
        attachments: stored.map((f) => ({ fileId: f.id, name: f.name, size: f.size })),
      })
    })
    mail.wake()
    return {
      jobId: queued.jobId,
      recipients: queued.message.recipients,
      attachments: queued.message.attachments.map((a) => a.name),
    }
  }

  async function emailOffshore(actor: Actor, body: TOffshoreDashboardEmail) {
    const d = await insights.offshoreDashboard({ actor, query: body.query })
    return send(actor, body.to, offshoreReport(d, filtersText(body.query)), `tablero-costa-afuera-${d.today}`)
  }

  async function emailRental(actor: Actor, body: TRentalDashboardEmail) {
    const d = await insights.rentalDashboard({ actor, query: body.query })
    return send(actor, body.to, rentalReport(d, filtersText(body.query)), `tablero-alquiler-${d.today}`)
  }

  return { emailOffshore, emailRental }
}
export type DashboardMailService = ReturnType<typeof createDashboardMailService>
