/**
 * Rental field documents through HTTP (routes → service → repository) on both databases, plus the
 * billing-facing functions of index.ts and the billing port (a fake: the billing module wires the real one).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { PDFDocument } from 'pdf-lib'
import type { Actor } from '../../platform/access'
import { AppError } from '../../platform/errors'
import { createFilesService } from '../../platform/files/files.service'
import { createLocalFileStore } from '../../platform/files/file-store'
import { apiCalls } from '../../../test/api-calls'
import { createTestApp, type TestApp } from '../../../test/harness'
import { settleJob } from '../../../test/jobs'
import {
  closeDraftDocuments,
  createRentalDocumentsService,
  hasDocumentsForAssignment,
  linkGuidesToSheet,
  listDocumentsForPeriod,
  unlinkDocumentsFromSheet,
  type BillingPort,
} from './index'
import { rentalProjectsPort } from './rental-projects-port'

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
const R = '/api/v1/rental'

let t: TestApp
let manager: string
let operator: string
let viewer: string
let billingUser: string
let offshoreAdmin: string
let rentalOrg: string
let seq = 0

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const { call, ok } = apiCalls(
  () => t,
  () => manager,
)
async function upload(
  url: string,
  filename: string,
  bytes: Buffer,
  cookie = manager,
  label = 'Hoja firmada',
) {
  const b = 'rdBoundary'
  const payload = Buffer.concat([
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="label"\r\n\r\n${label}\r\n`),
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${b}--\r\n`),
  ])
  const res = await t.app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${b}` },
    payload,
  })
  return { status: res.statusCode, body: res.json<Json>() }
}

/** Waits for an export job of `manager` to finish, then downloads its result. */
async function jobResult(id: string, cookie = manager) {
  await settleJob(t, id, cookie)
  return call('GET', `/api/v1/jobs/${id}/result`, cookie)
}

/** A fresh project of demo-rental with one equipment assignment, one service linked to it and a plain service. */
async function newProject(opts: { start?: string; end?: string } = {}) {
  seq++
  const clients = await ok('GET', `${R}/clients?limit=1`)
  const project = await ok('POST', `${R}/projects`, {
    clientId: clients.items[0].id,
    name: `Proyecto documentos ${seq}`,
    location: `CAMPO ${seq}`,
    cardinalPoint: 'north',
    startDate: opts.start ?? '2026-01-01',
    ...(opts.end ? { endDate: opts.end } : {}),
  })
  const unit = await ok('POST', `${R}/equipment`, {
    code: `TST-BT-${seq}${Date.now() % 100000}`,
    name: 'BATERÍA SANITARIA',
    kind: 'equipment',
    type: 'toilet',
  })
  const svc = await ok('POST', `${R}/equipment`, {
    code: `TST-SERV-${seq}${Date.now() % 100000}`,
    name: 'Limpieza',
    kind: 'service',
  })
  const svc2 = await ok('POST', `${R}/equipment`, {
    code: `TST-SUC-${seq}${Date.now() % 100000}`,
    name: 'Succión',
    kind: 'service',
  })
  const start = opts.start ?? '2026-01-01'
  const equipment = await ok('POST', `${R}/projects/${project.id}/assignments`, {
    equipmentId: unit.id,
    dailyRate: '18.00',
    operationStart: start,
  })
  const service = await ok('POST', `${R}/projects/${project.id}/assignments`, {
    equipmentId: svc.id,
    dailyRate: '25.00',
    operationStart: start,
    linkedEquipmentId: unit.id,
  })
  const plain = await ok('POST', `${R}/projects/${project.id}/assignments`, {
    equipmentId: svc2.id,
    dailyRate: '180.00',
    operationStart: start,
    description: 'SUCCIÓN',
  })
  return { projectId: project.id as string, equipment, service, plain, unitCode: unit.code as string }
}

beforeAll(async () => {
  t = await createTestApp()
  manager = await t.login('manager@rental.test')
  operator = await t.login('operator@rental.test')
  viewer = await t.login('viewer@rental.test')
  billingUser = await t.login('billing@rental.test')
  offshoreAdmin = await t.login('admin@offshore.test')
  rentalOrg = await t.orgId('demo-rental')
})
afterAll(async () => t.close())

