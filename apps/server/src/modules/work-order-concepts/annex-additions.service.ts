import type { TAnnexImportDetail } from '@faena/contracts'
import type { Actor } from '../../platform/access'
import { writeAudit } from '../../platform/audit/audit'
import type { Executor } from '../../platform/db/executor'
import { AppError, fieldError } from '../../platform/errors'
import { getConceptsByIds } from '../concepts'
import { diffAnnexC } from './annex-c-diff'
import { asLine, dec, lineOf, storedDiff, versionTotals } from './annex-c-lines'
import { normalizeAnnexText } from './annex-c-parser'
import { buildAnnexCWorkbook } from './annex-c-workbook'
import { ENTITY, MODULE, type WorkOrderConceptsContext } from './work-order-concepts.context'
import * as repo from './work-order-concepts.repository'
import { workOrderConceptsMessages as M } from './work-order-concepts.messages'

export type AddCatalogConceptInput = {
  /** the catalog concept to add (active, not already a line of the version in force) */
  conceptId: string
  /** the volume to authorize: > 0, exact */
  volume: string
  /** why (5–500 characters), kept with the version and in the audit */
  reason: string
}

/**
 * A concept added from the catalog with its volume to authorize (docs/work-order-concepts.md#versions-made-in-the-app):
 * a new version of the work order's concepts made in the app — the lines in force plus the added line, at the
 * catalog's prices and without a programme — confirmed at once (the version in force becomes superseded), with
 * its diff against it (one line added), an Anexo C workbook of its lines as its file and the reason. For other
 * modules (production adds a concept to a family this way), in their transaction; the calling use case has
 * checked the access and decided which work order.
 */
export function createAnnexAdditionUseCases(ctx: WorkOrderConceptsContext) {
  const { clock, files, userId, lockWorkOrder } = ctx

  async function addCatalogConcept(
    trx: Executor,
    actor: Actor,
    workOrderId: string,
    input: AddCatalogConceptInput,
  ): Promise<TAnnexImportDetail> {
    await lockWorkOrder(trx, actor, workOrderId)
    const active = await repo.findImportByStatus(trx, actor.orgId, workOrderId, 'active')
    if (!active)
      throw new AppError('VALIDATION', M.noConfirmedAnnex(), [
        fieldError('workOrderId', M.noConfirmedAnnexField()),
      ])
    if (await repo.findImportByStatus(trx, actor.orgId, workOrderId, 'pending_confirmation'))
      throw new AppError('CONFLICT', M.pendingVersion(), { reason: 'pending_version' })
    const [concept] = await getConceptsByIds(trx, actor.orgId, [input.conceptId])
    if (!concept || concept.status === 'cancelled')
      throw new AppError('VALIDATION', M.conceptNotInCatalog(), [
        fieldError('conceptId', M.conceptNotFoundField()),
      ])
    if (!concept.annex)
      throw new AppError('VALIDATION', M.conceptWithoutAnnex({ code: concept.code }), [
        fieldError('conceptId', M.conceptWithoutAnnexField()),
      ])
    const [rows, planned] = await Promise.all([
      repo.listLines(trx, actor.orgId, active.id),
      repo.listPlanned(trx, actor.orgId, active.id),
    ])
    if (rows.some((r) => r.concept_id === concept.id))
      throw new AppError('CONFLICT', M.conceptInAnnex({ code: concept.code }), {
        reason: 'concept_in_annex',
        conceptId: concept.id,
      })
    const kept: repo.LineValues[] = rows.map((r, i) => ({
      position: i + 1,
      row_number: i + 2,
      concept_id: r.concept_id,
      annex: r.annex,
      code: r.code,
      description: r.description,
      unit_id: r.unit_id,
      unit_key: r.unit_key,
      authorized_volume: r.authorized_volume,
      unit_price_mxn: r.unit_price_mxn,
      unit_price_usd: r.unit_price_usd,
      price_source_mxn: r.price_source_mxn,
      price_source_usd: r.price_source_usd,
      ok: r.ok,
      plannedByDay: planned.get(r.id) ?? {},
    }))
    const added: repo.LineValues = {
      position: kept.length + 1,
      row_number: kept.length + 2,
      concept_id: concept.id,
      // the line's text as an import of its workbook would store it (upper case, white space collapsed)
      annex: normalizeAnnexText(concept.annex),
      code: normalizeAnnexText(concept.code),
      description: normalizeAnnexText(concept.description),
      unit_id: concept.unitId,
      unit_key: normalizeAnnexText(concept.unit),
      authorized_volume: dec(input.volume).toFixed(),
      unit_price_mxn: dec(concept.unitPriceMxn).toFixed(),
      unit_price_usd: dec(concept.unitPriceUsd).toFixed(),
      price_source_mxn: 'catalog',
      price_source_usd: 'catalog',
      ok: null,
      plannedByDay: {},
    }
    const lines = [...kept, added]
    const totals = versionTotals(lines)
    const diff = storedDiff(
      diffAnnexC(
        rows.map((r) => lineOf(r, planned.get(r.id) ?? {})),
        lines.map(asLine),
      ),
      { id: active.id, version: active.version },
    )
    const version = await repo.nextVersion(trx, actor.orgId, workOrderId)
    const file = await files.uploadFile(
      actor,
      {
        name: `Anexo_C_v${version}_alta_${concept.code.replace(/[^\w.-]+/g, '_')}.xlsx`,
        bytes: await buildAnnexCWorkbook(lines),
        accept: ['xlsx'],
      },
      trx,
    )
    const now = clock()
    await repo.setImportStatus(trx, actor.orgId, active.id, { status: 'superseded', superseded_at: now })
    const created = await repo.insertImport(trx, actor.orgId, {
      work_order_id: workOrderId,
      version,
      status: 'pending_confirmation',
      file_id: file.id,
      file_name: file.name,
      base_import_id: active.id,
      concept_count: lines.length,
      planned_day_count: totals.plannedDayCount,
      amount_mxn: totals.mxn,
      amount_usd: totals.usd,
      reading: {
        sheet: 'ANEXO C',
        headerRowNumber: 1,
        hasOkColumn: false,
        scheduleDates: [],
        skipped: { notOk: 0, withoutUnit: 0, withoutCodeOrDescription: 0, repeatedHeader: 0 },
        pricesFromFile: 0,
        warnings: [],
      },
      diff,
      reason: input.reason,
      created_by: userId(actor),
    })
    await repo.insertLines(trx, actor.orgId, created.id, workOrderId, lines)
    const confirmed = await repo.setImportStatus(trx, actor.orgId, created.id, {
      status: 'active',
      confirmed_by: userId(actor),
      confirmed_at: now,
    })
    await writeAudit(trx, actor, {
      action: 'annex_import.concept_added',
      module: MODULE,
      entityType: ENTITY,
      entityId: created.id,
      changes: [
        { field: 'activeVersion', old: active.version, new: version },
        { field: `authorizedVolume ${concept.code}`, old: null, new: added.authorized_volume },
        { field: 'amountMxn', old: dec(active.amount_mxn).toFixed(), new: totals.mxn },
        { field: 'amountUsd', old: dec(active.amount_usd).toFixed(), new: totals.usd },
      ],
      data: {
        workOrderId,
        version,
        supersededImportId: active.id,
        conceptId: concept.id,
        code: concept.code,
        reason: input.reason,
        fileId: file.id,
      },
    })
    return ctx.toDetail(trx, confirmed)
  }

  return { addCatalogConcept }
}
