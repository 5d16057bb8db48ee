import ExcelJS from 'exceljs'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TEstimate, TEstimateProgress, TUnbilledAging } from '@faena/contracts'
import { apiCalls } from '../../../test/api-calls'
import { createTestApp, type TestApp } from '../../../test/harness'
import {
  billableFamily,
  closeMonth,
  injectApi,
  saveGridCells,
  signEvidence,
} from '../../../test/estimate-setup'
import type { CatalogConcept, ProductionApi, SiteRefs } from '../../../test/production-setup'
import { amountInWords } from '../../platform/money/amount-in-words'
import { Dec } from '../../platform/money/money'
import { createEvaluator, type ReadCell } from './estimate-xlsx-formula'

/**
 * The estimate's PDF and workbook reproduce the API to the cent (docs/estimates.md#documents): an estimate with
 * production lines, a deductive line, advance amortization, a retention, a penalty, IVA and a frozen exchange
 * rate; the PDF's text read back (pdf.js) holds every figure, the net in words and the evidence; every figure
 * of the workbook read back (ExcelJS) equals the API's, both as cached and as its formula evaluated; then the
 * reports (docs/estimates.md#reports).
 */
let t: TestApp
let manager: string
let billing: string
let refs: SiteRefs
let wo: { id: string; number: string }
let A: CatalogConcept
let B: CatalogConcept
const { call, ok } = apiCalls(
  () => t,
  () => manager,
)
const E = '/api/v1/estimates'
const es = (v: string) =>
  new Intl.NumberFormat('es-MX', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    v as unknown as number,
  )

beforeAll(async () => {
  t = await createTestApp()
  manager = await t.login('manager@offshore.test')
  billing = await t.login('billing@offshore.test')
  const api: ProductionApi = injectApi(
    () => t,
    () => manager,
  )
  ;({ A, B, refs, wo } = await billableFamily(api, {
    number: 'OT-DOC-001',
    start: '2026-01-01',
    end: '2026-04-30',
    volumes: [400, 300],
  }))
  const saveGrid = (siteId: string, month: string, cells: object[]) =>
    saveGridCells(api, wo.id, siteId, month, cells)
  await saveGrid(refs.vessel, '2026-03', [
    { conceptId: A.id, date: '2026-03-02', volume: '12.5' },
    { conceptId: A.id, date: '2026-03-03', volume: '7.125' },
    { conceptId: B.id, date: '2026-03-02', volume: '3.333' },
  ])
  await saveGrid(refs.platform, '2026-03', [{ conceptId: A.id, date: '2026-03-04', volume: '4' }])
  // January production nobody estimates: it ages
  await saveGrid(refs.vessel, '2026-01', [{ conceptId: B.id, date: '2026-01-15', volume: '2' }])
  const k = { workOrderId: wo.id, siteId: refs.vessel, conceptId: A.id, date: '2026-03-02' }
  await signEvidence(api, k, 'https://example.com/gpu/A-0302')
  // March is closed in production (billing takes closed months only)
  await closeMonth(api, wo.id, '2026-03', {
    url: 'https://example.com/reporte-marzo',
    label: 'Reporte mensual',
  })
  await ok('PUT', '/api/v1/production/exchange-rates', { validFrom: '2026-03-01', rate: '17.2513' }, billing)
  await ok('PUT', `${E}/settings/${wo.id}`, {
    ivaPercent: '16',
    advanceMxn: '1000',
    advanceUsd: '30',
    amortizationPercent: '30',
    retentions: [
      { code: '5_al_millar', name: 'Cinco al millar (inspección)', percent: '0.5' },
      { code: 'garantia', name: 'Retención de garantía', percent: '2.5' },
    ],
    maxPeriodMonths: 1,
  })
})
afterAll(async () => t?.close())

