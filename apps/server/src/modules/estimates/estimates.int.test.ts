import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TEstimate, TEstimateList, TUnbilled } from '@faena/contracts'
import { apiCalls } from '../../../test/api-calls'
import { createTestApp, type TestApp } from '../../../test/harness'
import {
  billableFamily,
  closeMonth as closeFamilyMonth,
  injectApi,
  saveGridCells,
  signEvidence,
} from '../../../test/estimate-setup'
import {
  annexRows,
  confirmAnnex,
  workOrderWithAnnex,
  type CatalogConcept,
  type SiteRefs,
} from '../../../test/production-setup'

/**
 * Estimates from production (docs/estimates.md): numbering, selection (signed evidence, excess, one live
 * estimate per cell), lines, deductions and totals computed by hand to the cent, the workflow and its audit.
 */
let t: TestApp
let manager: string
let supervisor: string
let billing: string
let viewer: string
let refs: SiteRefs
let wo: { id: string; number: string }
let A: CatalogConcept
let B: CatalogConcept
const { call, ok } = apiCalls(
  () => t,
  () => manager,
)
const E = '/api/v1/estimates'

const api = injectApi(
  () => t,
  () => manager,
)
const saveGrid = (w: { id: string }, siteId: string, cells: object[]) =>
  saveGridCells(api, w.id, siteId, '2026-03', cells)
const sign = (conceptId: string, date: string) =>
  signEvidence(api, { workOrderId: wo.id, siteId: refs.vessel, conceptId, date }, 'https://example.com/gpu/1')
/** Production's monthly close of the family's month (estimates bill only closed months). */
const closeMonth = (w: { id: string }, month = '2026-03') => closeFamilyMonth(api, w.id, month)
const reopenMonth = (w: { id: string }, month = '2026-03') =>
  ok('POST', `/api/v1/production/monthly-reports/${w.id}/${month}/reopen`, {
    reason: 'Corrección de excedente',
  })
const create = (body: object, cookie = supervisor) =>
  call('POST', E, cookie, { workOrderId: wo.id, periodStart: '2026-03-01', periodEnd: '2026-03-31', ...body })
const get = async (id: string) => (await ok('GET', `${E}/${id}`)) as TEstimate
const line = (e: TEstimate, conceptId: string, kind = 'production') =>
  e.lines.find((l) => l.conceptId === conceptId && l.kind === kind)!
const audits = (entityId: string) =>
  t.db
    .selectFrom('audit_log')
    .select(['action', 'changes', 'data'])
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute()

beforeAll(async () => {
  t = await createTestApp()
  manager = await t.login('manager@offshore.test')
  supervisor = await t.login('supervisor@offshore.test')
  billing = await t.login('billing@offshore.test')
  viewer = await t.login('viewer@offshore.test')
  ;({ A, B, refs, wo } = await billableFamily(api, {
    number: 'OT-EST-001',
    start: '2026-03-01',
    end: '2026-04-30',
    volumes: [20, 10],
  }))
  // the prices every figure below was computed with
  expect([A.unitPriceMxn, A.unitPriceUsd, B.unitPriceMxn, B.unitPriceUsd].map(Number)).toEqual([
    100, 12.5, 101.25, 0,
  ])
  // A: 12.5 (signed) and 5 (pending) at the vessel, 4 at the platform (running total 21.5 > 20: excess)
  await saveGrid(wo, refs.vessel, [
    { conceptId: A.id, date: '2026-03-02', volume: '12.5' },
    { conceptId: A.id, date: '2026-03-03', volume: '5' },
    { conceptId: B.id, date: '2026-03-02', volume: '3.333' },
  ])
  await saveGrid(wo, refs.platform, [{ conceptId: A.id, date: '2026-03-04', volume: '4' }])
  await sign(A.id, '2026-03-02')
  await sign(B.id, '2026-03-02')
  await ok('PUT', '/api/v1/production/exchange-rates', { validFrom: '2026-03-01', rate: '17.2513' }, billing)
  await closeMonth(wo)
})
afterAll(async () => t?.close())

