import crypto from 'node:crypto'
import type {
  TBillingSheetDetail,
  TBillingSheetLine,
  TBillingSheetListQuery,
  TBillingSheetSummary,
  TCancelBillingSheetRequest,
  TCreateBillingSheetRequest,
  TFieldError,
  TInvoiceBillingSheetRequest,
  TReopenBillingSheetRequest,
  TRestoreBillingLineRequest,
  TStoredFile,
  TUpdateBillingSheetRequest,
  TUpdateLineDaysRequest,
} from '@faena/contracts'
import { can, isSystemActor, requireAccess, type Actor } from '../../platform/access'
import { diffFields, writeAudit } from '../../platform/audit/audit'
import { findUserNames } from '../../platform/auth/users.repository'
import type { Db, Executor } from '../../platform/db/executor'
import { AppError, validationError } from '../../platform/errors'
import { allocateNumber } from '../../platform/numbering'
import { renderPdf } from '../../platform/pdf/pdf'
import { findOrganizationById, getOrganizationSettings } from '../../platform/tenancy/organizations'
import { createOrgToday } from '../../platform/tenancy/today'
import { Dec } from './billing-decimal'
import { addDays } from './billing-dates'
import { computeSheet } from './billing-sheet'
import {
  lineKey,
  rentalSourceVersion,
  validateDayEdit,
  type LineState,
  type RentalAssignmentInput,
  type ServiceAssignmentInput,
  type SheetLine,
} from './billing-lines'
import {
  DEFAULT_CERTIFICATE_PREFIX,
  DEFAULT_SHEET_PREFIX,
  formatCertificateNumber,
  formatSeriesCode,
  FIRST_SERIES_NUMBER,
  isSeriesPrefix,
} from './series-code'
import { certificateItems } from './certificate-items'
import {
  type BillingAssignment,
  type BillingDocuments,
  type BillingProject,
  type RentalDocumentsPort,
  type RentalProjectsPort,
  type SheetScope,
} from './rental-billing.ports'
import * as repo from './rental-billing.repository'
import { writeSheetsWorkbook, writeSheetWorkbook } from './sheet-export'
import { billingSheetPdf, certificatePdf } from './sheet-pdf'
import {
  actionAllowed,
  allowedActions,
  LOCKED_PERIOD_STATUSES,
  periodsOverlap,
  refusalMessage,
  statusLabel,
  type SheetAction,
  type SheetStatus,
} from './sheet-lifecycle'

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
}

export type RentalBillingService = ReturnType<typeof createRentalBillingService>

/** What triggered a recomputation (kept in the audit row). */
export type RecomputeTrigger =
  | 'created'
  | 'assignments'
  | 'documents'
  | 'line_days'
  | 'line_removed'
  | 'line_restored'
  | 'liquidation'
  | 'reopened'

/** What the change that triggers a recomputation allows or names (docs/rental-billing.md#eager-recomputation). */
export type RecomputeOptions = {
  /** the user agreed to drop manual days whose billed dates the change alters (else 409) */
  confirmDropManualDays?: boolean
  /** the input field named by a 400 when the sheet's totals would not fit (default `total`) */
  field?: string
}

/** The largest amount a line or sheet total column holds (numeric(14, 2)); volumes hold numeric(16, 2). */
const MAX_TOTAL = new Dec('999999999999.99')
const MAX_VOLUME = new Dec('99999999999999.99')

/** A liquidated or invoiced sheet of a project: its period is frozen. */
export type FrozenPeriod = {
  billingSheetId: string
  seriesCode: string
  seriesNumber: number
  status: 'liquidated' | 'invoiced'
  /** the status in words (Spanish, as the other messages) */
  statusLabel: string
  periodStart: string
  periodEnd: string
}

/** The first day after every frozen period of a project (null when none is frozen). */
export const firstOpenDay = (frozen: readonly FrozenPeriod[]): string | null =>
  frozen.length === 0
    ? null
    : addDays(
        frozen
          .map((f) => f.periodEnd)
          .sort()
          .at(-1)!,
        1,
      )

export type RecomputeOpenSheetsOptions = RecomputeOptions & {
  projectId: string
  /** only the sheets whose period contains one of these dates (a document's date, before and after a change) */
  date?: string | null
  dates?: readonly (string | null | undefined)[]
  trigger?: RecomputeTrigger
}

const MODULE = 'rental-billing'
const ENTITY = 'billing_sheet'
const CERT_ENTITY = 'disposition_certificate'
const EXPORT_LIMIT = 50_000
const SHEET_SERIES = 'billing-sheet'

const isUniqueViolation = (err: unknown, constraint?: string) =>
  typeof err === 'object' &&
  err !== null &&
  'code' in err &&
  err.code === '23505' &&
  (!constraint || ('constraint' in err && err.constraint === constraint))

const iso = (d: Date | null) => (d ? d.toISOString() : null)

/** 409: an SRI invoice number is used by one sheet of the organization (docs/rental-billing.md#invoicing). */
const invoiceTaken = (reference: string, seriesCode: string | null, billingSheetId: string | null) =>
  new AppError(
    'CONFLICT',
    seriesCode
      ? `La factura ${reference} ya está registrada en la planilla ${seriesCode}`
      : `La factura ${reference} ya está registrada en otra planilla`,
    { field: 'invoiceReference', invoiceReference: reference, billingSheetId, seriesCode },
  )

/** The line as the API shows it. */
function toLine(r: repo.LineRow): TBillingSheetLine {
  return {
    id: r.id,
    key: r.key,
    kind: r.kind as TBillingSheetLine['kind'],
    component: r.component as TBillingSheetLine['component'],
    position: r.position,
    sourceId: r.source_id,
    equipmentId: r.equipment_id,
    equipmentCode: r.equipment_code,
    equipmentName: r.equipment_name,
    description: r.description,
    unit: r.unit as 'days' | 'unit',
    quantity: String(r.quantity),
    unitPrice: money(r.unit_price),
    total: money(r.total),
    dates: r.dates,
    allowedDates: r.allowed_dates,
    dayEdit: r.day_edit as TBillingSheetLine['dayEdit'],
  }
}

/** A numeric from the database as a string with at least two decimals (no rounding: exact). */
function money(v: string): string {
  const [int = '0', frac = ''] = v.split('.')
  return `${int}.${frac.padEnd(2, '0')}`
}

function toSummary(r: repo.SheetRow): TBillingSheetSummary {
  return {
    id: r.id,
    seriesCode: r.series_code,
    seriesPrefix: r.series_prefix,
    seriesYear: r.series_year,
    seriesNumber: r.series_number,
    status: r.status as SheetStatus,
    projectId: r.project_id,
    projectName: r.project_name,
    clientName: r.client_name,
    clientTaxId: r.client_tax_id,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    subtotal: money(r.subtotal),
    tax: money(r.tax),
    taxRate: r.tax_rate,
    total: money(r.total),
    gallons: money(r.gallons),
    barrels: money(r.barrels),
    cubicMeters: money(r.cubic_meters),
    lineCount: r.line_count,
    invoiceReference: r.invoice_reference,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    recomputedAt: iso(r.recomputed_at),
    liquidatedAt: iso(r.liquidated_at),
    invoicedAt: iso(r.invoiced_at),
    cancelledAt: iso(r.cancelled_at),
  }
}

const headerSnapshot = (r: repo.SheetRow) => ({
  status: r.status,
  statusReason: r.status_reason,
  subtotal: money(r.subtotal),
  tax: money(r.tax),
  total: money(r.total),
  lineCount: r.line_count,
  gallons: money(r.gallons),
  barrels: money(r.barrels),
  cubicMeters: money(r.cubic_meters),
  notes: r.notes,
  clientPoReference: r.client_po_reference,
  contactReference: r.contact_reference,
  invoiceReference: r.invoice_reference,
  invoiceFileId: r.invoice_file_id,
})
const TOTAL_FIELDS = ['subtotal', 'tax', 'total', 'lineCount', 'gallons', 'barrels', 'cubicMeters'] as const

