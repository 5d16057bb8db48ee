import {
  ZCatalogExportPayload,
  type TCatalogExportPayload,
  type TCatalogExportRequest,
  type TCatalogName,
  type TJobRun,
} from '@faena/contracts'
import type { Actor } from '../../platform/access'
import type { Db } from '../../platform/db/executor'
import type { JobsService } from '../../platform/jobs'
import { exportList } from '../../platform/jobs/list-export'
import { CATALOG_DEFS } from './catalog-defs'
import * as repo from './catalogs.repository'
import { listSpec, toRecord } from './catalogs.service'

/**
 * A catalog's filtered list as a workbook, run as a job (docs/jobs.md): the ids in the list's order, then
 * per 1,000 records one query for them and, for step templates, one for the parents a batch's sub-steps
 * number themselves after ("2.1"); streamed into the file, one row per record.
 */

export const CATALOGS_EXPORT_JOB = 'catalogs.export'

export const CATALOG_FILE_NAMES: Record<TCatalogName, string> = {
  clients: 'clientes',
  'project-managers': 'responsables',
  types: 'tipos',
  statuses: 'estatus',
  fronts: 'frentes',
  sites: 'sitios',
  units: 'unidades-de-medida',
  'proposal-step-templates': 'pasos-pte',
  'work-order-step-templates': 'pasos-ot',
}

export function createCatalogsExport({ db, jobs }: { db: Db; jobs: Pick<JobsService, 'define'> }) {
  const job = jobs.define<TCatalogExportPayload>({
    kind: CATALOGS_EXPORT_JOB,
    permission: 'catalog.read',
    payload: ZCatalogExportPayload,
    run: async (ctx, { catalog, ...filters }) => {
      const orgId = ctx.actor.orgId
      const def = CATALOG_DEFS[catalog]
      return exportList(ctx, {
        sheet: def.sheetName,
        columns: [...def.exportColumns],
        fileName: `${CATALOG_FILE_NAMES[catalog]}.xlsx`,
        ids: await repo.listRowIds(db, def.table, orgId, listSpec(def, filters)),
        rows: async (ids) => {
          const records = await repo.findRowsByIds(db, def.table, orgId, ids)
          const rows = new Map<string, Record<string, unknown>>(
            records.map((r) => [r.id, { ...toRecord(def, r), activeText: r.active ? 'Sí' : 'No' }]),
          )
          if (def.stepTemplates) {
            // a sub-step is numbered "<its parent's position>.<its position>"
            const positions = new Map([...rows].map(([id, r]) => [id, r.position as number]))
            const parentIds = [...rows.values()].map((r) => r.parentId as string | null)
            const missing = [...new Set(parentIds.filter((p): p is string => !!p && !positions.has(p)))]
            for (const p of await repo.findRowsByIds(db, def.stepTemplates, orgId, missing))
              positions.set(p.id, p.position as number)
            for (const r of rows.values()) {
              const parentId = r.parentId as string | null
              r.number = parentId
                ? `${positions.get(parentId) ?? '?'}.${String(r.position)}`
                : String(r.position)
            }
          }
          return rows
        },
      })
    },
  })
  return {
    exportRecords: (actor: Actor, catalog: TCatalogName, f: TCatalogExportRequest): Promise<TJobRun> =>
      job.request(actor, { ...f, catalog }),
  }
}
export type CatalogsExport = ReturnType<typeof createCatalogsExport>
