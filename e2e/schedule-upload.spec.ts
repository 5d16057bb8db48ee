import { expect, test } from '@playwright/test'
import { buildMpp, type TestMpp } from '../apps/server/test/fixtures/mpp'
import { login, watchPageErrors } from './helpers'

/**
 * The schedule upload takes MS Project's own `.mpp` (docs/mpp.md): a damaged one is refused in the user's
 * language and nothing changes; a readable one becomes the active version, says it was read from the `.mpp`,
 * and shows its tree. The `.mpp` is built in the test (the same layouts as MS Project writes).
 */

const project: TestMpp = {
  tasks: [
    { uid: 1, id: 1, name: 'Fase de integración', level: 1, duration: 9600 },
    {
      uid: 2,
      id: 2,
      name: 'Soldadura de soportes',
      level: 2,
      start: '2026-03-02T08:00:00',
      finish: '2026-03-02T17:00:00',
      duration: 4800,
      percent: 40,
    },
    {
      uid: 3,
      id: 3,
      name: 'Pintura anticorrosiva',
      level: 2,
      start: '2026-03-04T08:00:00',
      finish: '2026-03-04T17:00:00',
      duration: 4800,
    },
  ],
  links: [{ pred: 2, succ: 3, type: 1, lag: 4800, lagFormat: 7 }],
  resources: [{ uid: 1, name: 'Soldador' }],
  assignments: [{ uid: 1, task: 2, resource: 1 }],
}

test('schedule upload: a damaged .mpp is refused in the user’s language; an .mpp becomes the active version', async ({
  page,
}) => {
  const problems = watchPageErrors(page)
  await login(page, 'manager@offshore.test')
  const request = page.request
  const list = async (url: string) =>
    ((await (await request.get(url)).json()) as { items: { id: string }[] }).items
  const client = (await list('/api/v1/catalogs/clients?clientType=CONTRATO&limit=1'))[0]!
  const pm = (await list('/api/v1/catalogs/project-managers?limit=1'))[0]!
  const created = await request.post('/api/v1/work-orders', {
    data: {
      number: 'OT-801-26-402-MPP-A',
      description: 'Programa en .mpp',
      clientId: client.id,
      projectManagerId: pm.id,
    },
  })
  expect(created.status()).toBe(201)
  const wo = (await created.json()) as { id: string }
  const mpp = buildMpp(project)
  const damaged = mpp.subarray(0, 2000)

  await page.goto(`/work-orders/${wo.id}`)
  await page.getByRole('tab', { name: 'Programa', exact: true }).click()
  const sched = page.getByTestId('schedule-tab')
  await expect(sched.getByText('Esta OT todavía no tiene programa.')).toBeVisible()
  await expect(sched.getByText(/el \.mpp tal como lo guarda MS Project/)).toBeVisible()

  // 1. A damaged .mpp: refused, with what to do; nothing is imported.
  await sched.getByTestId('schedule-import').click()
  const upload = page.getByRole('dialog', { name: 'Importar programa de MS Project' })
  const file = upload.getByLabel('Archivo de MS Project (.mpp o .xml)')
  await expect(file).toHaveAttribute('accept', /(^|,)\.mpp(,|$)/)
  await file.setInputFiles({ name: 'programa.mpp', mimeType: 'application/vnd.ms-project', buffer: damaged })
  await upload.getByRole('button', { name: 'Importar' }).click()
  await expect(upload.getByText(/^El archivo \.mpp está dañado o incompleto/)).toBeVisible()

  // 2. The .mpp as MS Project saves it: version 1, read from the .mpp, its tree and Gantt.
  await file.setInputFiles({ name: 'programa.mpp', mimeType: 'application/vnd.ms-project', buffer: mpp })
  await upload.getByRole('button', { name: 'Importar' }).click()
  await expect(page.getByText('Programa importado: versión 1 con 3 tareas.')).toBeVisible()
  await expect(sched.getByTestId('schedule-source')).toHaveText('Leído del archivo .mpp')
  await expect(sched.getByTestId('schedule-info')).toContainText('1 dependencia')
  const tree = sched.getByTestId('schedule-tree')
  await expect(tree.getByRole('row', { name: /Fase de integración/ })).toBeVisible()
  await expect(tree.getByText('Pintura anticorrosiva')).toBeVisible()
  await expect(
    tree.getByRole('img', { name: /^Soldadura de soportes: 02\/03\/2026 – 02\/03\/2026/ }),
  ).toBeVisible()

  // 3. In English, the same refusal is said in English.
  await page.getByRole('button', { name: /Menú de usuario/ }).click()
  await page.getByRole('button', { name: 'EN', exact: true }).click()
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible()
  await page.keyboard.press('Escape')
  await sched.getByTestId('schedule-import').click()
  const uploadEn = page.getByRole('dialog', { name: 'Import an MS Project schedule' })
  await uploadEn
    .getByLabel('MS Project file (.mpp or .xml)')
    .setInputFiles({ name: 'programa.mpp', mimeType: 'application/vnd.ms-project', buffer: damaged })
  await uploadEn.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(uploadEn.getByText(/^The \.mpp file is damaged or truncated/)).toBeVisible()
  await uploadEn.getByRole('button', { name: 'Cancel' }).click()
  await expect(sched.getByTestId('schedule-source')).toHaveText('Read from the .mpp file')

  // Back to Spanish for the other journeys.
  await page.getByRole('button', { name: /User menu/ }).click()
  await page.getByRole('button', { name: 'ES', exact: true }).click()
  await expect(page.getByRole('navigation', { name: 'Navegación principal' })).toBeVisible()

  expect(problems).toEqual([])
})
