import type { TProductionGrid } from '@faena/contracts'
import { toDayMonthYear } from '@faena/domain/calendar-date'
import { Dec } from '../../platform/money/money'
import { labelsIn, type Texts } from '../../platform/i18n/export-texts'
import type { Lang } from '../../platform/i18n/messages'
import { loadExcelJS } from '../../platform/spreadsheet/exceljs'
import { safeSheetName } from '../../platform/spreadsheet/spreadsheet'

const EXCESS_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF8D7DA' } } as const
const SUBTOTAL_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6EFF6' } } as const
const BLOCKED_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE3E7EB' } } as const

/** The workbook's words in both languages (docs/platform.md "Messages and languages"). */
const TEXTS = {
  title: { es: 'Producción', en: 'Production' },
  annex: { es: 'Anexo', en: 'Annex' },
  item: { es: 'Partida', en: 'Item' },
  concept: { es: 'Concepto', en: 'Concept' },
  unit: { es: 'Unidad', en: 'Unit' },
  authorizedVolume: { es: 'Vol. autorizado', en: 'Authorized vol.' },
  month: { es: 'Mes (TE+CMA)', en: 'Month (TE+CMA)' },
  toDate: { es: 'Acumulado', en: 'To date' },
  amountMxn: { es: 'Importe M.N.', en: 'Amount MXN' },
  amountUsd: { es: 'Importe USD', en: 'Amount USD' },
  status: { es: 'Estatus', en: 'Status' },
  annexTotal: { es: 'TOTAL ANEXO', en: 'ANNEX TOTAL' },
  excess: { es: 'EXCEDENTE', en: 'EXCESS' },
  authorized: { es: 'AUTORIZADO', en: 'AUTHORIZED' },
  excessReason: { es: 'Motivo del excedente', en: 'Excess reason' },
  kpiAuthorized: { es: 'Autorizado', en: 'Authorized' },
  kpiExecuted: { es: 'Ejecutado en el mes (todos los sitios)', en: 'Executed in the month (all sites)' },
  kpiAccumulated: { es: 'Acumulado anterior', en: 'Accumulated before' },
  kpiRemaining: { es: 'Por ejecutar', en: 'To execute' },
  kpis: { es: 'Indicadores de la familia', en: 'Family indicators' },
  mxn: { es: 'M.N.', en: 'MXN' },
  homologated: {
    es: 'Homologado M.N. (TC {rate} desde {from})',
    en: 'Homologated MXN (rate {rate} from {from})',
  },
  excessList: { es: 'Excedentes del mes y su motivo', en: "The month's excess and its reason" },
  day: { es: 'Día', en: 'Day' },
  volume: { es: 'Volumen', en: 'Volume' },
  noReason: { es: 'sin motivo registrado', en: 'no reason recorded' },
  file: { es: 'produccion', en: 'production' },
} satisfies Record<string, Texts>

/** The workbook's file name in `lang`. */
export const gridFileName = (grid: Pick<TProductionGrid, 'number' | 'month' | 'timeType'>, lang: Lang) =>
  `${TEXTS.file[lang]}-${grid.number}-${grid.month}-${grid.timeType}.xlsx`.replace(/[^\w.-]+/g, '_')

/**
 * The grid as the screen shows it (docs/production.md#export): a subtotal row per annex above its concepts,
 * the day columns of the requested time type, excess cells filled red (with the reason recorded for them as
 * the cell's note), blocked days grey, the KPIs below, then every excess cell of the month with its reason
 * ("sin motivo" where none was recorded yet).
 */
