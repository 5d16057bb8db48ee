import { ZAuditExportRequest, type TAuditExportRequest, type TJobRun } from '@faena/contracts'
import type { Actor } from '../access'
import type { Db } from '../db/executor'
import type { JobsService } from '../jobs'
import { byId, exportList } from '../jobs/list-export'
import { columnsIn, langOf, pick, type LocalizedColumn, type Texts } from '../i18n/export-texts'
import { findAuditByIds, listAuditIds } from './audit.repository'
import { toAuditEntry } from './audit.service'

/**
 * The filtered activity log as a workbook, run as a job (docs/jobs.md): the ids newest first, then one
 * query per 1,000 entries, streamed into the file.
 */

export const AUDIT_EXPORT_JOB = 'audit.export'

const SHEET: Texts = { es: 'Registro de actividad', en: 'Activity log' }
const FILE: Texts = { es: 'registro-de-actividad.xlsx', en: 'activity-log.xlsx' }
const COLUMNS: LocalizedColumn[] = [
  { header: { es: 'Fecha y hora (UTC)', en: 'Date and time (UTC)' }, key: 'at', type: 'datetime', width: 20 },
  { header: { es: 'Usuario', en: 'User' }, key: 'actorEmail', width: 28 },
  { header: { es: 'Módulo', en: 'Module' }, key: 'module', width: 14 },
  { header: { es: 'Acción', en: 'Action' }, key: 'action', width: 28 },
  { header: { es: 'Entidad', en: 'Entity' }, key: 'entityType', width: 16 },
  { header: { es: 'Id', en: 'Id' }, key: 'entityId', width: 38 },
  { header: { es: 'Cambios', en: 'Changes' }, key: 'changesText', width: 60 },
  { header: { es: 'IP', en: 'IP' }, key: 'ip', width: 16 },
  { header: { es: 'Solicitud', en: 'Request' }, key: 'requestId', width: 20 },
]

const fmt = (v: unknown) =>
  v === null || v === undefined ? '∅' : typeof v === 'string' ? v : JSON.stringify(v)

export type AuditExportDeps = {
  db: Db
  jobs: Pick<JobsService, 'define'>
  timeZoneOf: (orgId: string) => Promise<string>
}

export function createAuditExport({ db, jobs, timeZoneOf }: AuditExportDeps) {
  const job = jobs.define<TAuditExportRequest>({
    kind: AUDIT_EXPORT_JOB,
    permission: 'audit.read',
    payload: ZAuditExportRequest,
    run: async (ctx, f) => {
      const orgId = ctx.actor.orgId
      const lang = langOf(ctx.actor)
      return exportList(ctx, {
        sheet: pick(SHEET, lang),
        columns: columnsIn(COLUMNS, lang),
        fileName: pick(FILE, lang),
        ids: await listAuditIds(db, orgId, f, await timeZoneOf(orgId)),
        rows: async (ids) =>
          byId(await findAuditByIds(db, orgId, ids), (r) => {
            const e = toAuditEntry(r)
            return {
              ...e,
              changesText: e.changes.map((c) => `${c.field}: ${fmt(c.old)} → ${fmt(c.new)}`).join('\n'),
            }
          }),
      })
    },
  })
  return {
    /** Asks for the export (202 with the job); the filters are the log's, without pagination. */
    exportEntries: (actor: Actor, f: TAuditExportRequest): Promise<TJobRun> => job.request(actor, f),
  }
}
export type AuditExport = ReturnType<typeof createAuditExport>
