import Decimal from 'decimal.js'
import type {
  TAnnexDiff,
  TAnnexDiffLine,
  TAnnexImportDetail,
  TAnnexImportList,
  TAnnexImportRejection,
  TAnnexImportStatus,
  TAnnexImportSummary,
  TPagination,
  TStoredFile,
  TWorkOrderConcepts,
} from '@faena/contracts'
import { isSystemActor, requireAccess, type Actor, type Permission } from '../../platform/access'
import { writeAudit } from '../../platform/audit/audit'
import { findUserNames } from '../../platform/auth/users.repository'
import type { Db, Executor } from '../../platform/db/executor'
import { AppError } from '../../platform/errors'
import type { CellValue } from '../../platform/spreadsheet/read-workbook'
import { getWorkOrderRef, type WorkOrderRef } from '../work-orders'
import { diffAnnexC, type AnnexDiff, type AnnexLine } from './annex-c-diff'
import { annexCErrorFileName, buildAnnexCErrorWorkbook } from './annex-c-error-workbook'
import { parseAnnexCWithCatalog } from './annex-c-lookup'
import type { AnnexCColumn, AnnexCParsed, AnnexCRejected, AnnexCFileError } from './annex-c-parser'
import * as repo from './work-order-concepts.repository'

/** Exact arithmetic (no rounding happens: products and sums of numeric values stay far below 40 digits). */
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP })

/** What this module needs from the files service (platform). */
export type FilesPort = {
  uploadFile(
    actor: Actor,
    input: { name: string; bytes: Buffer; accept?: readonly TStoredFile['kind'][] },
    trx?: Executor,
  ): Promise<TStoredFile>
}

export type WorkOrderConceptsServiceDeps = {
  db: Db
  clock: () => Date
  files: FilesPort
}
export type WorkOrderConceptsService = ReturnType<typeof createWorkOrderConceptsService>

export type ImportAnnexOptions = { fileName: string; bytes: Buffer }
export type ImportAnnexResult =
  | { outcome: 'pending'; detail: TAnnexImportDetail }
  | { outcome: 'rejected'; rejection: TAnnexImportRejection['error'] }

const MODULE = 'work-order-concepts'
const ENTITY = 'annex_import'
const MAX_BAD_ROWS_SHOWN = 500
const MAX_WARNINGS = 200

type Reading = TAnnexImportDetail['reading']
type UserNames = Map<string, string>

const dec = (v: string | null | undefined) => new D(v === null || v === undefined || v === '' ? 0 : v)

function cellText(v: CellValue | undefined): string | null {
  if (v === null || v === undefined) return null
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10)
  return String(v)
}

/** A rejected row's cells by header (date headers as DD/MM/YYYY, columns without a header left out). */
function rowValues(columns: AnnexCColumn[], values: CellValue[]): Record<string, string | null> {
  const out: Record<string, string | null> = {}
  for (const c of columns) {
    if (c.role === 'unnamed') continue
    const label = c.role === 'date' ? c.label : (cellText(c.raw) ?? '').trim() || c.label
    out[label in out ? `${label} (${c.index + 1})` : label] = cellText(values[c.index])
  }
  return out
}

const compactLine = (l: AnnexLine): TAnnexDiffLine => ({
  annex: l.annex,
  code: l.code,
  description: l.description,
  unitKey: l.unitKey,
  volume: l.volume,
  priceMxn: l.priceMxn,
  priceUsd: l.priceUsd,
})

function storedDiff(diff: AnnexDiff, base: { id: string; version: number } | null): TAnnexDiff {
  return {
    baseImportId: base?.id ?? null,
    baseVersion: base?.version ?? null,
    added: diff.added.map(compactLine),
    removed: diff.removed.map(compactLine),
    changed: diff.changed.map((c) => ({
      before: compactLine(c.before),
      after: compactLine(c.after),
      ...(c.volume ? { volume: c.volume } : {}),
      ...(c.priceMxn ? { priceMxn: c.priceMxn } : {}),
      ...(c.priceUsd ? { priceUsd: c.priceUsd } : {}),
      ...(c.unit ? { unit: c.unit } : {}),
      plannedChanged: c.plannedChanged,
    })),
    unchangedCount: diff.unchangedCount,
    totals: diff.totals,
    identical: diff.identical,
  }
}