/** The estimate of the test: March, every cell (evidence any), a deductive line and a penalty. */
async function buildEstimate(): Promise<TEstimate> {
  const e = (await ok('POST', E, {
    workOrderId: wo.id,
    periodStart: '2026-03-01',
    periodEnd: '2026-03-31',
  })) as TEstimate
  await ok('PUT', `${E}/${e.id}/selection`, { dateFrom: '2026-03-01', dateTo: '2026-03-31', evidence: 'any' })
  await ok('POST', `${E}/${e.id}/adjustments`, {
    kind: 'deductive',
    conceptId: A.id,
    quantity: '1.5',
    reason: 'Volumen medido de más en la estimación anterior',
  })
  await ok('POST', `${E}/${e.id}/adjustments`, {
    kind: 'penalty',
    amountMxn: '150.35',
    amountUsd: '2.10',
    reason: 'Atraso en la entrega del reporte',
  })
  return (await ok('GET', `${E}/${e.id}`)) as TEstimate
}

async function pdfText(id: string): Promise<string> {
  const res = await call('GET', `${E}/${id}/pdf`, manager)
  expect(res.status).toBe(200)
  expect(res.raw.headers['content-type']).toBe('application/pdf')
  expect(String(res.raw.headers['content-disposition'])).toContain('Estimacion-OT-DOC-001-')
  const pdf = await getDocumentProxy(new Uint8Array(res.raw.rawPayload))
  const { text } = await extractText(pdf, { mergePages: true })
  return text.replace(/\s+/g, ' ')
}

async function workbook(id: string) {
  const res = await call('GET', `${E}/${id}/xlsx`, manager)
  expect(res.status).toBe(200)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer)
  const read = (sheet: string, address: string): ReadCell | undefined => {
    const v = wb.getWorksheet(sheet)?.getCell(address).value
    if (v === null || v === undefined) return undefined
    if (typeof v === 'object' && 'formula' in v)
      return { formula: v.formula, value: (v.result as number | undefined) ?? null }
    if (typeof v === 'number' || typeof v === 'string') return { value: v }
    return { value: null }
  }
  /** the row whose column `col` reads `label` */
  const rowOf = (sheet: string, col: string, label: string | RegExp): number => {
    const ws = wb.getWorksheet(sheet)!
    for (let r = 1; r <= ws.rowCount; r++) {
      const v = ws.getCell(`${col}${r}`).value
      if (typeof v === 'string' && (typeof label === 'string' ? v === label : label.test(v))) return r
    }
    throw new Error(`${sheet}: no row with ${String(label)} in ${col}`)
  }
  return { wb, read, rowOf, value: createEvaluator(read) }
}