describe('maintenance sheets', () => {
  it('numbers consecutively per organization, computes days and cost, never reuses a number', async () => {
    const p = await newProject()
    const a = await ok('POST', `${R}/maintenance-sheets`, {
      projectId: p.projectId,
      assignmentId: p.equipment.id,
      maintenanceType: 'corrective',
      startDate: '2026-01-08',
      endDate: '2026-01-10',
      costPerDay: '40.10',
      logisticsCost: '30',
      technicianName: 'Luis Técnico',
    })
    expect(a).toMatchObject({
      status: 'draft',
      days: 3,
      costPerDay: '40.10',
      totalCost: '120.30',
      logisticsCost: '30.00',
      technicalDescription: 'SERVICIO TÉCNICO ESPECIALIZADO',
      logisticsDescription: 'LOGÍSTICA',
      equipmentCode: p.unitCode,
      projectId: p.projectId,
      allowedActions: ['update', 'close', 'delete', 'void', 'attach'],
    })
    expect(a.displayNumber).toBe(String(a.number).padStart(6, '0'))
    const b = await ok('POST', `${R}/maintenance-sheets`, {
      projectId: p.projectId,
      startDate: '2026-01-09',
      totalCost: '99.99',
    })
    expect(b.number).toBe(a.number + 1)
    expect(b).toMatchObject({
      days: 1,
      totalCost: '99.99',
      costPerDay: '0.00',
      maintenanceType: 'preventive',
    })
    await ok('DELETE', `${R}/maintenance-sheets/${b.id}`)
    const c = await ok('POST', `${R}/maintenance-sheets`, { projectId: p.projectId, startDate: '2026-01-09' })
    expect(c.number).toBe(a.number + 2) // the deleted draft's number is not given back
    // another organization's counter is independent: its numbering is not ours
    const audit = await t.db
      .selectFrom('audit_log')
      .orderBy('id')
      .select('action')
      .where('entity_id', '=', a.id)
      .execute()
    expect(audit.map((x) => x.action)).toContain('rentalMaintenanceSheet.created')
  })

  it('edits drafts only; draft → closed → void (reason required); void is final', async () => {
    const p = await newProject()
    const m = await ok('POST', `${R}/maintenance-sheets`, {
      projectId: p.projectId,
      startDate: '2026-01-05',
      endDate: '2026-01-06',
      costPerDay: '50',
    })
    const edited = await ok('PATCH', `${R}/maintenance-sheets/${m.id}`, {
      endDate: '2026-01-07',
      faultDescription: 'No arranca',
    })
    expect(edited).toMatchObject({ days: 3, totalCost: '150.00', faultDescription: 'No arranca' })
    expect(
      (await call('PATCH', `${R}/maintenance-sheets/${m.id}`, manager, { endDate: '2026-01-01' })).status,
    ).toBe(400)
    const closed = await ok('POST', `${R}/maintenance-sheets/${m.id}/close`)
    expect(closed.status).toBe('closed')
    expect(closed.allowedActions).toEqual(['void', 'attach'])
    const edit = await call('PATCH', `${R}/maintenance-sheets/${m.id}`, manager, { rig: 'X' })
    expect(edit.status).toBe(409)
    expect(edit.body.error.code).toBe('INVALID_STATE')
    expect((await call('DELETE', `${R}/maintenance-sheets/${m.id}`, manager)).status).toBe(409)
    expect((await call('POST', `${R}/maintenance-sheets/${m.id}/close`, manager)).status).toBe(409)
    expect((await call('POST', `${R}/maintenance-sheets/${m.id}/void`, manager, {})).status).toBe(400)
    const voided = await ok('POST', `${R}/maintenance-sheets/${m.id}/void`, { reason: 'Duplicada' })
    expect(voided).toMatchObject({ status: 'void', statusReason: 'Duplicada', allowedActions: [] })
    expect((await call('POST', `${R}/maintenance-sheets/${m.id}/close`, manager)).status).toBe(409)
  })

  it('validates project, dates and the equipment assignment', async () => {
    const p = await newProject({ start: '2026-02-01', end: '2026-02-28' })
    const other = await newProject()
    const before = await call('POST', `${R}/maintenance-sheets`, manager, {
      projectId: p.projectId,
      startDate: '2026-01-31',
    })
    expect(before.status).toBe(400)
    expect(before.body.error.details[0]).toMatchObject({
      path: 'startDate',
      message: 'La fecha debe estar entre el inicio del proyecto (01/02/2026) y su fin (28/02/2026)',
    })
    // a project with no end: one whole sentence, the date as the organization writes it
    const openEnded = await call('POST', `${R}/maintenance-sheets`, manager, {
      projectId: other.projectId,
      startDate: '2025-12-31',
    })
    expect(openEnded.status).toBe(400)
    expect(openEnded.body.error.details[0]).toMatchObject({
      path: 'startDate',
      message: 'La fecha no puede ser anterior al inicio del proyecto (01/01/2026)',
    })
    const foreign = await call('POST', `${R}/maintenance-sheets`, manager, {
      projectId: p.projectId,
      startDate: '2026-02-02',
      assignmentId: other.equipment.id,
    })
    expect(foreign.status).toBe(400)
    expect(foreign.body.error.details[0].path).toBe('assignmentId')
    const unknown = await call('POST', `${R}/maintenance-sheets`, manager, {
      projectId: '00000000-0000-4000-8000-000000000000',
      startDate: '2026-02-02',
    })
    expect(unknown.status).toBe(400)
    expect(unknown.body.error.details[0].path).toBe('projectId')
    const tooLong = await call('POST', `${R}/maintenance-sheets`, manager, {
      projectId: other.projectId,
      startDate: '2026-01-01',
      endDate: '2027-06-01',
    })
    expect(tooLong.status).toBe(400)
  })

  it('refuses documents on a closed project', async () => {
    const p = await newProject({ start: '2025-06-01' })
    await ok('POST', `${R}/projects/${p.projectId}/close`, { date: '2025-12-31' })
    const res = await call('POST', `${R}/maintenance-sheets`, manager, {
      projectId: p.projectId,
      startDate: '2025-07-01',
    })
    expect(res.status).toBe(409)
  })
})

