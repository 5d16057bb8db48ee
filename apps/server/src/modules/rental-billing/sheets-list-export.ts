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
import { columnsIn, langOf, pick, type LocalizedColumn, type Texts } from '../../platform/i18n/export-texts'
import type { Lang } from '../../platform/i18n/messages'
import { toSummary } from './rental-billing.mapping'
import * as repo from './rental-billing.repository'
import { STATUS } from './sheet-export'

/**
 * The filtered list of billing sheets as a workbook, run as a job (docs/jobs.md): the ids in the list's
 * order, then one query per 1,000 sheets (the sheet row holds its project, client, totals and volumes),
 * streamed into the file; one row per sheet.
 */

export const RENTAL_BILLING_EXPORT_JOB = 'rental-billing.export'

const SHEET: Texts = { es: 'Planillas', en: 'Billing sheets' }
const FILE: Texts = { es: 'planillas.xlsx', en: 'billing-sheets.xlsx' }
const SHEET_LIST_COLUMNS: LocalizedColumn[] = [
  { header: { es: 'Serie', en: 'Series' }, key: 'seriesCode', width: 18 },
  { header: { es: 'Estado', en: 'Status' }, key: 'status', width: 12 },
  { header: { es: 'Proyecto', en: 'Project' }, key: 'projectName', width: 30 },
  { header: { es: 'Cliente', en: 'Client' }, key: 'clientName', width: 30 },
  { header: { es: 'RUC', en: 'RUC' }, key: 'clientTaxId', width: 15 },
  { header: { es: 'Inicio del período', en: 'Period start' }, key: 'periodStart', type: 'date', width: 13 },
  { header: { es: 'Fin del período', en: 'Period end' }, key: 'periodEnd', type: 'date', width: 13 },
  { header: { es: 'Líneas', en: 'Lines' }, key: 'lineCount', type: 'number', width: 8 },
  { header: { es: 'Subtotal', en: 'Subtotal' }, key: 'subtotal', type: 'money', width: 14 },
  { header: { es: 'IVA', en: 'VAT' }, key: 'tax', type: 'money', width: 12 },
  { header: { es: 'Total', en: 'Total' }, key: 'total', type: 'money', width: 14 },
  { header: { es: 'Galones', en: 'Gallons' }, key: 'gallons', type: 'number', width: 11 },
  { header: { es: 'Barriles', en: 'Barrels' }, key: 'barrels', type: 'number', width: 11 },
  { header: { es: 'm³', en: 'm³' }, key: 'cubicMeters', type: 'number', width: 10 },
  { header: { es: 'Factura', en: 'Invoice' }, key: 'invoiceReference', width: 16 },
  { header: { es: 'Liquidada el', en: 'Liquidated at' }, key: 'liquidatedAt', type: 'datetime', width: 16 },
  { header: { es: 'Facturada el', en: 'Invoiced at' }, key: 'invoicedAt', type: 'datetime', width: 16 },
]

const sheetRow = (s: TBillingSheetSummary, lang: Lang): Record<string, unknown> => ({
  ...s,
  status: STATUS[s.status][lang],
})

export function createSheetListExport({ db, jobs }: { db: Db; jobs: Pick<JobsService, 'define'> }) {
  const sheets = jobs.define<TBillingSheetExportRequest>({
    kind: RENTAL_BILLING_EXPORT_JOB,
    permission: 'rental.read',
    payload: ZBillingSheetExportRequest,
    run: async (ctx, f) => {
      const orgId = ctx.actor.orgId
      const lang = langOf(ctx.actor)
      return exportList(ctx, {
        sheet: pick(SHEET, lang),
        columns: columnsIn(SHEET_LIST_COLUMNS, lang),
        fileName: pick(FILE, lang),
        ids: await repo.listSheetIds(db, orgId, f),
        rows: async (ids) =>
          byId(await repo.listSheetsByIds(db, orgId, ids), (r) => sheetRow(toSummary(r), lang)),
      })
    },
  })
  return {
    exportSheets: (actor: Actor, f: TBillingSheetExportRequest): Promise<TJobRun> => sheets.request(actor, f),
  }
}
export type SheetListExport = ReturnType<typeof createSheetListExport>
