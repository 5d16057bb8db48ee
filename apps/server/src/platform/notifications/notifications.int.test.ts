import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { jsonApi, type Json } from '../../../test/json-api'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { announceBackupFailure, createBackupService } from '../backup/backup.service'
import { createLocalFileStore } from '../files/file-store'
import { notify } from './notifications.service'

// 2026-02-05 in Guayaquil: January's billing sheet can be liquidated.
const NOW = new Date('2026-02-05T15:00:00Z')
const R = '/api/v1/rental'
const N = '/api/v1/notifications'

let t: TestApp
let manager: string
let billing: string
let admin: string
let offshoreAdmin: string

const { get, post, patch, ok } = jsonApi(
  () => t,
  () => manager,
)

/** A January billing sheet of a new project with one toilet at 10.00 a day, liquidated by the manager. */
async function liquidatedSheet() {
  const client = await ok(post(`${R}/clients`, { name: 'Cliente de avisos', taxId: '1790011674001' }))
  const project = await ok(
    post(`${R}/projects`, {
      clientId: client.id,
      name: 'Proyecto de avisos',
      location: 'CAMPO NORTE',
      cardinalPoint: 'north',
      contactName: 'Ing. Contacto',
      startDate: '2026-01-01',
    }),
  )
  const unit = await ok(
    post(`${R}/equipment`, { code: 'AV-BT-1', name: 'BATERÍA SANITARIA', kind: 'equipment', type: 'toilet' }),
  )
  await ok(
    post(`${R}/projects/${project.id}/assignments`, {
      equipmentId: unit.id,
      operationStart: '2026-01-01',
      dailyRate: '10.00',
    }),
  )
  const sheet = await ok(
    post(`${R}/billing-sheets`, {
      projectId: project.id,
      periodStart: '2026-01-01',
      periodEnd: '2026-01-31',
    }),
    201,
  )
  await ok(post(`${R}/billing-sheets/${sheet.id}/liquidate`))
  return sheet
}

beforeAll(async () => {
  t = await createTestApp({ clock: () => NOW })
  manager = await t.login('manager@rental.test')
  billing = await t.login('billing@rental.test')
  admin = await t.login('admin@rental.test')
  offshoreAdmin = await t.login('admin@offshore.test')
  // the rental admin reads the app in English: their notifications arrive in English
  await ok(patch('/api/v1/auth/me/preferences', { locale: 'en' }, admin))
})
afterAll(async () => {
  await t?.close()
})

