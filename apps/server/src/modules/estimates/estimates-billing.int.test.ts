import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TEstimate, TEstimateList, TProductionGrid } from '@faena/contracts'
import { apiCalls } from '../../../test/api-calls'
import { createTestApp, type TestApp } from '../../../test/harness'
import { billableFamily, closeMonth as closeFamilyMonth, injectApi } from '../../../test/estimate-setup'
import type { CatalogConcept, SiteRefs } from '../../../test/production-setup'

/**
 * The estimate's rules after issue 10's second half (docs/estimates.md): only closed months, type rules,
 * invoiced and paid, billed production frozen in the production grid, the running account, notifications.
 */
let t: TestApp
let manager: string
let supervisor: string
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
const MONTH = '2026-03'
const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'America/Mexico_City' })

const grid = (siteId: string) =>
  ok(
    'GET',
    `/api/v1/production/grid?workOrderId=${wo.id}&siteId=${siteId}&month=${MONTH}&timeType=TE`,
  ) as Promise<TProductionGrid>
const saveGrid = async (siteId: string, cells: object[]) =>
  call('PUT', '/api/v1/production/grid', manager, {
    workOrderId: wo.id,
    siteId,
    month: MONTH,
    timeType: 'TE',
    version: (await grid(siteId)).version,
    cells,
  })
const R = `/api/v1/production/monthly-reports`
const api = injectApi(
  () => t,
  () => manager,
)
const closeMonth = () => closeFamilyMonth(api, wo.id, MONTH)
const reopenMonth = () => ok('POST', `${R}/${wo.id}/${MONTH}/reopen`, { reason: 'Corrección pedida' })
const create = async (type: string) =>
  (await ok(
    'POST',
    E,
    { workOrderId: wo.id, periodStart: '2026-03-01', periodEnd: '2026-03-31', type },
    supervisor,
  )) as TEstimate
const all = { dateFrom: '2026-03-01', dateTo: '2026-03-31', evidence: 'any', includeAuthorizedExcess: true }
/** The caller's language (docs/platform.md "Messages and languages"). */
const setLocale = async (cookie: string, locale: 'es' | 'en') =>
  expect((await call('PATCH', '/api/v1/auth/me/preferences', cookie, { locale })).status).toBe(200)
const notes = async (cookie: string) =>
  (
    (await ok('GET', '/api/v1/notifications?limit=100', undefined, cookie)) as {
      items: { kind: string; link: string | null; title: string }[]
    }
  ).items

beforeAll(async () => {
  t = await createTestApp()
  manager = await t.login('manager@offshore.test')
  supervisor = await t.login('supervisor@offshore.test')
  billing = await t.login('billing@offshore.test')
  ;({ A, B, refs, wo } = await billableFamily(api, {
    number: 'OT-EST-B01',
    start: '2026-03-01',
    end: '2026-04-30',
    volumes: [10, 10],
  }))
  // A: 6 + 6 (the second 6 passes the 10 authorized: excess, with its reason); B: 2
  const saved = await saveGrid(refs.vessel, [
    { conceptId: A.id, date: '2026-03-02', volume: '6' },
    { conceptId: A.id, date: '2026-03-03', volume: '6' },
    { conceptId: B.id, date: '2026-03-02', volume: '2' },
  ])
  expect(saved.status).toBe(200)
  await ok('PUT', '/api/v1/production/grid/excess-reason', {
    workOrderId: wo.id,
    siteId: refs.vessel,
    timeType: 'TE',
    conceptId: A.id,
    date: '2026-03-03',
    reason: 'Ampliación ordenada por la supervisión',
  })
  await ok('PUT', '/api/v1/production/exchange-rates', { validFrom: '2026-03-01', rate: '17.5' }, billing)
})
afterAll(async () => t?.close())