/** A stored line as the diff compares it. */
const lineOf = (r: repo.ConceptLineRow, planned?: Record<string, string>): AnnexLine => ({
  annex: r.annex,
  code: r.code,
  description: r.description,
  unitKey: r.unit_key,
  volume: r.authorized_volume,
  priceMxn: r.unit_price_mxn,
  priceUsd: r.unit_price_usd,
  ...(planned ? { plannedByDay: planned } : {}),
})

/** The lines of a parsed file, as stored. */
function linesOfFile(parsed: AnnexCParsed): repo.LineValues[] {
  return parsed.rows.map((r) => ({
    position: r.position,
    row_number: r.rowNumber,
    concept_id: r.conceptRef.id,
    annex: r.annex,
    code: r.code,
    description: r.description,
    unit_id: r.unitId,
    unit_key: r.unitKey,
    authorized_volume: r.authorizedVolume,
    unit_price_mxn: r.unitPriceMxn,
    unit_price_usd: r.unitPriceUsd,
    price_source_mxn: r.priceSource.mxn,
    price_source_usd: r.priceSource.usd,
    ok: r.ok ?? null,
    plannedByDay: r.plannedByDay,
  }))
}

const asLine = (l: repo.LineValues): AnnexLine => ({
  annex: l.annex,
  code: l.code,
  description: l.description,
  unitKey: l.unit_key,
  volume: l.authorized_volume,
  priceMxn: l.unit_price_mxn,
  priceUsd: l.unit_price_usd,
  plannedByDay: l.plannedByDay,
})

/**
 * Authorized volumes of each version of a family (for the work-orders family view): its active concept
 * version's line count and amounts, and what changed against the nearest earlier member that has one
 * (zeros for the first). Members without an active version are absent. `workOrderIds` in family order.
 */
export async function familyAuthorizedVolumes(
  executor: Executor,
  orgId: string,
  workOrderIds: readonly string[],
) {
  const active = await repo.findActiveImports(executor, orgId, workOrderIds)
  const byWorkOrder = new Map(active.map((a) => [a.work_order_id, a]))
  const lines = await repo.listLinesOfImports(
    executor,
    orgId,
    active.map((a) => a.id),
  )
  const out = new Map<
    string,
    {
      concepts: number
      amountMxn: string
      amountUsd: string
      added: number
      removed: number
      changed: number
    }
  >()
  let previous: AnnexLine[] | null = null
  for (const id of workOrderIds) {
    const a = byWorkOrder.get(id)
    if (!a) continue
    const current = (lines.get(a.id) ?? []).map((r) => lineOf(r))
    const diff = previous ? diffAnnexC(previous, current) : null
    out.set(id, {
      concepts: a.concept_count,
      amountMxn: dec(a.amount_mxn).toFixed(),
      amountUsd: dec(a.amount_usd).toFixed(),
      added: diff?.added.length ?? 0,
      removed: diff?.removed.length ?? 0,
      changed: diff?.changed.length ?? 0,
    })
    previous = current
  }
  return out
}

/**
 * The lines in force of each of `workOrderIds` (its active version), for other modules (production, estimates:
 * the family consolidation of docs/work-order-concepts.md#family-consolidation works on these). Work orders without an active version are absent.
 */
export async function listActiveWorkOrderConcepts(
  executor: Executor,
  orgId: string,
  workOrderIds: readonly string[],
) {
  const active = await repo.findActiveImports(executor, orgId, workOrderIds)
  const lines = await repo.listLinesOfImports(
    executor,
    orgId,
    active.map((a) => a.id),
  )
  return new Map(
    active.map((a) => [
      a.work_order_id,
      {
        importId: a.id,
        version: a.version,
        lines: (lines.get(a.id) ?? []).map((r) => ({
          id: r.id,
          position: r.position,
          conceptId: r.concept_id,
          annex: r.annex,
          code: r.code,
          description: r.description,
          unitId: r.unit_id,
          unitKey: r.unit_key,
          authorizedVolume: dec(r.authorized_volume).toFixed(),
          unitPriceMxn: dec(r.unit_price_mxn).toFixed(),
          unitPriceUsd: dec(r.unit_price_usd).toFixed(),
        })),
      },
    ]),
  )
}

