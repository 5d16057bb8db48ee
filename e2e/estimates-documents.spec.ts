import fs from 'node:fs'
import { expect, test } from '@playwright/test'
import { extractText, getDocumentProxy } from 'unpdf'
import type { TEstimate, TProductionGrid } from '@faena/contracts'
import { annexRows, importCatalog, siteRefs, workOrderWithAnnex } from '../apps/server/test/production-setup'
import { contractWorkbookFixture } from '../apps/server/test/fixtures/contract-workbook'
import { amountInWords } from '../apps/server/src/platform/money/amount-in-words'
import { login, watchPageErrors } from './helpers'
import { apiOf } from './production-api'

/** An estimate's documents and the estimate reports (docs/estimates.md#documents, #reports). */
const SHOTS = process.env.E2E_SHOTS_DIR ?? 'e2e/test-results'
const es = (v: string) =>
  new Intl.NumberFormat('es-MX', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    v as unknown as number,
  )

test('estimate documents: the PDF holds the number, the net and the net in words; the Excel downloads; the reports screen', async ({
  page,
}) => {
  test.setTimeout(180_000)
  const problems = watchPageErrors(page)
  await login(page, 'manager@offshore.test')
  const api = apiOf(page.request)

  // an estimate built through the API, as estimates.spec.ts builds its production
  const catalog = await importCatalog(api, { workbook: await contractWorkbookFixture(), annex: 'C-2' })
  const refs = await siteRefs(api)
  const wo = await workOrderWithAnnex(api, refs, {
    number: 'OT-E2E-DOC',
    start: '2026-10-01',
    end: '2026-10-31',
    rows: annexRows(catalog.slice(0, 2), () => 100),
  })
  const q = `/api/v1/production/grid?workOrderId=${wo.id}&siteId=${refs.vessel}&month=2026-10&timeType=TE`
  const grid = (await api.json('GET', q)) as TProductionGrid
  await api.json('PUT', '/api/v1/production/grid', {
    workOrderId: wo.id,
    siteId: refs.vessel,
    month: '2026-10',
    timeType: 'TE',
    version: grid.version,
    cells: [
      { conceptId: catalog[0]!.id, date: '2026-10-02', volume: '12.5' },
      { conceptId: catalog[1]!.id, date: '2026-10-03', volume: '3.25' },
    ],
  })
  // billing takes closed months: October is closed in production
  const monthly = `/api/v1/production/monthly-reports/${wo.id}/2026-10`
  await api.json('POST', `${monthly}/links`, { url: 'https://example.com/reporte-octubre', label: 'Reporte' })
  await api.json('PUT', `${monthly}/status`, { status: 'in_review' })
  await api.json('PUT', `${monthly}/status`, { status: 'closed' })
  await api.json('PUT', `/api/v1/estimates/settings/${wo.id}`, {
    ivaPercent: '16',
    advanceMxn: '500',
    advanceUsd: '0',
    amortizationPercent: '10',
    retentions: [{ code: '5_al_millar', name: 'Cinco al millar (inspección)', percent: '0.5' }],
    maxPeriodMonths: 1,
  })
  const created = (await api.json('POST', '/api/v1/estimates', {
    workOrderId: wo.id,
    periodStart: '2026-10-01',
    periodEnd: '2026-10-31',
  })) as TEstimate
  await api.json('PUT', `/api/v1/estimates/${created.id}/selection`, {
    dateFrom: '2026-10-01',
    dateTo: '2026-10-31',
    evidence: 'any',
  })
  await api.json('POST', `/api/v1/estimates/${created.id}/adjustments`, {
    kind: 'penalty',
    amountMxn: '25.50',
    amountUsd: '0',
    reason: 'Atraso en la entrega del reporte',
  })
  const e = (await api.json('GET', `/api/v1/estimates/${created.id}`)) as TEstimate
  expect(e.lines).toHaveLength(2)

  // the PDF from the estimate's page
  await page.goto(`/estimates/${e.id}`)
  await expect(page.getByRole('heading', { name: `Estimación ${e.number} — ${wo.number}` })).toBeVisible()
  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Descargar PDF' }).click(),
  ])
  expect(pdf.suggestedFilename()).toBe(`Estimacion-OT-E2E-DOC-${e.number}.pdf`)
  const bytes = fs.readFileSync(await pdf.path())
  fs.mkdirSync(SHOTS, { recursive: true })
  fs.writeFileSync(`${SHOTS}/estimate-document.pdf`, bytes)
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })
  const flat = text.replace(/\s+/g, ' ')
  expect(flat).toContain(`Estimación ${e.number}`)
  expect(flat).toContain(`NETO A PAGAR ${es(e.totals.netMxn)} ${es(e.totals.netUsd)}`)
  expect(flat).toContain(`(${amountInWords(e.totals.netMxn, 'MXN')})`)
  expect(flat).toContain('BORRADOR')

  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Descargar Excel' }).click(),
  ])
  expect(xlsx.suggestedFilename()).toBe(`Estimacion-OT-E2E-DOC-${e.number}.xlsx`)
  expect(
    fs
      .readFileSync(await xlsx.path())
      .subarray(0, 2)
      .toString(),
  ).toBe('PK')

  // Estimaciones → Reportes, filtered by this work order (kept in the URL)
  await page.goto('/estimates')
  await page.getByTestId('estimate-reports').click()
  await expect(page.getByRole('heading', { name: 'Reportes de estimaciones', level: 1 })).toBeVisible()
  await page.getByLabel('OT', { exact: true }).selectOption({ label: wo.number })
  await expect(page).toHaveURL(new RegExp(`workOrderId=${wo.id}`))
  const aging = page.getByTestId('aging-table')
  // the estimate is a draft: its production is still unbilled
  await expect(aging.getByRole('row')).toHaveCount(3)
  await expect(aging).toContainText(catalog[0]!.code)
  await expect(page.getByTestId('progress-table')).toContainText(wo.number)
  await expect(page.getByRole('img', { name: /Autorizado, producido, estimado y aprobado/ })).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/estimate-reports.png`, fullPage: true })
  expect(problems).toEqual([])
})