/** sha-1 of a line's values as written: a recomputation rewrites only the lines whose signature changed. */
const lineSignature = (v: Omit<repo.LineValues, 'signature'>) =>
  crypto
    .createHash('sha1')
    .update(
      JSON.stringify([
        v.position,
        v.kind,
        v.component,
        v.source_id,
        v.assignment_ids,
        v.equipment_id,
        v.equipment_code,
        v.equipment_name,
        v.description,
        v.unit,
        v.dates,
        v.allowed_dates,
        v.quantity,
        v.unit_price,
        v.total,
        v.source_version,
        v.day_edit,
      ]),
    )
    .digest('hex')

/** sha-1 of the ids of the documents a sheet bills. */
const documentsSignature = (ids: { guideIds: string[]; chainIds: string[]; maintenanceSheetIds: string[] }) =>
  crypto
    .createHash('sha1')
    .update(
      JSON.stringify([
        [...ids.guideIds].sort(),
        [...ids.chainIds].sort(),
        [...ids.maintenanceSheetIds].sort(),
      ]),
    )
    .digest('hex')

/** Audit changes of a day edit: the number of days, and the dates added and removed (readable, not two long lists). */
function dayChanges(before: readonly string[], after: readonly string[]) {
  const was = new Set(before)
  const now = new Set(after)
  const added = after.filter((d) => !was.has(d))
  const removed = before.filter((d) => !now.has(d))
  return [
    { field: 'quantity', old: before.length, new: after.length },
    ...(added.length > 0 ? [{ field: 'addedDates', old: null, new: added.join(', ') }] : []),
    ...(removed.length > 0 ? [{ field: 'removedDates', old: removed.join(', '), new: null }] : []),
  ]
}

const toRental = (a: BillingAssignment): RentalAssignmentInput => ({
  id: a.id,
  equipmentId: a.equipmentId ?? '',
  dailyRate: a.dailyRate,
  rates: a.rates,
  frequency: a.frequency,
  operationStart: a.operationStart,
  operationEnd: a.operationEnd,
  retiredOn: a.retiredOn,
  description: a.description,
  version: a.version,
})

const rentalAssignments = (assignments: readonly BillingAssignment[]) =>
  assignments.filter((a) => a.kind === 'equipment' && a.equipmentId).map(toRental)