describe('custody chains', () => {
  it('keeps the typed volume and derives the other two with 2 decimals (docs/rental-billing.md#volume-conversions)', async () => {
    const p = await newProject()
    const g = await ok('POST', `${R}/custody-chains`, {
      projectId: p.projectId,
      activityDate: '2026-01-15',
      startTime: '08:00',
      endTime: '09:20',
      assignmentIds: [p.service.id, p.plain.id, p.service.id],
      volumeUnit: 'gallons',
      volume: '180',
      wasteTypes: ['blackWater', 'greyWater'],
      logisticsCost: '40',
      vehiclePlate: 'pba-1234',
    })
    expect(g).toMatchObject({
      status: 'draft',
      volumeUnit: 'gallons',
      gallons: '180.00',
      barrels: '4.29',
      cubicMeters: '0.68',
      durationHours: '1.33',
      logisticsCost: '40.00',
      billingText: 'LOGÍSTICA',
      vehiclePlate: 'PBA-1234',
      attendedCount: 2,
      location: 'CAMPO ' + String(seq) + ' – Norte',
    })
    expect(g.attended[0]).toMatchObject({
      assignmentId: p.service.id,
      kind: 'service',
      code: p.unitCode,
      abbreviation: 'BT',
    })
    expect(g.attended[1]).toMatchObject({ assignmentId: p.plain.id, code: 'SUCCIÓN', abbreviation: 'OT' })
    expect(g.displayNumber).toBe(String(g.number).padStart(7, '0'))

    const m3 = await ok('POST', `${R}/custody-chains`, {
      projectId: p.projectId,
      activityDate: '2026-01-16',
      assignmentIds: [p.service.id],
      volumeUnit: 'cubicMeters',
      volume: '1',
    })
    expect(m3).toMatchObject({
      cubicMeters: '1.00',
      gallons: '264.17',
      barrels: '6.29',
      durationHours: null,
      number: g.number + 1,
    })
    const bbl = await ok('PATCH', `${R}/custody-chains/${m3.id}`, { volumeUnit: 'barrels', volume: '1' })
    expect(bbl).toMatchObject({
      volumeUnit: 'barrels',
      barrels: '1.00',
      gallons: '42.00',
      cubicMeters: '0.16',
    })
    const lonely = await call('PATCH', `${R}/custody-chains/${m3.id}`, manager, { volume: '2' })
    expect(lonely.status).toBe(400)
    expect(lonely.body.error.details[0].path).toBe('volumeUnit')
  })

  it('validates times and attended assignments', async () => {
    const p = await newProject()
    const other = await newProject()
    const base = { projectId: p.projectId, activityDate: '2026-01-15', volumeUnit: 'gallons', volume: '10' }
    const times = await call('POST', `${R}/custody-chains`, manager, {
      ...base,
      assignmentIds: [p.service.id],
      startTime: '10:00',
      endTime: '09:00',
    })
    expect(times.status).toBe(400)
    expect(times.body.error.details[0].path).toBe('endTime')
    const foreign = await call('POST', `${R}/custody-chains`, manager, {
      ...base,
      assignmentIds: [p.service.id, other.service.id],
    })
    expect(foreign.status).toBe(400)
    expect(foreign.body.error.details[0].path).toBe('assignmentIds.1')
    expect((await call('POST', `${R}/custody-chains`, manager, { ...base, assignmentIds: [] })).status).toBe(
      400,
    )
    expect(
      (
        await call('POST', `${R}/custody-chains`, manager, {
          ...base,
          assignmentIds: [p.service.id],
          volume: '1.234',
        })
      ).status,
    ).toBe(400)
    const seconds = await ok('POST', `${R}/custody-chains`, {
      ...base,
      assignmentIds: [p.service.id],
      startTime: '08:00:00',
      endTime: '10:30',
    })
    expect(seconds).toMatchObject({ startTime: '08:00', endTime: '10:30', durationHours: '2.50' })
  })

  it('draft → closed → cancelled (reason); cancelled chains count nowhere', async () => {
    const p = await newProject()
    const mk = (date: string, volume: string) =>
      ok('POST', `${R}/custody-chains`, {
        projectId: p.projectId,
        activityDate: date,
        assignmentIds: [p.service.id],
        volumeUnit: 'gallons',
        volume,
        logisticsCost: '10',
      })
    const a = await mk('2026-01-10', '100')
    const b = await mk('2026-01-11', '200')
    const closed = await ok('POST', `${R}/custody-chains/${b.id}/close`)
    expect(closed.allowedActions).toEqual(['cancel', 'attach'])
    expect((await call('PATCH', `${R}/custody-chains/${b.id}`, manager, { notes: 'x' })).status).toBe(409)
    expect((await call('POST', `${R}/custody-chains/${b.id}/cancel`, manager, { reason: '' })).status).toBe(
      400,
    )
    const cancelled = await ok('POST', `${R}/custody-chains/${b.id}/cancel`, { reason: 'Visita duplicada' })
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      statusReason: 'Visita duplicada',
      allowedActions: [],
    })
    expect((await call('POST', `${R}/custody-chains/${b.id}/close`, manager)).status).toBe(409)

    const docs = await listDocumentsForPeriod(t.db, rentalOrg, {
      projectId: p.projectId,
      from: '2026-01-01',
      to: '2026-01-31',
    })
    expect(docs.custodyChains.map((c) => c.id)).toEqual([a.id])
    expect(docs.custodyChains[0]).toMatchObject({
      status: 'draft',
      activityDate: '2026-01-10',
      attendedAssignmentIds: [p.service.id],
      equipmentId: p.equipment.equipmentId,
      gallons: '100.00',
      barrels: '2.38',
      cubicMeters: '0.38',
      logisticsCost: '10.00',
      logisticsDescription: 'LOGÍSTICA',
      wasteDescription: 'AGUAS NEGRAS Y GRISES',
    })
    const list = await ok('GET', `${R}/custody-chains?projectId=${p.projectId}&status=cancelled`)
    expect(list.total).toBe(1)
  })
})

