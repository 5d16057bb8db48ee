import { expect, test, type Page } from '@playwright/test'
import type { TEstimate, TProductionGrid } from '@faena/contracts'
import { annexRows, importCatalog, siteRefs, workOrderWithAnnex } from '../apps/server/test/production-setup'
import { contractWorkbookFixture } from '../apps/server/test/fixtures/contract-workbook'
import { login, watchPageErrors } from './helpers'
import { apiOf } from './production-api'

/** An estimate from production to approval (docs/estimates.md). */
const SHOTS = process.env.E2E_SHOTS_DIR ?? 'e2e/test-results'

async function produce(page: Page) {
  const api = apiOf(page.request)
  const catalog = await importCatalog(api, { workbook: await contractWorkbookFixture(), annex: 'C-2' })
  const refs = await siteRefs(api)
  const wo = await workOrderWithAnnex(api, refs, {
    number: 'OT-E2E-EST',
    start: '2026-09-01',
    end: '2026-09-30',
    rows: annexRows(catalog.slice(0, 2), () => 100),
  })
  const q = `/api/v1/production/grid?workOrderId=${wo.id}&siteId=${refs.vessel}&month=2026-09&timeType=TE`
  const grid = (await api.json('GET', q)) as TProductionGrid
  await api.json('PUT', '/api/v1/production/grid', {
    workOrderId: wo.id,
    siteId: refs.vessel,
    month: '2026-09',
    timeType: 'TE',
    version: grid.version,
    cells: [
      { conceptId: catalog[0]!.id, date: '2026-09-02', volume: '12.5' },
      { conceptId: catalog[1]!.id, date: '2026-09-03', volume: '3' },
    ],
  })
  // estimates bill only months production closed (docs/estimates.md#closed-months)
  const month = `/api/v1/production/monthly-reports/${wo.id}/2026-09`
  await api.json('POST', `${month}/links`, { url: 'https://example.com/cierre-septiembre.pdf' })
  await api.json('PUT', `${month}/status`, { status: 'in_review' })
  await api.json('PUT', `${month}/status`, { status: 'closed' })
  return { wo, catalog }
}

const badge = (page: Page, text: string) => page.locator('span.badge', { hasText: text })

const confirmIn = async (page: Page, title: RegExp, button: string, reason?: string) => {
  const dialog = page.getByRole('dialog', { name: title })
  if (reason) await dialog.getByRole('textbox').fill(reason)
  await dialog.getByRole('button', { name: button }).click()
  await expect(dialog).toBeHidden()
}