export function createWorkOrderConceptsService({ db, clock, files }: WorkOrderConceptsServiceDeps) {
  const userId = (actor: Actor) => (isSystemActor(actor) ? null : actor.userId)

  /** The work order, or 404 (another organization's too). Routes call it before reading an upload. */
  async function requireWorkOrder(
    actor: Actor,
    workOrderId: string,
    permission: Permission,
    trx: Executor = db,
  ): Promise<WorkOrderRef> {
    requireAccess(actor, permission)
    const wo = await getWorkOrderRef(trx, actor.orgId, workOrderId)
    if (!wo) throw new AppError('NOT_FOUND', 'Orden de trabajo no encontrada')
    return wo
  }

  async function userNames(executor: Executor, orgId: string, ids: (string | null)[]): Promise<UserNames> {
    const wanted = [...new Set(ids.filter((x): x is string => x !== null))]
    return new Map((await findUserNames(executor, orgId, wanted)).map((u) => [u.id, u.name]))
  }
  const userRef = (names: UserNames, id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null)

  type SummaryRow = Omit<repo.AnnexImportRow, 'reading' | 'diff' | 'org_id'> & {
    diff_counts: repo.DiffCounts
  }
  function toSummary(r: SummaryRow, names: UserNames): TAnnexImportSummary {
    return {
      id: r.id,
      workOrderId: r.work_order_id,
      version: r.version,
      status: r.status as TAnnexImportStatus,
      fileId: r.file_id,
      fileName: r.file_name,
      conceptCount: r.concept_count,
      plannedDayCount: r.planned_day_count,
      totals: { mxn: dec(r.amount_mxn).toFixed(), usd: dec(r.amount_usd).toFixed() },
      changes: {
        added: r.diff_counts.added,
        removed: r.diff_counts.removed,
        changed: r.diff_counts.changed,
        unchanged: r.diff_counts.unchanged,
      },
      baseVersion: r.diff_counts.baseVersion,
      createdBy: userRef(names, r.created_by),
      createdAt: r.created_at.toISOString(),
      confirmedBy: userRef(names, r.confirmed_by),
      confirmedAt: r.confirmed_at?.toISOString() ?? null,
      discardedBy: userRef(names, r.discarded_by),
      discardedAt: r.discarded_at?.toISOString() ?? null,
      supersededAt: r.superseded_at?.toISOString() ?? null,
    }
  }

  function withCounts(r: repo.AnnexImportRow): SummaryRow {
    const diff = r.diff as TAnnexDiff
    return {
      ...r,
      diff_counts: {
        added: diff.added.length,
        removed: diff.removed.length,
        changed: diff.changed.length,
        unchanged: diff.unchangedCount,
        baseVersion: diff.baseVersion,
      },
    }
  }

  async function toDetail(
    executor: Executor,
    r: repo.AnnexImportRow,
    durationMs?: number,
  ): Promise<TAnnexImportDetail> {
    const names = await userNames(executor, r.org_id, [r.created_by, r.confirmed_by, r.discarded_by])
    return {
      ...toSummary(withCounts(r), names),
      reading: r.reading as Reading,
      diff: r.diff as TAnnexDiff,
      ...(durationMs === undefined ? {} : { durationMs: Math.round(durationMs) }),
    }
  }

  async function reject(
    actor: Actor,
    wo: WorkOrderRef,
    fileName: string,
    parsed: AnnexCRejected | AnnexCFileError,
  ): Promise<ImportAnnexResult> {
    if (parsed.kind === 'file') {
      return {
        outcome: 'rejected',
        rejection: {
          code: 'VALIDATION',
          message: parsed.message,
          details: {
            reason: parsed.code,
            fileName,
            sheet: null,
            headerRowNumber: null,
            badRows: [],
            badRowCount: 0,
            validRowCount: 0,
            errorWorkbookFileId: null,
            errorWorkbookFileName: null,
          },
        },
      }
    }
    const workbook = await buildAnnexCErrorWorkbook({ columns: parsed.columns, badRows: parsed.badRows })
    const name = annexCErrorFileName(wo.number)
    const stored = await db.transaction().execute(async (trx) => {
      const file = await files.uploadFile(actor, { name, bytes: workbook, accept: ['xlsx'] }, trx)
      await writeAudit(trx, actor, {
        action: 'annex_import.rejected',
        module: MODULE,
        entityType: 'work_order',
        entityId: wo.id,
        data: {
          fileName,
          badRows: parsed.badRows.length,
          validRows: parsed.validRowCount,
          errorWorkbookFileId: file.id,
        },
      })
      return file
    })
    const n = parsed.badRows.length
    return {
      outcome: 'rejected',
      rejection: {
        code: 'VALIDATION',
        message: `Se encontraron inconsistencias en ${n} ${n === 1 ? 'fila' : 'filas'}; no se importó nada. Descarga el archivo con observaciones, corrígelo y vuelve a subirlo.`,
        details: {
          reason: 'rows',
          fileName,
          sheet: parsed.sheet,
          headerRowNumber: parsed.headerRowNumber,
          badRows: parsed.badRows.slice(0, MAX_BAD_ROWS_SHOWN).map((b) => ({
            rowNumber: b.rowNumber,
            reasons: b.reasons,
            values: rowValues(parsed.columns, b.values),
          })),
          badRowCount: n,
          validRowCount: parsed.validRowCount,
          errorWorkbookFileId: stored.id,
          errorWorkbookFileName: stored.name,
        },
      },
    }
  }

  /** Lines of a version with their planned volumes, as the diff compares them. */
  async function versionLines(executor: Executor, orgId: string, importId: string): Promise<AnnexLine[]> {
    const [rows, planned] = await Promise.all([
      repo.listLines(executor, orgId, importId),
      repo.listPlanned(executor, orgId, importId),
    ])
    return rows.map((r) => lineOf(r, planned.get(r.id) ?? {}))
  }

  async function discardInTrx(
    trx: Executor,
    actor: Actor,
    row: repo.AnnexImportRow,
    reason: 'user' | 'replaced',
  ) {
    await repo.deleteLines(trx, actor.orgId, row.id)
    const updated = await repo.setImportStatus(trx, actor.orgId, row.id, {
      status: 'discarded',
      discarded_by: userId(actor),
      discarded_at: clock(),
    })
    await writeAudit(trx, actor, {
      action: 'annex_import.discarded',
      module: MODULE,
      entityType: ENTITY,
      entityId: row.id,
      changes: [{ field: 'status', old: row.status, new: 'discarded' }],
      data: { workOrderId: row.work_order_id, version: row.version, reason },
    })
    return updated
  }

  /**
   * Reads the file and, when every row is right, saves it as a new version waiting for confirmation, with its
   * differences against the active version (a version still pending is discarded: the newest upload wins).
   * A file with problems saves nothing but its error workbook.
   */
  async function importAnnex(
    actor: Actor,
    workOrderId: string,
    input: ImportAnnexOptions,
  ): Promise<ImportAnnexResult> {
    const started = performance.now()
    const wo = await requireWorkOrder(actor, workOrderId, 'concept.import')
    requireAccess(actor, 'file.upload')
    const parsed = await parseAnnexCWithCatalog(db, actor.orgId, input.bytes)
    if (!parsed.ok) {
      if (parsed.kind === 'file' && parsed.code === 'NOT_XLSX') {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', parsed.message, [
          { path: 'file', message: parsed.message },
        ])
      }
      return reject(actor, wo, input.fileName, parsed)
    }
    const lines = linesOfFile(parsed)
    const incoming = lines.map(asLine)
    let mxn = new D(0)
    let usd = new D(0)
    for (const l of lines) {
      mxn = mxn.plus(dec(l.authorized_volume).times(dec(l.unit_price_mxn)))
      usd = usd.plus(dec(l.authorized_volume).times(dec(l.unit_price_usd)))
    }
    const plannedDayCount = lines.reduce((n, l) => n + Object.keys(l.plannedByDay).length, 0)
    const reading: Reading = {
      sheet: parsed.sheet,
      headerRowNumber: parsed.headerRowNumber,
      hasOkColumn: parsed.hasOkColumn,
      scheduleDates: parsed.scheduleDates,
      skipped: parsed.skipped,
      pricesFromFile: parsed.rows.filter((r) => r.priceSource.mxn === 'file' || r.priceSource.usd === 'file')
        .length,
      warnings: parsed.warnings.slice(0, MAX_WARNINGS),
      controlCharactersRemoved: parsed.controlCharacters,
    }

    const row = await db.transaction().execute(async (trx) => {
      const locked = await getWorkOrderRef(trx, actor.orgId, workOrderId, { forUpdate: true })
      if (!locked) throw new AppError('NOT_FOUND', 'Orden de trabajo no encontrada')
      const pending = await repo.findImportByStatus(trx, actor.orgId, workOrderId, 'pending_confirmation')
      if (pending) await discardInTrx(trx, actor, pending, 'replaced')
      const active = await repo.findImportByStatus(trx, actor.orgId, workOrderId, 'active')
      const before = active ? await versionLines(trx, actor.orgId, active.id) : []
      const diff = storedDiff(
        diffAnnexC(before, incoming),
        active ? { id: active.id, version: active.version } : null,
      )
      const file = await files.uploadFile(
        actor,
        { name: input.fileName, bytes: input.bytes, accept: ['xlsx'] },
        trx,
      )
      const version = await repo.nextVersion(trx, actor.orgId, workOrderId)
      const created = await repo.insertImport(trx, actor.orgId, {
        work_order_id: workOrderId,
        version,
        status: 'pending_confirmation',
        file_id: file.id,
        file_name: file.name,
        base_import_id: active?.id ?? null,
        concept_count: lines.length,
        planned_day_count: plannedDayCount,
        amount_mxn: mxn.toFixed(),
        amount_usd: usd.toFixed(),
        reading,
        diff,
        created_by: userId(actor),
      })
      await repo.insertLines(trx, actor.orgId, created.id, workOrderId, lines)
      await writeAudit(trx, actor, {
        action: 'annex_import.created',
        module: MODULE,
        entityType: ENTITY,
        entityId: created.id,
        data: {
          workOrderId,
          workOrderNumber: wo.number,
          version,
          fileId: file.id,
          fileName: file.name,
          concepts: lines.length,
          plannedDays: plannedDayCount,
          amountMxn: mxn.toFixed(),
          amountUsd: usd.toFixed(),
          baseVersion: active?.version ?? null,
          added: diff.added.length,
          removed: diff.removed.length,
          changed: diff.changed.length,
        },
      })
      return created
    })
    return { outcome: 'pending', detail: await toDetail(db, row, performance.now() - started) }
  }

  async function loadImport(trx: Executor, actor: Actor, workOrderId: string, importId: string) {
    const row = await repo.findImport(trx, actor.orgId, workOrderId, importId)
    if (!row) throw new AppError('NOT_FOUND', 'Versión del Anexo C no encontrada')
    return row
  }

  /** Makes a pending version the active one; the version it was compared with becomes superseded. */
  async function confirmImport(
    actor: Actor,
    workOrderId: string,
    importId: string,
  ): Promise<TAnnexImportDetail> {
    await requireWorkOrder(actor, workOrderId, 'concept.import')
    const row = await db.transaction().execute(async (trx) => {
      const locked = await getWorkOrderRef(trx, actor.orgId, workOrderId, { forUpdate: true })
      if (!locked) throw new AppError('NOT_FOUND', 'Orden de trabajo no encontrada')
      const imp = await loadImport(trx, actor, workOrderId, importId)
      if (imp.status !== 'pending_confirmation') {
        throw new AppError('INVALID_STATE', 'Solo se confirma una versión pendiente de confirmación', {
          status: imp.status,
        })
      }
      const active = await repo.findImportByStatus(trx, actor.orgId, workOrderId, 'active')
      if ((active?.id ?? null) !== imp.base_import_id) {
        throw new AppError(
          'INVALID_STATE',
          'La versión activa cambió desde que se importó este archivo; vuelve a importarlo',
        )
      }
      const now = clock()
      if (active)
        await repo.setImportStatus(trx, actor.orgId, active.id, { status: 'superseded', superseded_at: now })
      const confirmed = await repo.setImportStatus(trx, actor.orgId, imp.id, {
        status: 'active',
        confirmed_by: userId(actor),
        confirmed_at: now,
      })
      const diff = imp.diff as TAnnexDiff
      await writeAudit(trx, actor, {
        action: 'annex_import.confirmed',
        module: MODULE,
        entityType: ENTITY,
        entityId: imp.id,
        changes: [
          { field: 'status', old: 'pending_confirmation', new: 'active' },
          { field: 'activeVersion', old: active?.version ?? null, new: imp.version },
          { field: 'conceptCount', old: active?.concept_count ?? null, new: imp.concept_count },
          {
            field: 'amountMxn',
            old: active ? dec(active.amount_mxn).toFixed() : null,
            new: dec(imp.amount_mxn).toFixed(),
          },
          {
            field: 'amountUsd',
            old: active ? dec(active.amount_usd).toFixed() : null,
            new: dec(imp.amount_usd).toFixed(),
          },
        ],
        data: {
          workOrderId,
          version: imp.version,
          supersededImportId: active?.id ?? null,
          added: diff.added.length,
          removed: diff.removed.length,
          changed: diff.changed.length,
        },
      })
      return confirmed
    })
    return toDetail(db, row)
  }

  async function discardImport(
    actor: Actor,
    workOrderId: string,
    importId: string,
  ): Promise<TAnnexImportDetail> {
    await requireWorkOrder(actor, workOrderId, 'concept.import')
    const row = await db.transaction().execute(async (trx) => {
      const locked = await getWorkOrderRef(trx, actor.orgId, workOrderId, { forUpdate: true })
      if (!locked) throw new AppError('NOT_FOUND', 'Orden de trabajo no encontrada')
      const imp = await loadImport(trx, actor, workOrderId, importId)
      if (imp.status !== 'pending_confirmation') {
        throw new AppError('INVALID_STATE', 'Solo se descarta una versión pendiente de confirmación', {
          status: imp.status,
        })
      }
      return discardInTrx(trx, actor, imp, 'user')
    })
    return toDetail(db, row)
  }

  async function listImports(
    actor: Actor,
    workOrderId: string,
    page: TPagination,
  ): Promise<TAnnexImportList> {
    await requireWorkOrder(actor, workOrderId, 'workOrder.read')
    const { rows, total } = await repo.listImports(db, actor.orgId, workOrderId, page)
    const names = await userNames(
      db,
      actor.orgId,
      rows.flatMap((r) => [r.created_by, r.confirmed_by, r.discarded_by]),
    )
    return { items: rows.map((r) => toSummary(r, names)), total }
  }

  async function getImport(actor: Actor, workOrderId: string, importId: string): Promise<TAnnexImportDetail> {
    await requireWorkOrder(actor, workOrderId, 'workOrder.read')
    return toDetail(db, await loadImport(db, actor, workOrderId, importId))
  }

  /** The lines of the active version (with their planned volumes), its totals, and the pending version if any. */
  async function listConcepts(
    actor: Actor,
    workOrderId: string,
    query: { q?: string | undefined },
  ): Promise<TWorkOrderConcepts> {
    await requireWorkOrder(actor, workOrderId, 'workOrder.read')
    const [active, pending] = await Promise.all([
      repo.findImportByStatus(db, actor.orgId, workOrderId, 'active'),
      repo.findImportByStatus(db, actor.orgId, workOrderId, 'pending_confirmation'),
    ])
    const names = await userNames(
      db,
      actor.orgId,
      [active, pending].flatMap((r) => (r ? [r.created_by, r.confirmed_by, r.discarded_by] : [])),
    )
    const summary = (r: repo.AnnexImportRow | undefined) => (r ? toSummary(withCounts(r), names) : null)
    if (!active) {
      return {
        workOrderId,
        activeImport: null,
        pendingImport: summary(pending),
        items: [],
        total: 0,
        scheduleDates: [],
        totals: { mxn: '0', usd: '0' },
      }
    }
    const [rows, planned] = await Promise.all([
      repo.listLines(db, actor.orgId, active.id, query.q || undefined),
      repo.listPlanned(db, actor.orgId, active.id),
    ])
    const days = new Set<string>()
    const items = rows.map((r) => {
      const byDay = planned.get(r.id) ?? {}
      for (const d of Object.keys(byDay)) days.add(d)
      const volume = dec(r.authorized_volume)
      return {
        id: r.id,
        position: r.position,
        conceptId: r.concept_id,
        annex: r.annex,
        code: r.code,
        description: r.description,
        unitKey: r.unit_key,
        authorizedVolume: volume.toFixed(),
        unitPriceMxn: dec(r.unit_price_mxn).toFixed(),
        unitPriceUsd: dec(r.unit_price_usd).toFixed(),
        amountMxn: volume.times(dec(r.unit_price_mxn)).toFixed(),
        amountUsd: volume.times(dec(r.unit_price_usd)).toFixed(),
        ok: r.ok,
        plannedByDay: Object.fromEntries(Object.entries(byDay).map(([d, v]) => [d, dec(v).toFixed()])),
      }
    })
    return {
      workOrderId,
      activeImport: summary(active),
      pendingImport: summary(pending),
      items,
      total: items.length,
      scheduleDates: [...days].sort(),
      totals: { mxn: dec(active.amount_mxn).toFixed(), usd: dec(active.amount_usd).toFixed() },
    }
  }

  return { requireWorkOrder, importAnnex, confirmImport, discardImport, listImports, getImport, listConcepts }
}
