import { ZConceptExportRequest, type TConceptExportRequest, type TJobRun } from '@faena/contracts'
import type { Actor } from '../../platform/access'
import type { Db } from '../../platform/db/executor'
import type { JobsService } from '../../platform/jobs'
import { byId, exportList } from '../../platform/jobs/list-export'
import type { SheetColumn } from '../../platform/spreadsheet/spreadsheet'
import { foldSearchTerm } from './concept-identity'
import { normalizeAnnex } from './concept-text'
import * as repo from './concepts.repository'
import { toConcept } from './concepts.service'

/**
 * The filtered concept catalog as a workbook, run as a job (docs/jobs.md): the ids in the list's order,
 * then one query per 1,000 concepts, streamed into the file; both currencies.
 */

export const CONCEPTS_EXPORT_JOB = 'concepts.export'

const KIND_TEXT = { ordinary: 'Ordinario', extraordinary: 'Extraordinario (PUE)' } as const
const STATUS_TEXT = {
  in_preparation: 'EN ELABORACION',
  authorized: 'AUTORIZADO',
  cancelled: 'CANCELADA',
} as const

const columns = (pue: boolean): SheetColumn[] => [
  { header: 'TIPO', key: 'kindText', width: 14 },
  { header: 'ANEXO', key: 'annex', width: 9 },
  { header: pue ? 'PARTIDA EXT' : 'PARTIDA', key: 'code', width: 14 },
  { header: 'CONCEPTO', key: 'description', width: 70 },
  { header: 'UNIDAD', key: 'unit', width: 11 },
  { header: 'CANTIDADES DE REFERENCIA', key: 'quantity', type: 'number', width: 14 },
  { header: 'P.U. M.N.', key: 'unitPriceMxn', type: 'money', width: 16 },
  { header: 'P.U. USD', key: 'unitPriceUsd', type: 'money', width: 14 },
  { header: 'ID PADRE', key: 'category', width: 22 },
  { header: 'ID MADRE', key: 'subcategory', width: 22 },
  { header: 'ID HIJO', key: 'classification', width: 22 },
  { header: 'ESTATUS', key: 'statusText', width: 16 },
  { header: 'PTE CREACION', key: 'proposalNumber', width: 20 },
  { header: 'OT CREACION', key: 'workOrderNumber', width: 20 },
  { header: 'FECHA SANCION', key: 'sanctionDate', type: 'date', width: 13 },
  { header: 'PARTIDA ORDINARIA', key: 'convertedCode', width: 14 },
  { header: 'COMENTARIO', key: 'comment', width: 30 },
]

const fileNameOf = (f: TConceptExportRequest) =>
  f.kind === 'extraordinary'
    ? 'conceptos-extraordinarios.xlsx'
    : f.kind === 'ordinary'
      ? 'conceptos-ordinarios.xlsx'
      : 'conceptos.xlsx'

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
      return exportList(ctx, {
        sheet: pue ? 'PUEs' : 'Conceptos',
        columns: columns(pue),
        fileName: fileNameOf(f),
        ids: await repo.listConceptIds(db, orgId, filter),
        rows: async (ids) =>
          byId(await repo.findConceptsByIds(db, orgId, ids), (r) => {
            const c = toConcept(r)
            return { ...c, kindText: KIND_TEXT[c.kind], statusText: c.status ? STATUS_TEXT[c.status] : null }
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
