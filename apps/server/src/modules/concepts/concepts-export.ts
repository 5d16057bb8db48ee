import { ZConceptExportRequest, type TConceptExportRequest, type TJobRun } from '@faena/contracts'
import type { Actor } from '../../platform/access'
import type { Db } from '../../platform/db/executor'
import type { JobsService } from '../../platform/jobs'
import { byId, exportList } from '../../platform/jobs/list-export'
import { columnsIn, langOf, pick, type LocalizedColumn, type Texts } from '../../platform/i18n/export-texts'
import { foldSearchTerm } from './concept-identity'
import { normalizeAnnex } from './concept-text'
import * as repo from './concepts.repository'
import { toConcept } from './concepts.service'

/**
 * The filtered concept catalog as a workbook, run as a job (docs/jobs.md): the ids in the list's order,
 * then one query per 1,000 concepts, streamed into the file; both currencies.
 */

export const CONCEPTS_EXPORT_JOB = 'concepts.export'

const KIND_TEXT: Record<'ordinary' | 'extraordinary', Texts> = {
  ordinary: { es: 'Ordinario', en: 'Ordinary' },
  extraordinary: { es: 'Extraordinario (PUE)', en: 'Extraordinary (PUE)' },
}
const STATUS_TEXT: Record<'in_preparation' | 'authorized' | 'cancelled', Texts> = {
  in_preparation: { es: 'EN ELABORACION', en: 'IN PREPARATION' },
  authorized: { es: 'AUTORIZADO', en: 'AUTHORIZED' },
  cancelled: { es: 'CANCELADA', en: 'CANCELLED' },
}

/** The headers of the contract workbook in Spanish (the file's own names), translated in English. */
const columns = (pue: boolean): LocalizedColumn[] => [
  { header: { es: 'TIPO', en: 'KIND' }, key: 'kindText', width: 14 },
  { header: { es: 'ANEXO', en: 'ANNEX' }, key: 'annex', width: 9 },
  {
    header: pue ? { es: 'PARTIDA EXT', en: 'EXTRA ITEM' } : { es: 'PARTIDA', en: 'ITEM' },
    key: 'code',
    width: 14,
  },
  { header: { es: 'CONCEPTO', en: 'CONCEPT' }, key: 'description', width: 70 },
  { header: { es: 'UNIDAD', en: 'UNIT' }, key: 'unit', width: 11 },
  {
    header: { es: 'CANTIDADES DE REFERENCIA', en: 'REFERENCE QUANTITIES' },
    key: 'quantity',
    type: 'number',
    width: 14,
  },
  { header: { es: 'P.U. M.N.', en: 'UNIT PRICE MXN' }, key: 'unitPriceMxn', type: 'money', width: 16 },
  { header: { es: 'P.U. USD', en: 'UNIT PRICE USD' }, key: 'unitPriceUsd', type: 'money', width: 14 },
  { header: { es: 'ID PADRE', en: 'CATEGORY' }, key: 'category', width: 22 },
  { header: { es: 'ID MADRE', en: 'SUBCATEGORY' }, key: 'subcategory', width: 22 },
  { header: { es: 'ID HIJO', en: 'CLASSIFICATION' }, key: 'classification', width: 22 },
  { header: { es: 'ESTATUS', en: 'STATUS' }, key: 'statusText', width: 16 },
  { header: { es: 'PTE CREACION', en: 'CREATING PROPOSAL' }, key: 'proposalNumber', width: 20 },
  { header: { es: 'OT CREACION', en: 'CREATING WORK ORDER' }, key: 'workOrderNumber', width: 20 },
  { header: { es: 'FECHA SANCION', en: 'SANCTION DATE' }, key: 'sanctionDate', type: 'date', width: 13 },
  { header: { es: 'PARTIDA ORDINARIA', en: 'ORDINARY ITEM' }, key: 'convertedCode', width: 14 },
  { header: { es: 'COMENTARIO', en: 'COMMENT' }, key: 'comment', width: 30 },
]

const FILE: Record<'extraordinary' | 'ordinary' | 'all', Texts> = {
  extraordinary: { es: 'conceptos-extraordinarios.xlsx', en: 'extraordinary-concepts.xlsx' },
  ordinary: { es: 'conceptos-ordinarios.xlsx', en: 'ordinary-concepts.xlsx' },
  all: { es: 'conceptos.xlsx', en: 'concepts.xlsx' },
}
const SHEET = { pue: { es: 'PUEs', en: 'PUEs' }, all: { es: 'Conceptos', en: 'Concepts' } } satisfies Record<
  string,
  Texts
>

export function createConceptsExport({ db, jobs }: { db: Db; jobs: Pick<JobsService, 'define'> }) {
  const job = jobs.define<TConceptExportRequest>({
    kind: CONCEPTS_EXPORT_JOB,
    permission: 'concept.read',
    payload: ZConceptExportRequest,
    run: async (ctx, f) => {
      const orgId = ctx.actor.orgId
      const filter = {
        kind: f.kind,
        q: f.q ? foldSearchTerm(f.q) : undefined,
        annex: f.annex ? normalizeAnnex(f.annex) : undefined,
        status: f.status,
        sort: f.sort,
        dir: f.dir,
      }
      const pue = f.kind === 'extraordinary'
      const lang = langOf(ctx.actor)
      return exportList(ctx, {
        sheet: pick(pue ? SHEET.pue : SHEET.all, lang),
        columns: columnsIn(columns(pue), lang),
        fileName: pick(FILE[f.kind ?? 'all'], lang),
        ids: await repo.listConceptIds(db, orgId, filter),
        rows: async (ids) =>
          byId(await repo.findConceptsByIds(db, orgId, ids), (r) => {
            const c = toConcept(r)
            return {
              ...c,
              kindText: pick(KIND_TEXT[c.kind], lang),
              statusText: c.status ? pick(STATUS_TEXT[c.status], lang) : null,
            }
          }),
      })
    },
  })
  return {
    /** Asks for the export (202 with the job); the filters are the list's, without pagination. */
    exportConcepts: (actor: Actor, f: TConceptExportRequest): Promise<TJobRun> => job.request(actor, f),
  }
}
export type ConceptsExport = ReturnType<typeof createConceptsExport>