describe('estimates: closed months, types, invoiced and paid, billed production frozen', () => {
  let ordinary: TEstimate

  it('bills only months production closed: 409 naming the month (filters and list); again on submission', async () => {
    ordinary = await create('ordinary')
    const open = await call('PUT', `${E}/${ordinary.id}/selection`, manager, all)
    expect(open.status).toBe(409)
    expect(open.body.error.details).toMatchObject({ reason: 'open_month', months: [MONTH] })
    expect(open.body.error.message).toContain('2026-03')
    expect(open.body.error.message).toContain(
      'Solo se cobran meses cerrados en producción; no está cerrado: 2026-03',
    )
    // the same refusal to an English user
    await setLocale(manager, 'en')
    try {
      const en = await call('PUT', `${E}/${ordinary.id}/selection`, manager, all)
      expect(en.status).toBe(409)
      expect(en.body.error.key).toBe('estimates.openMonths')
      expect(en.body.error.message).toContain(
        'Only months closed in production are billed; not closed: 2026-03',
      )
    } finally {
      await setLocale(manager, 'es')
    }
    const list = await call('PUT', `${E}/${ordinary.id}/selection`, manager, {
      cells: [{ siteId: refs.vessel, conceptId: B.id, date: '2026-03-02', timeType: 'TE' }],
      evidence: 'any',
    })
    expect(list.status).toBe(409)
    expect(list.body.error.details.cells).toHaveLength(1)
    await closeMonth()
    // ordinary: never excess, even when asked
    const e = (await ok('PUT', `${E}/${ordinary.id}/selection`, all)) as TEstimate
    expect(e.cells.map((c) => [c.conceptId === A.id ? 'A' : 'B', c.date, c.isExcess]).sort()).toEqual([
      ['A', '2026-03-02', false],
      ['B', '2026-03-02', false],
    ])
    await ok('POST', `${E}/${ordinary.id}/review`)
    await reopenMonth()
    const reopened = await call('POST', `${E}/${ordinary.id}/submit`, manager, {})
    expect(reopened.status).toBe(409)
    expect(reopened.body.error.details).toMatchObject({ reason: 'open_month', months: [MONTH] })
    await closeMonth()
  })

  it('type rules: excess bills only authorized excess; extraordinary only PUE; price adjustment no production', async () => {
    const excess = await create('excess')
    const e = (await ok('PUT', `${E}/${excess.id}/selection`, {
      ...all,
      includeAuthorizedExcess: false,
    })) as TEstimate
    expect(e.cells.map((c) => [c.date, c.volume, c.isExcess])).toEqual([['2026-03-03', '6', true]])
    await ok('POST', `${E}/${excess.id}/cancel`)
    // an ordinary estimate naming the excess cell: 400 naming it
    const plain = await create('ordinary')
    const listed = await call('PUT', `${E}/${plain.id}/selection`, manager, {
      cells: [{ siteId: refs.vessel, conceptId: A.id, date: '2026-03-03', timeType: 'TE' }],
      evidence: 'any',
    })
    expect(listed.status).toBe(400)
    expect(listed.body.error.details[0]).toMatchObject({ path: 'cells.0' })
    await ok('POST', `${E}/${plain.id}/cancel`)

    const extra = await create('extraordinary')
    const x = (await ok('PUT', `${E}/${extra.id}/selection`, all)) as TEstimate
    expect(x.cells).toEqual([]) // the family's concepts are ordinary (none is a PUE)
    await ok('POST', `${E}/${extra.id}/cancel`)

    const price = await create('price_adjustment')
    const p = await call('PUT', `${E}/${price.id}/selection`, manager, all)
    expect(p.status).toBe(409)
    expect(p.body.error.details).toMatchObject({ reason: 'type_rule' })
    const early = await call('POST', `${E}/${price.id}/adjustments`, manager, {
      kind: 'price_difference',
      conceptId: A.id,
      priceDifferenceMxn: '1.5',
      priceDifferenceUsd: '0',
      reason: 'Escalatoria del periodo',
    })
    expect(early.status).toBe(400) // nothing billed yet
    expect(early.body.error.details[0].path).toBe('conceptId')
    await ok('POST', `${E}/${price.id}/cancel`)
  })

  it('approve → invoice (reference unique per organization, 409 naming it, two at once) → pay (exact, dated); notified', async () => {
    const n0 = (await notes(billing)).length
    await ok('POST', `${E}/${ordinary.id}/submit`, {})
    const afterSubmit = await notes(billing)
    expect(afterSubmit.length).toBe(n0 + 1)
    expect(afterSubmit[0]).toMatchObject({ kind: 'estimate.submitted', link: `/estimates/${ordinary.id}` })
    // returned: its creator (the supervisor) hears about it
    await ok('POST', `${E}/${ordinary.id}/return`, { reason: 'Falta la firma del residente' }, billing)
    expect((await notes(supervisor))[0]).toMatchObject({ kind: 'estimate.returned' })
    await ok('POST', `${E}/${ordinary.id}/review`)
    await ok('POST', `${E}/${ordinary.id}/submit`, { exchangeRate: '18' })
    expect(
      (await call('POST', `${E}/${ordinary.id}/invoice`, billing, { invoiceReference: 'F-1' })).status,
    ).toBe(409) // not approved yet
    const approved = (await ok('POST', `${E}/${ordinary.id}/approve`, {}, billing)) as TEstimate
    // billing approved it: the notice goes to the others who can invoice (admin), never to the one who acted
    expect((await notes(billing)).filter((n) => n.kind === 'estimate.approved')).toHaveLength(0)
    expect(
      (await call('POST', `${E}/${ordinary.id}/invoice`, supervisor, { invoiceReference: 'F-1' })).status,
    ).toBe(403)
    const blank = await call('POST', `${E}/${ordinary.id}/invoice`, billing, { invoiceReference: ' ' })
    expect(blank.status).toBe(400)
    expect(JSON.stringify(blank.body)).toContain('invoiceReference')
    const inv = (await ok(
      'POST',
      `${E}/${ordinary.id}/invoice`,
      { invoiceReference: 'FAC-0001' },
      billing,
    )) as TEstimate
    expect(inv).toMatchObject({
      status: 'invoiced',
      invoiceReference: 'FAC-0001',
      invoicedBy: { name: expect.any(String) },
    })

    // another estimate of the organization cannot take the same reference (ignoring case), nor two at once
    const second = await create('final_settlement')
    await ok('PUT', `${E}/${second.id}/selection`, all)
    await ok('POST', `${E}/${second.id}/review`)
    await ok('POST', `${E}/${second.id}/submit`, {})
    await ok('POST', `${E}/${second.id}/approve`, {}, billing)
    const dup = await call('POST', `${E}/${second.id}/invoice`, billing, { invoiceReference: 'fac-0001' })
    expect(dup.status).toBe(409)
    expect(dup.body.error.details[0].path).toBe('invoiceReference')
    const race = await Promise.all([
      call('POST', `${E}/${second.id}/invoice`, billing, { invoiceReference: 'FAC-0002' }),
      call('POST', `${E}/${ordinary.id}/pay`, billing, { date: today(), amount: '1' }),
    ])
    expect(race[0].status).toBe(200)

    // pay: the amount is the homologated net (MXN) to the cent; the date not future, not before the invoice
    const net = approved.totals.homologatedMxn!
    const wrong = await call('POST', `${E}/${ordinary.id}/pay`, billing, { date: today(), amount: '1' })
    expect(wrong.status).toBe(400)
    expect(wrong.body.error.details[0].path).toBe('amount')
    expect(wrong.body.error.message).toContain(net)
    expect(wrong.body.error.message).toBe(
      `El importe pagado debe ser el neto homologado de la estimación, ${net} MXN`,
    )
    // an English user gets the rules and the fields' messages in English
    await setLocale(billing, 'en')
    try {
      const en = await call('POST', `${E}/${ordinary.id}/pay`, billing, { date: today(), amount: '1' })
      expect(en.body.error).toMatchObject({
        key: 'estimates.paidAmount',
        message: `The amount paid must equal the estimate's homologated net, ${net} MXN`,
      })
      expect(en.body.error.details[0]).toMatchObject({ path: 'amount', message: `Must be ${net}` })
      const enFuture = await call('POST', `${E}/${ordinary.id}/pay`, billing, {
        date: '2099-01-01',
        amount: net,
      })
      expect(enFuture.body.error.message).toBe('The payment date cannot be in the future')
      expect(enFuture.body.error.details[0].message).toBe(`Up to ${today()}`)
    } finally {
      await setLocale(billing, 'es')
    }
    const future = await call('POST', `${E}/${ordinary.id}/pay`, billing, { date: '2099-01-01', amount: net })
    expect(future.body.error.details[0].path).toBe('date')
    const before = await call('POST', `${E}/${ordinary.id}/pay`, billing, { date: '2026-01-01', amount: net })
    expect(before.status).toBe(400)
    expect(before.body.error.details[0].path).toBe('date')
    const paid = (await ok(
      'POST',
      `${E}/${ordinary.id}/pay`,
      { date: today(), amount: net },
      billing,
    )) as TEstimate
    expect(paid).toMatchObject({ status: 'paid', paidDate: today(), paidAmount: net })
    const list = (await ok('GET', `${E}?workOrderId=${wo.id}&status=paid`)) as TEstimateList
    expect(list.items.map((i) => [i.number, i.invoiceReference, i.paidDate])).toEqual([
      [ordinary.number, 'FAC-0001', today()],
    ])
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity_id', '=', ordinary.id)
      .orderBy('id')
      .execute()
    expect(audit.map((a) => a.action).slice(-2)).toEqual(['estimate.invoiced', 'estimate.paid'])
  })

  it('billed production is frozen in the production grid: 409 naming the cells; the grid says which estimate', async () => {
    await reopenMonth()
    const g = await grid(refs.vessel)
    const a = g.rows.find((r) => r.conceptId === A.id)!
    expect(a.days.find((d) => d.date === '2026-03-02')!.billedBy).toBe(1)
    expect(a.days.find((d) => d.date === '2026-03-05')!.billedBy).toBeNull()
    const frozen = await saveGrid(refs.vessel, [{ conceptId: A.id, date: '2026-03-02', volume: '7' }])
    expect(frozen.status).toBe(409)
    expect(frozen.body.error.details).toMatchObject({
      reason: 'billed_cells',
      cells: [{ conceptId: A.id, date: '2026-03-02', code: '2.1.', estimateNumber: 1 }],
    })
    // unbilled cells still save
    const free = await saveGrid(refs.vessel, [{ conceptId: A.id, date: '2026-03-05', volume: '1' }])
    expect(free.status).toBe(200)
  })

  it('the running account: authorized, estimated to date, this estimate, remaining, advance — per currency', async () => {
    const list = (await ok('GET', `${E}?workOrderId=${wo.id}&status=invoiced`)) as TEstimateList
    const id = list.items.find((i) => i.invoiceReference === 'FAC-0002')!.id
    const second = (await ok('GET', `${E}/${id}`)) as TEstimate
    const first = (await ok('GET', `${E}/${ordinary.id}`)) as TEstimate
    const authorizedMxn = (10 * Number(A.unitPriceMxn) + 10 * Number(B.unitPriceMxn)).toFixed(2)
    expect(second.account.mxn).toMatchObject({
      authorized: authorizedMxn,
      estimatedToDate: first.totals.subtotalMxn,
      thisEstimate: second.totals.subtotalMxn,
    })
    expect(Number(second.account.mxn.remaining)).toBeCloseTo(
      Number(authorizedMxn) - Number(first.totals.subtotalMxn) - Number(second.totals.subtotalMxn),
      2,
    )
    expect(second.account.usd.advanceBalance).toBe('0.00')
  })
  it('price adjustment: a line per concept of the quantity already billed × the price difference, with its reason', async () => {
    const price = await create('price_adjustment')
    const e = (await ok('POST', `${E}/${price.id}/adjustments`, {
      kind: 'price_difference',
      conceptId: A.id,
      priceDifferenceMxn: '1.5',
      priceDifferenceUsd: '-0.125',
      reason: 'Escalatoria del periodo',
    })) as TEstimate
    // A billed: 6 (estimate 1) + 6 of authorized excess (the final settlement) = 12
    const l = e.lines.find((x) => x.kind === 'price_difference')!
    expect(l).toMatchObject({ quantity: '12', unitPriceMxn: '1.5', amountMxn: '18.00', amountUsd: '-1.50' })
    expect(e.totals).toMatchObject({ subtotalMxn: '18.00', subtotalUsd: '-1.50' })
    const onOrdinary = await call('POST', `${E}/${ordinary.id}/adjustments`, manager, {
      kind: 'price_difference',
      conceptId: A.id,
      priceDifferenceMxn: '1',
      priceDifferenceUsd: '0',
      reason: 'Escalatoria del periodo',
    })
    expect(onOrdinary.status).toBe(409) // paid: not a draft
    await ok('POST', `${E}/${price.id}/cancel`)
  })

  it('a second invoice at the same moment with the same reference: exactly one wins', async () => {
    const x = await create('ordinary')
    const y = await create('ordinary')
    // no production is left to bill: both are put in `approved` directly, with the first estimate's figures
    const { totals } = await t.db
      .selectFrom('estimates')
      .select('totals')
      .where('id', '=', ordinary.id)
      .executeTakeFirstOrThrow()
    await t.db
      .updateTable('estimates')
      .set({ status: 'approved', exchange_rate: '18', totals: JSON.stringify(totals) })
      .where('id', 'in', [x.id, y.id])
      .execute()
    const res = await Promise.all([
      call('POST', `${E}/${x.id}/invoice`, billing, { invoiceReference: 'FAC-RACE' }),
      call('POST', `${E}/${y.id}/invoice`, billing, { invoiceReference: 'FAC-RACE' }),
    ])
    expect(res.map((r) => r.status).sort()).toEqual([200, 409])
  })
})
