import { expect, test } from '@playwright/test'
import { login, watchPageErrors } from './helpers'

const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10)

test('a PTE from creation to 100 %, its status changes, in the activity log, and in English', async ({
  page,
}) => {
  const problems = watchPageErrors(page)
  await login(page, 'manager@offshore.test')

  await page
    .getByRole('navigation', { name: 'Navegación principal' })
    .getByRole('link', { name: 'Propuestas' })
    .click()
  await page.getByTestId('new-proposal').click()

  // Validation in the browser keeps what was typed.
  await page.getByLabel('Número oficial').fill('BME-3801-015-2026')
  await page.getByRole('button', { name: 'Crear PTE' }).click()
  await expect(page.getByText('Este campo es obligatorio').first()).toBeVisible()
  await expect(page.getByLabel('Número oficial')).toHaveValue('BME-3801-015-2026')

  await page.getByLabel('Número de solicitud').fill('PEP-SOL-7781')
  await page.getByLabel('Descripción').fill('Mantenimiento a ductos de la plataforma AKAL-C')
  await page.getByLabel('Cliente').selectOption({ label: 'PEMEX Exploración y Producción (CONTRATO)' })
  await page.getByLabel('Tipo').selectOption({ index: 1 })
  await page.getByLabel('Responsable').selectOption({ index: 1 })
  await page.getByLabel('Prioridad').selectOption('high')
  await page.getByLabel('Fecha de solicitud').fill(isoDay(0))
  await page.getByLabel('Fecha de entrega').fill(isoDay(20))
  await page.getByLabel('Duración (días)').fill('20')
  await page.getByRole('button', { name: 'Crear PTE' }).click()
  await expect(page).toHaveURL(/\/proposals\/[0-9a-f-]{36}$/)

  const progress = page.getByRole('progressbar', { name: 'Avance general de la PTE' })
  await expect(progress).toHaveAttribute('aria-valuenow', '0')

  // Complete every step, sub-steps included; parents complete by themselves.
  const rows = page.locator('[data-testid^="step-"]')
  const subSteps = page.locator('[data-testid^="step-"][data-testid*="."]')
  expect(await subSteps.count()).toBeGreaterThan(0)
  for (let round = 0; round < 3 && (await progress.getAttribute('aria-valuenow')) !== '100'; round++) {
    const n = await rows.count()
    for (let i = n - 1; i >= 0; i--) {
      const row = rows.nth(i)
      const status = await row.getAttribute('data-step-status')
      if (status === 'completed' || status === 'not_applicable') continue
      const name = await row.getAttribute('data-step-name')
      await page.getByLabel(`Estado del paso ${name}`, { exact: true }).selectOption('completed')
      await expect(row.getByText('Guardado')).toBeVisible()
    }
  }
  await expect(progress).toHaveAttribute('aria-valuenow', '100')
  for (const row of await subSteps.all()) await expect(row).toHaveAttribute('data-step-status', 'completed')

  // Status: in progress, suspended (a reason is required), back, finished.
  const changeStatus = async (label: string, reason?: string) => {
    await page.getByRole('button', { name: 'Cambiar estado' }).click()
    await page.getByRole('menuitem', { name: label }).click()
    const dialog = page.getByRole('dialog')
    if (reason) {
      await dialog.getByRole('button', { name: `Pasar a «${label}»` }).click()
      await expect(dialog.getByText('Escribe el motivo')).toBeVisible()
      await dialog.getByLabel('Motivo').fill(reason)
    }
    await dialog.getByRole('button', { name: `Pasar a «${label}»` }).click()
    await expect(page.getByText(`Estado cambiado a «${label}»`).last()).toBeVisible()
  }
  await changeStatus('En proceso')
  await changeStatus('Suspendida', 'Ventana climática: el cliente pidió pausa')
  await changeStatus('En proceso')
  await changeStatus('Terminada')

  // The activity log has the status changes of this proposal.
  await page
    .getByRole('navigation', { name: 'Navegación principal' })
    .getByRole('link', { name: 'Registro de actividad' })
    .click()
  await expect(page.getByRole('heading', { name: 'Registro de actividad' })).toBeVisible()
  await page.getByLabel('Tipo de entidad').fill('proposal')
  await expect(page.getByText('Cambio de estado').first()).toBeVisible()

  // And the list in English.
  await page.getByRole('button', { name: /Menú de usuario/ }).click()
  await page.getByRole('button', { name: 'EN', exact: true }).click()
  await page.goto('/proposals')
  await expect(page.getByRole('table', { name: 'Proposals list' })).toBeVisible()
  await expect(page.getByText('BME-3801-015-2026')).toBeVisible()
  await expect(page.getByRole('table', { name: 'Proposals list' }).getByText('Finished')).toBeVisible()
  await page.getByRole('button', { name: /User menu/ }).click()
  await page.getByRole('button', { name: 'ES', exact: true }).click()
  await expect(page.getByRole('table', { name: 'Lista de propuestas' })).toBeVisible()

  expect(problems).toEqual([])
})

