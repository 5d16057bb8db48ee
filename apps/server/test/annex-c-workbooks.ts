/**
 * Synthetic per-work-order Anexo C workbooks (docs/work-order-concepts.md#reading-the-workbook; no real file of
 * this format is available), for integration tests, route samples and benchmarks: rows of the contract catalog with
 * `VOLUMEN PTE`, `P.U. M.N.`, optionally an `OK` column and date-typed header cells for the daily programme.
 */
import ExcelJS from 'exceljs'
import { multipartForm } from './multipart'

export type AnnexRow = {
  annex: string | null
  code: string | number | null
  description: string | null
  unit: string | null
  volume: ExcelJS.CellValue
  priceMxn?: ExcelJS.CellValue
  priceUsd?: ExcelJS.CellValue
  /** value of the OK column (when the workbook has one) */
  ok?: string | null
  /** planned volume by date (YYYY-MM-DD) of the date columns */
  planned?: Record<string, number>
}

export type AnnexWorkbookOptions = {
  sheetName?: string
  /** 1-based row of the header (rows above hold titles) */
  headerRow?: number
  /** sheets (with unrelated content) written before the table's sheet */
  sheetsBefore?: string[]
  /** date columns (YYYY-MM-DD), in order */
  dates?: string[]
  /** write date headers as text `DD/MM/YYYY` instead of Excel dates */
  textDates?: boolean
  okColumn?: boolean
  /** header names to leave out (e.g. `ANEXO`) */
  omit?: string[]
}

/** A concept of the catalog as GET /api/v1/concepts lists it. */
export type CatalogItem = {
  annex: string | null
  code: string
  description: string
  unit: string
  unitPriceMxn: string
  unitPriceUsd: string
}

/** One workbook row per concept, with a volume and (optionally) a daily programme. */
export function rowsFromCatalog(
  items: CatalogItem[],
  volume: (i: number) => number = (i) => 10 + i,
  planned?: (i: number) => Record<string, number>,
): AnnexRow[] {
  return items.map((c, i) => ({
    annex: c.annex,
    code: c.code,
    description: c.description,
    unit: c.unit,
    volume: volume(i),
    priceMxn: Number(c.unitPriceMxn),
    priceUsd: Number(c.unitPriceUsd),
    ...(planned ? { planned: planned(i) } : {}),
  }))
}

export async function annexCWorkbook(rows: AnnexRow[], opts: AnnexWorkbookOptions = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  for (const name of opts.sheetsBefore ?? []) {
    const ws = wb.addWorksheet(name)
    ws.addRow(['Resumen del proyecto'])
    ws.addRow(['PARTIDA', 'CONCEPTO', 'IMPORTE'])
  }
  const ws = wb.addWorksheet(opts.sheetName ?? 'ANEXO C')
  const headerRow = opts.headerRow ?? 1
  for (let r = 1; r < headerRow; r++)
    ws.addRow(r === 1 ? ['PEMEX Exploración y Producción', null, 'Anexo C de la OT'] : [])
  const dates = opts.dates ?? []
  const base = [
    'ANEXO',
    'PARTIDA',
    'CONCEPTO',
    'UNIDAD',
    'VOLUMEN PTE',
    'P.U. M.N.',
    'P.U. USD',
    ...(opts.okColumn ? ['OK'] : []),
  ].filter((h) => !(opts.omit ?? []).includes(h))
  const dateHeader = (d: string) =>
    opts.textDates ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : new Date(`${d}T00:00:00Z`)
  const header = ws.addRow([...base, ...dates.map(dateHeader)])
  dates.forEach((_, i) => {
    if (!opts.textDates) header.getCell(base.length + i + 1).numFmt = 'dd/mm/yyyy'
  })
  for (const row of rows) {
    const byHeader: Record<string, ExcelJS.CellValue> = {
      ANEXO: row.annex,
      PARTIDA: row.code,
      CONCEPTO: row.description,
      UNIDAD: row.unit,
      'VOLUMEN PTE': row.volume,
      'P.U. M.N.': row.priceMxn ?? 0,
      'P.U. USD': row.priceUsd ?? 0,
      OK: row.ok ?? null,
    }
    ws.addRow([...base.map((h) => byHeader[h] ?? null), ...dates.map((d) => row.planned?.[d] ?? null)])
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** A multipart body with one file in the field `file`. */
export function multipartFile(fileName: string, bytes: Buffer, boundary = 'faenaAnnexBoundary') {
  return multipartForm(fileName, bytes, {}, boundary)
}
