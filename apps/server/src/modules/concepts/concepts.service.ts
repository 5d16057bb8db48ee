import crypto from 'node:crypto'
import type {
  TConcept,
  TConceptFacets,
  TConceptImportError,
  TConceptImportKind,
  TConceptImportSummary,
  TConceptKind,
  TConceptList,
  TConceptListQuery,
} from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { diffFields, writeAudit, writeAuditMany, type AuditEvent } from '../../platform/audit/audit'
import type { Db, Executor } from '../../platform/db/executor'
import { AppError, fieldError } from '../../platform/errors'
import { langOf } from '../../platform/i18n/export-texts'
import { render } from '../../platform/i18n/messages'
import { detectFileKind } from '../../platform/files/file-type'
import { ImportLimitError } from '../../platform/spreadsheet/read-workbook'
import { foldSearchTerm } from './concept-identity'
import {
  annexCounts,
  canonicalDecimal,
  dropOversized,
  prepareContract,
  preparePue,
  rowValues,
  sortErrors,
  type IncomingConcept,
  type PreparedImport,
} from './concept-rows'
import {
  matchConcept,
  lookupParts,
  type CatalogConcept,
  type ConceptLookupKey,
  type ConceptLookupResult,
} from './concept-matcher'
import { normalizeAnnex } from './concept-text'
import { parseContractWorkbook } from './contract-workbook'
import * as repo from './concepts.repository'
import type { ConceptRow, ConceptValues } from './concepts.repository'
import { parsePueWorkbook } from './pue-workbook'
import { conceptsMessages as M } from './concepts.messages'

/** What this module needs from the catalogs module (through its index.ts): units by key, in the caller's transaction. */
export type CatalogsPort = {
  findUnitByKey(trx: Executor, orgId: string, key: string): Promise<{ id: string; key: string } | undefined>
}

export type ConceptsServiceDeps = { db: Db; clock: () => Date; catalogs: CatalogsPort }
export type ConceptsService = ReturnType<typeof createConceptsService>

export type ImportConceptsOptions = { kind: TConceptImportKind; fileName: string; bytes: Buffer }
export type ListConceptsOptions = TConceptListQuery

const MODULE = 'concepts'
const ENTITY = 'concept'

/** The fields an import compares and the audit log names (the API's names). */
const FIELDS = [
  'annex',
  'code',
  'description',
  'unit',
  'unitId',
  'quantity',
  'unitPriceMxn',
  'unitPriceUsd',
  'category',
  'subcategory',
  'classification',
  'status',
  'proposalNumber',
  'workOrderNumber',
  'sanctionDate',
  'convertedCode',
  'comment',
] as const

type Snapshot = Record<(typeof FIELDS)[number], string | null>

/** SHA-256 of the compared fields, in `FIELDS` order: equal hashes, equal concepts. */
const contentHash = (snap: Snapshot): string =>
  crypto
    .createHash('sha256')
    .update(JSON.stringify(FIELDS.map((f) => snap[f])), 'utf8')
    .digest('hex')

const snapshotOfRow = (r: ConceptRow): Snapshot => ({
  annex: r.annex,
  code: r.code,
  description: r.description,
  unit: r.unit,
  unitId: r.unit_id,
  quantity: canonicalDecimal(r.quantity),
  unitPriceMxn: canonicalDecimal(r.unit_price_mxn),
  unitPriceUsd: canonicalDecimal(r.unit_price_usd),
  category: r.category,
  subcategory: r.subcategory,
  classification: r.classification,
  status: r.status,
  proposalNumber: r.proposal_number,
  workOrderNumber: r.work_order_number,
  sanctionDate: r.sanction_date,
  convertedCode: r.converted_code,
  comment: r.comment,
})

