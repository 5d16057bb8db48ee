import { expect, test } from '@playwright/test'
import { E2E_PASSWORD } from './playwright.config'
import { login, watchPageErrors } from './helpers'

test('sign in, switch to English, find the sign-in in the activity log, sign out', async ({ page }) => {
  const problems = watchPageErrors(page)

  await page.goto('/login')
  await page.getByLabel('Correo electrónico').fill('admin@offshore.test')
  await page.getByLabel('Contraseña').fill('not-the-password')
  await page.getByRole('button', { name: 'Entrar' }).click()
  await expect(page.getByText('Correo o contraseña incorrectos')).toBeVisible()

  await login(page, 'admin@offshore.test')
  await expect(page.getByText('Demo Offshore S.A. de C.V.').first()).toBeVisible()

  await page
    .getByRole('navigation', { name: 'Navegación principal' })
    .getByRole('link', { name: 'Registro de actividad' })
    .click()
  await expect(page.getByRole('heading', { name: 'Registro de actividad' })).toBeVisible()
  await expect(page.getByText('Inicio de sesión').first()).toBeVisible()
  await expect(page.getByText('Intento de acceso fallido').first()).toBeVisible()

  // English on a switch: the shell and the screens follow.
  await page.getByRole('button', { name: /Menú de usuario/ }).click()
  await page.getByRole('button', { name: 'EN', exact: true }).click()
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Activity log' })).toBeVisible()

  // The choice is saved on the user: a reload keeps English.
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Activity log' })).toBeVisible()

  // Back to Spanish for the other journeys, then sign out.
  await page.getByRole('button', { name: /User menu/ }).click()
  await page.getByRole('button', { name: 'ES', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Registro de actividad' })).toBeVisible()
  const logout = page.getByRole('button', { name: 'Cerrar sesión' })
  if (!(await logout.isVisible())) await page.getByRole('button', { name: /Menú de usuario/ }).click()
  await logout.click()
  await expect(page.getByRole('button', { name: 'Entrar' })).toBeVisible()

  expect(problems).toEqual([])
})

test('an e-mail with accounts in two organizations: the sign-in asks which one', async ({ browser }) => {
  const email = `doble.${Date.now()}@e2e.test`
  for (const admin of ['admin@offshore.test', 'admin@rental.test']) {
    const context = await browser.newContext()
    const page = await context.newPage()
    await login(page, admin)
    const created = await page.request.post('/api/v1/users', {
      data: { email, name: 'Cuenta en dos organizaciones', role: 'viewer', password: E2E_PASSWORD },
    })
    expect(created.status()).toBe(201)
    await context.close()
  }

  const context = await browser.newContext()
  const page = await context.newPage()
  const problems = watchPageErrors(page)
  await page.goto('/login')
  await page.getByLabel('Correo electrónico').fill(email)
  await page.getByLabel('Contraseña').fill(E2E_PASSWORD)
  await page.getByRole('button', { name: 'Entrar' }).click()
  await expect(
    page.getByText('Tienes cuenta en varias organizaciones con esta contraseña: indica en cuál entrar.'),
  ).toBeVisible()
  const organization = page.getByLabel('Organización')
  await expect(organization).toBeFocused()
  await organization.fill('demo-rental')
  await page.getByRole('button', { name: 'Entrar' }).click()
  await expect(page.getByRole('navigation', { name: 'Navegación principal' })).toBeVisible()
  await expect(page.getByText('Estás trabajando en Demo Rental Ecuador S.A.')).toBeVisible()
  expect(problems).toEqual([])
  await context.close()
})
