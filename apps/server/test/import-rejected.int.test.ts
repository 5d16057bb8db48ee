/**
 * Every import rejects a bad file the same way (docs/imports.md "A rejected file"): 422 with the one
 * `ZImportRejected` envelope, the bad rows in `details.rows`, and nothing saved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ZImportRejected, type TImportRejection } from '@faena/contracts'
import { annexCWorkbook } from './annex-c-workbooks'
import { contractWorkbook } from './concept-workbooks'
import { createTestApp, type TestApp } from './harness'
import { postFile } from './multipart'

let t: TestApp
let offshore: string
let rental: string
beforeAll(async () => {
  t = await createTestApp()
  offshore = await t.login('manager@offshore.test')
  rental = await t.login('manager@rental.test')
})
afterAll(async () => t?.close())

const firstId = async (cookie: string, url: string) =>
  (
    JSON.parse((await t.app.inject({ method: 'GET', url, headers: { cookie } })).body) as {
      items: { id: string }[]
    }
  ).items[0]!.id

/** The answer parsed with the one contract schema (throws when it does not fit). */
const rejected = (res: { statusCode: number; body: string }): TImportRejection => {
  expect(res.statusCode, res.body).toBe(422)
  return ZImportRejected.parse(JSON.parse(res.body)).error
}

describe('one import-rejected envelope', () => {
  it('the concepts, Anexo C and equipment imports reject a bad file with the same 422 schema', async () => {
    // concepts: a negative price
    const concepts = rejected(
      await postFile(
        t,
        offshore,
        '/api/v1/concepts/import',
        'contrato.xlsx',
        await contractWorkbook({
          concepts: 3,
          annexes: [2],
          edit: (i, r) => (i === 1 ? r.map((v, j) => (j === 5 ? -5 : v)) : r),
        }),
        { kind: 'contract' },
      ),
    )
    // Anexo C of a work order: a concept the (empty) catalog does not have
    const wo = await t.app.inject({
      method: 'POST',
      url: '/api/v1/work-orders',
      headers: { cookie: offshore },
      payload: {
        number: 'OT-RECHAZO-001',
        description: 'OT para el rechazo común de importaciones',
        clientId: await firstId(offshore, '/api/v1/catalogs/clients?clientType=CONTRATO&limit=1'),
        projectManagerId: await firstId(offshore, '/api/v1/catalogs/project-managers?limit=1'),
        plannedStart: '2026-03-01',
        plannedEnd: '2026-03-31',
      },
    })
    expect(wo.statusCode, wo.body).toBe(201)
    const woId = (JSON.parse(wo.body) as { id: string }).id
    const annex = rejected(
      await postFile(
        t,
        offshore,
        `/api/v1/work-orders/${woId}/annex-imports`,
        'anexo-c.xlsx',
        await annexCWorkbook([
          { annex: 'C-2', code: 'ZZ.99.', description: 'NO EXISTE', unit: 'PZA', volume: 1, priceMxn: 10 },
        ]),
      ),
    )
    // equipment list: a row without code
    const equipment = rejected(
      await postFile(
        t,
        rental,
        '/api/v1/rental/equipment/import',
        'equipos.json',
        Buffer.from(JSON.stringify([{ name: 'BATERIAS SANITARIAS', code: '', type: 'EQUIPO' }])),
      ),
    )
    for (const [r, fileName] of [
      [concepts, 'contrato.xlsx'],
      [annex, 'anexo-c.xlsx'],
      [equipment, 'equipos.json'],
    ] as const) {
      expect(r.code).toBe('VALIDATION')
      expect(r.requestId).toBeTruthy()
      expect(r.details.fileName).toBe(fileName)
      expect(r.details.badRowCount).toBeGreaterThan(0)
      expect(r.details.rows.length).toBeGreaterThan(0)
      expect(r.details.rows.every((row) => row.messages.length > 0)).toBe(true)
    }
  })
})
