import {
  ZBillingSheetExportRequest,
  type TBillingSheetExportRequest,
  type TBillingSheetSummary,
  type TJobRun,
} from '@faena/contracts'
import type { Actor } from '../../platform/access'
import type { Db } from '../../platform/db/executor'
import type { JobsService } from '../../platform/jobs'
import { byId, exportList } from '../../platform/jobs/list-export'
import type { SheetColumn } from '../../platform/spreadsheet/spreadsheet'
import { toSummary } from './rental-billing.mapping'
import * as repo from './rental-billing.repository'
import { STATUS_ES } from './sheet-export'

/**
 * The filtered list of billing sheets as a workbook, run as a job (docs/jobs.md): the ids in the list's
 * order, then one query per 1,000 sheets (the sheet row holds its project, client, totals and volumes),
 * streamed into the file; one row per sheet.
 */

export const RENTAL_BILLING_EXPORT_JOB = 'rental-billing.export'

const SHEET_LIST_COLUMNS: SheetColumn[] = [
  { header: 'Serie', key: 'seriesCode', width: 18 },
  { header: 'Estado', key: 'status', width: 12 },
  { header: 'Proyecto', key: 'projectName', width: 30 },
  { header: 'Cliente', key: 'clientName', width: 30 },
  { header: 'RUC', key: 'clientTaxId', width: 15 },
  { header: 'Inicio del período', key: 'periodStart', type: 'date', width: 13 },
  { header: 'Fin del período', key: 'periodEnd', type: 'date', width: 13 },
  { header: 'Líneas', key: 'lineCount', type: 'number', width: 8 },
  { header: 'Subtotal', key: 'subtotal', type: 'money', width: 14 },
  { header: 'IVA', key: 'tax', type: 'money', width: 12 },
  { header: 'Total', key: 'total', type: 'money', width: 14 },
  { header: 'Galones', key: 'gallons', type: 'number', width: 11 },
  { header: 'Barriles', key: 'barrels', type: 'number', width: 11 },
  { header: 'm³', key: 'cubicMeters', type: 'number', width: 10 },
  { header: 'Factura', key: 'invoiceReference', width: 16 },
  { header: 'Liquidada el', key: 'liquidatedAt', type: 'datetime', width: 16 },
  { header: 'Facturada el', key: 'invoicedAt', type: 'datetime', width: 16 },
]

const sheetRow = (s: TBillingSheetSummary): Record<string, unknown> => ({ ...s, status: STATUS_ES[s.status] })

export function createSheetListExport({ db, jobs }: { db: Db; jobs: Pick<JobsService, 'define'> }) {
  const sheets = jobs.define<TBillingSheetExportRequest>({
    kind: RENTAL_BILLING_EXPORT_JOB,
    permission: 'rental.read',
    payload: ZBillingSheetExportRequest,
    run: async (ctx, f) => {
      const orgId = ctx.actor.orgId
      return exportList(ctx, {
        sheet: 'Planillas',
        columns: SHEET_LIST_COLUMNS,
        fileName: 'planillas.xlsx',
        ids: await repo.listSheetIds(db, orgId, f),
        rows: async (ids) => byId(await repo.listSheetsByIds(db, orgId, ids), (r) => sheetRow(toSummary(r))),
      })
    },
  })
  return {
    exportSheets: (actor: Actor, f: TBillingSheetExportRequest): Promise<TJobRun> => sheets.request(actor, f),
  }
}
export type SheetListExport = ReturnType<typeof createSheetListExport>