export function createRentalBillingService(deps: RentalBillingServiceDeps) {
  const { db, clock, timeZoneOf, files, projects, documents } = deps

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
    if (!row) throw new AppError('NOT_FOUND', 'Planilla no encontrada')
    return row
  }

  function requireAction(sheet: repo.SheetRow, action: SheetAction) {
    const status = sheet.status as SheetStatus
    if (!actionAllowed(action, status)) {
      throw new AppError('INVALID_STATE', refusalMessage(action, status, sheet.series_code), {
        status,
        action,
      })
    }
  }

  // --- recomputation (docs/rental-billing.md#eager-recomputation) ---

  /**
   * A sheet whose line or header totals would not fit their columns is refused with a 400 naming `field`
   * (the input that caused it), never a database overflow (docs/rental-billing.md#amount-limits).
   */
  function checkTotalsFit(sheet: repo.SheetRow, computed: ReturnType<typeof computeSheet>, field: string) {
    const limit = '999.999.999.999,99'
    const big = computed.lines.find((l) => new Dec(l.total).gt(MAX_TOTAL))
    const t = computed.totals
    const header = (['subtotal', 'tax', 'total'] as const).find((k) => new Dec(t[k]).gt(MAX_TOTAL))
    const volume = (['gallons', 'barrels', 'cubicMeters'] as const).find((k) => new Dec(t[k]).gt(MAX_VOLUME))
    const what = big
      ? `el total de la línea «${big.description}» (${big.total})`
      : header
        ? `el ${header === 'tax' ? 'IVA' : header} (${t[header]})`
        : volume
          ? `el volumen (${volume})`
          : null
    if (!what) return
    throw validationError(`La planilla ${sheet.series_code} no admite ese importe`, [
      {
        path: field,
        message: `Con este importe ${what} de la planilla ${sheet.series_code} superaría el máximo de ${limit}`,
      },
    ])
  }

  /**
   * Manual days that a change of assignments would drop: an edit that was applied to the stored line and
   * no longer is (its line's billed dates changed). Edits already stale before the change are not counted.
   */
  async function droppedManualDays(
    trx: Executor,
    actor: Actor,
    sheet: repo.SheetRow,
    lines: readonly SheetLine[],
    states: Awaited<ReturnType<typeof repo.listLineStates>>,
  ) {
    const stale = lines.filter((l) => l.kind === 'rental' && l.dayEdit === 'stale')
    if (stale.length === 0) return []
    const stored = new Map((await repo.listLines(trx, actor.orgId, sheet.id)).map((l) => [l.key, l]))
    const out: {
      key: string
      description: string
      manualDays: number
      billingSheetId: string
      seriesCode: string
    }[] = []
    for (const l of stale) {
      const key = l.equipmentId ? lineKey.rental(l.equipmentId) : l.key
      if (out.some((o) => o.key === key)) continue
      const state = states.find((s) => s.key === key)
      const was = stored.get(key) ?? [...stored.values()].find((x) => x.key.startsWith(`${key}@`))
      if (!state?.day_edit_dates || was?.day_edit !== 'applied') continue
      out.push({
        key,
        description: l.description,
        manualDays: state.day_edit_dates.length,
        billingSheetId: sheet.id,
        seriesCode: sheet.series_code,
      })
    }
    return out
  }

  /**
   * Rebuilds the lines and totals of an in-progress sheet from everything that feeds it, inside `trx`:
   * lines are written by key (ids stay stable), unchanged lines are not rewritten, vanished lines are
   * deleted; the user's decisions (removed lines, manual days) live apart and are applied by the engine.
   * The disposition certificate, when the sheet has one, is refreshed in the same pass.
   */
  async function recomputeSheet(
    trx: Executor,
    actor: Actor,
    sheet: repo.SheetRow,
    trigger: RecomputeTrigger,
    opts: RecomputeOptions = {},
  ): Promise<repo.SheetRow> {
    const org = await findOrganizationById(trx, actor.orgId)
    const project = await projects.getProject(trx, actor, sheet.project_id)
    const assignments = await projects.listAssignments(trx, actor, sheet.project_id)
    const { docs, documentsSignature } = await billedDocuments(trx, actor, sheet)
    const states = await repo.listLineStates(trx, actor.orgId, sheet.id)
    const existing = await repo.listLineSignatures(trx, actor.orgId, sheet.id)

    const rentals = rentalAssignments(assignments)
    const services: ServiceAssignmentInput[] = assignments
      .filter((a) => a.kind === 'service')
      .map((a) => ({
        id: a.id,
        unitPrice: a.dailyRate,
        rates: a.rates,
        operationStart: a.operationStart,
        operationEnd: a.retiredOn ?? a.operationEnd,
        description: a.description,
        equipmentId: a.equipmentId,
      }))
    const lineStates: LineState[] = states.map((s) => ({
      key: s.key,
      removed: s.removed,
      dayEdit:
        s.day_edit_dates && s.day_edit_version !== null
          ? { dates: s.day_edit_dates, assignmentVersion: s.day_edit_version }
          : null,
    }))
    const taxRate = org?.taxRate ?? sheet.tax_rate
    const period = { start: sheet.period_start, end: sheet.period_end }
    const computed = computeSheet({
      period,
      rentals,
      services,
      maintenanceSheets: docs.maintenanceSheets,
      shippingGuides: docs.shippingGuides,
      custodyChains: docs.custodyChains,
      lineStates,
      taxRate,
    })
    checkTotalsFit(sheet, computed, opts.field ?? 'total')
    if (trigger === 'assignments') {
      const dropped = await droppedManualDays(trx, actor, sheet, computed.lines, states)
      if (dropped.length > 0) {
        if (!opts.confirmDropManualDays) {
          throw new AppError(
            'CONFLICT',
            `El cambio altera los días facturados de ${dropped.map((d) => `«${d.description}»`).join(', ')} en la planilla ${sheet.series_code}, que tiene días puestos a mano; se perderían. Confirma para descartarlos`,
            {
              reason: 'manualDays',
              billingSheetId: sheet.id,
              seriesCode: sheet.series_code,
              lines: dropped,
            },
          )
        }
        for (const d of dropped) {
          const state = states.find((s) => s.key === d.key)
          if (state?.removed)
            await repo.upsertLineState(trx, actor.orgId, sheet.id, {
              key: state.key,
              kind: state.kind,
              description: state.description,
              day_edit_dates: null,
              day_edit_version: null,
            })
          else await repo.deleteLineState(trx, actor.orgId, sheet.id, d.key)
          await writeAudit(trx, actor, {
            action: 'billing_sheet.line_days_dropped',
            module: MODULE,
            entityType: ENTITY,
            entityId: sheet.id,
            changes: [{ field: 'manualDays', old: d.manualDays, new: null }],
            data: { seriesCode: sheet.series_code, key: d.key, description: d.description, confirmed: true },
          })
        }
        return recomputeSheet(trx, actor, sheet, trigger, opts)
      }
    }

    // Equipment labels and the allowed window of each rental line.
    const equipment = new Map<string, { code: string | null; name: string | null }>()
    for (const a of assignments) {
      if (a.equipmentId && (a.equipmentCode || a.equipmentName) && !equipment.has(a.equipmentId))
        equipment.set(a.equipmentId, { code: a.equipmentCode, name: a.equipmentName })
    }
    const values = computed.lines.map((l: SheetLine, i): repo.LineValues => {
      const eq = l.equipmentId ? equipment.get(l.equipmentId) : undefined
      const v: Omit<repo.LineValues, 'signature'> = {
        key: l.key,
        position: i + 1,
        kind: l.kind,
        component: l.component,
        source_id: l.sourceId,
        assignment_ids: l.assignmentIds ?? [],
        equipment_id: l.equipmentId ?? null,
        equipment_code: eq?.code ?? null,
        equipment_name: eq?.name ?? null,
        description: l.description,
        unit: l.unit,
        dates: l.dates,
        allowed_dates: l.kind === 'rental' ? (l.allowedDates ?? []) : [],
        quantity: Number(l.quantity),
        unit_price: l.unitPrice,
        total: l.total,
        source_version: l.sourceVersion ?? null,
        day_edit: l.dayEdit ?? 'none',
      }
      return { ...v, signature: lineSignature(v) }
    })

    const now = clock()
    const stored = new Map(existing.map((r) => [r.key, r]))
    const changed = values.filter((v) => stored.get(v.key)?.signature !== v.signature)
    const keep = new Set(values.map((v) => v.key))
    const gone = existing.filter((r) => !keep.has(r.key)).map((r) => r.id)
    await repo.deleteLines(trx, actor.orgId, sheet.id, gone)
    await repo.upsertLines(trx, actor.orgId, sheet.id, changed, now)

    const t = computed.totals
    const after = await repo.updateSheet(trx, actor.orgId, sheet.id, {
      subtotal: t.subtotal,
      tax: t.tax,
      total: t.total,
      gallons: t.gallons,
      barrels: t.barrels,
      cubic_meters: t.cubicMeters,
      tax_rate: taxRate,
      line_count: values.length,
      documents_signature: documentsSignature,
      ...(project ? projectSnapshot(project) : {}),
      recomputed_at: now,
      updated_at: changed.length > 0 || gone.length > 0 ? now : sheet.updated_at,
    })
    const changes = diffFields(headerSnapshot(sheet), headerSnapshot(after), TOTAL_FIELDS)
    if (changes.length > 0 || changed.length > 0 || gone.length > 0) {
      await writeAudit(trx, actor, {
        action: 'billing_sheet.recomputed',
        module: MODULE,
        entityType: ENTITY,
        entityId: sheet.id,
        changes,
        data: {
          seriesCode: sheet.series_code,
          trigger,
          linesWritten: changed.length,
          linesDeleted: gone.length,
        },
      })
    }
    const cert = await repo.findCertificateOfSheet(trx, actor.orgId, sheet.id)
    if (cert) await writeCertificate(trx, actor, after, docs, project, cert, { auditAs: null })
    return after
  }

  /**
   * The documents the sheet bills: those of its period not billed by another sheet, linked to it now (a
   * document, a shipping guide above all, is billed by exactly one sheet, never twice). The link is written
   * only when the set differs from the one of the last recomputation: documents become linked to a sheet
   * only here, so when every candidate is already linked and the set's signature is the stored one, the
   * linked set is exactly the candidates (nothing to link, nothing to release).
   */
  async function billedDocuments(
    trx: Executor,
    actor: Actor,
    sheet: repo.SheetRow,
  ): Promise<{ docs: BillingDocuments; documentsSignature: string }> {
    const scope = scopeOf(sheet)
    const all = await documents.listDocumentsForPeriod(trx, actor, scope)
    const mine = <T extends { billingSheetId?: string | null }>(xs: T[]) =>
      xs.filter((d) => !d.billingSheetId || d.billingSheetId === sheet.id)
    const docs: BillingDocuments = {
      maintenanceSheets: mine(all.maintenanceSheets),
      shippingGuides: mine(all.shippingGuides),
      custodyChains: mine(all.custodyChains),
    }
    const ids = {
      guideIds: docs.shippingGuides.map((d) => d.id),
      chainIds: docs.custodyChains.map((d) => d.id),
      maintenanceSheetIds: docs.maintenanceSheets.map((d) => d.id),
    }
    const signature = documentsSignature(ids)
    const allLinked = [...docs.maintenanceSheets, ...docs.shippingGuides, ...docs.custodyChains].every(
      (d) => d.billingSheetId === sheet.id,
    )
    if (!allLinked || signature !== sheet.documents_signature) {
      // exactly these: documents that left the period (moved, voided, cancelled) are released too
      await documents.linkDocumentsToSheet(trx, actor, scope, ids)
    }
    return { docs, documentsSignature: signature }
  }

  const projectSnapshot = (p: BillingProject) => ({
    project_name: p.name,
    project_location: p.location,
    client_name: p.clientName,
    client_tax_id: p.clientTaxId,
  })

  /**
   * Recomputes the in-progress sheets of a project (at most one), or only those whose period contains one
   * of the given dates. Called by the rental modules inside their transaction whenever something that
   * feeds a sheet changes. Needs no billing permission: it is the consequence of the caller's change.
   */
  async function recomputeOpenSheets(
    trx: Executor,
    actor: Actor,
    opts: RecomputeOpenSheetsOptions,
  ): Promise<number> {
    const dates = [opts.date, ...(opts.dates ?? [])].filter((d): d is string => typeof d === 'string')
    const filterByDate = opts.date !== undefined || opts.dates !== undefined
    const open = await repo.listProjectSheets(trx, actor.orgId, opts.projectId, {
      statuses: ['in_progress'],
      forUpdate: true,
    })
    let n = 0
    for (const sheet of open) {
      if (filterByDate && !dates.some((d) => d >= sheet.period_start && d <= sheet.period_end)) continue
      await recomputeSheet(trx, actor, sheet, opts.trigger ?? 'documents', {
        ...(opts.confirmDropManualDays ? { confirmDropManualDays: true } : {}),
        ...(opts.field ? { field: opts.field } : {}),
      })
      n++
    }
    return n
  }

  /** rental-projects' hook: an assignment of the project was created, edited, retired, reactivated or deleted. */
  async function onAssignmentsChanged(
    trx: Executor,
    actor: Actor,
    projectId: string,
    opts: RecomputeOptions = {},
  ): Promise<void> {
    await recomputeOpenSheets(trx, actor, { ...opts, projectId, trigger: 'assignments' })
  }

  /**
   * rental-projects' guard data: the liquidated and invoiced sheets of a project (their periods are frozen:
   * an assignment change that alters what they bill is refused or takes effect from the first open day,
   * docs/rental-billing.md#frozen-periods).
   */
  async function frozenPeriods(trx: Executor, orgId: string, projectId: string): Promise<FrozenPeriod[]> {
    const rows = await repo.listProjectSheets(trx, orgId, projectId, { statuses: LOCKED_PERIOD_STATUSES })
    return rows.map((s) => ({
      billingSheetId: s.id,
      seriesCode: s.series_code,
      seriesNumber: s.series_number,
      status: s.status as 'liquidated' | 'invoiced',
      statusLabel: statusLabel(s.status as SheetStatus),
      periodStart: s.period_start,
      periodEnd: s.period_end,
    }))
  }

  /**
   * rental-documents' guard: a document dated inside the period of a liquidated or invoiced sheet cannot be
   * created, edited, moved or voided (409). Cancelled sheets bill nothing and lock nothing.
   */
  async function assertPeriodOpen(
    trx: Executor,
    actor: Actor,
    opts: {
      projectId: string
      date?: string | null
      dates?: readonly (string | null | undefined)[]
      /** the sheet that bills the document, when it is linked to one */
      sheetId?: string | null
    },
  ): Promise<void> {
    if (opts.sheetId) {
      const billedBy = await repo.findSheet(trx, actor.orgId, opts.sheetId)
      if (billedBy && LOCKED_PERIOD_STATUSES.includes(billedBy.status as SheetStatus)) {
        throw new AppError(
          'INVALID_STATE',
          `El documento está en la planilla ${billedBy.series_code} (${statusLabel(billedBy.status as SheetStatus)}); no admite cambios`,
          { billingSheetId: billedBy.id, seriesCode: billedBy.series_code, status: billedBy.status },
        )
      }
    }
    const dates = [opts.date, ...(opts.dates ?? [])].filter((d): d is string => typeof d === 'string')
    const locked = await repo.sheetsCoveringDates(
      trx,
      actor.orgId,
      opts.projectId,
      dates,
      LOCKED_PERIOD_STATUSES,
    )
    const first = locked[0]
    if (first) {
      throw new AppError(
        'INVALID_STATE',
        `El período ${first.period_start} – ${first.period_end} ya está en la planilla ${first.series_code} (${statusLabel(first.status as SheetStatus)}); no admite cambios`,
        { billingSheetId: first.id, seriesCode: first.series_code, status: first.status },
      )
    }
  }

  /** rental-documents' hook: a document changed (dates = its date before and after the change). */
  async function afterDocumentChanged(
    trx: Executor,
    actor: Actor,
    opts: { projectId: string; date?: string | null; dates?: readonly (string | null | undefined)[] },
  ): Promise<void> {
    await recomputeOpenSheets(trx, actor, { ...opts, trigger: 'documents' })
  }

  /** rental-projects' guard for closing a project: is a sheet of it in progress? */
  async function hasSheetInProgress(trx: Executor, orgId: string, projectId: string): Promise<boolean> {
    const open = await repo.listProjectSheets(trx, orgId, projectId, { statuses: ['in_progress'] })
    return open.length > 0
  }

  // --- reading ---

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
          kind: s.kind as TBillingSheetLine['kind'],
          description: s.description,
          removedAt: iso(s.removed_at) ?? '',
        })),
      certificate: cert ? { id: cert.id, number: cert.number, issueDate: cert.issue_date } : null,
      allowedActions: allowedActions(sheet.status as SheetStatus, (p) => can(actor, p as never), {
        hasCertificate: Boolean(cert),
      }),
    }
  }

  async function getSheet(actor: Actor, id: string): Promise<TBillingSheetDetail> {
    requireAccess(actor, 'rental.read')
    return readDetail(db, actor, await loadSheet(db, actor, id))
  }

  async function listSheets(
    actor: Actor,
    query: TBillingSheetListQuery,
  ): Promise<{ items: TBillingSheetSummary[]; total: number }> {
    requireAccess(actor, 'rental.read')
    const { rows, total } = await repo.listSheets(db, actor.orgId, query)
    return { total, items: rows.map(toSummary) }
  }

  async function exportSheets(actor: Actor, query: TBillingSheetListQuery): Promise<Buffer> {
    const { items } = await listSheets(actor, { ...query, limit: EXPORT_LIMIT, offset: 0 })
    return writeSheetsWorkbook(items)
  }

  /** The printed sheet (A4 landscape PDF). */
  async function sheetPdf(actor: Actor, id: string): Promise<{ bytes: Buffer; fileName: string }> {
    requireAccess(actor, 'rental.read')
    const sheet = await loadSheet(db, actor, id)
    const detail = await readDetail(db, actor, sheet)
    const org = await findOrganizationById(db, actor.orgId)
    const bytes = await renderPdf(
      billingSheetPdf({
        org: { name: org?.name ?? '', locale: org?.locale ?? 'es-EC' },
        sheet: detail,
        contactName: sheet.contact_reference,
      }),
    )
    return { bytes, fileName: `Planilla-${sheet.series_code}.pdf` }
  }

  /** One sheet as a workbook (lines with one column per date, totals, header). */
  async function sheetWorkbook(actor: Actor, id: string): Promise<{ bytes: Buffer; fileName: string }> {
    requireAccess(actor, 'rental.read')
    const sheet = await loadSheet(db, actor, id)
    const bytes = await writeSheetWorkbook(await readDetail(db, actor, sheet))
    return { bytes, fileName: `Planilla-${sheet.series_code}.xlsx` }
  }

  // --- creating and editing ---

  function checkPeriod(input: { periodStart: string; periodEnd: string }, project?: BillingProject) {
    const errors: TFieldError[] = []
    if (input.periodStart >= input.periodEnd)
      errors.push({ path: 'periodEnd', message: 'El fin del período debe ser posterior a su inicio' })
    if (project) {
      if (input.periodStart < project.startDate)
        errors.push({
          path: 'periodStart',
          message: `El período empieza antes del inicio del proyecto (${project.startDate})`,
        })
      if (project.endDate && input.periodEnd > project.endDate)
        errors.push({
          path: 'periodEnd',
          message: `El período termina después del fin del proyecto (${project.endDate})`,
        })
    }
    if (errors.length > 0) throw validationError('Período no válido', errors)
  }

  /**
   * Creates a sheet for a project and period: checks the period (start < end, within the project), the
   * project (open), the one-in-progress and (project, period) rules and overlaps with live sheets; takes the
   * next series number of the year; computes its lines at once.
   */
  async function createSheet(actor: Actor, input: TCreateBillingSheetRequest): Promise<TBillingSheetDetail> {
    requireAccess(actor, 'billingSheet.manage')
    checkPeriod(input)
    const day = await today(actor.orgId)
    try {
      return await db.transaction().execute(async (trx) => {
        const project = await projects.getProject(trx, actor, input.projectId)
        if (!project)
          throw validationError('Proyecto no encontrado', [
            { path: 'projectId', message: 'El proyecto no existe' },
          ])
        if (project.closed)
          throw new AppError(
            'INVALID_STATE',
            `El proyecto ${project.name} está cerrado; no admite planillas nuevas`,
          )
        checkPeriod(input, project)
        if (input.periodStart > day)
          throw validationError('El período aún no empieza', [
            {
              path: 'periodStart',
              message: `El período empieza el ${input.periodStart}, después de hoy (${day}); la planilla se crea cuando el período ha empezado`,
            },
          ])
        const live = await repo.listProjectSheets(trx, actor.orgId, project.id, { forUpdate: true })
        const open = live.find((s) => s.status === 'in_progress')
        if (open) {
          throw new AppError(
            'CONFLICT',
            `El proyecto ya tiene la planilla ${open.series_code} en proceso; liquídala o anúlala primero`,
            { billingSheetId: open.id, seriesCode: open.series_code },
          )
        }
        const period = { start: input.periodStart, end: input.periodEnd }
        const clash = live.find(
          (s) =>
            s.status !== 'cancelled' && periodsOverlap(period, { start: s.period_start, end: s.period_end }),
        )
        if (clash) {
          const same = clash.period_start === input.periodStart && clash.period_end === input.periodEnd
          throw new AppError(
            'CONFLICT',
            same
              ? `El proyecto ya tiene la planilla ${clash.series_code} para ese período`
              : `El período se cruza con el de la planilla ${clash.series_code} (${clash.period_start} – ${clash.period_end})`,
            { billingSheetId: clash.id, seriesCode: clash.series_code },
          )
        }
        const settings = await getOrganizationSettings(trx, actor.orgId)
        const org = await findOrganizationById(trx, actor.orgId)
        const prefix =
          typeof settings.billingSeriesPrefix === 'string' && isSeriesPrefix(settings.billingSeriesPrefix)
            ? settings.billingSeriesPrefix
            : DEFAULT_SHEET_PREFIX
        const year = Number(day.slice(0, 4))
        const number = await allocateNumber(trx, {
          orgId: actor.orgId,
          series: SHEET_SERIES,
          year,
          start: FIRST_SERIES_NUMBER,
        })
        const inserted = await repo.insertSheet(trx, actor.orgId, userId(actor), {
          project_id: project.id,
          series_prefix: prefix,
          series_year: year,
          series_number: number,
          series_code: formatSeriesCode(prefix, year, number),
          period_start: input.periodStart,
          period_end: input.periodEnd,
          ...projectSnapshot(project),
          contact_reference: project.contactName,
          notes: input.notes ?? null,
          currency: org?.currencies[0] ?? 'USD',
          tax_rate: org?.taxRate ?? '0',
        })
        await writeAudit(trx, actor, {
          action: 'billing_sheet.created',
          module: MODULE,
          entityType: ENTITY,
          entityId: inserted.id,
          changes: diffFields(null, {
            seriesCode: inserted.series_code,
            projectName: project.name,
            periodStart: inserted.period_start,
            periodEnd: inserted.period_end,
          }),
          data: { seriesCode: inserted.series_code, projectId: project.id, status: inserted.status },
        })
        const sheet = await recomputeSheet(trx, actor, inserted, 'created')
        return readDetail(trx, actor, sheet)
      })
    } catch (err) {
      if (isUniqueViolation(err, 'billing_sheets_one_open_uq'))
        throw new AppError('CONFLICT', 'El proyecto ya tiene una planilla en proceso')
      if (isUniqueViolation(err, 'billing_sheets_period_uq'))
        throw new AppError('CONFLICT', 'El proyecto ya tiene una planilla para ese período')
      throw err
    }
  }

  /** Header fields (notes, client purchase order, contact) while the sheet is in progress. */
  async function updateSheet(
    actor: Actor,
    id: string,
    patch: TUpdateBillingSheetRequest,
  ): Promise<TBillingSheetDetail> {
    requireAccess(actor, 'billingSheet.manage')
    return db.transaction().execute(async (trx) => {
      const before = await loadSheet(trx, actor, id, { forUpdate: true })
      requireAction(before, 'editLines')
      const values: repo.SheetPatch = { updated_at: clock() }
      if (patch.notes !== undefined) values.notes = patch.notes || null
      if (patch.clientPoReference !== undefined) values.client_po_reference = patch.clientPoReference || null
      if (patch.contactReference !== undefined) values.contact_reference = patch.contactReference || null
      const after = await repo.updateSheet(trx, actor.orgId, id, values)
      const changes = diffFields(headerSnapshot(before), headerSnapshot(after), [
        'notes',
        'clientPoReference',
        'contactReference',
      ])
      if (changes.length > 0) {
        await writeAudit(trx, actor, {
          action: 'billing_sheet.updated',
          module: MODULE,
          entityType: ENTITY,
          entityId: id,
          changes,
          data: { seriesCode: before.series_code },
        })
      }
      return readDetail(trx, actor, after)
    })
  }

  async function loadLine(trx: Executor, actor: Actor, sheet: repo.SheetRow, lineId: string) {
    const line = await repo.findLine(trx, actor.orgId, sheet.id, lineId)
    if (!line) throw new AppError('NOT_FOUND', 'Línea no encontrada')
    return line
  }

  /**
   * Manual billed days of a rental line: real dates inside the period and the equipment's operation
   * windows (the frequency does not restrict a manual day). Stored as dates with the line's assignment
   * version: they survive recomputation until an assignment of the equipment changes.
   */
  async function setLineDays(
    actor: Actor,
    id: string,
    lineId: string,
    input: TUpdateLineDaysRequest,
  ): Promise<TBillingSheetDetail> {
    requireAccess(actor, 'billingSheet.manage')
    return db.transaction().execute(async (trx) => {
      const sheet = await loadSheet(trx, actor, id, { forUpdate: true })
      requireAction(sheet, 'editLines')
      const line = await loadLine(trx, actor, sheet, lineId)
      if (line.kind !== 'rental' || !line.equipment_id)
        throw new AppError('INVALID_STATE', 'Solo se editan los días de las líneas de alquiler de equipos', {
          kind: line.kind,
        })
      const assignments = rentalAssignments(
        await projects.listAssignments(trx, actor, sheet.project_id),
      ).filter((a) => a.equipmentId === line.equipment_id)
      const period = { start: sheet.period_start, end: sheet.period_end }
      const check = validateDayEdit({ period, assignments, dates: input.dates })
      if (!check.ok) throw validationError('Días no válidos', check.errors)
      // a line split by a rate change takes only its own dates; the edit is kept for the whole equipment
      const window = new Set(line.allowed_dates)
      const outside = input.dates.findIndex((d) => !window.has(d))
      if (outside >= 0)
        throw validationError('Días no válidos', [
          {
            path: `dates.${outside}`,
            message: 'Fecha fuera de las fechas de esta tarifa; edítala en la otra línea',
          },
        ])
      const baseKey = lineKey.rental(line.equipment_id)
      const siblings = (await repo.listLines(trx, actor.orgId, sheet.id)).filter(
        (l) => l.kind === 'rental' && l.equipment_id === line.equipment_id && l.id !== line.id,
      )
      const allDates = [...new Set([...siblings.flatMap((l) => l.dates), ...check.dates])].sort()
      const now = clock()
      await repo.upsertLineState(trx, actor.orgId, sheet.id, {
        key: baseKey,
        kind: line.kind,
        description: line.description,
        day_edit_dates: allDates,
        day_edit_version: line.source_version ?? rentalSourceVersion(assignments),
        day_edit_at: now,
        day_edit_by: userId(actor),
      })
      await writeAudit(trx, actor, {
        action: 'billing_sheet.line_days_changed',
        module: MODULE,
        entityType: ENTITY,
        entityId: sheet.id,
        changes: dayChanges(line.dates, check.dates),
        data: {
          seriesCode: sheet.series_code,
          lineId,
          key: line.key,
          description: line.description,
          dates: check.dates,
        },
      })
      const after = await recomputeSheet(trx, actor, sheet, 'line_days')
      return readDetail(trx, actor, after)
    })
  }

  /** Drops the manual days of a rental line: the computed dates are billed again. */
  async function clearLineDays(actor: Actor, id: string, lineId: string): Promise<TBillingSheetDetail> {
    requireAccess(actor, 'billingSheet.manage')
    return db.transaction().execute(async (trx) => {
      const sheet = await loadSheet(trx, actor, id, { forUpdate: true })
      requireAction(sheet, 'editLines')
      const line = await loadLine(trx, actor, sheet, lineId)
      const key = line.kind === 'rental' && line.equipment_id ? lineKey.rental(line.equipment_id) : line.key
      const state = (await repo.listLineStates(trx, actor.orgId, sheet.id)).find((s) => s.key === key)
      if (state?.day_edit_dates) {
        if (state.removed)
          await repo.upsertLineState(trx, actor.orgId, sheet.id, {
            key,
            kind: line.kind,
            description: line.description,
            day_edit_dates: null,
            day_edit_version: null,
          })
        else await repo.deleteLineState(trx, actor.orgId, sheet.id, key)
        await writeAudit(trx, actor, {
          action: 'billing_sheet.line_days_reset',
          module: MODULE,
          entityType: ENTITY,
          entityId: sheet.id,
          changes: [{ field: 'quantity', old: line.quantity, new: null }],
          data: { seriesCode: sheet.series_code, lineId, key: line.key, description: line.description },
        })
      }
      const after = await recomputeSheet(trx, actor, sheet, 'line_days')
      return readDetail(trx, actor, after)
    })
  }

  /**
   * Removes a line from the sheet: it is never emitted again, whatever changes, until restored. A service
   * line cannot be removed — its days come from the custody chains of the period: cancel the chains instead
   * (docs/rental-billing.md#lines-the-user-changes).
   */
  async function removeLine(actor: Actor, id: string, lineId: string): Promise<TBillingSheetDetail> {
    requireAccess(actor, 'billingSheet.manage')
    return db.transaction().execute(async (trx) => {
      const sheet = await loadSheet(trx, actor, id, { forUpdate: true })
      requireAction(sheet, 'editLines')
      const line = await loadLine(trx, actor, sheet, lineId)
      if (line.kind === 'service')
        throw new AppError(
          'INVALID_STATE',
          'Una línea de servicio sale de las cadenas de custodia del período; anula las cadenas para quitarla',
          { kind: line.kind },
        )
      const now = clock()
      await repo.upsertLineState(trx, actor.orgId, sheet.id, {
        key: line.key,
        kind: line.kind,
        description: line.description,
        removed: true,
        removed_at: now,
        removed_by: userId(actor),
      })
      await writeAudit(trx, actor, {
        action: 'billing_sheet.line_removed',
        module: MODULE,
        entityType: ENTITY,
        entityId: sheet.id,
        changes: [{ field: 'lines', old: line.description, new: null }],
        data: { seriesCode: sheet.series_code, lineId, key: line.key, total: money(line.total) },
      })
      const after = await recomputeSheet(trx, actor, sheet, 'line_removed')
      return readDetail(trx, actor, after)
    })
  }

  /** Brings back a line the user removed (by its key); it is computed again from its sources. */
  async function restoreLine(
    actor: Actor,
    id: string,
    input: TRestoreBillingLineRequest,
  ): Promise<TBillingSheetDetail> {
    requireAccess(actor, 'billingSheet.manage')
    return db.transaction().execute(async (trx) => {
      const sheet = await loadSheet(trx, actor, id, { forUpdate: true })
      requireAction(sheet, 'editLines')
      const state = (await repo.listLineStates(trx, actor.orgId, sheet.id)).find(
        (s) => s.key === input.key && s.removed,
      )
      if (!state) throw new AppError('NOT_FOUND', 'Línea quitada no encontrada')
      if (state.day_edit_dates)
        await repo.upsertLineState(trx, actor.orgId, sheet.id, {
          key: state.key,
          kind: state.kind,
          description: state.description,
          removed: false,
          removed_at: null,
          removed_by: null,
        })
      else await repo.deleteLineState(trx, actor.orgId, sheet.id, state.key)
      await writeAudit(trx, actor, {
        action: 'billing_sheet.line_restored',
        module: MODULE,
        entityType: ENTITY,
        entityId: sheet.id,
        changes: [{ field: 'lines', old: null, new: state.description }],
        data: { seriesCode: sheet.series_code, key: state.key },
      })
      const after = await recomputeSheet(trx, actor, sheet, 'line_restored')
      return readDetail(trx, actor, after)
    })
  }

  // --- lifecycle ---

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

  /**
   * Liquidation: one last recomputation, the draft documents of the period are closed, the lines freeze.
   * From now on the sheet, its lines and the documents of its period refuse every change.
   */
  async function liquidate(actor: Actor, id: string): Promise<TBillingSheetDetail> {
    requireAccess(actor, 'billingSheet.liquidate')
    const day = await today(actor.orgId)
    return db.transaction().execute(async (trx) => {
      const before = await loadSheet(trx, actor, id, { forUpdate: true })
      requireAction(before, 'liquidate')
      if (before.period_end > day)
        throw new AppError(
          'INVALID_STATE',
          `El período de la planilla ${before.series_code} termina el ${before.period_end}; se liquida desde el ${addDays(before.period_end, 1)} (hoy es ${day})`,
          { periodEnd: before.period_end, today: day },
        )
      await documents.closeDraftDocuments(trx, actor, scopeOf(before))
      const recomputed = await recomputeSheet(trx, actor, before, 'liquidation')
      const now = clock()
      const after = await repo.updateSheet(trx, actor.orgId, id, {
        status: 'liquidated',
        status_reason: null,
        liquidated_at: now,
        liquidated_by: userId(actor),
        updated_at: now,
      })
      await statusChange(trx, actor, before, after, 'liquidated', {
        subtotal: money(recomputed.subtotal),
        tax: money(recomputed.tax),
        total: money(recomputed.total),
      })
      return readDetail(trx, actor, after)
    })
  }

  /** Reopening a liquidated sheet needs a reason and no other sheet of the project in progress. */
  async function reopen(
    actor: Actor,
    id: string,
    input: TReopenBillingSheetRequest,
  ): Promise<TBillingSheetDetail> {
    requireAccess(actor, 'billingSheet.liquidate')
    const reason = input.reason.trim()
    if (!reason)
      throw validationError('Indica el motivo', [{ path: 'reason', message: 'El motivo es obligatorio' }])
    try {
      return await db.transaction().execute(async (trx) => {
        const before = await loadSheet(trx, actor, id, { forUpdate: true })
        requireAction(before, 'reopen')
        const open = (
          await repo.listProjectSheets(trx, actor.orgId, before.project_id, { statuses: ['in_progress'] })
        )[0]
        if (open)
          throw new AppError(
            'CONFLICT',
            `El proyecto ya tiene la planilla ${open.series_code} en proceso; no se puede reabrir otra`,
            { billingSheetId: open.id, seriesCode: open.series_code },
          )
        const project = await projects.getProject(trx, actor, before.project_id)
        if (project?.closed)
          throw new AppError(
            'INVALID_STATE',
            `El proyecto ${project.name} está cerrado; sus planillas no se reabren`,
          )
        const now = clock()
        const reopened = await repo.updateSheet(trx, actor.orgId, id, {
          status: 'in_progress',
          status_reason: reason,
          liquidated_at: null,
          liquidated_by: null,
          updated_at: now,
        })
        await statusChange(trx, actor, before, reopened, 'reopened', { reason })
        const after = await recomputeSheet(trx, actor, reopened, 'reopened')
        return readDetail(trx, actor, after)
      })
    } catch (err) {
      if (isUniqueViolation(err, 'billing_sheets_one_open_uq'))
        throw new AppError('CONFLICT', 'El proyecto ya tiene una planilla en proceso')
      throw err
    }
  }

  /** Invoicing a liquidated sheet: the invoice reference and the invoice, an uploaded PDF. */
  async function invoice(
    actor: Actor,
    id: string,
    input: TInvoiceBillingSheetRequest,
  ): Promise<TBillingSheetDetail> {
    requireAccess(actor, 'billingSheet.invoice')
    return db.transaction().execute(async (trx) => {
      const before = await loadSheet(trx, actor, id, { forUpdate: true })
      requireAction(before, 'invoice')
      const file = await files.getFile(actor, input.invoiceFileId, trx).catch((err: unknown) => {
        if (err instanceof AppError && err.code === 'NOT_FOUND')
          throw validationError('Factura no encontrada', [
            { path: 'invoiceFileId', message: 'El archivo no existe; súbelo primero' },
          ])
        throw err
      })
      if (file.kind !== 'pdf')
        throw validationError('La factura debe ser un PDF', [
          { path: 'invoiceFileId', message: `El archivo es ${file.kind.toUpperCase()}, no PDF` },
        ])
      const reference = input.invoiceReference.trim()
      const taken = await repo.findSheetByInvoiceReference(trx, actor.orgId, reference)
      if (taken && taken.id !== id) throw invoiceTaken(reference, taken.series_code, taken.id)
      const now = clock()
      const after = await repo
        .updateSheet(trx, actor.orgId, id, {
          status: 'invoiced',
          status_reason: null,
          invoice_reference: reference,
          invoice_file_id: file.id,
          invoiced_at: now,
          invoiced_by: userId(actor),
          updated_at: now,
        })
        .catch((err: unknown) => {
          if (isUniqueViolation(err, 'billing_sheets_invoice_reference_uq'))
            throw invoiceTaken(reference, null, null)
          throw err
        })
      await statusChange(trx, actor, before, after, 'invoiced', { fileName: file.name })
      return readDetail(trx, actor, after)
    })
  }

  async function cancel(
    actor: Actor,
    id: string,
    input: TCancelBillingSheetRequest,
  ): Promise<TBillingSheetDetail> {
    requireAccess(actor, 'billingSheet.liquidate')
    return db.transaction().execute(async (trx) => {
      const before = await loadSheet(trx, actor, id, { forUpdate: true })
      requireAction(before, 'cancel')
      // a cancelled sheet bills nothing: the documents it billed may go to the sheet that replaces it
      await documents.unlinkDocumentsFromSheet(trx, actor, scopeOf(before))
      const now = clock()
      const after = await repo.updateSheet(trx, actor.orgId, id, {
        status: 'cancelled',
        status_reason: input.reason?.trim() || null,
        documents_signature: null,
        cancelled_at: now,
        cancelled_by: userId(actor),
        updated_at: now,
      })
      await statusChange(trx, actor, before, after, 'cancelled', { reason: input.reason?.trim() || null })
      return readDetail(trx, actor, after)
    })
  }

  /**
   * Deletes an in-progress sheet: the period is free again (the series number is not reused), the guides
   * it billed are released and its certificate goes with it.
   */
  async function deleteSheet(actor: Actor, id: string): Promise<void> {
    requireAccess(actor, 'billingSheet.manage')
    await db.transaction().execute(async (trx) => {
      const before = await loadSheet(trx, actor, id, { forUpdate: true })
      requireAction(before, 'delete')
      await documents.unlinkDocumentsFromSheet(trx, actor, scopeOf(before))
      const cert = await repo.deleteCertificateOfSheet(trx, actor.orgId, id)
      const now = clock()
      await repo.updateSheet(trx, actor.orgId, id, {
        deleted_at: now,
        deleted_by: userId(actor),
        updated_at: now,
      })
      await writeAudit(trx, actor, {
        action: 'billing_sheet.deleted',
        module: MODULE,
        entityType: ENTITY,
        entityId: id,
        changes: [{ field: 'deleted', old: false, new: true }],
        data: {
          seriesCode: before.series_code,
          periodStart: before.period_start,
          periodEnd: before.period_end,
          certificate: cert?.number ?? null,
        },
      })
    })
  }

  // --- final disposition certificates (docs/rental-billing.md#disposition-certificates) ---

  /** Writes (creates or refreshes) the certificate of a sheet from the sheet's custody chains. */
  async function writeCertificate(
    trx: Executor,
    actor: Actor,
    sheet: repo.SheetRow,
    docs: BillingDocuments,
    project: BillingProject | null,
    cert: repo.CertificateRow,
    opts: { auditAs: 'refreshed' | null },
  ): Promise<repo.CertificateRow> {
    const { items, totals } = certificateItems(docs.custodyChains, {
      start: sheet.period_start,
      end: sheet.period_end,
    })
    const stored = await repo.listCertificateItems(trx, actor.orgId, cert.id)
    const signature = (
      xs: { id: string; n: string; d: string; g: string; b: string; m: string; t: string; x: string }[],
    ) => JSON.stringify(xs)
    const same =
      signature(
        stored.map((s) => ({
          id: s.custody_chain_id,
          n: s.chain_number,
          d: s.activity_date,
          g: money(s.gallons),
          b: money(s.barrels),
          m: money(s.cubic_meters),
          t: s.treatment,
          x: s.description,
        })),
      ) ===
        signature(
          items.map((i) => ({
            id: i.custodyChainId,
            n: i.chainNumber,
            d: i.activityDate,
            g: i.gallons,
            b: i.barrels,
            m: i.cubicMeters,
            t: i.treatment,
            x: i.description,
          })),
        ) && cert.client_name === (project?.clientName ?? sheet.client_name)
    const now = clock()
    if (same) {
      if (opts.auditAs === null) return cert
      return repo.updateCertificate(trx, actor.orgId, cert.id, {
        client_name: cert.client_name,
        client_tax_id: cert.client_tax_id,
        location: cert.location,
        total_gallons: cert.total_gallons,
        total_barrels: cert.total_barrels,
        total_cubic_meters: cert.total_cubic_meters,
        refreshed_at: now,
      })
    }
    await repo.replaceCertificateItems(
      trx,
      actor.orgId,
      cert.id,
      items.map((i) => ({
        custody_chain_id: i.custodyChainId,
        chain_number: i.chainNumber,
        activity_date: i.activityDate,
        description: i.description,
        treatment: i.treatment,
        gallons: i.gallons,
        barrels: i.barrels,
        cubic_meters: i.cubicMeters,
      })),
    )
    const after = await repo.updateCertificate(trx, actor.orgId, cert.id, {
      client_name: project?.clientName ?? sheet.client_name,
      client_tax_id: project?.clientTaxId ?? sheet.client_tax_id,
      location: project?.location ?? sheet.project_location,
      total_gallons: totals.gallons,
      total_barrels: totals.barrels,
      total_cubic_meters: totals.cubicMeters,
      refreshed_at: now,
    })
    await writeAudit(trx, actor, {
      action: 'disposition_certificate.refreshed',
      module: MODULE,
      entityType: CERT_ENTITY,
      entityId: cert.id,
      changes: diffFields(
        {
          gallons: money(cert.total_gallons),
          barrels: money(cert.total_barrels),
          cubicMeters: money(cert.total_cubic_meters),
        },
        totals,
      ),
      data: { number: cert.number, seriesCode: sheet.series_code, items: items.length },
    })
    return after
  }

  async function readCertificate(exec: Executor, actor: Actor, cert: repo.CertificateRow) {
    const [items, sheet] = await Promise.all([
      repo.listCertificateItems(exec, actor.orgId, cert.id),
      repo.sheetHeaderOf(exec, actor.orgId, cert.sheet_id),
    ])
    if (!sheet || sheet.deleted_at) throw new AppError('NOT_FOUND', 'Certificado no encontrado')
    return {
      id: cert.id,
      number: cert.number,
      issueDate: cert.issue_date,
      billingSheetId: cert.sheet_id,
      seriesCode: sheet.series_code,
      sheetStatus: sheet.status as SheetStatus,
      frozen: sheet.status !== 'in_progress',
      clientName: cert.client_name,
      clientTaxId: cert.client_tax_id,
      location: cert.location,
      items: items.map((i) => ({
        custodyChainId: i.custody_chain_id,
        chainNumber: i.chain_number,
        activityDate: i.activity_date,
        description: i.description,
        treatment: i.treatment,
        gallons: money(i.gallons),
        barrels: money(i.barrels),
        cubicMeters: money(i.cubic_meters),
      })),
      totalGallons: money(cert.total_gallons),
      totalBarrels: money(cert.total_barrels),
      totalCubicMeters: money(cert.total_cubic_meters),
      createdAt: cert.created_at.toISOString(),
      refreshedAt: cert.refreshed_at.toISOString(),
    }
  }

  /**
   * Creates the final disposition certificate of a sheet (one per sheet; 409 when it has one), numbered
   * `<prefix>-YYYYMMDD-NNNNN` with the organization's consecutive of the day.
   */
  async function createCertificate(actor: Actor, input: { billingSheetId: string }) {
    requireAccess(actor, 'billingSheet.manage')
    const day = await today(actor.orgId)
    try {
      return await db.transaction().execute(async (trx) => {
        const sheet = await loadSheet(trx, actor, input.billingSheetId, { forUpdate: true })
        const existing = await repo.findCertificateOfSheet(trx, actor.orgId, sheet.id)
        if (existing)
          throw new AppError('CONFLICT', `La planilla ya tiene el certificado ${existing.number}`, {
            certificateId: existing.id,
            number: existing.number,
          })
        requireAction(sheet, 'createCertificate')
        const settings = await getOrganizationSettings(trx, actor.orgId)
        const prefix =
          typeof settings.dispositionCertificatePrefix === 'string' &&
          isSeriesPrefix(settings.dispositionCertificatePrefix)
            ? settings.dispositionCertificatePrefix
            : DEFAULT_CERTIFICATE_PREFIX
        const consecutive = await allocateNumber(trx, {
          orgId: actor.orgId,
          series: `disposition-certificate-${day.replaceAll('-', '')}`,
        })
        if (consecutive > 99_999)
          throw new AppError('CONFLICT', 'Se agotaron los números de certificado del día (99 999)')
        const project = await projects.getProject(trx, actor, sheet.project_id)
        const docs = await certificateDocuments(trx, actor, sheet)
        const cert = await repo.insertCertificate(trx, actor.orgId, {
          sheet_id: sheet.id,
          number: formatCertificateNumber(day, consecutive, prefix),
          prefix,
          issue_date: day,
          consecutive,
          client_name: project?.clientName ?? sheet.client_name,
          client_tax_id: project?.clientTaxId ?? sheet.client_tax_id,
          location: project?.location ?? sheet.project_location,
          total_gallons: '0',
          total_barrels: '0',
          total_cubic_meters: '0',
          created_by: userId(actor),
        })
        await writeAudit(trx, actor, {
          action: 'disposition_certificate.created',
          module: MODULE,
          entityType: CERT_ENTITY,
          entityId: cert.id,
          changes: [{ field: 'number', old: null, new: cert.number }],
          data: { number: cert.number, billingSheetId: sheet.id, seriesCode: sheet.series_code },
        })
        const written = await writeCertificate(trx, actor, sheet, docs, project, cert, { auditAs: null })
        return readCertificate(trx, actor, written)
      })
    } catch (err) {
      if (isUniqueViolation(err))
        throw new AppError('CONFLICT', 'La planilla ya tiene certificado de disposición final')
      throw err
    }
  }

  /** The chains a certificate lists: those the sheet bills (linked to it, or of its period while in progress). */
  async function certificateDocuments(
    trx: Executor,
    actor: Actor,
    sheet: repo.SheetRow,
  ): Promise<BillingDocuments> {
    if (sheet.status === 'in_progress') return (await billedDocuments(trx, actor, sheet)).docs
    const all = await documents.listDocumentsForPeriod(trx, actor, scopeOf(sheet))
    return {
      ...all,
      custodyChains: all.custodyChains.filter((c) => !c.billingSheetId || c.billingSheetId === sheet.id),
    }
  }

  async function loadCertificate(exec: Executor, actor: Actor, id: string) {
    const cert = await repo.findCertificate(exec, actor.orgId, id)
    if (!cert) throw new AppError('NOT_FOUND', 'Certificado no encontrado')
    return cert
  }

  /** Rebuilds the certificate from the sheet's chains; only while the sheet is in progress (frozen after). */
  async function refreshCertificate(actor: Actor, id: string) {
    requireAccess(actor, 'billingSheet.manage')
    return db.transaction().execute(async (trx) => {
      const cert = await loadCertificate(trx, actor, id)
      const sheet = await repo.findSheet(trx, actor.orgId, cert.sheet_id, { forUpdate: true })
      if (!sheet) throw new AppError('NOT_FOUND', 'Certificado no encontrado')
      requireAction(sheet, 'refreshCertificate')
      const project = await projects.getProject(trx, actor, sheet.project_id)
      const docs = await certificateDocuments(trx, actor, sheet)
      const written = await writeCertificate(trx, actor, sheet, docs, project, cert, { auditAs: 'refreshed' })
      return readCertificate(trx, actor, written)
    })
  }

  async function getCertificate(actor: Actor, id: string) {
    requireAccess(actor, 'rental.read')
    return readCertificate(db, actor, await loadCertificate(db, actor, id))
  }

  async function listCertificates(actor: Actor, query: Parameters<typeof repo.listCertificates>[2]) {
    requireAccess(actor, 'rental.read')
    const { rows, total } = await repo.listCertificates(db, actor.orgId, query)
    return {
      total,
      items: rows.map((c) => ({
        id: c.id,
        number: c.number,
        issueDate: c.issue_date,
        billingSheetId: c.sheet_id,
        seriesCode: c.series_code,
        sheetStatus: c.sheet_status as SheetStatus,
        frozen: c.sheet_status !== 'in_progress',
        clientName: c.client_name,
        clientTaxId: c.client_tax_id,
        location: c.location,
        totalGallons: money(c.total_gallons),
        totalBarrels: money(c.total_barrels),
        totalCubicMeters: money(c.total_cubic_meters),
        createdAt: c.created_at.toISOString(),
        refreshedAt: c.refreshed_at.toISOString(),
        itemCount: c.item_count,
      })),
    }
  }

  async function certificatePdfFile(actor: Actor, id: string): Promise<{ bytes: Buffer; fileName: string }> {
    requireAccess(actor, 'rental.read')
    const cert = await loadCertificate(db, actor, id)
    const certificate = await readCertificate(db, actor, cert)
    const org = await findOrganizationById(db, actor.orgId)
    const names = await findUserNames(db, actor.orgId, cert.created_by ? [cert.created_by] : [])
    const bytes = await renderPdf(
      certificatePdf({
        org: { name: org?.name ?? '', locale: org?.locale ?? 'es-EC' },
        certificate,
        issuedBy: names[0]?.name ?? null,
      }),
    )
    return { bytes, fileName: `CertificadoDisposicionFinal-${cert.number}.pdf` }
  }

  return {
    // reading
    getSheet,
    listSheets,
    exportSheets,
    sheetPdf,
    sheetWorkbook,
    // changes
    createSheet,
    updateSheet,
    setLineDays,
    clearLineDays,
    removeLine,
    restoreLine,
    liquidate,
    reopen,
    invoice,
    cancel,
    deleteSheet,
    // certificates
    createCertificate,
    refreshCertificate,
    getCertificate,
    listCertificates,
    certificatePdfFile,
    // hooks for the other rental modules (inside their transaction)
    recomputeOpenSheets,
    onAssignmentsChanged,
    frozenPeriods,
    assertPeriodOpen,
    afterDocumentChanged,
    hasSheetInProgress,
    /** rental-documents' `billing` port */
    billingPort: { assertPeriodOpen, afterDocumentChanged },
  }
}
