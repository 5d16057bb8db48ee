import { expect, test, type APIRequestContext } from '@playwright/test'
import { annexRows, importCatalog, siteRefs, workOrderWithAnnex } from '../apps/server/test/production-setup'
import { contractWorkbookFixture } from '../apps/server/test/fixtures/contract-workbook'
import { login, watchPageErrors } from './helpers'
import { apiOf } from './production-api'

const SHOTS = process.env.E2E_SHOTS_DIR ?? 'e2e/test-results'

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
  // the compliance alerts open the compliance report with that status
  await expect(page.getByTestId('panel-compliance')).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/insights-rental.png`, fullPage: true })
  await page.getByTestId('kpi-compliance-expired').click()
  await expect(page).toHaveURL(/\/rental\/compliance\?.*status=expired/)
  await page.goBack()
  await page.getByTestId('filter-sheet-status').selectOption('invoiced')
  await expect(page).toHaveURL(/sheetStatus=invoiced/)
  await page.reload()
  await expect(page.getByTestId('filter-sheet-status')).toHaveValue('invoiced')
  // the offshore dashboard is not this organization's: the API refuses it and the page says so
  await page.goto('/insights/offshore')
  await expect(page.getByText('No se pudo cargar el tablero.')).toBeVisible()
  expect(problems).toEqual([])
})

test('offshore dashboard: production money, the site filter round-trips through the URL', async ({
  page,
}) => {
  test.setTimeout(150_000)
  const problems = watchPageErrors(page)
  await login(page, 'manager@offshore.test')
  const api = apiOf(page.request)
  const catalog = await importCatalog(api, { workbook: await contractWorkbookFixture(), annex: 'C-2' })
  const refs = await siteRefs(api)
  const number = `OT-E2E-TAB-${Date.now()}`
  const wo = await workOrderWithAnnex(api, refs, {
    number,
    start: '2027-08-01',
    end: '2027-08-31',
    rows: annexRows(catalog.slice(0, 2), () => 100),
  })
  await api.json('PUT', '/api/v1/production/grid', {
    workOrderId: wo.id,
    siteId: refs.platform,
    month: '2027-08',
    timeType: 'TE',
    version: 0,
    cells: [{ conceptId: catalog[0]!.id, date: '2027-08-05', volume: '2.5' }],
  })

  await page.goto('/insights/offshore?from=2027-08-01&to=2027-08-31')
  await expect(page.getByRole('heading', { name: 'Tablero offshore' })).toBeVisible()
  await expect(page.getByTestId('kpi-executed')).toContainText('MXN')
  const rows = page.getByTestId('panel-production-work-orders')
  await expect(rows.getByRole('row', { name: new RegExp(number) })).toBeVisible()
  await expect(
    page.getByRole('img', { name: 'Gráfica: Monto ejecutado por mes' }).locator('canvas'),
  ).toBeVisible()

  // the site filter goes into the URL and comes back from it
  await page.getByTestId('filter-site').selectOption(refs.platform)
  await expect(page).toHaveURL(new RegExp(`siteId=${refs.platform}`))
  await expect(rows.getByRole('row', { name: new RegExp(number) })).toBeVisible()
  await page.reload()
  await expect(page.getByTestId('filter-site')).toHaveValue(refs.platform)
  await expect(rows.getByRole('row', { name: new RegExp(number) })).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/insights-offshore-production.png`, fullPage: true })
  // another site: the work order's production is not there
  await page.getByTestId('filter-site').selectOption(refs.vessel)
  await expect(page).toHaveURL(new RegExp(`siteId=${refs.vessel}`))
  await expect(rows.getByRole('row', { name: new RegExp(number) })).toHaveCount(0)
  // the executed card opens the work orders list with the same filters
  await page.getByTestId('kpi-executed').click()
  await expect(page).toHaveURL(new RegExp(`/work-orders\\?.*siteId=${refs.vessel}`))
  expect(problems).toEqual([])
})

