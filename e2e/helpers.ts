import { expect, type Page } from '@playwright/test'
import { E2E_PASSWORD } from './playwright.config'

/** Signs in through the login screen (Spanish UI) and waits for the shell. */
export async function login(page: Page, email: string, password = E2E_PASSWORD) {
  await page.goto('/login')
  await page.getByLabel('Correo electrónico').fill(email)
  await page.getByLabel('Contraseña').fill(password)
  await page.getByRole('button', { name: 'Entrar' }).click()
  // The user's saved language wins after login; journeys are written in Spanish, so switch back if needed.
  const nav = page.getByRole('navigation', { name: /^(Navegación principal|Main navigation)$/ })
  await expect(nav).toBeVisible()
  if ((await nav.getAttribute('aria-label')) === 'Main navigation') {
    await page.getByRole('button', { name: /User menu/ }).click()
    await page.getByRole('button', { name: 'ES', exact: true }).click()
    await page.keyboard.press('Escape')
  }
  await expect(page.getByRole('navigation', { name: 'Navegación principal' })).toBeVisible()
}

/** Collects CSP violations and uncaught page errors; assert it is empty at the end of a journey. */
export function watchPageErrors(page: Page): string[] {
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text()))
      problems.push(`csp: ${m.text()}`)
  })
  return problems
}
