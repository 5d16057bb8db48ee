import type { TBillingLineKind, TBillingSheetDetail, TStoredFile } from '@faena/contracts'
import { can, isSystemActor, type Actor } from '../../platform/access'
import { diffFields, writeAudit } from '../../platform/audit/audit'
import { findUserNames } from '../../platform/auth/users.repository'
import type { NotifyFn } from '../../platform/notifications'
import type { Db, Executor } from '../../platform/db/executor'
import { AppError } from '../../platform/errors'
import { findOrganizationById } from '../../platform/tenancy/organizations'
import { createOrgToday } from '../../platform/tenancy/today'
import type { RentalDocumentsPort, RentalProjectsPort, SheetScope } from './rental-billing.ports'
import { headerSnapshot, iso, toLine, toSummary } from './rental-billing.mapping'
import * as repo from './rental-billing.repository'
import { actionAllowed, allowedActions, type SheetAction } from './sheet-lifecycle'
import { billingMessages as M, refusalMessage } from './rental-billing.messages'

export type FilesPort = { getFile(actor: Actor, id: string, trx?: Executor): Promise<TStoredFile> }

export type RentalBillingServiceDeps = {
  db: Db
  clock: () => Date
  timeZoneOf: (orgId: string) => Promise<string>
  files: FilesPort
  /** rental-projects' projects and assignments (read functions only: this service is built first) */
  projects: RentalProjectsPort
  /** rental-documents' billable documents and their links to sheets */
  documents: RentalDocumentsPort
  /** in-app notifications (a liquidated sheet tells billing it is ready to invoice) */
  notify: NotifyFn
}

export const MODULE = 'rental-billing'
export const ENTITY = 'billing_sheet'
export const CERT_ENTITY = 'disposition_certificate'
export const SHEET_SERIES = 'billing-sheet'

export const isUniqueViolation = (err: unknown, constraint?: string) =>
  typeof err === 'object' &&
  err !== null &&
  'code' in err &&
  err.code === '23505' &&
  (!constraint || ('constraint' in err && err.constraint === constraint))

/**
 * What every use case of the module shares (the named dependencies of sheet-recomputation.ts,
 * sheet-reads.service.ts, sheets.service.ts, sheet-lines.service.ts, sheet-liquidation.service.ts,
 * sheet-invoicing.service.ts, sheet-cancellation.service.ts, certificates.service.ts and
 * billing-hooks.service.ts): the database, the clock and the ports, the organization's "today", the sheet
 * loader and the lifecycle guard, the detail the API answers and the audit of a status change.
 */
export type RentalBillingContext = ReturnType<typeof createRentalBillingContext>

export function createRentalBillingContext({
  db,
  clock,
  timeZoneOf,
  files,
  projects,
  documents,
  notify,
}: RentalBillingServiceDeps) {
  const userId = (actor: Actor) => (isSystemActor(actor) ? null : actor.userId)
  const today = createOrgToday(clock, timeZoneOf)
  const scopeOf = (s: repo.SheetRow): SheetScope => ({
    projectId: s.project_id,
    sheetId: s.id,
    periodStart: s.period_start,
    periodEnd: s.period_end,
  })

  async function loadSheet(trx: Executor, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
    const row = await repo.findSheet(trx, actor.orgId, id, opts)
    if (!row) throw new AppError('NOT_FOUND', M.sheetNotFound())
    return row
  }

  /** 409 unless the sheet's status allows the action (sheet-lifecycle.ts). */
  function requireAction(sheet: repo.SheetRow, action: SheetAction) {
    const status = sheet.status
    if (!actionAllowed(action, status)) {
      throw new AppError('INVALID_STATE', refusalMessage(action, status, sheet.series_code), {
        status,
        action,
      })
    }
  }

  /** The sheet as the API answers it: header, lines, removed lines, certificate and the caller's actions. */
  async function readDetail(
    exec: Executor,
    actor: Actor,
    sheet: repo.SheetRow,
  ): Promise<TBillingSheetDetail> {
    const [lines, states, cert, names, org] = await Promise.all([
      repo.listLines(exec, actor.orgId, sheet.id),
      repo.listLineStates(exec, actor.orgId, sheet.id),
      repo.findCertificateOfSheet(exec, actor.orgId, sheet.id),
      findUserNames(exec, actor.orgId, sheet.created_by ? [sheet.created_by] : []),
      findOrganizationById(exec, actor.orgId),
    ])
    const creator = names[0]
    return {
      ...toSummary(sheet),
      currency: org?.currencies[0] ?? sheet.currency,
      notes: sheet.notes,
      clientPoReference: sheet.client_po_reference,
      contactReference: sheet.contact_reference,
      projectLocation: sheet.project_location,
      statusReason: sheet.status_reason,
      invoiceFileId: sheet.invoice_file_id,
      createdBy: creator ? { id: creator.id, name: creator.name } : null,
      lines: lines.map(toLine),
      removedLines: states
        .filter((s) => s.removed)
        .map((s) => ({
          key: s.key,
          kind: s.kind,
          description: s.description,
          removedAt: iso(s.removed_at) ?? '',
        })),
      certificate: cert ? { id: cert.id, number: cert.number, issueDate: cert.issue_date } : null,
      allowedActions: allowedActions(sheet.status, (p) => can(actor, p as never), {
        hasCertificate: Boolean(cert),
      }),
    }
  }

  /**
   * Drops the manual days kept under a line key: a removed line stays removed (its state keeps the removal),
   * else the state goes.
   */
  async function dropManualDays(
    trx: Executor,
    orgId: string,
    sheetId: string,
    state: { key: string; kind: TBillingLineKind; description: string; removed: boolean },
  ) {
    if (state.removed)
      await repo.upsertLineState(trx, orgId, sheetId, {
        key: state.key,
        kind: state.kind,
        description: state.description,
        day_edit_dates: null,
        day_edit_version: null,
      })
    else await repo.deleteLineState(trx, orgId, sheetId, state.key)
  }

  /** The audit row of a status change (liquidated, reopened, invoiced, cancelled). */
  async function statusChange(
    trx: Executor,
    actor: Actor,
    before: repo.SheetRow,
    after: repo.SheetRow,
    action: string,
    data: Record<string, unknown> = {},
  ) {
    await writeAudit(trx, actor, {
      action: `billing_sheet.${action}`,
      module: MODULE,
      entityType: ENTITY,
      entityId: after.id,
      changes: diffFields(headerSnapshot(before), headerSnapshot(after), [
        'status',
        'statusReason',
        'invoiceReference',
        'invoiceFileId',
      ]),
      data: { seriesCode: after.series_code, from: before.status, to: after.status, ...data },
    })
  }

  return {
    db,
    clock,
    files,
    projects,
    documents,
    notify,
    userId,
    today,
    scopeOf,
    loadSheet,
    requireAction,
    readDetail,
    dropManualDays,
    statusChange,
  }
}