describe('shipping guides', () => {
  it('creates with items and default places, replaces items on edit, numbers per organization', async () => {
    const p = await newProject()
    const g = await ok('POST', `${R}/shipping-guides`, {
      projectId: p.projectId,
      guideType: 'exit',
      reason: 'rent',
      issueDate: '2026-01-09',
      items: [
        { assignmentId: p.equipment.id, description: 'Batería sanitaria', quantity: 2, unit: 'u' },
        { description: 'Manguera 2"', quantity: 10, unit: 'm' },
      ],
      transportCost: '80',
    })
    expect(g).toMatchObject({
      status: 'draft',
      guideType: 'exit',
      reason: 'rent',
      originPlace: expect.stringMatching(/^BASE /),
      destinationPlace: `CAMPO ${seq} – Norte`,
      dispatcherName: expect.any(String),
      transportCost: '80.00',
      stowageCost: '0.00',
      transportDescription: 'TRANSPORTE',
      stowageDescription: 'ESTIBA',
      itemCount: 2,
      billingSheetId: null,
    })
    expect(g.items[0]).toMatchObject({
      position: 1,
      equipmentId: p.equipment.equipmentId,
      equipmentCode: p.unitCode,
      quantity: 2,
    })
    expect(g.displayNumber).toBe(String(g.number).padStart(7, '0'))
    const edited = await ok('PATCH', `${R}/shipping-guides/${g.id}`, {
      items: [{ description: 'Solo uno', quantity: 1 }],
      originPlace: 'BODEGA',
    })
    expect(edited.items.map((i: Json) => i.description)).toEqual(['Solo uno'])
    expect(edited.originPlace).toBe('BODEGA')
    const bad = await call('PATCH', `${R}/shipping-guides/${g.id}`, manager, {
      startDate: '2026-01-10',
      endDate: '2026-01-09',
    })
    expect(bad.status).toBe(400)
    const closed = await ok('POST', `${R}/shipping-guides/${g.id}/close`)
    expect(closed.status).toBe('closed')
    expect((await call('PATCH', `${R}/shipping-guides/${g.id}`, manager, { notes: 'x' })).status).toBe(409)
    expect((await ok('POST', `${R}/shipping-guides/${g.id}/void`, { reason: 'Error de datos' })).status).toBe(
      'void',
    )
  })

  it('is billed by exactly one sheet: linked, never twice; unlinking frees it', async () => {
    const p = await newProject()
    const mk = (date: string) =>
      ok('POST', `${R}/shipping-guides`, { projectId: p.projectId, issueDate: date, transportCost: '50' })
    const g1 = await mk('2026-01-05')
    const g2 = await mk('2026-01-06')
    const sheetA = '11111111-1111-4111-8111-111111111111'
    const sheetB = '22222222-2222-4222-8222-222222222222'
    await t.db.transaction().execute((trx) => linkGuidesToSheet(trx, rentalOrg, sheetA, [g1.id, g2.id]))
    expect((await ok('GET', `${R}/shipping-guides/${g1.id}`)).billingSheetId).toBe(sheetA)
    // the same sheet again: idempotent
    await t.db.transaction().execute((trx) => linkGuidesToSheet(trx, rentalOrg, sheetA, [g1.id, g2.id]))
    // another sheet: refused, and nothing changes
    const twice = await t.db
      .transaction()
      .execute((trx) => linkGuidesToSheet(trx, rentalOrg, sheetB, [g2.id]))
      .catch((e: unknown) => e)
    expect(twice).toBeInstanceOf(AppError)
    expect((twice as AppError).code).toBe('CONFLICT')
    expect((await ok('GET', `${R}/shipping-guides/${g2.id}`)).billingSheetId).toBe(sheetA)
    // the set semantics: linking only g1 releases g2
    await t.db.transaction().execute((trx) => linkGuidesToSheet(trx, rentalOrg, sheetA, [g1.id]))
    expect((await ok('GET', `${R}/shipping-guides/${g2.id}`)).billingSheetId).toBeNull()
    await t.db.transaction().execute((trx) => linkGuidesToSheet(trx, rentalOrg, sheetB, [g2.id]))
    expect((await ok('GET', `${R}/shipping-guides?projectId=${p.projectId}&billed=true`)).total).toBe(2)
    // a linked guide is voided, not deleted
    expect((await call('DELETE', `${R}/shipping-guides/${g1.id}`, manager)).status).toBe(409)
    // a void guide is never linked
    const g3 = await mk('2026-01-07')
    await ok('POST', `${R}/shipping-guides/${g3.id}/void`, { reason: 'x' })
    const voidLink = await t.db
      .transaction()
      .execute((trx) => linkGuidesToSheet(trx, rentalOrg, sheetB, [g2.id, g3.id]))
      .catch((e: unknown) => e)
    expect((voidLink as AppError).code).toBe('INVALID_STATE')
    // another organization's guide is not found
    const offshore = await t.orgId('demo-offshore')
    const foreign = await t.db
      .transaction()
      .execute((trx) => linkGuidesToSheet(trx, offshore, sheetB, [g2.id]))
      .catch((e: unknown) => e)
    expect((foreign as AppError).code).toBe('NOT_FOUND')
    // deleting a sheet frees its guides
    await t.db.transaction().execute((trx) => unlinkDocumentsFromSheet(trx, rentalOrg, sheetA))
    expect((await ok('GET', `${R}/shipping-guides/${g1.id}`)).billingSheetId).toBeNull()
    const docs = await listDocumentsForPeriod(t.db, rentalOrg, {
      projectId: p.projectId,
      from: '2026-01-01',
      to: '2026-01-31',
    })
    expect(docs.shippingGuides.map((g) => [g.id, g.billingSheetId])).toEqual([
      [g1.id, null],
      [g2.id, sheetB],
    ])
    expect(docs.shippingGuides[0]).toMatchObject({
      transportCost: '50.00',
      stowageCost: '0.00',
      transportDescription: 'TRANSPORTE',
      issueDate: '2026-01-05',
    })
  })
})

