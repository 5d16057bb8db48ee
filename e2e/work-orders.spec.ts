import { expect, test, type APIRequestContext } from '@playwright/test'
import { login, watchPageErrors } from './helpers'

type Item = { id: string; name: string; clientType?: string; kind?: string }
const items = async (request: APIRequestContext, url: string): Promise<Item[]> => {
  const res = await request.get(url)
  expect(res.ok(), url).toBe(true)
  return ((await res.json()) as { items: Item[] }).items
}
type Step = { id: string; steps: Step[] }
const leaves = (steps: Step[]): Step[] => steps.flatMap((s) => (s.steps.length ? leaves(s.steps) : [s]))

test('a work order from a proposal at 100 %, its steps, a reprogramming and the family', async ({ page }) => {
  const problems = watchPageErrors(page)
  await login(page, 'manager@offshore.test')

  // A proposal completed through the API (its own journey is proposals.spec.ts).
  const request = page.request
  const client = (await items(request, '/api/v1/catalogs/clients?clientType=CONTRATO&limit=1'))[0]!
  const type = (await items(request, '/api/v1/catalogs/types?level=proposal&limit=1'))[0]!
  const manager = (await items(request, '/api/v1/catalogs/project-managers?limit=1'))[0]!
  const created = await request.post('/api/v1/proposals', {
    data: {
      officialNumber: 'BME-3801-120-2026',
      requestNumber: 'PEP-SOL-9120',
      description: 'Sustitución de líneas de proceso en plataformas KU-A y KU-M',
      clientId: client.id,
      requestDate: '2026-01-10',
      deliveryDate: '2026-02-10',
      durationDays: 30,
      typeId: type.id,
      projectManagerId: manager.id,
      priority: 'high',
    },
  })
  expect(created.status()).toBe(201)
  const proposal = (await created.json()) as { id: string; steps: Step[] }

  // Below 100 % the proposal offers no "Crear OT".
  await page.goto(`/proposals/${proposal.id}`)
  await expect(page.getByTestId('proposal-header')).toBeVisible()
  await expect(page.getByTestId('create-work-order-from-proposal')).toHaveCount(0)
  for (const s of leaves(proposal.steps)) {
    const r = await request.patch(`/api/v1/proposals/${proposal.id}/steps/${s.id}`, {
      data: { status: 'completed' },
    })
    expect(r.ok()).toBe(true)
  }
  await page.reload()
  await page.getByTestId('create-work-order-from-proposal').click()

  // The form comes pre-filled from the proposal.
  await expect(page.getByRole('heading', { name: 'Nueva OT desde la PTE BME-3801-120-2026' })).toBeVisible()
  await expect(page.getByLabel('Descripción')).toHaveValue(
    'Sustitución de líneas de proceso en plataformas KU-A y KU-M',
  )
  await page.getByRole('button', { name: 'Crear OT' }).click()
  await expect(page.getByText('Este campo es obligatorio').first()).toBeVisible()
  await page.getByRole('textbox', { name: 'Orden de trabajo', exact: true }).fill('OT-801-26-120-KU-A')
  await page.getByLabel('Oficio').fill('PEP-SUBTEC-0120-2026')
  await page.getByLabel('Inicio programado').fill('2026-03-01')
  await page.getByLabel('Término programado').fill('2026-03-30')
  await page.getByLabel('Frente', { exact: true }).selectOption({ label: 'BARCO' })
  await page.getByLabel('Embarcación').selectOption({ index: 1 })
  await page.getByLabel('Plataforma').selectOption({ label: 'KU-A' })
  await page.getByLabel('Monto MXN').fill('2450000.75')
  await page.getByRole('button', { name: 'Crear OT' }).click()

  await expect(page).toHaveURL(/\/work-orders\/[0-9a-f-]{36}$/)
  await expect(page.getByRole('heading', { name: 'OT-801-26-120-KU-A' })).toBeVisible()
  const summary = page.getByTestId('ot-summary')
  await expect(summary.getByText('Asignada')).toBeVisible()
  await expect(summary.getByText('MXN 2,450,000.75')).toBeVisible()
  await page.getByRole('tab', { name: 'Datos' }).click()
  await expect(page.getByRole('link', { name: 'BME-3801-120-2026' })).toBeVisible()

  // Steps: completing one moves the progress.
  const progress = page.getByRole('progressbar', { name: 'Avance de los pasos' })
  await expect(progress).toHaveAttribute('aria-valuenow', '0')
  await page.getByRole('tab', { name: 'Pasos' }).click()
  await page.getByLabel('Estado del paso Recepción del oficio de la OT').selectOption('completed')
  await expect(page.getByTestId('ot-step-1').getByText('Guardado')).toBeVisible()
  await expect(progress).not.toHaveAttribute('aria-valuenow', '0')

  // The other engineers' tabs are slots (a placeholder until their module exists).
  await page.getByRole('tab', { name: 'Conceptos' }).click()
  await expect(page.getByRole('tabpanel')).toBeVisible()

  // A reprogramming: new dates, same family, numbered 1.
  await page.getByTestId('reprogram').click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Inicio programado').fill('2026-04-01')
  await dialog.getByLabel('Término programado').fill('2026-04-25')
  await dialog.getByLabel('Monto MXN').fill('2600000')
  await dialog.getByTestId('create-reprogramming').click()
  await expect(page.getByText('Reprogramación 1 creada')).toBeVisible()
  await expect(page.getByRole('heading', { name: /OT-801-26-120-KU-A · Reprog\. 1/ })).toBeVisible()

  // The family side by side: the changed cells are marked.
  const family = page.getByTestId('ot-family')
  await expect(family.getByRole('columnheader', { name: 'Inicial' })).toBeVisible()
  await expect(family.getByRole('columnheader', { name: /Reprog\. 1/ })).toBeVisible()
  const changed = family.locator('td[data-changed]')
  await expect(changed).toHaveCount(4) // start, end, duration, amount MXN
  await expect(family.getByText('MXN 2,600,000.00')).toBeVisible()

  // The list shows both versions; the type filter lives in the URL.
  await page
    .getByRole('navigation', { name: 'Navegación principal' })
    .getByRole('link', { name: 'Órdenes de trabajo' })
    .click()
  await page.getByLabel('Tipo').selectOption('reprogramming')
  await expect(page).toHaveURL(/type=reprogramming/)
  await expect(page.getByRole('link', { name: 'OT-801-26-120-KU-A' })).toHaveCount(1)

  expect(problems).toEqual([])
})