test('the home page lists overdue PTEs to act on; on a phone the list folds its filters and shows cards', async ({
  page,
}) => {
  const problems = watchPageErrors(page)
  await login(page, 'manager@offshore.test')
  const request = page.request
  const first = async (url: string) => {
    const res = await request.get(url)
    expect(res.ok(), url).toBe(true)
    return ((await res.json()) as { items: { id: string }[] }).items[0]!
  }
  const client = await first('/api/v1/catalogs/clients?clientType=CONTRATO&limit=1')
  const type = await first('/api/v1/catalogs/types?level=proposal&limit=1')
  const manager = await first('/api/v1/catalogs/project-managers?limit=1')
  const created = await request.post('/api/v1/proposals', {
    data: {
      officialNumber: 'HOME-E2E-001',
      requestNumber: 'SOL-HOME-001',
      description: 'Pendiente de la portada',
      clientId: client.id,
      requestDate: '2020-01-02',
      // the oldest delivery date of the journeys: first among the overdue ones
      deliveryDate: '2020-01-31',
      durationDays: 30,
      typeId: type.id,
      projectManagerId: manager.id,
      priority: 'high',
    },
  })
  expect(created.status(), await created.text()).toBe(201)

  await page.goto('/')
  const card = page.getByRole('region', { name: /^PTE vencidas/ })
  await expect(card.getByRole('link', { name: 'HOME-E2E-001' })).toBeVisible()
  await expect(card).toContainText('vencía el 31/01/2020')
  await card.getByRole('link', { name: 'HOME-E2E-001' }).click()
  await expect(page.getByRole('heading', { name: 'HOME-E2E-001' })).toBeVisible()

  // a phone: the search box shows, the other filters wait behind "Filtros"; rows are cards with labels
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/proposals?q=HOME-E2E-001')
  const status = page.getByLabel('Estado', { exact: true })
  await expect(page.getByRole('searchbox').first()).toBeVisible()
  await expect(status).toBeHidden()
  await page.getByRole('button', { name: 'Filtros aplicados' }).click()
  await expect(status).toBeVisible()
  const row = page.getByRole('table', { name: 'Lista de propuestas' }).getByRole('row').nth(1)
  await expect(row).toContainText('HOME-E2E-001')
  const scrolls = await page.evaluate(() => {
    const g = globalThis as unknown as {
      document: { documentElement: { scrollWidth: number } }
      innerWidth: number
    }
    return g.document.documentElement.scrollWidth > g.innerWidth
  })
  expect(scrolls).toBe(false)
  expect(problems).toEqual([])
})

test('a repeated official number is saved with a warning that links to the other PTE, in Spanish and English', async ({
  page,
}) => {
  const problems = watchPageErrors(page)
  await login(page, 'manager@offshore.test')
  const request = page.request
  const first = async (url: string) => {
    const res = await request.get(url)
    expect(res.ok(), url).toBe(true)
    return ((await res.json()) as { items: { id: string }[] }).items[0]!
  }
  const client = await first('/api/v1/catalogs/clients?clientType=CONTRATO&limit=1')
  const type = await first('/api/v1/catalogs/types?level=proposal&limit=1')
  const manager = await first('/api/v1/catalogs/project-managers?limit=1')
  const data = {
    requestNumber: 'SOL-DUP-001',
    description: 'La primera con este número',
    clientId: client.id,
    requestDate: isoDay(0),
    deliveryDate: isoDay(10),
    durationDays: 10,
    typeId: type.id,
    projectManagerId: manager.id,
    priority: 'medium',
  }
  const other = await request.post('/api/v1/proposals', { data: { ...data, officialNumber: 'DUP-E2E-001' } })
  expect(other.status(), await other.text()).toBe(201)
  const otherId = ((await other.json()) as { id: string }).id

  // the same number, typed in another case with spaces: saved, and the detail says so
  await page.goto('/proposals/new')
  await page.getByLabel('Número oficial').fill(' dup-e2e-001 ')
  await page.getByLabel('Número de solicitud').fill('SOL-DUP-002')
  await page.getByLabel('Descripción').fill('La segunda con el mismo número')
  await page.getByLabel('Cliente').selectOption({ index: 1 })
  await page.getByLabel('Tipo').selectOption({ index: 1 })
  await page.getByLabel('Responsable').selectOption({ index: 1 })
  await page.getByLabel('Fecha de solicitud').fill(isoDay(0))
  await page.getByLabel('Fecha de entrega').fill(isoDay(10))
  await page.getByLabel('Duración (días)').fill('10')
  await page.getByRole('button', { name: 'Crear PTE' }).click()
  await expect(page).toHaveURL(/\/proposals\/[0-9a-f-]{36}$/)
  const warning = page.getByTestId('proposal-save-warning')
  await expect(warning).toContainText('Guardada, pero el número oficial se repite')
  await expect(warning.getByRole('link', { name: 'Abrir la PTE DUP-E2E-001' })).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('duplicate-warning-es.png'), fullPage: true })

  // an edit to another PTE's number warns too, in English
  const secondUrl = page.url()
  await page.getByRole('button', { name: 'Entendido' }).click()
  await expect(warning).toBeHidden()
  const third = await request.post('/api/v1/proposals', { data: { ...data, officialNumber: 'DUP-E2E-003' } })
  const thirdId = ((await third.json()) as { id: string }).id
  await page.getByRole('button', { name: /Menú de usuario/ }).click()
  await page.getByRole('button', { name: 'EN', exact: true }).click()
  await page.goto(`/proposals/${thirdId}`)
  await page.getByRole('button', { name: 'Edit' }).click()
  await page.getByLabel('Official number').fill('DUP-E2E-001')
  await page.getByRole('button', { name: 'Save changes' }).click()
  const english = page.getByTestId('proposal-save-warning')
  await expect(english).toContainText('Saved, but the official number is repeated')
  await expect(english).toContainText('2 other PTEs of the organization have the same official number')
  await page.screenshot({ path: test.info().outputPath('duplicate-warning-en.png'), fullPage: true })
  await english.getByRole('link', { name: 'Open PTE DUP-E2E-001', exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`/proposals/${otherId}$`))
  await expect(page.getByRole('heading', { name: 'DUP-E2E-001' })).toBeVisible()
  expect(secondUrl).not.toContain(otherId)
  await page.getByRole('button', { name: /User menu/ }).click()
  await page.getByRole('button', { name: 'ES', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'DUP-E2E-001' })).toBeVisible()
  expect(problems).toEqual([])
})
