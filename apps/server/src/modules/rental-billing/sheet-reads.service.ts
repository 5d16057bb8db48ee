import type { TBillingSheetDetail, TBillingSheetListQuery, TBillingSheetSummary } from '@faena/contracts'
import { langOf } from '../../platform/i18n/export-texts'
import { requireAccess, type Actor } from '../../platform/access'
import { renderPdf } from '../../platform/pdf/pdf'
import { findOrganizationById } from '../../platform/tenancy/organizations'
import type { RentalBillingContext } from './rental-billing.context'
import { toSummary } from './rental-billing.mapping'
import * as repo from './rental-billing.repository'
import { sheetWorkbookName, writeSheetWorkbook } from './sheet-export'
import { billingSheetPdf } from './sheet-pdf'

export type ListSheetsOptions = TBillingSheetListQuery

/** Reading billing sheets: one, the list, the printed sheet and one sheet as a workbook. */
export function createSheetReadUseCases(ctx: RentalBillingContext) {
  const { db, loadSheet, readDetail } = ctx

  async function getSheet(actor: Actor, id: string): Promise<TBillingSheetDetail> {
    requireAccess(actor, 'rental.read')
    return readDetail(db, actor, await loadSheet(db, actor, id))
  }

  async function listSheets(
    actor: Actor,
    query: ListSheetsOptions,
  ): Promise<{ items: TBillingSheetSummary[]; total: number }> {
    requireAccess(actor, 'rental.read')
    const { rows, total } = await repo.listSheets(db, actor.orgId, query)
    return { total, items: rows.map(toSummary) }
  }

  /** The printed sheet (A4 landscape PDF). */
  async function sheetPdf(actor: Actor, id: string): Promise<{ bytes: Buffer; fileName: string }> {
    requireAccess(actor, 'rental.read')
    const sheet = await loadSheet(db, actor, id)
    const detail = await readDetail(db, actor, sheet)
    const org = await findOrganizationById(db, actor.orgId)
    const bytes = await renderPdf(
      billingSheetPdf({
        org: { name: org?.name ?? '', locale: org?.locale ?? 'es-EC' },
        sheet: detail,
        contactName: sheet.contact_reference,
      }),
    )
    return { bytes, fileName: `Planilla-${sheet.series_code}.pdf` }
  }

  /** One sheet as a workbook (lines with one column per date, totals, header). */
  async function sheetWorkbook(actor: Actor, id: string): Promise<{ bytes: Buffer; fileName: string }> {
    requireAccess(actor, 'rental.read')
    const sheet = await loadSheet(db, actor, id)
    const lang = langOf(actor)
    const bytes = await writeSheetWorkbook(await readDetail(db, actor, sheet), lang)
    return { bytes, fileName: sheetWorkbookName(sheet.series_code, lang) }
  }

  return { getSheet, listSheets, sheetPdf, sheetWorkbook }
}