describe('attachments', () => {
  it('must really be PDFs; are listed on the document and removable', async () => {
    const p = await newProject()
    const m = await ok('POST', `${R}/maintenance-sheets`, { projectId: p.projectId, startDate: '2026-01-05' })
    const fake = await upload(
      `${R}/maintenance-sheets/${m.id}/attachments`,
      'firmada.pdf',
      Buffer.from('MZ not a pdf at all'),
    )
    expect(fake.status).toBe(415)
    const png = await upload(`${R}/maintenance-sheets/${m.id}/attachments`, 'foto.pdf', PNG)
    expect(png.status).toBe(415)
    const good = await upload(`${R}/maintenance-sheets/${m.id}/attachments`, 'hoja-firmada.pdf', PDF)
    expect(good.status).toBe(201)
    expect(good.body).toMatchObject({ name: 'hoja-firmada.pdf', label: 'Hoja firmada', size: PDF.length })
    const detail = await ok('GET', `${R}/maintenance-sheets/${m.id}`)
    expect(detail.attachments).toHaveLength(1)
    expect(detail.attachmentCount).toBe(1)
    const file = await call('GET', `/api/v1/files/${good.body.fileId}`, manager)
    expect(file.status).toBe(200)
    await ok('DELETE', `${R}/maintenance-sheets/${m.id}/attachments/${good.body.id}`)
    expect((await ok('GET', `${R}/maintenance-sheets/${m.id}`)).attachments).toHaveLength(0)
    // chains and guides take them too; a cancelled chain does not
    const c = await ok('POST', `${R}/custody-chains`, {
      projectId: p.projectId,
      activityDate: '2026-01-05',
      assignmentIds: [p.service.id],
      volumeUnit: 'gallons',
      volume: '1',
    })
    expect((await upload(`${R}/custody-chains/${c.id}/attachments`, 'cadena.pdf', PDF)).status).toBe(201)
    await ok('POST', `${R}/custody-chains/${c.id}/cancel`, { reason: 'x' })
    expect((await upload(`${R}/custody-chains/${c.id}/attachments`, 'cadena.pdf', PDF)).status).toBe(409)
    const notMultipart = await call('POST', `${R}/shipping-guides/${c.id}/attachments`, manager, {
      file: 'x',
    })
    expect(notMultipart.status).toBe(404) // the document is checked before the upload is read
  })
})