describe('notifications', () => {
  it('a liquidated sheet tells who can invoice it, in their language, with a link; not the one who liquidated', async () => {
    const sheet = await liquidatedSheet()
    const forBilling = await ok(get(N, billing))
    expect(forBilling.unread).toBe(1)
    expect(forBilling.items).toEqual([
      {
        id: expect.any(String),
        kind: 'billingSheet.liquidated',
        title: `Planilla ${sheet.seriesCode} liquidada: lista para facturar`,
        // amounts as the organization writes them (es-EC)
        body: expect.stringMatching(/^Periodo 01\/01\/2026 – 31\/01\/2026, total USD\s356,50\.$/),
        link: `/rental/billing-sheets/${sheet.id}`,
        createdAt: expect.any(String),
        readAt: null,
      },
    ])
    const forAdmin = await ok(get(N, admin))
    expect(forAdmin.items[0].title).toBe(`Billing sheet ${sheet.seriesCode} liquidated: ready to invoice`)
    expect((await ok(get(N, manager))).total).toBe(0)
    expect((await ok(get(N, offshoreAdmin))).total).toBe(0)
  })

  it('marks one read (only the recipient can), then all; filters the unread ones', async () => {
    const list = await ok(get(N, billing))
    const [first] = list.items
    // another recipient's notification: not found, in each one's language (the rental admin reads English)
    const notMine = await post(`${N}/${first.id}/read`, undefined, admin)
    expect(notMine.status).toBe(404)
    expect(notMine.body.error).toMatchObject({
      key: 'notifications.notFound',
      message: 'Notification not found',
    })
    const otherOrg = await post(`${N}/${first.id}/read`, undefined, offshoreAdmin)
    expect(otherOrg.status).toBe(404)
    expect(otherOrg.body.error.message).toBe('Notificación no encontrada')
    expect(await ok(post(`${N}/${first.id}/read`, undefined, billing))).toEqual({ marked: 1, unread: 0 })
    const after = await ok(get(N, billing))
    expect(after.items[0].readAt).toEqual(expect.any(String))
    expect((await ok(get(`${N}?unread=true`, billing))).total).toBe(0)
    expect(await ok(post(`${N}/read-all`, undefined, admin))).toEqual({ marked: 1, unread: 0 })
    expect((await post(`${N}/${first.id}/read`, undefined, billing)).status).toBe(200) // already read: no-op
  })

  it('a producer repeating the same event (same dedupe key) stores it once per recipient', async () => {
    const orgId = await t.orgId('demo-rental')
    const event = {
      orgId,
      to: { permission: 'backup.manage' as const },
      kind: 'test.repeated',
      title: { es: 'Aviso repetido', en: 'Repeated notice' },
      dedupeKey: 'test.repeated:1',
    }
    expect(await notify(t.db, event)).toBe(1) // the admin only
    expect(await notify(t.db, event)).toBe(0)
    expect((await ok(get(`${N}?unread=true`, admin))).items.map((i: Json) => i.title)).toEqual([
      'Repeated notice',
    ])
  })

  it("a failed backup tells every organization's admins, once per run", async () => {
    const run = {
      id: '6f1d2c3b-4a59-4e87-9d6c-5b4a3f2e1d0c',
      trigger: 'schedule' as const,
      timeZone: 'America/Guayaquil',
      status: 'failed' as const,
      startedAt: NOW.toISOString(),
      finishedAt: NOW.toISOString(),
      archive: null,
      size: null,
      rows: null,
      files: null,
      durationMs: null,
      error: 'ENOSPC: no space left on device',
    }
    expect(await announceBackupFailure(t.db, notify, run)).toBe(2) // one admin in each demo organization
    expect(await announceBackupFailure(t.db, notify, run)).toBe(0)
    const offshore = (await ok(get(`${N}?unread=true`, offshoreAdmin))).items
    expect(offshore).toEqual([
      expect.objectContaining({
        kind: 'backup.failed',
        title: 'El respaldo falló',
        body: 'Motivo: ENOSPC: no space left on device',
        link: '/admin/backups',
      }),
    ])
    expect((await ok(get(`${N}?unread=true`, admin))).items[0].title).toBe('The backup failed')
    expect((await ok(get(`${N}?unread=true`, billing))).total).toBe(0) // billing does not manage backups
  })

  it('the hourly watch tells the admins when no backup has succeeded for two days, once per stretch', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faena-watch-'))
    const quiet = { error: () => {}, info: () => {} }
    const at = (ms: number) =>
      createBackupService({
        database: t.database,
        store: createLocalFileStore(path.join(dir, 'files')),
        clock: () => new Date(Date.now() + ms),
        log: quiet,
        settings: { dir, keep: 2, hour: 2 },
        faenaVersion: 'test',
        notify,
      })
    try {
      expect(await at(0).watchStale()).toBe(0) // installed moments ago: nothing is late
      const later = at(3 * 24 * 3600 * 1000)
      expect(await later.watchStale()).toBe(2) // no run ever succeeded: one admin in each organization
      expect(await later.watchStale()).toBe(0)
      const stale = (await ok(get(`${N}?unread=true`, offshoreAdmin))).items.find(
        (i: Json) => i.kind === 'backup.stale',
      )
      expect(stale).toMatchObject({
        title: 'Ningún respaldo en dos días',
        body: 'Todavía ningún respaldo ha terminado bien.',
        link: '/admin/backups',
      })
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('refuses bad input naming the field, and anonymous callers', async () => {
    const bad = await get(`${N}?limit=0`, billing)
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('limit')
    expect((await post(`${N}/not-a-uuid/read`, undefined, billing)).status).toBe(400)
    expect((await t.app.inject({ method: 'GET', url: N })).statusCode).toBe(401)
  })
})
