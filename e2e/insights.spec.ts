import { expect, test, type APIRequestContext } from '@playwright/test'
import { login, watchPageErrors } from './helpers'

type Item = { id: string }
const first = async (request: APIRequestContext, url: string): Promise<Item> => {
  const res = await request.get(url)
  expect(res.ok(), url).toBe(true)
  return ((await res.json()) as { items: Item[] }).items[0]!
}

test('offshore dashboard: a filter round-trips through the URL and a figure opens the filtered list', async ({
  page,
}) => {
  const problems = watchPageErrors(page)
  await login(page, 'manager@offshore.test')

  // three proposals: two active, one suspended; other journeys of the run may have added proposals to the
  // same organization, so the figures are counted from what was there before
  const request = page.request
  const before = (await (await request.get('/api/v1/insights/offshore')).json()) as {
    proposals: { total: number; byStatus: { status: string; count: number }[] }
  }
  const total = before.proposals.total + 3
  const active = (before.proposals.byStatus.find((s) => s.status === 'active')?.count ?? 0) + 2
  const client = await first(request, '/api/v1/catalogs/clients?clientType=CONTRATO&limit=1')
  const type = await first(request, '/api/v1/catalogs/types?level=proposal&limit=1')
  const manager = await first(request, '/api/v1/catalogs/project-managers?limit=1')
  const ids: string[] = []
  for (const n of [1, 2, 3]) {
    const res = await request.post('/api/v1/proposals', {
      data: {
        officialNumber: `TAB-E2E-00${n}`,
        requestNumber: `SOL-E2E-00${n}`,
        description: `Propuesta del tablero ${n}`,
        clientId: client.id,
        requestDate: '2026-01-10',
        deliveryDate: '2099-02-10',
        durationDays: 30,
        typeId: type.id,
        projectManagerId: manager.id,
        priority: 'medium',
      },
    })
    expect(res.status()).toBe(201)
    ids.push(((await res.json()) as Item).id)
  }
  const suspended = await request.post(`/api/v1/proposals/${ids[2]}/status`, {
    data: { status: 'suspended', reason: 'Espera del cliente' },
  })
  expect(suspended.ok()).toBe(true)

  await page
    .getByRole('navigation', { name: 'Navegación principal' })
    .getByRole('link', { name: 'Tablero' })
    .click()
  await expect(page.getByRole('heading', { name: 'Tablero offshore' })).toBeVisible()
  await expect(page.getByTestId('kpi-proposals')).toHaveText(String(total))
  // ECharts draws on a canvas inside the chart's labelled box
  await expect(
    page.getByRole('img', { name: 'Gráfica: Cartera de PTE por estado' }).locator('canvas'),
  ).toBeVisible()

  // the filter goes into the URL…
  await page.getByTestId('filter-proposal-status').selectOption('active')
  await expect(page).toHaveURL(/proposalStatus=active/)
  await expect(page.getByTestId('kpi-proposals')).toHaveText(String(active))

  // …and comes back from it: a reload (or a bookmark) shows the same view
  await page.reload()
  await expect(page.getByTestId('filter-proposal-status')).toHaveValue('active')
  await expect(page.getByTestId('kpi-proposals')).toHaveText(String(active))
  const bookmark = page.url()
  await page.goto('/')
  await page.goto(bookmark)
  await expect(page.getByTestId('kpi-proposals')).toHaveText(String(active))

  // the figure opens the proposals list with the same filter
  await page.getByTestId('kpi-proposals').click()
  await expect(page).toHaveURL(/\/proposals\?.*status=active/)
  await expect(page.getByRole('row', { name: /TAB-E2E-001/ })).toBeVisible()
  await expect(page.getByRole('row', { name: /TAB-E2E-003/ })).toHaveCount(0)

  expect(problems).toEqual([])
})

test('rental dashboard: its own line only, sheet status filter in the URL', async ({ page }) => {
  const problems = watchPageErrors(page)
  await login(page, 'manager@rental.test')
  await page
    .getByRole('navigation', { name: 'Navegación principal' })
    .getByRole('link', { name: 'Tablero' })
    .click()
  await expect(page.getByRole('heading', { name: 'Tablero de renta' })).toBeVisible()
  await expect(page.getByTestId('kpi-fleet')).not.toHaveText('0')
  await page.getByTestId('filter-sheet-status').selectOption('invoiced')
  await expect(page).toHaveURL(/sheetStatus=invoiced/)
  await page.reload()
  await expect(page.getByTestId('filter-sheet-status')).toHaveValue('invoiced')
  // the offshore dashboard is not this organization's: the API refuses it and the page says so
  await page.goto('/insights/offshore')
  await expect(page.getByText('No se pudo cargar el tablero.')).toBeVisible()
  expect(problems).toEqual([])
})