test('a work-order status change reaches the responsible of its step in the bell', async ({
  page,
  browser,
}) => {
  const problems = watchPageErrors(page)
  await login(page, 'manager@offshore.test')
  const get = async (url: string) => (await page.request.get(url)).json()
  const users = (await get('/api/v1/users/active')) as { items: { id: string; name: string }[] }
  const supervisorId = users.items.find((u) => u.name === 'Supervisión (demo)')!.id
  const number = `OT-E2E-AVISO-${Date.now()}`
  const created = await page.request.post('/api/v1/work-orders', {
    data: {
      number,
      description: 'OT cuyo estatus cambia en e2e',
      clientId: (await get('/api/v1/catalogs/clients?clientType=CONTRATO&limit=1')).items[0].id,
      projectManagerId: (await get('/api/v1/catalogs/project-managers?limit=1')).items[0].id,
      plannedStart: '2027-01-01',
      plannedEnd: '2027-01-31',
    },
  })
  expect(created.status()).toBe(201)
  type Step = { id: string; steps: Step[] }
  const wo = (await created.json()) as { id: string; steps: Step[] }
  const leaf = (steps: Step[]): Step => steps.find((s) => s.steps.length === 0) ?? leaf(steps[0]!.steps)
  const assigned = await page.request.patch(`/api/v1/work-orders/${wo.id}/steps/${leaf(wo.steps).id}`, {
    data: { responsibleUserId: supervisorId },
  })
  expect(assigned.ok()).toBe(true)
  const changed = await page.request.patch(`/api/v1/work-orders/${wo.id}`, {
    data: { status: 'in_execution' },
  })
  expect(changed.ok()).toBe(true)

  const supervisor = await browser.newPage()
  const supervisorProblems = watchPageErrors(supervisor)
  await login(supervisor, 'supervisor@offshore.test')
  await supervisor.getByRole('button', { name: /^Notificaciones: \d+ sin leer$/ }).click()
  const notice = supervisor.getByRole('region', { name: 'Notificaciones' }).getByRole('button', {
    name: new RegExp(`La OT ${number} pasó de Asignada a En ejecución`),
  })
  await expect(notice).toBeVisible()
  await supervisor.screenshot({ path: `${SHOTS}/notification-status-change.png` })
  await notice.click()
  await expect(supervisor).toHaveURL(new RegExp(`/work-orders/${wo.id}$`))
  expect(problems).toEqual([])
  expect(supervisorProblems).toEqual([])
})

test('due-date alerts: the admin changes the days before, saves, and sees it after a reload', async ({
  page,
}) => {
  const problems = watchPageErrors(page)
  await login(page, 'admin@rental.test')
  // start from the default so the change below is a change on every run (the e2e database is shared)
  const reset = await page.request.put('/api/v1/insights/due-alerts/settings', { data: { daysBefore: 3 } })
  expect(reset.ok()).toBe(true)
  await page.getByRole('link', { name: 'Avisos de vencimiento', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Avisos de vencimiento', level: 1 })).toBeVisible()
  const days = page.getByLabel('Días de anticipación')
  await expect(days).toHaveValue('3')
  await expect(page.getByRole('link', { name: 'Cuenta → Avisos' })).toHaveAttribute(
    'href',
    '/account/notifications',
  )

  await days.fill('61')
  await page.getByRole('button', { name: 'Guardar' }).click()
  await expect(page.getByText('Días de anticipación: escribe un número entero entre 0 y 60.')).toBeVisible()

  await days.fill('5')
  await page.getByRole('button', { name: 'Guardar' }).click()
  await expect(page.getByText('Avisos de vencimiento guardados')).toBeVisible()
  await page.reload()
  await expect(page.getByLabel('Días de anticipación')).toHaveValue('5')
  await page.screenshot({ path: `${SHOTS}/due-alerts-es.png`, fullPage: true })

  // In English, the same screen; then back to Spanish for the other journeys.
  await page.getByRole('button', { name: /Menú de usuario/ }).click()
  await page.getByRole('button', { name: 'EN', exact: true }).click()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('heading', { name: 'Due-date alerts', level: 1 })).toBeVisible()
  await expect(page.getByLabel('Days before')).toHaveValue('5')
  await page.screenshot({ path: `${SHOTS}/due-alerts-en.png`, fullPage: true })
  await page.getByRole('button', { name: /User menu/ }).click()
  await page.getByRole('button', { name: 'ES', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Avisos de vencimiento', level: 1 })).toBeVisible()
  expect(problems).toEqual([])
})
