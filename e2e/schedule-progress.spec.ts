import { expect, test, type Page } from '@playwright/test'
import { FIELD, mspdiBytes, type MspdiProject, type MspdiTask } from '../apps/server/test/fixtures/mspdi'
import { login, watchPageErrors } from './helpers'

/**
 * Schedule progress, two truths (docs/schedules.md#progress-two-truths): a built MS Project schedule around
 * today, three weeks of history through the API, then on the "Avance" tab: real % typed and pasted from
 * Excel, a client %, the late filter, the unsaved-changes warning, the bulk "client acknowledges up to",
 * and the S-curve with the gap between the two truths. Screenshots go to `E2E_SCREENSHOTS` when it is set.
 */

const DAY = 86_400_000
/** Today in the organization's time zone (demo-offshore: America/Mexico_City), shifted by `days`. */
const day = (days: number) => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(new Date())
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10)
}

/** Two phases of four leaves each, weighted by the `Pond.` field (Number1), from 5 weeks ago to 5 weeks ahead. */
function projectAroundToday(): MspdiProject {
  const leaf = (uid: number, name: string, from: number, to: number, weight: string): MspdiTask => ({
    uid,
    id: uid,
    name,
    outlineLevel: 2,
    start: `${day(from)}T08:00:00`,
    finish: `${day(to)}T17:00:00`,
    duration: `PT${(to - from + 1) * 8}H0M0S`,
    values: [{ fieldId: FIELD.taskNumber(1), value: weight }],
  })
  const summary = (uid: number, name: string, from: number, to: number): MspdiTask => ({
    uid,
    id: uid,
    name,
    outlineLevel: 1,
    summary: true,
    start: `${day(from)}T08:00:00`,
    finish: `${day(to)}T17:00:00`,
    duration: `PT${(to - from + 1) * 8}H0M0S`,
  })
  return {
    name: 'avance-akal.xml',
    title: 'Mantenimiento Akal-C',
    minutesPerDay: 480,
    startDate: `${day(-35)}T08:00:00`,
    finishDate: `${day(35)}T17:00:00`,
    fields: [{ fieldId: FIELD.taskNumber(1), fieldName: 'Number1', alias: 'Pond.' }],
    tasks: [
      summary(1, 'Ingeniería y procura', -35, 0),
      leaf(2, 'Levantamiento en sitio', -35, -25, '10'),
      leaf(3, 'Ingeniería de detalle', -28, -10, '15'),
      leaf(4, 'Procura de materiales', -21, -3, '15'),
      leaf(5, 'Recepción en patio', -7, 0, '5'),
      summary(6, 'Construcción', -14, 35),
      leaf(7, 'Prefabricado', -14, 7, '20'),
      leaf(8, 'Instalación costa afuera', 0, 21, '20'),
      leaf(9, 'Pruebas', 21, 28, '10'),
      leaf(10, 'Entrega', 35, 35, '5'),
    ],
  }
}

async function shot(page: Page, name: string, target = page.getByTestId('progress-tab')) {
  const dir = process.env.E2E_SCREENSHOTS
  if (dir) await target.screenshot({ path: `${dir}/${name}.png` })
}

