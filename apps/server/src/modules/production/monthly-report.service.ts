import type {
  TMonthlyReport,
  TMonthlyReportLinkRequest,
  TMonthlyReportList,
  TMonthlyReportStatus,
} from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { writeAudit } from '../../platform/audit/audit'
import type { Executor } from '../../platform/db/executor'
import { AppError } from '../../platform/errors'
import type { Upload } from '../../platform/http/multipart'
import type { ProductionContext } from './production.context'
import { createProductionSites } from './production-sites'
import * as mrepo from './monthly-report.repository'
import { productionMessages as M } from './production.messages'

const who = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null)
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null)

/**
 * The monthly report of a family and month (docs/production.md#monthly-report-and-close): evidence (files or
 * links), open → in_review → closed; closing locks the month's production and daily statuses at every site
 * (closed-months.ts); reopening is a manager's audited action with a reason.
 */
export function createMonthlyReportUseCases(ctx: ProductionContext) {
  const { db } = ctx
  const { rowsAtSite } = createProductionSites(ctx)

  function toReport(
    workOrderId: string,
    number: string,
    month: string,
    r: mrepo.MonthlyReportRow | undefined,
    files: readonly mrepo.MonthlyReportFileRow[],
  ): TMonthlyReport {
    return {
      workOrderId,
      number,
      month,
      status: r?.status ?? 'open',
      files: files.map((f) => ({
        id: f.id,
        kind: f.file_id ? 'file' : 'link',
        fileId: f.file_id,
        url: f.url,
        name: f.name,
        size: f.size === null ? null : Number(f.size),
        createdAt: new Date(f.created_at).toISOString(),
        createdBy: who(f.created_by, f.created_by_name),
      })),
      submittedAt: iso(r?.submitted_at ?? null),
      submittedBy: who(r?.submitted_by ?? null, r?.submitted_by_name ?? null),
      closedAt: iso(r?.closed_at ?? null),
      closedBy: who(r?.closed_by ?? null, r?.closed_by_name ?? null),
      reopenedAt: iso(r?.reopened_at ?? null),
      reopenedBy: who(r?.reopened_by ?? null, r?.reopened_by_name ?? null),
      reopenReason: r?.reopen_reason ?? null,
    }
  }

  async function read(ex: Executor, orgId: string, workOrderId: string, number: string, month: string) {
    const [r] = await mrepo.listReports(ex, orgId, [workOrderId], `${month}-01`)
    const files = r ? await mrepo.listFiles(ex, orgId, [r.id]) : []
    return toReport(workOrderId, number, month, r, files)
  }

  /** The work orders working at the site in the month, each with its report (open when it has none). */
  async function listMonthlyReports(
    actor: Actor,
    siteId: string,
    month: string,
  ): Promise<TMonthlyReportList> {
    requireAccess(actor, 'production.read')
    const fams = await rowsAtSite(actor, siteId, month)
    const ids = fams.map((f) => f.initial.id)
    const reports = await mrepo.listReports(db, actor.orgId, ids, `${month}-01`)
    const files = await mrepo.listFiles(
      db,
      actor.orgId,
      reports.map((r) => r.id),
    )
    const byWo = new Map(reports.map((r) => [r.work_order_id, r]))
    return {
      siteId,
      month,
      items: fams.map(({ initial }) => {
        const r = byWo.get(initial.id)
        return {
          ...toReport(
            initial.id,
            initial.number,
            month,
            r,
            files.filter((f) => f.report_id === r?.id),
          ),
          description: initial.description,
        }
      }),
    }
  }

  async function getMonthlyReport(actor: Actor, workOrderId: string, month: string): Promise<TMonthlyReport> {
    requireAccess(actor, 'production.read')
    const { initial } = await ctx.loadFamily(db, actor.orgId, workOrderId)
    return read(db, actor.orgId, initial.id, initial.number, month)
  }

  /** Opens the transaction on the report's row (created when missing, locked), 404 for another organization's. */
  function withReport<T>(
    actor: Actor,
    workOrderId: string,
    month: string,
    fn: (
      trx: Executor,
      report: mrepo.MonthlyReportRow,
      initial: { id: string; number: string },
    ) => Promise<T>,
  ) {
    return db.transaction().execute(async (trx) => {
      const { initial } = await ctx.loadFamily(trx, actor.orgId, workOrderId)
      await mrepo.ensureReport(trx, actor.orgId, initial.id, `${month}-01`)
      const [report] = await mrepo.listReports(trx, actor.orgId, [initial.id], `${month}-01`, {
        forUpdate: true,
      })
      return fn(trx, report!, initial)
    })
  }

  const audit = (
    trx: Executor,
    actor: Actor,
    initial: { id: string; number: string },
    month: string,
    action: string,
    changes: { field: string; old: unknown; new: unknown }[],
    data: Record<string, unknown> = {},
  ) =>
    writeAudit(trx, actor, {
      action: `production.${action}`,
      module: 'production',
      entityType: 'work_order',
      entityId: initial.id,
      changes,
      data: { month, number: initial.number, ...data },
    })

  const refuseClosed = (report: mrepo.MonthlyReportRow, month: string) => {
    if (report.status === 'closed')
      throw new AppError('INVALID_STATE', M.reportClosedReopen({ month }), {
        status: 'closed',
      })
  }

  /**
   * open → in_review (with evidence; whoever captures), in_review → open (sent back) or → closed (who may close;
   * records who and when and locks the month). A closed report changes only through `reopen`.
   */
  async function setMonthlyReportStatus(
    actor: Actor,
    workOrderId: string,
    month: string,
    status: TMonthlyReportStatus,
  ): Promise<TMonthlyReport> {
    requireAccess(actor, 'production.capture')
    if (status !== 'in_review') requireAccess(actor, 'production.close')
    return withReport(actor, workOrderId, month, async (trx, report, initial) => {
      const from = report.status
      if (from === status) return read(trx, actor.orgId, initial.id, initial.number, month)
      if (from === 'closed')
        throw new AppError('INVALID_STATE', M.reportClosedWithReason({ month }), {
          status: from,
        })
      if (status === 'closed' && from !== 'in_review')
        throw new AppError('INVALID_STATE', M.closeOnlyInReview(), { status: from })
      if (status === 'in_review') {
        const files = await mrepo.listFiles(trx, actor.orgId, [report.id])
        if (files.length === 0)
          throw new AppError('INVALID_STATE', M.attachBeforeReview(), {
            reason: 'no_evidence',
          })
      }
      const now = ctx.clock()
      const userId = ctx.userId(actor)
      await mrepo.updateReport(trx, actor.orgId, report.id, {
        status,
        ...(status === 'in_review' ? { submitted_by: userId, submitted_at: now } : {}),
        ...(status === 'closed' ? { closed_by: userId, closed_at: now } : {}),
      })
      await audit(
        trx,
        actor,
        initial,
        month,
        status === 'closed' ? 'month_closed' : 'monthly_report_status',
        [{ field: 'status', old: from, new: status }],
      )
      return read(trx, actor.orgId, initial.id, initial.number, month)
    })
  }

  /** A manager or admin reopens a closed month with a reason (audited); the report goes back to open. */
  async function reopenMonth(
    actor: Actor,
    workOrderId: string,
    month: string,
    reason: string,
  ): Promise<TMonthlyReport> {
    requireAccess(actor, 'production.reopen')
    return withReport(actor, workOrderId, month, async (trx, report, initial) => {
      if (report.status !== 'closed')
        throw new AppError('INVALID_STATE', M.reportNotClosed({ month }), {
          status: report.status,
        })
      await mrepo.updateReport(trx, actor.orgId, report.id, {
        status: 'open',
        closed_by: null,
        closed_at: null,
        reopened_by: ctx.userId(actor),
        reopened_at: ctx.clock(),
        reopen_reason: reason,
      })
      await audit(
        trx,
        actor,
        initial,
        month,
        'month_reopened',
        [{ field: 'status', old: 'closed', new: 'open' }],
        {
          reason,
          closedAt: iso(report.closed_at),
          closedBy: report.closed_by,
        },
      )
      return read(trx, actor.orgId, initial.id, initial.number, month)
    })
  }

  /** Attaches a PDF or image (checked by its bytes) to a report that is not closed. */
  async function addMonthlyReportFile(
    actor: Actor,
    workOrderId: string,
    month: string,
    readUpload: () => Promise<Upload>,
  ): Promise<TMonthlyReport> {
    requireAccess(actor, 'production.capture')
    requireAccess(actor, 'file.upload')
    await getMonthlyReport(actor, workOrderId, month) // 404 / 400 before reading the body
    const upload = await readUpload()
    return withReport(actor, workOrderId, month, async (trx, report, initial) => {
      refuseClosed(report, month)
      const file = await ctx.files.uploadFile(
        actor,
        { name: upload.filename, bytes: upload.bytes, accept: ['pdf', 'png', 'jpeg'] },
        trx,
      )
      const id = await mrepo.insertFile(trx, {
        org_id: actor.orgId,
        report_id: report.id,
        file_id: file.id,
        url: null,
        name: file.name,
        created_by: ctx.userId(actor),
      })
      await audit(
        trx,
        actor,
        initial,
        month,
        'monthly_report_file_added',
        [{ field: 'files', old: null, new: file.name }],
        { itemId: id, fileId: file.id },
      )
      return read(trx, actor.orgId, initial.id, initial.number, month)
    })
  }

  async function addMonthlyReportLink(
    actor: Actor,
    workOrderId: string,
    month: string,
    body: TMonthlyReportLinkRequest,
  ): Promise<TMonthlyReport> {
    requireAccess(actor, 'production.capture')
    return withReport(actor, workOrderId, month, async (trx, report, initial) => {
      refuseClosed(report, month)
      const name = (body.label || body.url).slice(0, 200)
      const id = await mrepo.insertFile(trx, {
        org_id: actor.orgId,
        report_id: report.id,
        file_id: null,
        url: body.url,
        name,
        created_by: ctx.userId(actor),
      })
      await audit(
        trx,
        actor,
        initial,
        month,
        'monthly_report_file_added',
        [{ field: 'files', old: null, new: body.url }],
        { itemId: id },
      )
      return read(trx, actor.orgId, initial.id, initial.number, month)
    })
  }

  /** Removes a file or link from a report that is not closed (the stored file stays in the platform). */
  async function removeMonthlyReportFile(
    actor: Actor,
    workOrderId: string,
    month: string,
    itemId: string,
  ): Promise<TMonthlyReport> {
    requireAccess(actor, 'production.capture')
    return withReport(actor, workOrderId, month, async (trx, report, initial) => {
      refuseClosed(report, month)
      const old = await mrepo.deleteFile(trx, actor.orgId, report.id, itemId)
      if (!old) throw new AppError('NOT_FOUND', M.reportFileNotFound())
      if (
        report.status === 'in_review' &&
        (await mrepo.listFiles(trx, actor.orgId, [report.id])).length === 0
      )
        throw new AppError('INVALID_STATE', M.reviewKeepsFile(), {
          reason: 'no_evidence',
        })
      await audit(
        trx,
        actor,
        initial,
        month,
        'monthly_report_file_removed',
        [{ field: 'files', old: old.url ?? old.name, new: null }],
        { itemId, fileId: old.file_id },
      )
      return read(trx, actor.orgId, initial.id, initial.number, month)
    })
  }

  return {
    listMonthlyReports,
    getMonthlyReport,
    setMonthlyReportStatus,
    reopenMonth,
    addMonthlyReportFile,
    addMonthlyReportLink,
    removeMonthlyReportFile,
  }
}
