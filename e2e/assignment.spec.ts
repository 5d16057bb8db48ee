import { expect, test, type Page } from '@playwright/test'
import { login, watchPageErrors } from './helpers'

/**
 * A step assigned to someone reaches them (docs/proposals.md#steps, docs/platform.md#notifications): the
 * manager assigns a step of a PTE to the supervisor; the supervisor sees the bell's unread count, opens the
 * notice and lands on the PTE, whose step names them; "Asignado a mí" lists it.
 */

const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10)

/** A new PTE through the API, with the manager's session (the journey is the assignment, not the form). */
async function newProposal(page: Page, officialNumber: string) {
  const get = async (url: string) => (await page.request.get(url)).json()
  const clients = await get('/api/v1/catalogs/clients?clientType=CONTRATO&limit=1')
  const types = await get('/api/v1/catalogs/types?level=proposal&limit=1')
  const managers = await get('/api/v1/catalogs/project-managers?limit=1')
  const res = await page.request.post('/api/v1/proposals', {
    data: {
      officialNumber,
      requestNumber: `SOL-${officialNumber}`,
      description: 'Inspección de ductos asignada en e2e',
      clientId: clients.items[0].id,
      typeId: types.items[0].id,
      projectManagerId: managers.items[0].id,
      requestDate: isoDay(0),
      deliveryDate: isoDay(30),
      durationDays: 30,
      priority: 'high',
    },
  })
  expect(res.status()).toBe(201)
  return (await res.json()) as { id: string; steps: { name: string }[] }
}

test('a manager assigns a PTE step to the supervisor, who is told in the bell and finds it as assigned to them', async ({
  page,
  browser,
}) => {
  const problems = watchPageErrors(page)
  await login(page, 'manager@offshore.test')
  const officialNumber = `ASG-E2E-${Date.now()}`
  const proposal = await newProposal(page, officialNumber)
  const stepName = proposal.steps[0]!.name

  // The manager assigns the first step to the supervisor, inline like the other step fields.
  await page.goto(`/proposals/${proposal.id}`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText(officialNumber)
  const responsible = page.getByLabel(`Responsable del paso ${stepName}`, { exact: true })
  await responsible.selectOption({ label: 'Supervisión (demo)' })
  const row = page.locator(`[data-step-name="${stepName}"]`).first()
  await expect(row.getByText('Guardado')).toBeVisible()
  await expect(responsible.locator('option:checked')).toHaveText('Supervisión (demo)')
  await page.screenshot({ path: '/tmp/assignment-step.png', fullPage: false })

  // The supervisor: the bell counts the notice; opening it lands on the PTE.
  const supervisor = await browser.newPage()
  const supervisorProblems = watchPageErrors(supervisor)
  await login(supervisor, 'supervisor@offshore.test')
  const bell = supervisor.getByRole('button', { name: /^Notificaciones: \d+ sin leer$/ })
  await expect(bell).toBeVisible()
  await bell.click()
  const notice = supervisor.getByRole('region', { name: 'Notificaciones' }).getByRole('button', {
    name: new RegExp(`Te asignaron el paso «${stepName}» de la PTE ${officialNumber}`),
  })
  await supervisor.screenshot({ path: '/tmp/assignment-bell.png' })
  await notice.click()
  await expect(supervisor).toHaveURL(new RegExp(`/proposals/${proposal.id}$`))
  await expect(supervisor.getByRole('heading', { level: 1 })).toContainText(officialNumber)
  await expect(
    supervisor.getByLabel(`Responsable del paso ${stepName}`, { exact: true }).locator('option:checked'),
  ).toHaveText('Supervisión (demo)')

  // "Asignado a mí" lists it, and the filter lives in the URL.
  await supervisor
    .getByRole('navigation', { name: 'Navegación principal' })
    .getByRole('link', { name: 'Propuestas' })
    .click()
  await supervisor.getByRole('checkbox', { name: 'Asignado a mí' }).check()
  await expect(supervisor).toHaveURL(/assignedToMe=true/)
  await expect(supervisor.getByRole('cell', { name: officialNumber })).toBeVisible()
  await supervisor.screenshot({ path: '/tmp/assignment-list.png' })
  await supervisor.reload()
  await expect(supervisor.getByRole('checkbox', { name: 'Asignado a mí' })).toBeChecked()
  await expect(supervisor.getByRole('cell', { name: officialNumber })).toBeVisible()
  await supervisor.close()

  // The manager assigned nothing to themselves: their own filter does not list it.
  await page.goto('/proposals?assignedToMe=true')
  await expect(page.getByRole('checkbox', { name: 'Asignado a mí' })).toBeChecked()
  await expect(page.getByRole('cell', { name: officialNumber })).toHaveCount(0)

  expect(problems).toEqual([])
  expect(supervisorProblems).toEqual([])
})

test('a project manager linked to a user account: the user finds its work orders as assigned to them', async ({
  page,
  browser,
}) => {
  const problems = watchPageErrors(page)
  await login(page, 'manager@offshore.test')
  const stamp = Date.now()
  const managerName = `Gerente Vinculado ${stamp}`

  // The catalogs screen links a new project manager to the operator's account.
  await page.goto('/catalogs/project-managers')
  await page.getByRole('button', { name: 'Nuevo responsable' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Nombre').fill(managerName)
  await dialog.getByLabel('Cuenta de usuario').selectOption({ label: 'Operación (demo)' })
  await page.screenshot({ path: '/tmp/assignment-catalog.png' })
  await dialog.getByRole('button', { name: 'Crear' }).click()
  await expect(page.getByText(`«${managerName}» creado`)).toBeVisible()
  await expect(page.getByRole('row', { name: new RegExp(managerName) })).toContainText('Operación (demo)')

  // A work order of that manager, and one of its steps assigned to the supervisor on the steps tab.
  const managers = await (await page.request.get(`/api/v1/catalogs/project-managers?q=${stamp}`)).json()
  const clients = await (
    await page.request.get('/api/v1/catalogs/clients?clientType=CONTRATO&limit=1')
  ).json()
  const number = `OT-ASG-${stamp}`
  const created = await page.request.post('/api/v1/work-orders', {
    data: {
      number,
      description: 'OT del gerente vinculado',
      clientId: clients.items[0].id,
      projectManagerId: managers.items[0].id,
      plannedStart: isoDay(0),
      plannedEnd: isoDay(20),
    },
  })
  expect(created.status()).toBe(201)
  const workOrder = (await created.json()) as { id: string; steps: { name: string }[] }
  await page.goto(`/work-orders/${workOrder.id}?tab=steps`)
  const stepName = workOrder.steps[0]!.name
  const responsible = page.getByLabel(`Responsable del paso ${stepName}`, { exact: true })
  await responsible.selectOption({ label: 'Supervisión (demo)' })
  await expect(responsible.locator('option:checked')).toHaveText('Supervisión (demo)')
  await page.screenshot({ path: '/tmp/assignment-work-order.png' })

  // The operator: "Asignado a mí" on the work orders lists it (their manager record), kept in the URL.
  const operator = await browser.newPage()
  await login(operator, 'operator@offshore.test')
  await operator
    .getByRole('navigation', { name: 'Navegación principal' })
    .getByRole('link', { name: 'Órdenes de trabajo' })
    .click()
  await operator.getByRole('checkbox', { name: 'Asignado a mí' }).check()
  await expect(operator).toHaveURL(/assignedToMe=true/)
  await expect(operator.getByRole('cell', { name: number })).toBeVisible()
  await operator.close()

  expect(problems).toEqual([])
})