describe('scanned custody chains', () => {
  /** A PDF of `n` pages, page i of width 100 + i (so the order can be read back). */
  const scan = async (n: number) => {
    const doc = await PDFDocument.create()
    for (let i = 0; i < n; i++) doc.addPage([100 + i, 200])
    return Buffer.from(await doc.save())
  }
  async function uploadScan(ids: string, bytes: Buffer, cookie = manager, replace = false) {
    const b = 'scanBoundary'
    const payload = Buffer.concat([
      Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="ids"\r\n\r\n${ids}\r\n`),
      Buffer.from(replace ? `--${b}\r\nContent-Disposition: form-data; name="replace"\r\n\r\ntrue\r\n` : ''),
      Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="file"; filename="planilla.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${b}--\r\n`),
    ])
    const res = await t.app.inject({
      method: 'POST',
      url: `${R}/custody-chains/scan-pages`,
      headers: { cookie, 'content-type': `multipart/form-data; boundary=${b}` },
      payload,
    })
    return { status: res.statusCode, body: res.json<Json>() }
  }

  it('checks the page count first, then attaches page i to chain i, all or nothing', async () => {
    const p = await newProject()
    const chains: Json[] = []
    for (const day of ['2026-01-20', '2026-01-21', '2026-01-22'])
      chains.push(
        await ok('POST', `${R}/custody-chains`, {
          projectId: p.projectId,
          activityDate: day,
          assignmentIds: [p.service.id],
          volumeUnit: 'gallons',
          volume: '10',
        }),
      )
    // the order the user chose: the third, the first, the second
    const order = [chains[2]!.id, chains[0]!.id, chains[1]!.id] as string[]

    const short = await uploadScan(order.join(','), await scan(2))
    expect(short.status).toBe(400)
    expect(short.body.error.details).toMatchObject([
      { path: 'file', message: '2 página(s) para 3 documento(s)' },
    ])
    expect((await uploadScan('no-es-un-id', await scan(1))).body.error.details[0].path).toBe('ids')
    expect((await uploadScan(`${order[0]},${order[0]}`, await scan(2))).status).toBe(400)
    expect((await uploadScan(order.join(','), PDF.subarray(0, 10))).status).toBeGreaterThanOrEqual(400)
    // a chain that takes no attachments (cancelled) refuses the whole scan: nothing is attached
    const cancelled = await ok('POST', `${R}/custody-chains`, {
      projectId: p.projectId,
      activityDate: '2026-01-23',
      assignmentIds: [p.service.id],
      volumeUnit: 'gallons',
      volume: '10',
    })
    await ok('POST', `${R}/custody-chains/${cancelled.id}/cancel`, { reason: 'Duplicada' })
    const refused = await uploadScan([...order, cancelled.id].join(','), await scan(4))
    expect(refused.status).toBe(409)
    for (const id of order) expect((await ok('GET', `${R}/custody-chains/${id}`)).attachments).toHaveLength(0)

    const done = await uploadScan(order.join(','), await scan(3))
    expect(done).toMatchObject({ status: 201, body: { attached: 3 } })
    for (const [i, id] of order.entries()) {
      const d = await ok('GET', `${R}/custody-chains/${id}`)
      expect(d.attachments).toHaveLength(1)
      expect(d.attachments[0]).toMatchObject({
        name: `planilla-p${i + 1}.pdf`,
        label: `Escaneo, página ${i + 1} de 3`,
      })
      const file = await call('GET', `/api/v1/files/${d.attachments[0].fileId}`, manager)
      const page = await PDFDocument.load(file.raw.rawPayload)
      expect(page.getPageCount()).toBe(1)
      expect(page.getPage(0).getWidth()).toBe(100 + i)
    }
    // someone without the permission: 403
    expect((await uploadScan(order.join(','), await scan(3), viewer)).status).toBe(403)
  })

  it("lists a billing sheet's chains with their scans; a second scan replaces the first only when confirmed", async () => {
    const p = await newProject()
    const chainOn = (day: string) =>
      ok('POST', `${R}/custody-chains`, {
        projectId: p.projectId,
        activityDate: day,
        assignmentIds: [p.service.id],
        volumeUnit: 'gallons',
        volume: '10',
      })
    // created out of date order: the list follows the activity date
    const late = await chainOn('2026-01-12')
    const early = await chainOn('2026-01-10')
    const sheet = await ok('POST', `${R}/billing-sheets`, {
      projectId: p.projectId,
      periodStart: '2026-01-01',
      periodEnd: '2026-01-31',
    })
    const scans = () => ok('GET', `${R}/custody-chains/scans?billingSheetId=${sheet.id}`)
    expect((await scans()).items).toEqual([
      expect.objectContaining({
        id: early.id,
        displayNumber: early.displayNumber,
        activityDate: '2026-01-10',
        scanCount: 0,
        canAttach: true,
      }),
      expect.objectContaining({ id: late.id, activityDate: '2026-01-12', scanCount: 0 }),
    ])
    // another attachment is not a scan, even one labelled by hand as a scan page would be
    expect((await upload(`${R}/custody-chains/${early.id}/attachments`, 'firmada.pdf', PDF)).status).toBe(201)
    const lookalike = await upload(
      `${R}/custody-chains/${late.id}/attachments`,
      'foto.pdf',
      PDF,
      manager,
      'Escaneo, página 1 de 1',
    )
    expect(lookalike.status).toBe(201)
    expect((await scans()).items.map((c: Json) => c.scanCount)).toEqual([0, 0])
    const first = await uploadScan(`${early.id},${late.id}`, await scan(2))
    expect(first).toMatchObject({
      status: 201,
      body: {
        attached: 2,
        saved: [
          { id: early.id, displayNumber: early.displayNumber, page: 1, name: 'planilla-p1.pdf', replaced: 0 },
          { id: late.id, displayNumber: late.displayNumber, page: 2, name: 'planilla-p2.pdf', replaced: 0 },
        ],
      },
    })
    expect((await scans()).items.map((c: Json) => c.scanCount)).toEqual([1, 1])

    // again without confirming: 409 naming the chain, nothing changes
    const again = await uploadScan(late.id, await scan(1))
    expect(again.status).toBe(409)
    expect(again.body.error.details).toEqual({ numbers: [late.displayNumber] })
    expect((await ok('GET', `${R}/custody-chains/${late.id}`)).attachments).toHaveLength(2)
    // confirmed: the old scan page goes, the other attachment stays, both audited
    const replaced = await uploadScan(`${late.id},${early.id}`, await scan(2), manager, true)
    expect(replaced.body.saved.map((x: Json) => x.replaced)).toEqual([1, 1])
    const e = await ok('GET', `${R}/custody-chains/${early.id}`)
    expect(e.attachments.map((a: Json) => a.label)).toEqual(['Hoja firmada', 'Escaneo, página 2 de 2'])
    const l = await ok('GET', `${R}/custody-chains/${late.id}`)
    expect(l.attachments.map((a: Json) => a.name).sort()).toEqual(['foto.pdf', 'planilla-p1.pdf'])
    expect((await scans()).items.map((c: Json) => c.scanCount)).toEqual([1, 1])
    const actions = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', early.id)
      .where('action', 'like', '%attachment%')
      .orderBy('id')
      .execute()
    expect(actions.map((a) => a.action)).toEqual([
      'rentalCustodyChain.attachment_added',
      'rentalCustodyChain.attachment_added',
      'rentalCustodyChain.attachment_removed',
      'rentalCustodyChain.attachment_added',
    ])

    // the history names what it mentions: the chain by its number, its project, the attended service, the file
    const admin = await t.login('admin@rental.test')
    const history = await call(
      'GET',
      `/api/v1/audit?entityType=custody_chain&entityId=${early.id}&limit=50`,
      admin,
    )
    expect(history.status).toBe(200)
    const created = history.body.items.find((e: Json) => e.action === 'rentalCustodyChain.created')
    const project = await ok('GET', `${R}/projects/${p.projectId}`)
    expect(created.refs).toMatchObject({
      [early.id]: early.displayNumber,
      [p.projectId]: project.name,
      [p.service.id]: p.service.description,
    })
    const added = history.body.items.find(
      (e: Json) => e.action === 'rentalCustodyChain.attachment_added' && e.data.page === 2,
    )
    expect(added.refs[added.data.attachmentId]).toBe('planilla-p2.pdf')

    // a malformed sheet id is a 400 on the field; another organization sees nothing of this sheet
    const bad = await call('GET', `${R}/custody-chains/scans?billingSheetId=nope`, manager)
    expect(bad.status).toBe(400)
    const foreign = await call('GET', `${R}/custody-chains/scans?billingSheetId=${sheet.id}`, offshoreAdmin)
    expect([403, 200]).toContain(foreign.status)
    if (foreign.status === 200) expect(foreign.body.items).toEqual([])
  })
})

