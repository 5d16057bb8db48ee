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
import { columnsIn, langOf, pick, YES_NO, type Texts } from '../../platform/i18n/export-texts'
import { exportList } from '../../platform/jobs/list-export'
import { CATALOG_DEFS } from './catalog-defs'
import * as repo from './catalogs.repository'
import { listSpec, toRecord } from './catalogs.service'

/**
 * A catalog's filtered list as a workbook, run as a job (docs/jobs.md): the ids in the list's order, then
 * per 1,000 records one query for them and, for step templates, one for the parents a batch's sub-steps
 * number themselves after ("2.1"); streamed into the file, one row per record, in the requester's language
 * (headers, sheet and file name; the enum values are written as stored).
 */

export const CATALOGS_EXPORT_JOB = 'catalogs.export'

/** The downloaded file's name per catalog, in the requester's language. */
export const CATALOG_FILE_NAMES: Record<TCatalogName, Texts> = {
  clients: { es: 'clientes', en: 'clients' },
  'project-managers': { es: 'responsables', en: 'project-managers' },
  types: { es: 'tipos', en: 'types' },
  statuses: { es: 'estatus', en: 'statuses' },
  fronts: { es: 'frentes', en: 'fronts' },
  sites: { es: 'sitios', en: 'sites' },
  units: { es: 'unidades-de-medida', en: 'units-of-measure' },
  'proposal-step-templates': { es: 'pasos-pte', en: 'proposal-steps' },
  'work-order-step-templates': { es: 'pasos-ot', en: 'work-order-steps' },
}

export function createCatalogsExport({ db, jobs }: { db: Db; jobs: Pick<JobsService, 'define'> }) {
  const job = jobs.define<TCatalogExportPayload>({
    kind: CATALOGS_EXPORT_JOB,
    permission: 'catalog.read',
    payload: ZCatalogExportPayload,
    run: async (ctx, { catalog, ...filters }) => {
      const orgId = ctx.actor.orgId
      const def = CATALOG_DEFS[catalog]
      const lang = langOf(ctx.actor)
      const yesNo = { yes: pick(YES_NO.yes, lang), no: pick(YES_NO.no, lang) }
      return exportList(ctx, {
        sheet: pick(def.sheetName, lang),
        columns: columnsIn(def.exportColumns, lang),
        fileName: `${pick(CATALOG_FILE_NAMES[catalog], lang)}.xlsx`,
        ids: await repo.listRowIds(db, def.table, orgId, listSpec(def, filters)),
        rows: async (ids) => {
          const records = await repo.findRowsByIds(db, def.table, orgId, ids)
          const rows = new Map<string, Record<string, unknown>>(
            records.map((r) => [r.id, { ...toRecord(def, r), activeText: r.active ? yesNo.yes : yesNo.no }]),
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
