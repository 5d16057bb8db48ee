import path from 'node:path'
import { expect, test, type APIRequestContext } from '@playwright/test'
import { login, watchPageErrors } from './helpers'

type Item = { id: string }
const first = async (request: APIRequestContext, url: string): Promise<Item> => {
  const res = await request.get(url)
  expect(res.ok(), url).toBe(true)
  return ((await res.json()) as { items: Item[] }).items[0]!
}

test('global search: with and without accents, a typo, grouped results, keyboard, opens the record', async ({
  page,
}) => {
  const problems = watchPageErrors(page)
  await login(page, 'manager@offshore.test')

  // A proposal and a work order to find (their own journeys create them through the screens).
  const request = page.request
  const client = await first(request, '/api/v1/catalogs/clients?clientType=CONTRATO&limit=1')
  const type = await first(request, '/api/v1/catalogs/types?level=proposal&limit=1')
  const manager = await first(request, '/api/v1/catalogs/project-managers?limit=1')
  const created = await request.post('/api/v1/proposals', {
    data: {
      officialNumber: 'BME-4401-007-2026',
      requestNumber: 'PEP-SOL-4407',
      description: 'Inspección de tuberías submarinas en plataforma Abkatún-A',
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
  const proposal = (await created.json()) as { id: string }
  const wo = await request.post('/api/v1/work-orders', {
    data: {
      number: 'OT-4401-ABK',
      description: 'Inspección de soportes en Abkatún-A',
      clientId: client.id,
      projectManagerId: manager.id,
      plannedStart: '2026-03-01',
      plannedEnd: '2026-03-31',
    },
  })
  expect(wo.status()).toBe(201)

  const box = page.getByRole('combobox', { name: 'Buscar en Faena' })
  const results = page.getByRole('listbox', { name: 'Resultados de la búsqueda' })

  // `/` focuses the box from anywhere; an empty box explains what to type. The shortcut is listened for
  // once the header has mounted, so the key is pressed after the box is on screen (and again, should the
  // first press beat the listener on a loaded machine).
  await expect(box).toBeVisible()
  await page.locator('main h1').first().click()
  await expect(async () => {
    await page.keyboard.press('/')
    await expect(box).toBeFocused({ timeout: 1_000 })
  }).toPass({ timeout: 10_000 })
  await expect(page.getByText('Escribe al menos 2 caracteres. Sin acentos también funciona.')).toBeVisible()

  // Without accents: both records, grouped by kind.
  await box.fill('inspeccion abkatun')
  const proposalHit = results.getByRole('option', { name: /^BME-4401-007-2026 Inspección/ })
  await expect(proposalHit).toBeVisible()
  await expect(results.getByRole('group', { name: 'Propuestas (PTE)' })).toBeVisible()
  await expect(results.getByRole('group', { name: 'Órdenes de trabajo' })).toBeVisible()
  await expect(results.getByRole('option', { name: /^OT-4401-ABK/ })).toBeVisible()
  await page.screenshot({ path: path.join(import.meta.dirname, 'test-results', 'search-results.png') })

  // With accents, and with a typo: the same proposal.
  await box.fill('Inspección ABKATÚN')
  await expect(proposalHit).toBeVisible()
  await box.fill('inspecion submarinas')
  await expect(proposalHit).toBeVisible()

  // Nothing found: said so.
  await box.fill('zzqx wvyk')
  await expect(page.getByText('Sin resultados para «zzqx wvyk».')).toBeVisible()

  // Esc closes; Ctrl+K focuses again; arrows choose, Enter opens the record's page.
  await page.keyboard.press('Escape')
  await expect(results).toBeHidden()
  await page.locator('main').click()
  await page.keyboard.press('Control+k')
  await expect(box).toBeFocused()
  await box.fill('BME-4401-007-2026')
  await expect(proposalHit).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowUp')
  await expect(proposalHit).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`/proposals/${proposal.id}$`))
  await expect(page.getByTestId('proposal-header')).toBeVisible()

  // The rental organization finds none of it.
  await page.context().clearCookies()
  await login(page, 'manager@rental.test')
  await box.fill('inspeccion abkatun')
  await expect(page.getByText('Sin resultados para «inspeccion abkatun».')).toBeVisible()
  expect(problems).toEqual([])
})