export async function writeGridWorkbook(
  grid: TProductionGrid,
  siteName: string,
  lang: Lang,
): Promise<Buffer> {
  const T = labelsIn(TEXTS, lang)
  const ExcelJS = await loadExcelJS()
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Faena'
  const ws = wb.addWorksheet(safeSheetName(`${grid.number} ${grid.timeType}`), {
    views: [{ state: 'frozen', xSplit: 3, ySplit: 3 }],
  })
  ws.addRow([`${T.title} ${grid.number} · ${siteName} · ${grid.month} · ${grid.timeType}`]).font = {
    bold: true,
  }
  ws.addRow([])
  const days = grid.rows[0]?.days.map((d) => d.date) ?? []
  const blocked = new Set(grid.blockedDays.map((b) => b.date))
  const header = ws.addRow([
    T.annex,
    T.item,
    T.concept,
    T.unit,
    T.authorizedVolume,
    ...days.map((d) => Number(d.slice(8))),
    T.month,
    T.toDate,
    T.amountMxn,
    T.amountUsd,
    T.status,
  ])
  header.font = { bold: true }
  const first = 6
  const annexes = [...new Set(grid.rows.map((r) => r.annex))]
  const num = (v: string) => Number(v)
  for (const annex of annexes) {
    const rows = grid.rows.filter((r) => r.annex === annex)
    const sum = (f: (r: (typeof rows)[number]) => string) =>
      rows.reduce((s, r) => s.plus(f(r)), new Dec(0)).toFixed()
    const sub = ws.addRow([
      annex,
      '',
      `${T.annexTotal} ${annex}`,
      '',
      num(sum((r) => r.authorizedVolume)),
      ...days.map((_, i) => num(sum((r) => r.days[i]!.volume))),
      num(sum((r) => r.monthVolume)),
      num(sum((r) => r.volumeToDate)),
      num(sum((r) => r.amountMxn)),
      num(sum((r) => r.amountUsd)),
      '',
    ])
    sub.font = { bold: true }
    sub.eachCell((cell) => (cell.fill = SUBTOTAL_FILL))
    for (const r of rows) {
      const line = ws.addRow([
        r.annex,
        r.code,
        r.description,
        r.unit,
        num(r.authorizedVolume),
        ...r.days.map((d) => (d.volume === '0' ? null : num(d.volume))),
        num(r.monthVolume),
        num(r.volumeToDate),
        num(r.amountMxn),
        num(r.amountUsd),
        r.status === 'excess' ? T.excess : T.authorized,
      ])
      r.days.forEach((d, i) => {
        const cell = line.getCell(first + i)
        if (d.excess) {
          cell.fill = EXCESS_FILL
          if (d.excessReason) cell.note = `${T.excessReason}: ${d.excessReason}`
        } else if (blocked.has(d.date)) cell.fill = BLOCKED_FILL
      })
      if (r.status === 'excess') line.getCell(first + days.length + 4).fill = EXCESS_FILL
    }
  }
  ws.addRow([])
  const t = grid.totals
  const kpis: [string, string, string][] = [
    [T.kpiAuthorized, t.authorizedMxn, t.authorizedUsd],
    [T.kpiExecuted, t.executedMxn, t.executedUsd],
    [T.kpiAccumulated, t.accumulatedMxn, t.accumulatedUsd],
    [T.kpiRemaining, t.remainingMxn, t.remainingUsd],
  ]
  ws.addRow(['', '', T.kpis, '', T.mxn, 'USD']).font = { bold: true }
  for (const [label, mxn, usd] of kpis) ws.addRow(['', '', label, '', num(mxn), num(usd)])
  if (t.exchangeRate)
    ws.addRow([
      '',
      '',
      T.homologated.replace('{rate}', t.exchangeRate).replace('{from}', t.exchangeRateFrom ?? ''),
      '',
      num(t.authorizedHomologatedMxn!),
      num(t.executedHomologatedMxn!),
    ])
  const excessCells = grid.rows.flatMap((r) =>
    r.days.filter((d) => d.excess && d.volume !== '0').map((d) => ({ r, d })),
  )
  if (excessCells.length > 0) {
    ws.addRow([])
    ws.addRow(['', '', T.excessList, T.day, T.volume]).font = { bold: true }
    for (const { r, d } of excessCells)
      ws.addRow([
        r.annex,
        r.code,
        `${r.description} — ${d.excessReason ?? T.noReason}`,
        toDayMonthYear(d.date),
        num(d.volume),
      ])
  }
  ws.getColumn(1).width = 8
  ws.getColumn(2).width = 10
  ws.getColumn(3).width = 50
  ws.getColumn(4).width = 8
  ws.getColumn(5).width = 14
  for (let i = 0; i < days.length; i++) ws.getColumn(first + i).width = 7
  for (let i = 0; i < 4; i++) {
    ws.getColumn(first + days.length + i).width = 15
    ws.getColumn(first + days.length + i).numFmt = '#,##0.00'
  }
  ws.getColumn(first + days.length + 4).width = 12
  return Buffer.from(await wb.xlsx.writeBuffer())
}