test('the list colours the days left to each family end and filters overdue / due within N days', async ({
  page,
}) => {
  const problems = watchPageErrors(page)
  await login(page, 'manager@offshore.test')
  const request = page.request
  const client = (await items(request, '/api/v1/catalogs/clients?clientType=CONTRATO&limit=1'))[0]!
  const manager = (await items(request, '/api/v1/catalogs/project-managers?limit=1'))[0]!
  // "today" is the organization's (Mexico City) date; the bands are wide enough for a run across midnight
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(new Date())
  const day = (offset: number) => {
    const d = new Date(`${today}T12:00:00Z`)
    d.setUTCDate(d.getUTCDate() + offset)
    return d.toISOString().slice(0, 10)
  }
  for (const [number, end] of [
    ['OT-E2E-DUE-1', -5],
    ['OT-E2E-DUE-2', 3],
    ['OT-E2E-DUE-3', 10],
    ['OT-E2E-DUE-4', 60],
  ] as const) {
    const res = await request.post('/api/v1/work-orders', {
      data: {
        number,
        description: `Vencimiento ${number}`,
        clientId: client.id,
        projectManagerId: manager.id,
        plannedStart: day(-30),
        plannedEnd: day(end),
      },
    })
    expect(res.status(), await res.text()).toBe(201)
  }

  await page.goto('/work-orders?q=OT-E2E-DUE&sort=number&dir=asc')
  const badges = page.locator('.ot-due')
  await expect(badges).toHaveCount(4)
  await expect(badges.nth(0)).toHaveAttribute('data-due-band', 'overdue')
  await expect(badges.nth(0)).toHaveText(/^Vencida hace \d+ días$/)
  await expect(badges.nth(1)).toHaveAttribute('data-due-band', 'urgent')
  await expect(badges.nth(2)).toHaveAttribute('data-due-band', 'soon')
  await expect(badges.nth(3)).toHaveAttribute('data-due-band', 'none')
  await expect(badges.nth(3)).toHaveText(/^Quedan \d+ días$/)

  const filter = page.getByLabel('Vencimiento')
  await filter.selectOption({ label: 'Vencidas' })
  await expect(page).toHaveURL(/due=overdue/)
  await expect(page.getByRole('link', { name: /^OT-E2E-DUE-/ })).toHaveText(['OT-E2E-DUE-1'])
  await filter.selectOption({ label: 'Vencen en 7 días o menos' })
  await expect(page).toHaveURL(/[?&]due=7(&|$)/)
  await expect(page.getByRole('link', { name: /^OT-E2E-DUE-/ })).toHaveText(['OT-E2E-DUE-2'])
  await filter.selectOption({ label: 'Vencen en 14 días o menos' })
  await expect(page.getByRole('link', { name: /^OT-E2E-DUE-/ })).toHaveText(['OT-E2E-DUE-2', 'OT-E2E-DUE-3'])
  // a link typed by hand keeps the filter
  await page.goto('/work-orders?q=OT-E2E-DUE&sort=number&dir=asc&due=7')
  await expect(filter).toHaveValue('7')
  await expect(page.getByRole('link', { name: /^OT-E2E-DUE-/ })).toHaveText(['OT-E2E-DUE-2'])
  await page.goto('/work-orders?q=OT-E2E-DUE&sort=number&dir=asc&due=overdue')
  await expect(page.getByRole('link', { name: /^OT-E2E-DUE-/ })).toHaveText(['OT-E2E-DUE-1'])
  await filter.selectOption({ label: 'Vencen en 14 días o menos' })

  // the detail carries the same badge
  await page.getByRole('link', { name: 'OT-E2E-DUE-3' }).click()
  await expect(page.getByTestId('ot-due').locator('.ot-due')).toHaveAttribute('data-due-band', 'soon')

  expect(problems).toEqual([])
})