describe('estimates', () => {
  let first: string
  let second: string

  it('family settings: defaults from the organization, then saved (audited); bad input names the field', async () => {
    const d = await ok('GET', `${E}/settings/${wo.id}`)
    expect(d).toMatchObject({
      isDefault: true,
      ivaPercent: '16',
      amortizationPercent: '0',
      maxPeriodMonths: 1,
    })
    const body = {
      ivaPercent: '16',
      advanceMxn: '1000',
      advanceUsd: '30',
      amortizationPercent: '30',
      retentions: [{ code: '5_al_millar', name: 'Cinco al millar (inspección)', percent: '0.5' }],
      maxPeriodMonths: 1,
    }
    expect((await call('PUT', `${E}/settings/${wo.id}`, viewer, body)).status).toBe(403)
    const bad = await call('PUT', `${E}/settings/${wo.id}`, manager, { ...body, amortizationPercent: '130' })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('amortizationPercent')
    const s = await ok('PUT', `${E}/settings/${wo.id}`, body)
    expect(s).toMatchObject({ isDefault: false, advanceMxn: '1000', retentions: body.retentions })
    const rows = await audits(wo.id)
    expect(rows.some((r) => r.action === 'estimate.settings_saved')).toBe(true)
  })

  it('creates a draft numbered per family; a period over a month and a viewer are refused', async () => {
    const long = await create({ periodEnd: '2026-04-01' })
    expect(long.status).toBe(400)
    expect(long.body.error.details[0].path).toBe('periodEnd')
    expect((await create({}, viewer)).status).toBe(403)
    const r = await create({ type: 'ordinary' })
    expect(r.status, JSON.stringify(r.body)).toBe(201)
    expect(r.body).toMatchObject({
      number: 1,
      name: 'Estimación 1',
      status: 'draft',
      lines: [],
      workOrderNumber: 'OT-EST-001',
    })
    first = r.body.id
    expect(r.body.totals).toMatchObject({ subtotalMxn: '0.00', netMxn: '0.00' })
  })

  it('selects by filters: only signed evidence, excess excluded; lines, deductions and totals to the cent', async () => {
    let e = (await ok('PUT', `${E}/${first}/selection`, {
      dateFrom: '2026-03-01',
      dateTo: '2026-03-31',
    })) as TEstimate
    const bySize = (x: string[], y: string[]) => Number(y[2]) - Number(x[2])
    expect(e.cells.map((c) => [c.conceptId, c.date, c.volume, c.evidenceStatus]).sort(bySize)).toEqual([
      [A.id, '2026-03-02', '12.5', 'signed'],
      [B.id, '2026-03-02', '3.333', 'signed'],
    ])
    expect(line(e, A.id)).toMatchObject({
      code: '2.1.',
      authorizedQuantity: '20',
      previousQuantity: '0',
      quantity: '12.5',
      accumulatedQuantity: '12.5',
      remainingQuantity: '7.5',
      amountMxn: '1250.00',
      amountUsd: '156.25',
    })
    // 3.333 × 101.25 = 337.46625 → 337.47
    expect(line(e, B.id)).toMatchObject({ quantity: '3.333', amountMxn: '337.47', amountUsd: '0.00' })
    const short = await call('POST', `${E}/${first}/adjustments`, manager, {
      kind: 'deductive',
      conceptId: A.id,
      quantity: '2',
      reason: 'no',
    })
    expect(short.status).toBe(400)
    expect(JSON.stringify(short.body)).toContain('reason')
    await ok('POST', `${E}/${first}/adjustments`, {
      kind: 'deductive',
      conceptId: A.id,
      quantity: '2',
      reason: 'Volumen medido de más en la estimación anterior',
    })
    e = (await ok('POST', `${E}/${first}/adjustments`, {
      kind: 'penalty',
      amountMxn: '100',
      amountUsd: '0',
      reason: 'Atraso en la entrega del reporte',
    })) as TEstimate
    expect(line(e, A.id, 'deductive')).toMatchObject({
      quantity: '-2',
      amountMxn: '-200.00',
      amountUsd: '-25.00',
      accumulatedQuantity: '10.5',
      remainingQuantity: '9.5',
    })
    // subtotal 1250 + 337.47 − 200 = 1387.47 / 156.25 − 25 = 131.25
    // amortization 30 %: 416.241 → 416.24 (advance 1000 left) / 39.375 → 39.38, capped at the 30.00 advance
    // 5 al millar: 6.93735 → 6.94 / 0.65625 → 0.66; penalty 100.00
    // IVA (1387.47 − 416.24) × 0.16 = 155.3968 → 155.40 / (131.25 − 30) × 0.16 = 16.20
    // net 1387.47 − 523.18 + 155.40 = 1019.69 / 131.25 − 30.66 + 16.20 = 116.79
    // homologated at the table's 17.2513: 1019.69 + 2014.779327 = 3034.469327 → 3034.47
    expect(e.deductions.map((d) => [d.kind, d.amountMxn, d.amountUsd])).toEqual([
      ['amortization', '416.24', '30.00'],
      ['retention', '6.94', '0.66'],
      ['penalty', '100.00', '0.00'],
    ])
    expect(e.totals).toEqual({
      subtotalMxn: '1387.47',
      subtotalUsd: '131.25',
      deductionsMxn: '523.18',
      deductionsUsd: '30.66',
      taxMxn: '155.40',
      taxUsd: '16.20',
      netMxn: '1019.69',
      netUsd: '116.79',
      homologatedMxn: '3034.47',
    })
    expect(e.suggestedExchangeRate).toBe('17.2513')
    expect(e.advance).toMatchObject({
      recoveredBeforeMxn: '0.00',
      balanceAfterMxn: '583.76',
      balanceAfterUsd: '0.00',
    })
  })

  it('a cell is in one live estimate: an explicit list naming a held cell is 409; filters skip it', async () => {
    // a final settlement bills what is left, excess included (it goes forward once estimate 1 is approved)
    const r = await create({ type: 'final_settlement' })
    expect(r.body.number).toBe(2)
    second = r.body.id
    const held = await call('PUT', `${E}/${second}/selection`, manager, {
      cells: [{ siteId: refs.vessel, conceptId: A.id, date: '2026-03-02', timeType: 'TE' }],
    })
    expect(held.status).toBe(409)
    expect(held.body.error.details).toMatchObject({
      reason: 'in_other_estimate',
      cells: [{ path: 'cells.0', estimate: 1 }],
    })
    // unsigned evidence and excess without a reason are refused by name in a list
    const unsigned = await call('PUT', `${E}/${second}/selection`, manager, {
      cells: [
        { siteId: refs.vessel, conceptId: A.id, date: '2026-03-03', timeType: 'TE' },
        { siteId: refs.platform, conceptId: A.id, date: '2026-03-04', timeType: 'TE' },
      ],
    })
    expect(unsigned.status).toBe(400)
    expect(unsigned.body.error.details.map((d: { path: string }) => d.path)).toEqual(['cells.0', 'cells.1'])
    // any evidence, excess with its recorded reason (recorded while production reopens the month)
    await reopenMonth(wo)
    await ok('PUT', '/api/v1/production/grid/excess-reason', {
      workOrderId: wo.id,
      siteId: refs.platform,
      timeType: 'TE',
      conceptId: A.id,
      date: '2026-03-04',
      reason: 'Ampliación ordenada por la supervisión',
    })
    await closeMonth(wo)
    const e = (await ok('PUT', `${E}/${second}/selection`, {
      dateFrom: '2026-03-01',
      dateTo: '2026-03-31',
      evidence: 'any',
      includeAuthorizedExcess: true,
    })) as TEstimate
    expect(e.cells.map((c) => [c.date, c.volume, c.isExcess])).toEqual([
      ['2026-03-03', '5', false],
      ['2026-03-04', '4', true],
    ])
    // previous: estimate 1's 12.5 − 2; this 9 (4 of it authorized excess) → 19.5, 0.5 left
    expect(line(e, A.id)).toMatchObject({
      previousQuantity: '10.5',
      quantity: '9',
      excessQuantity: '4',
      accumulatedQuantity: '19.5',
      remainingQuantity: '0.5',
      amountMxn: '900.00',
      amountUsd: '112.50',
    })
  })

  it('what is left unbilled, per concept', async () => {
    const u = (await ok('GET', `${E}/unbilled?workOrderId=${wo.id}`)) as TUnbilled
    expect(u.items.map((i) => [i.code, i.produced, i.inEstimates, i.billed, i.unbilled])).toEqual([
      ['2.1.', '21.5', '21.5', '0', '0'],
      ['2.2.', '3.333', '3.333', '0', '0'],
    ])
  })

  it('workflow: review, submit (rate frozen), return with a reason, submit again, approve; permissions; audit', async () => {
    expect((await call('POST', `${E}/${first}/submit`, manager, {})).status).toBe(409)
    await ok('POST', `${E}/${first}/review`, undefined, supervisor)
    let e = (await ok('POST', `${E}/${first}/submit`, {}, supervisor)) as TEstimate
    expect(e).toMatchObject({ status: 'submitted', exchangeRate: '17.2513' })
    expect(e.totals.homologatedMxn).toBe('3034.47')
    expect((await call('POST', `${E}/${first}/approve`, manager, {})).status).toBe(403)
    expect((await call('POST', `${E}/${first}/return`, supervisor, { reason: 'Falta firma' })).status).toBe(
      403,
    )
    const noReason = await call('POST', `${E}/${first}/return`, billing, { reason: '' })
    expect(noReason.status).toBe(400)
    e = (await ok(
      'POST',
      `${E}/${first}/return`,
      { reason: 'Falta la firma del residente' },
      billing,
    )) as TEstimate
    expect(e).toMatchObject({
      status: 'draft',
      exchangeRate: null,
      returnReason: 'Falta la firma del residente',
    })
    await ok('POST', `${E}/${first}/review`)
    // 1019.69 + 116.79 × 18 (2102.22) = 3121.91
    e = (await ok('POST', `${E}/${first}/submit`, { exchangeRate: '18' })) as TEstimate
    expect(e.totals).toMatchObject({ netMxn: '1019.69', netUsd: '116.79', homologatedMxn: '3121.91' })
    e = (await ok('POST', `${E}/${first}/approve`, {}, billing)) as TEstimate
    expect(e).toMatchObject({ status: 'approved', exchangeRate: '18' })
    expect(e.approvedBy?.id).toBeTruthy()
    const actions = (await audits(first)).map((a) => a.action)
    expect(actions).toEqual([
      'estimate.created',
      'estimate.selection_saved',
      'estimate.adjustment_added',
      'estimate.adjustment_added',
      'estimate.sent_to_review',
      'estimate.submitted',
      'estimate.returned',
      'estimate.sent_to_review',
      'estimate.submitted',
      'estimate.approved',
    ])
    // frozen: no change of an approved estimate
    const edit = await call('PUT', `${E}/${first}/selection`, manager, {
      dateFrom: '2026-03-01',
      dateTo: '2026-03-31',
    })
    expect(edit.status).toBe(409)
    expect((await call('POST', `${E}/${first}/cancel`, manager, {})).status).toBe(409)
  })

  it('the next estimate recovers the advance left and says which cells are billed for good', async () => {
    const e = await get(second)
    // subtotal 900.00 / 112.50; amortization 270.00 (583.76 left) / 33.75 capped at 0.00 left
    // 5 al millar 4.50 / 0.5625 → 0.56; IVA (900 − 270) × 0.16 = 100.80 / 112.50 × 0.16 = 18.00
    // net 900 − 274.50 + 100.80 = 726.30 / 112.50 − 0.56 + 18.00 = 129.94
    // homologated 726.30 + 129.94 × 17.2513 (2241.633922) = 2967.933922 → 2967.93
    expect(e.deductions.map((d) => [d.kind, d.amountMxn, d.amountUsd])).toEqual([
      ['amortization', '270.00', '0.00'],
      ['retention', '4.50', '0.56'],
    ])
    expect(e.totals).toMatchObject({ netMxn: '726.30', netUsd: '129.94', homologatedMxn: '2967.93' })
    expect(e.advance).toMatchObject({
      recoveredBeforeMxn: '416.24',
      recoveredBeforeUsd: '30.00',
      balanceAfterMxn: '313.76',
    })
    const billed = await call('PUT', `${E}/${second}/selection`, manager, {
      cells: [{ siteId: refs.vessel, conceptId: B.id, date: '2026-03-02', timeType: 'TE' }],
    })
    expect(billed.status).toBe(409)
    expect(billed.body.error.details.reason).toBe('billed')
  })

  it('cancelling a draft releases its cells; numbers are never reused; the list filters and pages', async () => {
    const c = (await ok('POST', `${E}/${second}/cancel`)) as TEstimate
    expect(c).toMatchObject({ status: 'cancelled', cells: [] })
    const u = (await ok('GET', `${E}/unbilled?workOrderId=${wo.id}`)) as TUnbilled
    expect(u.items.find((i) => i.code === '2.1.')).toMatchObject({
      billed: '12.5',
      inEstimates: '0',
      unbilled: '9',
      unbilledCells: 2,
    })
    const r = await create({})
    expect(r.body.number).toBe(3)
    const list = (await ok('GET', `${E}?workOrderId=${wo.id}&limit=2`)) as TEstimateList
    expect(list.total).toBe(3)
    expect(list.items).toHaveLength(2)
    const approved = (await ok('GET', `${E}?workOrderId=${wo.id}&status=approved`)) as TEstimateList
    expect(approved.items.map((i) => [i.number, i.totals?.netMxn])).toEqual([[1, '1019.69']])
  })

  it('overbilling past a lowered authorization is refused at submission, naming the concept; a reprogramming is not a family', async () => {
    const w2 = await workOrderWithAnnex(api, refs, {
      number: 'OT-EST-002',
      start: '2026-03-01',
      end: '2026-04-30',
      rows: annexRows([A], () => 10),
    })
    await saveGrid(w2, refs.vessel, [{ conceptId: A.id, date: '2026-03-05', volume: '8' }])
    await closeMonth(w2)
    const r = await call('POST', E, manager, {
      workOrderId: w2.id,
      periodStart: '2026-03-01',
      periodEnd: '2026-03-31',
      type: 'ordinary',
    })
    expect(r.body.number).toBe(1)
    await ok('PUT', `${E}/${r.body.id}/selection`, {
      dateFrom: '2026-03-01',
      dateTo: '2026-03-31',
      evidence: 'any',
    })
    await ok('POST', `${E}/${r.body.id}/review`)
    await confirmAnnex(
      api,
      w2.id,
      annexRows([A], () => 5),
    )
    const over = await call('POST', `${E}/${r.body.id}/submit`, manager, {})
    expect(over.status).toBe(409)
    expect(over.body.error.message).toContain('2.1.')
    expect(over.body.error.details).toMatchObject({
      reason: 'overbilling',
      concepts: [{ code: '2.1.', over: '3', authorized: '5' }],
    })
    // estimates are the family's: a reprogramming's id is refused naming the field
    const repro = await ok('POST', `/api/v1/work-orders/${w2.id}/reprogrammings`, {
      reason: 'Ampliación',
      plannedStart: '2026-04-01',
      plannedEnd: '2026-05-31',
    })
    const onRepro = await call('POST', E, manager, {
      workOrderId: repro.id,
      periodStart: '2026-04-01',
      periodEnd: '2026-04-30',
      type: 'ordinary',
    })
    expect(onRepro.status).toBe(400)
    expect(onRepro.body.error.details[0].path).toBe('workOrderId')
  })
})