test('schedule progress: both truths entered on the tree, the late filter, the client acknowledgement and the S-curves', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const problems = watchPageErrors(page)
  await page.setViewportSize({ width: 1400, height: 1000 })
  await login(page, 'manager@offshore.test')
  const request = page.request

  // A work order with the schedule, and three weeks of history, through the API.
  const list = async (url: string) =>
    ((await (await request.get(url)).json()) as { items: { id: string }[] }).items
  const client = (await list('/api/v1/catalogs/clients?clientType=CONTRATO&limit=1'))[0]!
  const pm = (await list('/api/v1/catalogs/project-managers?limit=1'))[0]!
  const created = await request.post('/api/v1/work-orders', {
    data: {
      number: 'OT-801-26-400-AKAL-C',
      description: 'Avance del programa',
      clientId: client.id,
      projectManagerId: pm.id,
    },
  })
  expect(created.status()).toBe(201)
  const wo = (await created.json()) as { id: string }
  const imported = await request.post(`/api/v1/work-orders/${wo.id}/schedules`, {
    multipart: {
      file: {
        name: 'avance-akal.xml',
        mimeType: 'application/xml',
        buffer: mspdiBytes(projectAroundToday()),
      },
    },
  })
  expect(imported.status()).toBe(201)
  const progressUrl = `/api/v1/work-orders/${wo.id}/schedules/active/progress`
  for (const [date, items] of [
    [day(-28), [{ taskUid: 2, realPercent: '60', clientPercent: '50' }]],
    [
      day(-21),
      [
        { taskUid: 2, realPercent: '100', clientPercent: '80' },
        { taskUid: 3, realPercent: '30' },
      ],
    ],
    [
      day(-14),
      [
        { taskUid: 3, realPercent: '55', clientPercent: '40' },
        { taskUid: 2, clientPercent: '100' },
      ],
    ],
    [
      day(-7),
      [
        { taskUid: 3, realPercent: '80' },
        { taskUid: 4, realPercent: '35', clientPercent: '20' },
      ],
    ],
  ] as const) {
    const res = await request.put(progressUrl, {
      data: { items: items.map((x) => ({ ...x, date, comment: 'Reporte semanal' })) },
    })
    expect(res.status(), await res.text()).toBe(200)
  }

  await page.goto(`/work-orders/${wo.id}`)
  await page.getByRole('tab', { name: 'Avance', exact: true }).click()
  const tab = page.getByTestId('progress-tab')
  await expect(tab.getByTestId('progress-basis')).toHaveText('Ponderado por el campo «Pond.» del programa')
  await expect(tab.getByTestId('total-real')).toHaveText(/^\d/)
  const row = (uid: number) => tab.getByTestId(`progress-row-${uid}`)
  await expect(row(1)).toContainText('Ingeniería y procura')
  // a summary is rolled up, never typed
  await expect(row(1).getByRole('textbox')).toHaveCount(0)

  // 1. Real % typed: Enter moves down to the next task's cell.
  const real = (uid: number) => tab.getByTestId(`progress-real-${uid}`)
  await real(3).fill('95')
  await real(3).press('Enter')
  await expect(real(4)).toBeFocused()
  // 2. A column pasted from Excel fills the tasks below (4, 5, 7).
  // (the e2e project has no DOM types: the page's own constructors, untyped)
  await real(4).evaluate((el, text) => {
    type Ctor = new (...args: unknown[]) => object
    const w = globalThis as unknown as { DataTransfer: Ctor; ClipboardEvent: Ctor }
    const data = new w.DataTransfer() as { setData: (type: string, value: string) => void }
    data.setData('text/plain', text)
    const event = new w.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
    ;(el as unknown as { dispatchEvent: (e: object) => boolean }).dispatchEvent(event)
  }, '70%\r\n40%\r\n25\r\n')
  await expect(real(5)).toHaveValue('40%')
  await expect(real(7)).toHaveValue('25')
  // a bad cell blocks the save and says why
  await real(8).fill('120')
  await expect(row(8).getByText('De 0 a 100')).toBeVisible()
  await expect(tab.getByTestId('progress-save')).toBeDisabled()
  await real(8).press('Escape')
  // 3. A client % on task 3, with a comment for the batch.
  await tab.getByTestId('progress-client-3').fill('85')
  await tab.getByTestId('progress-comment').fill('Minuta de avance 12')
  await expect(tab.getByTestId('progress-save')).toHaveText('Guardar 5 cambios')
  await shot(page, 'progress-entry')

  // 4. Leaving with unsaved changes asks first.
  await page.getByRole('tab', { name: 'Datos', exact: true }).click()
  const warn = page.getByRole('dialog', { name: 'Cambios sin guardar' })
  await expect(warn).toBeVisible()
  await warn.getByRole('button', { name: /^(Cancelar|Seguir editando)$/ }).click()
  await expect(real(3)).toHaveValue('95')

  await tab.getByTestId('progress-save').click()
  await expect(page.getByText('5 capturas guardadas.')).toBeVisible()
  await expect(real(3)).toHaveValue('95')
  await expect(tab.getByTestId('total-gap')).not.toHaveText(/^0\s?%$/)

  // 5. The late filter: only late leaves (with their summaries) remain.
  const allRows = await tab.getByTestId('progress-table').locator('tbody tr').count()
  await tab.getByTestId('progress-late-only').check()
  const lateRows = await tab.getByTestId('progress-table').locator('tbody tr').count()
  expect(lateRows).toBeLessThan(allRows)
  await expect(row(2)).toHaveCount(0) // 100 % done: not late
  await tab.getByTestId('progress-late-only').uncheck()

  // 6. The history of a task: every change with the previous value.
  await row(3)
    .getByRole('button', { name: /Historial: Ingeniería de detalle/ })
    .click()
  const history = page.getByRole('dialog', { name: 'Historial de «Ingeniería de detalle»' })
  await expect(history.getByTestId('progress-history').locator('tbody tr')).toHaveCount(6)
  await history.getByRole('button', { name: 'Cerrar' }).first().click()

  // 7. The S-curve, with the gap between the truths shaded.
  const curve = tab.getByTestId('s-curve')
  await expect(curve).toBeVisible()
  await expect(curve.getByTestId('s-curve-gap')).toHaveCount(1)
  await curve.scrollIntoViewIfNeeded()
  await shot(page, 'progress-s-curve', curve)

  // 8. The client acknowledges everything up to today: client = real, no gap left.
  await tab.getByTestId('acknowledge-open').click()
  const ack = page.getByRole('dialog', { name: 'El cliente reconoce el avance real hasta una fecha' })
  await expect(ack.getByTestId('acknowledge-date')).toHaveValue(day(0))
  await ack.getByTestId('acknowledge-run').click()
  await expect(page.getByText(/El cliente reconoció \d+ tareas?\./)).toBeVisible()
  await expect(tab.getByTestId('total-gap')).toHaveText(/^0\s?%$/)
  await expect(tab.getByTestId('total-client')).toHaveText(await tab.getByTestId('total-real').innerText())

  expect(problems).toEqual([])
})