describe('estimate documents', () => {
  let e: TEstimate

  it('the PDF of a draft holds every figure of the API, the net in words, the generator and BORRADOR', async () => {
    e = await buildEstimate()
    expect(e.lines.map((l) => [l.code, l.kind, l.quantity])).toEqual([
      ['2.1.', 'deductive', '-1.5'],
      ['2.1.', 'production', '23.625'],
      ['2.2.', 'production', '3.333'],
    ])
    expect(e.deductions.map((d) => d.kind)).toEqual(['amortization', 'retention', 'retention', 'penalty'])
    const text = await pdfText(e.id)
    expect(text).toContain('ESTIMACIÓN DE OBRA')
    expect(text).toContain(`Estimación ${e.number}`)
    expect(text).toContain('OT-DOC-001')
    expect(text).toContain('01/03/2026 – 31/03/2026')
    expect(text).toContain('BORRADOR')
    for (const l of e.lines) {
      expect(text).toContain(es(l.amountMxn))
      expect(text).toContain(es(l.amountUsd))
    }
    for (const d of e.deductions) {
      expect(text).toContain(es(d.amountMxn))
      expect(text).toContain(es(d.amountUsd))
    }
    const t1 = e.totals
    expect(text).toContain(`SUBTOTAL ${es(t1.subtotalMxn)} ${es(t1.subtotalUsd)}`)
    expect(text).toContain(`DEDUCCIONES −${es(t1.deductionsMxn)} −${es(t1.deductionsUsd)}`)
    expect(text).toContain(`IVA 16 % ${es(t1.taxMxn)} ${es(t1.taxUsd)}`)
    expect(text).toContain(`NETO A PAGAR ${es(t1.netMxn)} ${es(t1.netUsd)}`)
    expect(text).toContain(`TOTAL HOMOLOGADO MXN (T.C. 17.2513) ${es(t1.homologatedMxn!)}`)
    expect(text).toContain(`(${amountInWords(t1.netMxn, 'MXN')})`)
    expect(text).toContain(`(${amountInWords(t1.netUsd, 'USD')})`)
    // the generator: each cell's date and volume, and the evidence of the signed one
    expect(text).toContain('GENERADOR')
    expect(text).toContain('02/03/2026')
    expect(text).toContain('https://example.com/gpu/A-0302')
    expect(text).toContain('Firmada')
    expect(text).toContain('TOTAL 2.1. 23.625')
    for (const s of ['Elaboró', 'Revisó', 'Autorizó']) expect(text.toUpperCase()).toContain(s.toUpperCase())
  })

  it('the workbook: every figure equals the API, cached and as its formula evaluated', async () => {
    const x = await workbook(e.id)
    const M = 'Estimación'
    const D = 'Deducciones'
    const equal = (address: string, api: string, sheet = M, formula = true) => {
      const cell = x.read(sheet, address)
      if (formula) expect(cell?.formula, `${sheet}!${address} has a formula`).toBeTruthy()
      // ExcelJS reads a cached 0 back as no result
      const cached = new Dec(cell!.value ?? 0)
      expect(cached.equals(api), `${sheet}!${address} cached ${cell?.value} = ${api}`).toBe(true)
      expect(x.value(sheet, address).equals(api), `${sheet}!${address} = ${api}`).toBe(true)
    }
    // the lines, found by code and kind
    const header = x.rowOf(M, 'A', 'Clave')
    e.lines.forEach((l, i) => {
      const r = header + 1 + i
      expect(x.read(M, `A${r}`)?.value).toBe(l.code)
      expect(String(x.read(M, `B${r}`)?.value).includes('DEDUCTIVA')).toBe(l.kind === 'deductive')
      equal(`L${r}`, l.amountMxn)
      equal(`M${r}`, l.amountUsd)
      equal(`H${r}`, l.accumulatedQuantity)
      equal(`I${r}`, l.remainingQuantity)
      expect(x.read(M, `L${r}`)!.formula).toBe(`ROUND(G${r}*J${r},2)`)
    })
    const total = (label: string) => x.rowOf(M, 'K', label)
    equal(`L${total('Subtotal')}`, e.totals.subtotalMxn)
    equal(`M${total('Subtotal')}`, e.totals.subtotalUsd)
    expect(x.read(M, `L${total('Subtotal')}`)!.formula).toMatch(/^SUM\(L\d+:L\d+\)$/)
    equal(`L${total('Deducciones')}`, e.totals.deductionsMxn)
    equal(`M${total('Deducciones')}`, e.totals.deductionsUsd)
    equal(`L${total('IVA 16 %')}`, e.totals.taxMxn)
    equal(`M${total('IVA 16 %')}`, e.totals.taxUsd)
    equal(`L${total('Neto a pagar')}`, e.totals.netMxn)
    equal(`M${total('Neto a pagar')}`, e.totals.netUsd)
    equal(`L${total('Total homologado MXN')}`, e.totals.homologatedMxn!)
    // deductions: base and amount with ROUND
    e.deductions.forEach((d) => {
      const r = x.rowOf(D, 'A', d.name)
      // a penalty is as entered; the others are formulas over their base
      equal(`F${r}`, d.amountMxn, D, d.kind !== 'penalty')
      equal(`G${r}`, d.amountUsd, D, d.kind !== 'penalty')
      if (d.kind !== 'penalty') {
        equal(`D${r}`, d.baseMxn, D)
        expect(x.read(D, `F${r}`)!.formula).toContain(`ROUND(`)
      }
    })
    equal(
      `F${x.rowOf(D, 'A', 'Saldo por amortizar después de esta estimación')}`,
      e.advance.balanceAfterMxn,
      D,
    )
    // the generator: one row per cell, each concept's SUM is its line's quantity
    const g = x.wb.getWorksheet('Generador')!
    const cellRows = [...Array(g.rowCount).keys()].filter((i) => {
      const v = g.getCell(`D${i + 1}`).value
      return v instanceof Date
    })
    expect(cellRows.length).toBe(e.cells.length)
    equal(`G${x.rowOf('Generador', 'B', 'Total 2.1.')}`, '23.625', 'Generador')
  })

  it('speaks the caller language: an English user gets the workbook and a rule in English; the PDF stays Spanish', async () => {
    const setLocale = async (locale: 'es' | 'en') =>
      expect((await call('PATCH', '/api/v1/auth/me/preferences', manager, { locale })).status).toBe(200)
    await setLocale('en')
    try {
      const res = await call('GET', `${E}/${e.id}/xlsx`, manager)
      expect(String(res.raw.headers['content-disposition'])).toContain('Estimate-OT-DOC-001-')
      const x = await workbook(e.id)
      expect(x.wb.worksheets.map((w) => w.name)).toEqual(['Estimate', 'Deductions', 'Generator'])
      const header = x.rowOf('Estimate', 'A', 'Code')
      expect([2, 7, 12].map((c) => x.wb.getWorksheet('Estimate')!.getRow(header).getCell(c).value)).toEqual([
        'Description',
        'This estimate',
        'Amount MXN',
      ])
      expect(x.rowOf('Estimate', 'A', 'Type')).toBeGreaterThan(0)
      expect(x.read('Estimate', `B${x.rowOf('Estimate', 'A', 'Type')}`)?.value).toBe('Ordinary')
      // the formulas follow the sheets' English names
      const total = (label: string) => x.rowOf('Estimate', 'K', label)
      expect(x.value('Estimate', `L${total('Deductions')}`).equals(e.totals.deductionsMxn)).toBe(true)
      expect(x.value('Estimate', `L${total('Net payable')}`).equals(e.totals.netMxn)).toBe(true)
      expect(x.read('Deductions', 'A1')?.value).toBe('Concept')
      expect(x.rowOf('Deductions', 'A', 'Balance to amortize after this estimate')).toBeGreaterThan(1)
      expect(x.read('Generator', 'J1')?.value).toBe('Evidence files')
      expect(x.rowOf('Generator', 'I', 'Signed')).toBeGreaterThan(1)
      expect(x.value('Generator', `G${x.rowOf('Generator', 'B', 'Total 2.1.')}`).equals('23.625')).toBe(true)
      const text = await pdfText(e.id)
      expect(text).toContain('ESTIMACIÓN DE OBRA')
      // a rule of the workflow, with the statuses named in English
      const wrong = await call('POST', `${E}/${e.id}/return`, manager, { reason: 'Revisar los volúmenes' })
      expect(wrong.status).toBe(409)
      expect(wrong.body.error).toMatchObject({
        key: 'estimates.wrongStatus',
        message: `Estimate ${e.number} is draft; this action needs it to be in review or submitted to the client`,
      })
      const aging = await call(
        'GET',
        `${E}/reports/unbilled-aging.xlsx?workOrderId=${wo.id}&asOf=2026-05-15`,
        manager,
      )
      expect(String(aging.raw.headers['content-disposition'])).toContain(
        'unbilled-production-2026-05-15.xlsx',
      )
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(aging.raw.rawPayload as unknown as ArrayBuffer)
      expect(wb.worksheets[0]!.name).toBe('Unbilled production')
      expect(wb.worksheets[0]!.getRow(1).values).toEqual(
        expect.arrayContaining(['WO', 'Code', 'Unbilled', '0-30 days MXN', '90+ days USD']),
      )
    } finally {
      await setLocale('es')
    }
    const spanish = await call('POST', `${E}/${e.id}/return`, manager, { reason: 'Revisar los volúmenes' })
    expect(spanish.body.error.message).toBe(
      `La estimación ${e.number} está borrador; esta acción necesita en revisión o enviada al cliente`,
    )
  })

  it('a submitted estimate prints without BORRADOR, with its frozen rate; the documents of another organization are 404', async () => {
    await ok('POST', `${E}/${e.id}/review`)
    await ok('POST', `${E}/${e.id}/submit`, { exchangeRate: '18.25' })
    const s = (await ok('GET', `${E}/${e.id}`)) as TEstimate
    const text = await pdfText(e.id)
    expect(text).not.toContain('BORRADOR')
    expect(text).toContain(`TOTAL HOMOLOGADO MXN (T.C. 18.25) ${es(s.totals.homologatedMxn!)}`)
    const x = await workbook(e.id)
    const r = x.rowOf('Estimación', 'K', 'Total homologado MXN')
    expect(x.value('Estimación', `L${r}`).equals(s.totals.homologatedMxn!)).toBe(true)
    const other = await t.login('admin@rental.test')
    expect((await call('GET', `${E}/${e.id}/pdf`, other)).status).toBe(404)
    expect((await call('GET', `${E}/${e.id}/xlsx`, other)).status).toBe(404)
  })
})