test('estimate: create, select production, review, submit, return with a reason, submit again, approve, invoice, pay', async ({
  page,
}) => {
  test.setTimeout(180_000)
  const problems = watchPageErrors(page)
  await login(page, 'manager@offshore.test')
  const { wo, catalog } = await produce(page)

  await page.goto('/estimates')
  await expect(page.getByRole('heading', { name: 'Estimaciones', level: 1 })).toBeVisible()
  await page.getByTestId('new-estimate').click()
  const create = page.getByRole('dialog', { name: 'Nueva estimación' })
  await create.getByRole('button', { name: 'Crear' }).click()
  await expect(create.getByText('Elige la OT (inicial de la familia).')).toBeVisible()
  await create.getByLabel('OT').selectOption({ label: `${wo.number} — Trabajos de ${wo.number}` })
  await create.getByLabel('Inicio del periodo').fill('2026-09-01')
  await create.getByLabel('Fin del periodo').fill('2026-09-30')
  await create.getByRole('button', { name: 'Crear' }).click()
  const heading = page.getByRole('heading', { name: `Estimación 1 — ${wo.number}` })
  await expect(heading).toBeVisible()
  await expect(page.getByText('La estimación aún no cobra producción.')).toBeVisible()

  // the work order's deductions: a 5-al-millar retention
  await page.getByRole('button', { name: 'Deducciones de la OT' }).click()
  const settings = page.getByRole('dialog', { name: 'Deducciones e IVA de la OT' })
  await settings.getByRole('button', { name: 'Agregar retención' }).click()
  await settings.getByRole('button', { name: 'Guardar' }).click()
  await expect(settings).toBeHidden()
  await expect(page.getByRole('cell', { name: /Cinco al millar/ })).toBeVisible()

  // nothing is signed: "only signed" bills nothing; "any" bills both cells
  await page.getByLabel('Evidencia').selectOption('any')
  await page.getByRole('button', { name: 'Aplicar selección' }).click()
  await expect(page.getByText('2 celdas de producción')).toBeVisible()
  const lines = page.locator('.estimate__table tbody tr')
  await expect(lines).toHaveCount(2)
  await expect(lines.first()).toContainText(catalog[0]!.code)

  const id = page.url().split('/').pop()!
  const api = async () => (await (await page.request.get(`/api/v1/estimates/${id}`)).json()) as TEstimate
  const before = await api()
  expect(before.lines.map((l) => l.quantity).sort()).toEqual(['12.5', '3'])
  await expect(page.getByTestId('net-mxn')).toContainText(
    new Intl.NumberFormat('es-MX', { minimumFractionDigits: 2 }).format(Number(before.totals.netMxn)),
  )
  await page.screenshot({ path: `${SHOTS}/estimate-draft.png`, fullPage: true })

  await page.getByRole('button', { name: 'Enviar a revisión' }).click()
  await confirmIn(page, /Enviar la estimación 1 a revisión/, 'Enviar a revisión')
  await expect(badge(page, 'En revisión')).toBeVisible()
  await page.getByRole('button', { name: 'Enviar al cliente' }).click()
  const submit = page.getByRole('dialog', { name: /Enviar la estimación 1 al cliente/ })
  await submit.getByLabel('Tipo de cambio').fill('18,25')
  await submit.getByRole('button', { name: 'Enviar al cliente' }).click()
  await expect(submit).toBeHidden()
  await expect(badge(page, 'Enviada al cliente')).toBeVisible()
  expect((await api()).exchangeRate).toBe('18.25')

  // a submitted estimate is returned by billing with a reason; the manager fixes and submits it again
  await page.context().clearCookies()
  await login(page, 'billing@offshore.test')
  await page.goto(`/estimates/${id}`)
  await expect(heading).toBeVisible()
  await page.getByRole('button', { name: 'Devolver' }).click()
  await confirmIn(page, /Devolver la estimación 1/, 'Devolver', 'Falta la firma del residente')
  // the note above the lines says why (the history below says it too)
  await expect(page.getByText(/^Devuelta el .*Falta la firma del residente/)).toBeVisible()
  await expect(badge(page, 'Borrador')).toBeVisible()
  await page.getByRole('button', { name: 'Enviar a revisión' }).click()
  await confirmIn(page, /Enviar la estimación 1 a revisión/, 'Enviar a revisión')
  await page.getByRole('button', { name: 'Enviar al cliente' }).click()
  const again = page.getByRole('dialog', { name: /al cliente/ })
  await again.getByLabel('Tipo de cambio').fill('18.25')
  await again.getByRole('button', { name: 'Enviar al cliente' }).click()
  await expect(badge(page, 'Enviada al cliente')).toBeVisible()
  await page.getByRole('button', { name: 'Aprobar' }).click()
  await confirmIn(page, /Aprobar la estimación 1/, 'Aprobar')
  await expect(badge(page, 'Aprobada')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Enviar a revisión' })).toHaveCount(0)
  const approved = await api()
  expect(approved.status).toBe('approved')
  await page.screenshot({ path: `${SHOTS}/estimate-approved.png`, fullPage: true })
  await expect(page.getByTestId('account')).toContainText('Estado de cuenta del contrato')

  // billing invoices it (a confirmation asks for the reference) and records the payment (the homologated net)
  const reference = `FAC-E2E-${Date.now()}`
  await page.getByRole('button', { name: 'Facturar' }).click()
  const invoice = page.getByRole('dialog', { name: /Facturar la estimación 1/ })
  await invoice.getByLabel('Referencia de factura').fill(reference)
  await invoice.getByRole('button', { name: 'Facturar' }).click()
  await expect(invoice).toBeHidden()
  await expect(badge(page, 'Facturada')).toBeVisible()
  await expect(page.getByTestId('billing-note')).toContainText(reference)
  await page.getByRole('button', { name: 'Registrar pago' }).click()
  const pay = page.getByRole('dialog', { name: /Registrar el pago de la estimación 1/ })
  await expect(pay.getByLabel('Importe pagado MXN')).toHaveValue(approved.totals.homologatedMxn!)
  await pay.getByRole('button', { name: 'Registrar pago' }).click()
  await expect(pay).toBeHidden()
  await expect(badge(page, 'Pagada')).toBeVisible()
  const paid = await api()
  expect(paid).toMatchObject({
    status: 'paid',
    invoiceReference: reference,
    paidAmount: approved.totals.homologatedMxn,
  })
  await page.screenshot({ path: `${SHOTS}/estimate-paid.png`, fullPage: true })

  await page.goto(`/estimates?workOrderId=${wo.id}`)
  await expect(page.getByRole('link', { name: 'Estimación 1' })).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/estimates-list.png`, fullPage: true })

  // a price adjustment bills no production: a price difference on a concept already billed (12.5 × 2.40)
  await page.getByTestId('new-estimate').click()
  const adjust = page.getByRole('dialog', { name: 'Nueva estimación' })
  await adjust.getByLabel('OT').selectOption({ label: `${wo.number} — Trabajos de ${wo.number}` })
  await adjust.getByLabel('Tipo').selectOption({ label: 'Ajuste de precios' })
  await adjust.getByLabel('Inicio del periodo').fill('2026-09-01')
  await adjust.getByLabel('Fin del periodo').fill('2026-09-30')
  await adjust.getByRole('button', { name: 'Crear' }).click()
  await expect(page.getByRole('heading', { name: `Estimación 2 — ${wo.number}` })).toBeVisible()
  await page.getByLabel('Concepto').selectOption({ label: catalog[0]!.code })
  await page.getByLabel('Diferencia P.U. MXN').fill('2.40')
  await page.getByLabel('Motivo').fill('Escalatoria de precios autorizada por el cliente')
  await page.getByRole('button', { name: 'Agregar' }).click()
  await expect(
    page.getByText('Diferencia de precio: Escalatoria de precios autorizada por el cliente'),
  ).toBeVisible()
  const adjustment = (await (
    await page.request.get(`/api/v1/estimates/${page.url().split('/').pop()!}`)
  ).json()) as TEstimate
  expect(adjustment.type).toBe('price_adjustment')
  expect(adjustment.lines).toMatchObject([
    { kind: 'price_difference', conceptId: catalog[0]!.id, quantity: '12.5', amountMxn: '30.00' },
  ])
  await page.screenshot({ path: `${SHOTS}/estimate-price-adjustment.png`, fullPage: true })
  expect(problems).toEqual([])
})