describe('access', () => {
  it("answers 404 for another organization's documents and 403 without the permission", async () => {
    const p = await newProject()
    const m = await ok('POST', `${R}/maintenance-sheets`, { projectId: p.projectId, startDate: '2026-01-05' })
    const c = await ok('POST', `${R}/custody-chains`, {
      projectId: p.projectId,
      activityDate: '2026-01-05',
      assignmentIds: [p.service.id],
      volumeUnit: 'gallons',
      volume: '1',
    })
    const g = await ok('POST', `${R}/shipping-guides`, { projectId: p.projectId, issueDate: '2026-01-05' })
    for (const url of [
      `${R}/maintenance-sheets/${m.id}`,
      `${R}/custody-chains/${c.id}`,
      `${R}/shipping-guides/${g.id}`,
    ]) {
      expect((await call('GET', url, offshoreAdmin)).status).toBe(404)
      expect((await call('GET', `${url}/pdf`, offshoreAdmin)).status).toBe(404)
      expect((await call('PATCH', url, offshoreAdmin, { notes: 'x' })).status).toBe(404)
      expect((await call('POST', `${url}/close`, offshoreAdmin)).status).toBe(404)
      expect((await call('DELETE', url, offshoreAdmin)).status).toBe(404)
      expect((await call('GET', url, viewer)).status).toBe(200)
      expect((await call('POST', `${url}/close`, viewer)).status).toBe(403)
      expect((await call('POST', `${url}/close`, billingUser)).status).toBe(403)
    }
    // the project of another organization is not usable either
    const foreign = await call('POST', `${R}/maintenance-sheets`, offshoreAdmin, {
      projectId: p.projectId,
      startDate: '2026-01-05',
    })
    expect(foreign.status).toBe(400)
    expect(
      (await ok('GET', `${R}/maintenance-sheets?projectId=${p.projectId}`, undefined, offshoreAdmin)).total,
    ).toBe(0)
    // operators record field documents
    const byOperator = await call('POST', `${R}/custody-chains`, operator, {
      projectId: p.projectId,
      activityDate: '2026-01-06',
      assignmentIds: [p.service.id],
      volumeUnit: 'gallons',
      volume: '5',
    })
    expect(byOperator.status).toBe(201)
    expect(byOperator.body.createdBy.name).toBeTruthy()
    expect(
      (
        await call('POST', `${R}/custody-chains`, viewer, {
          projectId: p.projectId,
          activityDate: '2026-01-06',
          assignmentIds: [p.service.id],
          volumeUnit: 'gallons',
          volume: '5',
        })
      ).status,
    ).toBe(403)
  })
})