describe('estimate reports', () => {
  it('unbilled aging: per family, concept and month, aged from the month end; approved cells leave it', async () => {
    const q = `${E}/reports/unbilled-aging?workOrderId=${wo.id}&asOf=2026-05-15`
    let r = (await ok('GET', q)) as TUnbilledAging
    expect(r.asOf).toBe('2026-05-15')
    const row = (code: string, month: string) => r.items.find((i) => i.code === code && i.month === month)
    // January: 2 of B, aged 31/01 → 15/05 = 104 days; B is 101.25 MXN, 0 USD
    expect(row('2.2.', '2026-01')).toMatchObject({
      ageDays: 104,
      bucket: '90+',
      unbilled: '2',
      unbilledMxn: '202.50',
    })
    // March: in the submitted estimate, not approved yet: still unbilled, and shown in estimates
    expect(row('2.1.', '2026-03')).toMatchObject({
      ageDays: 45,
      bucket: '31-60',
      produced: '23.625',
      inEstimates: '23.625',
      unbilled: '23.625',
    })
    const list = (await ok('GET', `${E}?workOrderId=${wo.id}&status=submitted`)) as {
      items: { id: string }[]
    }
    await ok('POST', `${E}/${list.items[0]!.id}/approve`, {}, billing)
    r = (await ok('GET', q)) as TUnbilledAging
    expect(row('2.1.', '2026-03')).toBeUndefined()
    expect(r.totals.buckets['90+']).toEqual({ mxn: '202.50', usd: '0.00' })
    expect(r.totals.mxn).toBe('202.50')
    const xlsx = await call('GET', q.replace('unbilled-aging', 'unbilled-aging.xlsx'), manager)
    expect(xlsx.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(xlsx.raw.rawPayload as unknown as ArrayBuffer)
    expect(wb.worksheets[0]!.getCell('B2').value).toBe('2.2.')
    const bad = await call('GET', `${E}/reports/unbilled-aging?asOf=2026-13-01`, manager)
    expect(bad.status).toBe(400)
  })

  it('estimated vs produced vs authorized per family, at the unit prices', async () => {
    const r = (await ok('GET', `${E}/reports/progress?workOrderId=${wo.id}`)) as TEstimateProgress
    expect(r.items).toHaveLength(1)
    const p = r.items[0]!
    const price = (c: CatalogConcept, k: 'unitPriceMxn' | 'unitPriceUsd', q: string) => new Dec(q).times(c[k])
    const authorized = price(A, 'unitPriceMxn', '400').plus(price(B, 'unitPriceMxn', '300'))
    const produced = price(A, 'unitPriceMxn', '23.625').plus(price(B, 'unitPriceMxn', '5.333'))
    const estimated = price(A, 'unitPriceMxn', '22.125').plus(price(B, 'unitPriceMxn', '3.333'))
    expect(p).toMatchObject({
      workOrderNumber: 'OT-DOC-001',
      authorizedMxn: authorized.toFixed(2),
      producedMxn: produced.toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2),
      estimatedMxn: estimated.toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2),
      approvedMxn: estimated.toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2),
    })
    const all = (await ok('GET', `${E}/reports/progress`)) as TEstimateProgress
    expect(all.items.some((i) => i.workOrderId === wo.id)).toBe(true)
  })
})
