import type { TProductionGrid } from '@faena/contracts'
import { toDayMonthYear } from '@faena/domain/calendar-date'
import { Dec } from '../../platform/money/money'
import { loadExcelJS } from '../../platform/spreadsheet/exceljs'
import { safeSheetName } from '../../platform/spreadsheet/spreadsheet'

const EXCESS_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF8D7DA' } } as const
const SUBTOTAL_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6EFF6' } } as const
const BLOCKED_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE3E7EB' } } as const

/**
 * The grid as the screen shows it (docs/production.md#export): a subtotal row per annex above its concepts,
 * the day columns of the requested time type, excess cells filled red (with the reason recorded for them as
 * the cell's note), blocked days grey, the KPIs below, then every excess cell of the month with its reason
 * ("sin motivo" where none was recorded yet).
 */
export async function writeGridWorkbook(grid: TProductionGrid, siteName: string): Promise<Buffer> {
  const ExcelJS = await loadExcelJS()
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Faena'
  const ws = wb.addWorksheet(safeSheetName(`${grid.number} ${grid.timeType}`), {
    views: [{ state: 'frozen', xSplit: 3, ySplit: 3 }],
  })
  ws.addRow([`Producción ${grid.number} · ${siteName} · ${grid.month} · ${grid.timeType}`]).font = {
    bold: true,
  }
  ws.addRow([])
  const days = grid.rows[0]?.days.map((d) => d.date) ?? []
  const blocked = new Set(grid.blockedDays.map((b) => b.date))
  const header = ws.addRow([
    'Anexo',
    'Partida',
    'Concepto',
    'Unidad',
    'Vol. autorizado',
    ...days.map((d) => Number(d.slice(8))),
    'Mes (TE+CMA)',
    'Acumulado',
    'Importe M.N.',
    'Importe USD',
    'Estatus',
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
      `TOTAL ANEXO ${annex}`,
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
        r.status === 'excess' ? 'EXCEDENTE' : 'AUTORIZADO',
      ])
      r.days.forEach((d, i) => {
        const cell = line.getCell(first + i)
        if (d.excess) {
          cell.fill = EXCESS_FILL
          if (d.excessReason) cell.note = `Motivo del excedente: ${d.excessReason}`
        } else if (blocked.has(d.date)) cell.fill = BLOCKED_FILL
      })
      if (r.status === 'excess') line.getCell(first + days.length + 4).fill = EXCESS_FILL
    }
  }
  ws.addRow([])
  const t = grid.totals
  const kpis: [string, string, string][] = [
    ['Autorizado', t.authorizedMxn, t.authorizedUsd],
    ['Ejecutado en el mes (todos los sitios)', t.executedMxn, t.executedUsd],
    ['Acumulado anterior', t.accumulatedMxn, t.accumulatedUsd],
    ['Por ejecutar', t.remainingMxn, t.remainingUsd],
  ]
  ws.addRow(['', '', 'Indicadores de la familia', '', 'M.N.', 'USD']).font = { bold: true }
  for (const [label, mxn, usd] of kpis) ws.addRow(['', '', label, '', num(mxn), num(usd)])
  if (t.exchangeRate)
    ws.addRow([
      '',
      '',
      `Homologado M.N. (TC ${t.exchangeRate} desde ${t.exchangeRateFrom})`,
      '',
      num(t.authorizedHomologatedMxn!),
      num(t.executedHomologatedMxn!),
    ])
  const excessCells = grid.rows.flatMap((r) =>
    r.days.filter((d) => d.excess && d.volume !== '0').map((d) => ({ r, d })),
  )
  if (excessCells.length > 0) {
    ws.addRow([])
    ws.addRow(['', '', 'Excedentes del mes y su motivo', 'Día', 'Volumen']).font = { bold: true }
    for (const { r, d } of excessCells)
      ws.addRow([
        r.annex,
        r.code,
        `${r.description} — ${d.excessReason ?? 'sin motivo registrado'}`,
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