describe('lists, exports and PDFs', () => {
  it('filters by project, status, dates and search, paginates, exports and renders PDFs', async () => {
    const p = await newProject()
    for (const [i, d] of ['2026-01-03', '2026-01-13', '2026-01-23'].entries()) {
      await ok('POST', `${R}/maintenance-sheets`, {
        projectId: p.projectId,
        startDate: d,
        technicianName: i === 1 ? 'Zoila Buscable' : 'Otro',
      })
    }
    const all = await ok('GET', `${R}/maintenance-sheets?projectId=${p.projectId}&sort=startDate&dir=asc`)
    expect(all.total).toBe(3)
    expect(all.items.map((x: Json) => x.startDate)).toEqual(['2026-01-03', '2026-01-13', '2026-01-23'])
    expect(all.items[0]).toMatchObject({
      projectName: expect.stringContaining('Proyecto documentos'),
      clientName: expect.any(String),
    })
    expect(
      (await ok('GET', `${R}/maintenance-sheets?projectId=${p.projectId}&from=2026-01-10&to=2026-01-20`))
        .total,
    ).toBe(1)
    expect((await ok('GET', `${R}/maintenance-sheets?projectId=${p.projectId}&q=zoila`)).total).toBe(1)
    expect(
      (await ok('GET', `${R}/maintenance-sheets?q=${encodeURIComponent(`Proyecto documentos ${seq}`)}`))
        .total,
    ).toBeGreaterThanOrEqual(3)
    const page = await ok('GET', `${R}/maintenance-sheets?projectId=${p.projectId}&limit=2&offset=2`)
    expect(page).toMatchObject({ total: 3 })
    expect(page.items).toHaveLength(1)
    expect((await ok('GET', `${R}/maintenance-sheets?projectId=${p.projectId}&status=closed`)).total).toBe(0)

    // exports run as jobs: 202 with the job, then its result (docs/jobs.md)
    const job = await call('POST', `${R}/maintenance-sheets/export`, manager, { projectId: p.projectId })
    expect(job.status).toBe(202)
    const xlsx = await jobResult(job.body.id)
    expect(xlsx.status).toBe(200)
    expect(xlsx.raw.headers['content-type']).toContain('spreadsheetml')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(xlsx.raw.rawPayload as unknown as ArrayBuffer)
    expect(wb.worksheets[0]!.rowCount).toBe(4)
    for (const path of ['custody-chains', 'shipping-guides']) {
      const r = await call('POST', `${R}/${path}/export`, manager, { projectId: p.projectId })
      expect(r.status).toBe(202)
      expect((await jobResult(r.body.id)).status).toBe(200)
    }

    const pdf = await call('GET', `${R}/maintenance-sheets/${all.items[0].id}/pdf`, viewer)
    expect(pdf.status).toBe(200)
    expect(pdf.raw.headers['content-type']).toBe('application/pdf')
    expect(pdf.raw.headers['content-disposition']).toMatch(/HojaMantenimiento-\d{6}-20260103\.pdf/)
    expect(pdf.raw.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    const c = await ok('POST', `${R}/custody-chains`, {
      projectId: p.projectId,
      activityDate: '2026-01-05',
      assignmentIds: [p.service.id],
      volumeUnit: 'gallons',
      volume: '1',
    })
    const g = await ok('POST', `${R}/shipping-guides`, {
      projectId: p.projectId,
      issueDate: '2026-01-05',
      items: [{ description: 'x', quantity: 1 }],
    })
    for (const url of [`${R}/custody-chains/${c.id}/pdf`, `${R}/shipping-guides/${g.id}/pdf`]) {
      const r = await call('GET', url, manager)
      expect(r.status).toBe(200)
      expect(r.raw.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    }
  })
})

describe('for the billing and projects modules', () => {
  it('closeDraftDocuments closes the drafts of the period only; hasDocumentsForAssignment', async () => {
    const p = await newProject()
    const inJan = await ok('POST', `${R}/maintenance-sheets`, {
      projectId: p.projectId,
      startDate: '2026-01-20',
    })
    const inFeb = await ok('POST', `${R}/maintenance-sheets`, {
      projectId: p.projectId,
      startDate: '2026-02-02',
    })
    const chain = await ok('POST', `${R}/custody-chains`, {
      projectId: p.projectId,
      activityDate: '2026-01-31',
      assignmentIds: [p.plain.id],
      volumeUnit: 'gallons',
      volume: '1',
    })
    const cancelled = await ok('POST', `${R}/custody-chains`, {
      projectId: p.projectId,
      activityDate: '2026-01-30',
      assignmentIds: [p.plain.id],
      volumeUnit: 'gallons',
      volume: '1',
    })
    await ok('POST', `${R}/custody-chains/${cancelled.id}/cancel`, { reason: 'x' })
    const guide = await ok('POST', `${R}/shipping-guides`, {
      projectId: p.projectId,
      issueDate: '2026-01-01',
    })
    const actor: Actor = {
      userId: '00000000-0000-0000-0000-000000000000',
      email: 'system',
      orgId: rentalOrg,
      role: 'admin',
      requestId: 't',
      ip: null,
      userAgent: null,
    }
    const counts = await t.db
      .transaction()
      .execute((trx) =>
        closeDraftDocuments(trx, actor, { projectId: p.projectId, from: '2026-01-01', to: '2026-01-31' }),
      )
    expect(counts).toEqual({ maintenanceSheets: 1, custodyChains: 1, shippingGuides: 1 })
    expect((await ok('GET', `${R}/maintenance-sheets/${inJan.id}`)).status).toBe('closed')
    expect((await ok('GET', `${R}/maintenance-sheets/${inFeb.id}`)).status).toBe('draft')
    expect((await ok('GET', `${R}/custody-chains/${chain.id}`)).status).toBe('closed')
    expect((await ok('GET', `${R}/custody-chains/${cancelled.id}`)).status).toBe('cancelled')
    expect((await ok('GET', `${R}/shipping-guides/${guide.id}`)).status).toBe('closed')

    expect(await hasDocumentsForAssignment(t.db, rentalOrg, p.plain.id)).toBe(true)
    expect(await hasDocumentsForAssignment(t.db, rentalOrg, p.service.id)).toBe(false)
    expect(await hasDocumentsForAssignment(t.db, await t.orgId('demo-offshore'), p.plain.id)).toBe(false)
    // rental-projects asks before deleting an assignment
    expect((await call('DELETE', `${R}/assignments/${p.plain.id}`, manager)).status).toBe(409)
  })

  it('calls the billing guard first and the hook after, in the same transaction (a locked period → 409, nothing written)', async () => {
    const p = await newProject()
    const calls: string[] = []
    const billing: BillingPort = {
      async assertPeriodOpen(trx, _actor, s) {
        calls.push(`assert ${s.date}${s.sheetId ? ` ${s.sheetId}` : ''}`)
        if (s.date >= '2026-01-01' && s.date <= '2026-01-31')
          throw new AppError('INVALID_STATE', 'Periodo liquidado')
      },
      async afterDocumentChanged(trx, _actor, s) {
        calls.push(`after ${s.date}`)
      },
    }
    const service = createRentalDocumentsService({
      db: t.db,
      clock: () => new Date(),
      files: createFilesService({ db: t.db, store: createLocalFileStore('/tmp/faena-rd-test-files') }),
      projects: rentalProjectsPort,
      billing,
      fieldStaff: { checkFieldAssignment: async () => ({ driver: null, vehicle: null }) },
    })
    const actor: Actor = {
      userId: '00000000-0000-0000-0000-000000000000',
      email: 'system',
      orgId: rentalOrg,
      role: 'admin',
      requestId: 't',
      ip: null,
      userAgent: null,
    }
    const before = (await ok('GET', `${R}/custody-chains?limit=1&sort=number&dir=desc`)).items[0]?.number ?? 0
    const locked = await service
      .createCustodyChain(actor, {
        projectId: p.projectId,
        activityDate: '2026-01-15',
        assignmentIds: [p.service.id],
        volumeUnit: 'gallons',
        volume: '1',
      })
      .catch((e: unknown) => e)
    expect((locked as AppError).code).toBe('INVALID_STATE')
    expect(calls).toEqual(['assert 2026-01-15'])
    const created = await service.createCustodyChain(actor, {
      projectId: p.projectId,
      activityDate: '2026-02-15',
      assignmentIds: [p.service.id],
      volumeUnit: 'gallons',
      volume: '1',
    })
    expect(created.number).toBe(before + 1) // the refused chain consumed no number
    expect(calls.slice(1)).toEqual(['assert 2026-02-15', 'after 2026-02-15'])
    calls.length = 0
    await service.updateCustodyChain(actor, created.id, { activityDate: '2026-02-20' })
    expect(calls).toEqual(['assert 2026-02-15', 'assert 2026-02-20', 'after 2026-02-15', 'after 2026-02-20'])
    calls.length = 0
    const intoLocked = await service
      .updateCustodyChain(actor, created.id, { activityDate: '2026-01-20' })
      .catch((e: unknown) => e)
    expect((intoLocked as AppError).code).toBe('INVALID_STATE')
    expect((await service.getCustodyChain(actor, created.id)).activityDate).toBe('2026-02-20')
    calls.length = 0
    await service.closeCustodyChain(actor, created.id)
    expect(calls).toEqual(['assert 2026-02-20', 'after 2026-02-20'])

    // a guide linked to a sheet carries the sheet to the guard
    const g = await service.createShippingGuide(actor, { projectId: p.projectId, issueDate: '2026-02-03' })
    const sheet = '33333333-3333-4333-8333-333333333333'
    await t.db.transaction().execute((trx) => linkGuidesToSheet(trx, rentalOrg, sheet, [g.id]))
    calls.length = 0
    await service.closeShippingGuide(actor, g.id)
    expect(calls).toEqual([`assert 2026-02-03 ${sheet}`, 'after 2026-02-03'])
    // maintenance sheets: deletion is guarded too
    const m = await service.createMaintenanceSheet(actor, { projectId: p.projectId, startDate: '2026-02-04' })
    calls.length = 0
    await service.deleteMaintenanceSheet(actor, m.id)
    expect(calls).toEqual(['assert 2026-02-04', 'after 2026-02-04'])
  })
})
