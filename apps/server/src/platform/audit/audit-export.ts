import { ZAuditExportRequest, type TAuditExportRequest, type TJobRun } from '@faena/contracts'
import type { Actor } from '../access'
import type { Db } from '../db/executor'
import type { JobsService } from '../jobs'
import { byId, exportList } from '../jobs/list-export'
import type { SheetColumn } from '../spreadsheet/spreadsheet'
import { findAuditByIds, listAuditIds } from './audit.repository'
import { toAuditEntry } from './audit.service'

/**
 * The filtered activity log as a workbook, run as a job (docs/jobs.md): the ids newest first, then one
 * query per 1,000 entries, streamed into the file.
 */

export const AUDIT_EXPORT_JOB = 'audit.export'

const COLUMNS: SheetColumn[] = [
  { header: 'Fecha y hora (UTC)', key: 'at', type: 'datetime', width: 20 },
  { header: 'Usuario', key: 'actorEmail', width: 28 },
  { header: 'Módulo', key: 'module', width: 14 },
  { header: 'Acción', key: 'action', width: 28 },
  { header: 'Entidad', key: 'entityType', width: 16 },
  { header: 'Id', key: 'entityId', width: 38 },
  { header: 'Cambios', key: 'changesText', width: 60 },
  { header: 'IP', key: 'ip', width: 16 },
  { header: 'Solicitud', key: 'requestId', width: 20 },
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
      return exportList(ctx, {
        sheet: 'Registro de actividad',
        columns: COLUMNS,
        fileName: 'registro-de-actividad.xlsx',
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
