import { expect, test, type APIRequestContext } from '@playwright/test'
import { login, watchPageErrors } from './helpers'
import { monthEnd, monthStart } from './rental-api'

/**
 * Frozen billing periods and rate changes on screen (docs/rental-projects.md#frozen-billing-periods,
 * docs/rental-billing.md#rate-changes): two months ago is liquidated; retiring a unit on a day of it asks
 * whether the retirement should take effect from the first open day instead; last month's sheet shows a
 * rate change as two lines with both rates; a sheet of the current month cannot be liquidated yet.
 * Set up through the API with the user's own session.
 */

const dmy = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`

async function send(api: APIRequestContext, method: 'post' | 'patch', url: string, data: unknown) {
  const res = await api[method](url, { data })
  expect(res.ok(), `${url}: ${await res.text()}`).toBe(true)
  return res.json()
}

test('a retirement over a liquidated month offers the first open day; a rate change shows both rates', async ({
  page,
}) => {
  const problems = watchPageErrors(page)
  await login(page, 'manager@rental.test')
  const api = page.request
  const R = '/api/v1/rental'
  const [twoAgo, lastMonth, thisMonth] = [monthStart(-2), monthStart(-1), monthStart(0)]
  const clients = await (await api.get(`${R}/clients?limit=1`)).json()
  const project = await send(api, 'post', `${R}/projects`, {
    clientId: clients.items[0].id,
    name: 'Campamento E2E Congelado',
    startDate: twoAgo,
  })
  const unit = (code: string) =>
    send(api, 'post', `${R}/equipment`, {
      code,
      name: 'BATERÍA SANITARIA',
      kind: 'equipment',
      type: 'toilet',
    })
  const [u1, u2] = [await unit('E2E-FZ-001'), await unit('E2E-FZ-002')]
  const assign = (equipmentId: string, operationStart: string) =>
    send(api, 'post', `${R}/projects/${project.id}/assignments`, {
      equipmentId,
      dailyRate: '50.00',
      operationStart,
    })
  await assign(u1.id, twoAgo)
  const a2 = await assign(u2.id, lastMonth)
  const first = await send(api, 'post', `${R}/billing-sheets`, {
    projectId: project.id,
    periodStart: twoAgo,
    periodEnd: monthEnd(twoAgo),
  })
  await send(api, 'post', `${R}/billing-sheets/${first.id}/liquidate`, {})
  // last month: the second unit's rate goes from 50.00 to 80.00 on the 15th
  const rateFrom = `${lastMonth.slice(0, 8)}15`
  await send(api, 'patch', `${R}/assignments/${a2.id}`, { dailyRate: '80.00', rateEffectiveFrom: rateFrom })

  // Retire the first unit on the 10th of the liquidated month: the dialog offers the first open day.
  await page.goto(`/rental/projects/${project.id}`)
  // the second unit's rate history: the earlier rate and the day it changed
  await expect(page.getByTestId('assignment-rate-history')).toHaveText(`$50,00 antes del ${dmy(rateFrom)}`)
  await page.getByTestId('retire-E2E-FZ-001').click()
  await page.getByTestId('retire-date').fill(`${twoAgo.slice(0, 8)}10`)
  await page.getByTestId('retire-reason').fill('Fin de contrato')
  await page.getByTestId('retire-submit').click()
  const choice = page.getByTestId('assignment-change-choice')
  await expect(choice).toContainText(first.seriesCode)
  await expect(choice).toContainText('liquidada')
  await page.screenshot({ path: '/tmp/faena-frozen-retire.png' })
  await choice
    .getByRole('button', { name: `Aplicar desde el primer día abierto (${dmy(lastMonth)})` })
    .click()
  await expect(page.getByText('E2E-FZ-001 retirado')).toBeVisible()
  const retired = await (await api.get(`${R}/projects/${project.id}/assignments?status=retired`)).json()
  expect(retired.items[0].retiredOn).toBe(monthEnd(twoAgo))

  // Last month's sheet: the rate change is two lines, one per rate.
  const sheet = await send(api, 'post', `${R}/billing-sheets`, {
    projectId: project.id,
    periodStart: lastMonth,
    periodEnd: monthEnd(lastMonth),
  })
  await page.goto(`/rental/billing-sheets/${sheet.id}`)
  await expect(page.getByTestId('sheet-series')).toHaveText(sheet.seriesCode)
  const before = page.locator(`tr[data-line-key="rental:${u2.id}"]`)
  const after = page.locator(`tr[data-line-key="rental:${u2.id}@${rateFrom}"]`)
  await expect(before.getByTestId('line-quantity')).toHaveText('14')
  await expect(before).toContainText('50,00')
  await expect(after).toContainText('80,00')
  await expect(after).toContainText(`TARIFA DESDE ${dmy(rateFrom)}`)
  await expect(after.getByTestId('line-rate')).toHaveText('Tarifa $80,00 por día')
  await page.screenshot({ path: '/tmp/faena-two-rates.png', fullPage: true })
  await send(api, 'post', `${R}/billing-sheets/${sheet.id}/liquidate`, {})

  // Deleting the second unit, billed by that liquidated sheet, offers to retire it instead.
  await page.goto(`/rental/projects/${project.id}`)
  await page.getByTestId('delete-E2E-FZ-002').click()
  await page.getByRole('dialog').getByRole('button', { name: 'Eliminar' }).click()
  const instead = page.getByTestId('assignment-change-choice')
  await expect(instead).toContainText(sheet.seriesCode)
  await page.screenshot({ path: '/tmp/faena-frozen-delete.png' })
  await instead
    .getByRole('button', { name: `Retirarla en su lugar (deja de facturarse desde el ${dmy(thisMonth)})` })
    .click()
  await expect(page.getByText('La asignación de E2E-FZ-002 se retiró el último día facturado')).toBeVisible()

  // This month's sheet cannot be liquidated until its period has ended.
  const current = await send(api, 'post', `${R}/billing-sheets`, {
    projectId: project.id,
    periodStart: thisMonth,
    periodEnd: monthEnd(thisMonth),
  })
  await page.goto(`/rental/billing-sheets/${current.id}`)
  await expect(page.getByTestId('liquidate-from')).toBeVisible()
  await expect(page.getByTestId('liquidate')).toBeDisabled()
  await page.screenshot({ path: '/tmp/faena-liquidate-later.png' })
  expect(problems).toEqual([])
})