const snapshotOfValues = (v: ConceptValues): Snapshot => ({
  annex: v.annex ?? null,
  code: v.code,
  description: v.description,
  unit: v.unit,
  unitId: v.unit_id ?? null,
  quantity: canonicalDecimal(v.quantity ?? '0'),
  unitPriceMxn: canonicalDecimal(v.unit_price_mxn ?? '0'),
  unitPriceUsd: canonicalDecimal(v.unit_price_usd ?? '0'),
  category: v.category ?? null,
  subcategory: v.subcategory ?? null,
  classification: v.classification ?? null,
  status: v.status ?? null,
  proposalNumber: v.proposal_number ?? null,
  workOrderNumber: v.work_order_number ?? null,
  sanctionDate: v.sanction_date ?? null,
  convertedCode: v.converted_code ?? null,
  comment: v.comment ?? null,
})

export function toConcept(r: ConceptRow): TConcept {
  return {
    id: r.id,
    kind: r.kind,
    annex: r.annex,
    code: r.code,
    codeKey: r.code_key,
    description: r.description,
    unit: r.unit,
    unitId: r.unit_id,
    quantity: canonicalDecimal(r.quantity),
    unitPriceMxn: canonicalDecimal(r.unit_price_mxn),
    unitPriceUsd: canonicalDecimal(r.unit_price_usd),
    category: r.category,
    subcategory: r.subcategory,
    classification: r.classification,
    occurrence: r.occurrence,
    status: r.status,
    proposalNumber: r.proposal_number,
    workOrderNumber: r.work_order_number,
    sanctionDate: r.sanction_date,
    convertedCode: r.converted_code,
    comment: r.comment,
    active: r.active,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const toCatalogConcept = (r: ConceptRow): CatalogConcept => ({
  id: r.id,
  kind: r.kind,
  annex: r.annex,
  code: r.code,
  codeKey: r.code_key,
  description: r.description,
  descriptionKey: r.description_key,
  unit: r.unit,
  unitKey: r.unit_key,
  unitId: r.unit_id,
  quantity: canonicalDecimal(r.quantity),
  unitPriceMxn: canonicalDecimal(r.unit_price_mxn),
  unitPriceUsd: canonicalDecimal(r.unit_price_usd),
  occurrence: r.occurrence,
  status: r.status,
  convertedCode: r.converted_code,
  convertedCodeKey: r.converted_code_key,
})

/**
 * For other modules (the per-work-order Anexo C import): looks rows up in the organization's catalog, in
 * the caller's transaction, with one query per 2,000 keys. The answer has one entry per key, in order:
 * the matched concept (and its copies in other sub-annexes), or the reasons it did not match
 * (`description_differs`, `unit_differs`, `wrong_code`, `not_found`), see concept-matcher.ts.
 * Only active concepts are candidates. The caller authorizes its own use case.
 */
export async function lookupConcepts(
  trx: Executor,
  orgId: string,
  keys: readonly ConceptLookupKey[],
): Promise<ConceptLookupResult[]> {
  if (keys.length === 0) return []
  const parts = keys.map(lookupParts)
  const rows = await repo.findLookupCandidates(
    trx,
    orgId,
    parts.map((p) => p.codeKey),
    parts.map((p) => p.descriptionKey),
  )
  const candidates = rows.map(toCatalogConcept)
  const byCode = new Map<string, CatalogConcept[]>()
  const byDescription = new Map<string, CatalogConcept[]>()
  const push = (map: Map<string, CatalogConcept[]>, key: string | null, c: CatalogConcept) => {
    if (key === null) return
    const list = map.get(key)
    if (list) list.push(c)
    else map.set(key, [c])
  }
  for (const c of candidates) {
    push(byCode, c.codeKey, c)
    if (c.convertedCodeKey !== c.codeKey) push(byCode, c.convertedCodeKey, c)
    push(byDescription, c.descriptionKey, c)
  }
  return keys.map((key, i) => {
    const p = parts[i] ?? lookupParts(key)
    const own = new Set([...(byCode.get(p.codeKey) ?? []), ...(byDescription.get(p.descriptionKey) ?? [])])
    return matchConcept(key, [...own])
  })
}

/** For other modules: concepts by id (any state), of the organization only; unknown ids are absent. */
export async function getConceptsByIds(
  trx: Executor,
  orgId: string,
  ids: readonly string[],
): Promise<CatalogConcept[]> {
  const valid = [...new Set(ids.filter((id) => UUID.test(id)))]
  return (await repo.findConceptsByIds(trx, orgId, valid)).map(toCatalogConcept)
}

const isUniqueViolation = (err: unknown) =>
  typeof err === 'object' && err !== null && 'code' in err && err.code === '23505'

export function createConceptsService({ db, clock, catalogs }: ConceptsServiceDeps) {
  async function listConcepts(actor: Actor, query: ListConceptsOptions): Promise<TConceptList> {
    requireAccess(actor, 'concept.read')
    const { rows, total } = await repo.listConcepts(db, actor.orgId, {
      kind: query.kind,
      q: query.q ? foldSearchTerm(query.q) : undefined,
      annex: query.annex ? normalizeAnnex(query.annex) : undefined,
      status: query.status,
      sort: query.sort,
      dir: query.dir,
      limit: query.limit,
      offset: query.offset,
    })
    return { items: rows.map(toConcept), total }
  }

  async function getConcept(actor: Actor, id: string): Promise<TConcept> {
    requireAccess(actor, 'concept.read')
    const row = UUID.test(id) ? await repo.findConcept(db, actor.orgId, id) : undefined
    if (!row) throw new AppError('NOT_FOUND', M.notFound())
    return toConcept(row)
  }

  async function conceptFacets(actor: Actor, kind?: TConceptKind): Promise<TConceptFacets> {
    requireAccess(actor, 'concept.read')
    const f = await repo.conceptFacets(db, actor.orgId, kind)
    const count = (k: TConceptKind) => Number(f.kinds.find((x) => x.kind === k)?.n ?? 0)
    return {
      counts: { ordinary: count('ordinary'), extraordinary: count('extraordinary') },
      annexes: f.annexes.map((a) => ({ annex: a.annex ?? '', concepts: Number(a.n) })),
    }
  }

  /**
   * Imports a contract workbook (ordinary concepts) or a PUE workbook (extraordinary concepts).
   * All or nothing: a file with any error row (including a unit the units catalog does not have) saves
   * nothing and the summary lists every bad row. Otherwise, in one transaction: new identities are
   * inserted, concepts whose stored fields differ are updated (one audit row each, field by field),
   * equal ones are left alone, in multi-row statements of 1,000; one audit row records the import.
   * Concepts missing from the file are kept (`notInFile`).
   */
  async function importConcepts(actor: Actor, opts: ImportConceptsOptions): Promise<TConceptImportSummary> {
    requireAccess(actor, 'concept.import')
    const started = performance.now()
    if (detectFileKind(opts.bytes) !== 'xlsx') {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', M.notXlsx(), [fieldError('file', M.uploadXlsx())])
    }
    const lang = langOf(actor)
    let prepared: PreparedImport
    try {
      prepared =
        opts.kind === 'contract'
          ? prepareContract(await parseContractWorkbook(opts.bytes), lang)
          : preparePue(await parsePueWorkbook(opts.bytes), lang)
    } catch (err) {
      if (err instanceof ImportLimitError) throw err // 413 naming the limit and the sheet
      const reason = err instanceof Error ? err.message : render(M.readError(), lang)
      throw new AppError('VALIDATION', M.unreadableWorkbook(), [
        fieldError('file', M.damagedFile({ reason })),
      ])
    }
    prepared = dropOversized(prepared, lang)
    const kind = prepared.kind
    const sha256 = crypto.createHash('sha256').update(opts.bytes).digest('hex')

    const summary = (over: Partial<TConceptImportSummary>): TConceptImportSummary => ({
      kind: opts.kind,
      fileName: opts.fileName,
      status: 'saved',
      concepts: prepared.concepts.length,
      validRows: prepared.concepts.length,
      created: 0,
      updated: 0,
      unchanged: 0,
      skipped: prepared.skipped,
      skippedByReason: prepared.skippedByReason,
      notInFile: 0,
      errors: [],
      notes: prepared.notes,
      controlCharactersRemoved: prepared.controlCharacters ?? 0,
      annexes: annexCounts(prepared.concepts),
      durationMs: Math.round(performance.now() - started),
      ...over,
    })

    try {
      return await db.transaction().execute(async (trx) => {
        // units: every distinct unit of the file must be in the units catalog
        const unitIds = new Map<string, string>()
        const unknownUnits = new Set<string>()
        for (const c of prepared.concepts) {
          const key = c.values.unit_key
          if (unitIds.has(key) || unknownUnits.has(key)) continue
          const unit = await catalogs.findUnitByKey(trx, actor.orgId, c.values.unit)
          if (unit) unitIds.set(key, unit.id)
          else unknownUnits.add(key)
        }
        const unitErrors: TConceptImportError[] = prepared.concepts
          .filter((c) => unknownUnits.has(c.values.unit_key))
          .map((c) => ({
            sheet: c.sheet,
            row: c.rowNumber,
            field: 'unit',
            message: render(M.unknownUnit({ unit: c.values.unit }), lang),
            values: rowValues(c, kind),
          }))
        const errors = sortErrors([...prepared.errors, ...unitErrors], prepared.sheetOrder)
        if (errors.length > 0) {
          return summary({
            status: 'rejected',
            errors,
            // one unit error per concept row; the other error rows were never concepts
            validRows: prepared.concepts.length - unitErrors.length,
            durationMs: Math.round(performance.now() - started),
          })
        }

        // what is there: identities and content hashes only; full rows only for what changed
        const existing = new Map(
          (await repo.loadImportIndex(trx, actor.orgId, kind)).map((r) => [r.identity_key, r]),
        )
        const now = clock()
        const inserts: ConceptValues[] = []
        const changed: { concept: IncomingConcept; values: ConceptValues; id: string }[] = []
        let unchanged = 0
        for (const c of prepared.concepts) {
          // completed in place (no copy of 50,000 objects): the unit id, then the hash of the compared fields
          const values = c.values as ConceptValues
          values.unit_id = unitIds.get(c.values.unit_key) ?? null
          values.content_hash = contentHash(snapshotOfValues(values))
          const before = existing.get(values.identity_key)
          if (!before) inserts.push(values)
          else {
            existing.delete(values.identity_key)
            if (before.content_hash === values.content_hash) unchanged++
            else changed.push({ concept: c, values, id: before.id })
          }
        }
        const beforeRows = new Map(
          (
            await repo.findConceptsByIdsChunked(
              trx,
              actor.orgId,
              changed.map((x) => x.id),
            )
          ).map((r) => [r.id, r]),
        )
        const updates: (ConceptValues & { id: string })[] = []
        const events: AuditEvent[] = []
        for (const x of changed) {
          const before = beforeRows.get(x.id)
          const changes = before ? diffFields(snapshotOfRow(before), snapshotOfValues(x.values), FIELDS) : []
          updates.push({ ...x.values, id: x.id })
          // a hash written by an older rule, with equal fields, is refreshed silently
          if (changes.length === 0) {
            unchanged++
            continue
          }
          events.push({
            action: 'concept.updated',
            module: MODULE,
            entityType: ENTITY,
            entityId: x.id,
            changes,
            data: { import: opts.fileName, sheet: x.concept.sheet, row: x.concept.rowNumber },
          })
        }
        await repo.insertConcepts(trx, actor.orgId, kind, inserts, now)
        await repo.updateConcepts(trx, actor.orgId, updates, now)
        await writeAuditMany(trx, actor, events)
        const result = summary({
          created: inserts.length,
          updated: events.length,
          unchanged,
          notInFile: existing.size,
        })
        await writeAudit(trx, actor, {
          action: 'concept_catalog.imported',
          module: MODULE,
          entityType: 'concept_catalog',
          entityId: null,
          data: {
            kind: opts.kind,
            fileName: opts.fileName,
            sha256,
            concepts: result.concepts,
            created: result.created,
            updated: result.updated,
            unchanged: result.unchanged,
            skipped: result.skipped,
            notInFile: result.notInFile,
          },
        })
        return { ...result, durationMs: Math.round(performance.now() - started) }
      })
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new AppError('CONFLICT', M.importRaced())
      }
      throw err
    }
  }

  return { listConcepts, getConcept, conceptFacets, importConcepts }
}
