/**
 * Field staff, vehicles and compliance on both databases (docs/field-staff.md): CRUD with the cédula and
 * plate rules (400 naming the field, 409 on duplicates), documents and their status on a fixed clock,
 * organization and line-of-business isolation, permissions, the compliance report and summary, and the
 * daily alert (hourly tick in the organization's time zone) e-mailed to an SMTP server in the test process,
 * with the notice `compliance.expiring` once per document and threshold.
 */
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { askExport, exportViaJob, jobStatusFor } from '../../../test/export-jobs'
import { createTestApp, type TestApp } from '../../../test/harness'
import { settleJob } from '../../../test/jobs'
import { jsonApi, type Json } from '../../../test/json-api'
import { startSmtpCatcher, type SmtpCatcher } from '../../../test/smtp-catcher'

// Monday 7 December 2026, 07:30 in Guayaquil (UTC-5)
const NOW = new Date('2026-12-07T12:30:00Z')
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')

let t: TestApp
let admin = ''
let smtp: SmtpCatcher
const api = jsonApi(
  () => t,
  () => admin,
)
const S = '/api/v1/rental/staff'
const V = '/api/v1/rental/vehicles'
let kinds: Json[] = []
const kind = (owner: string, code: string) => kinds.find((k) => k.ownerKind === owner && k.code === code)!.id
/** The first sheet of an exported workbook: its name and rows (headers first). */
const rowsOf = async (raw: Buffer) => {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(raw as unknown as ArrayBuffer)
  const ws = wb.worksheets[0]!
  const rows: unknown[][] = []
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return { name: ws.name, rows }
}

beforeAll(async () => {
  smtp = await startSmtpCatcher()
  t = await createTestApp({ clock: () => NOW, mailRetryDelaysMs: [20] })
  admin = await t.login('admin@rental.test')
  kinds = (await api.ok(api.get('/api/v1/rental/compliance/kinds'))).items
})
afterAll(async () => {
  await t?.close()
  await smtp?.close()
})

let juan: Json
let truck: Json

describe('field staff', () => {
  it('creates a technician, checking the cédula (module 10) and refusing a duplicate', async () => {
    const bad = await api.post(S, { firstNames: 'Juan', lastNames: 'Pérez', cedula: '1710034066' })
    expect(bad.status).toBe(400)
    expect(bad.body.error.details).toEqual([expect.objectContaining({ path: 'cedula' })])
    const missing = await api.post(S, { lastNames: 'Pérez', cedula: '1713175071' })
    expect(missing.status).toBe(400)
    expect(JSON.stringify(missing.body.error.details)).toContain('firstNames')

    juan = await api.ok(
      api.post(S, { firstNames: 'Juan', lastNames: 'Pérez', cedula: '1713175071', phone: '0991234567' }),
      201,
    )
    expect(juan).toMatchObject({ fullName: 'Juan Pérez', active: true, status: null, documents: [] })
    const dup = await api.post(S, { firstNames: 'Otro', lastNames: 'Señor', cedula: '1713175071' })
    expect(dup.status).toBe(409)
    expect(dup.body.error.details).toEqual([expect.objectContaining({ path: 'cedula' })])
  })

  it('keeps credentials with their status on the organization’s day, vaccines and scans', async () => {
    const licence = await api.ok(
      api.post(`${S}/${juan.id}/documents`, {
        kindId: kind('staff', 'licence'),
        subject: 'Tipo E',
        expiresOn: '2026-11-12',
      }),
      201,
    )
    expect(licence).toMatchObject({ status: 'expired', daysLeft: -25, kindName: 'Licencia de conducir' })
    const medical = await api.ok(
      api.post(`${S}/${juan.id}/documents`, { kindId: kind('staff', 'medical'), expiresOn: '2026-12-15' }),
      201,
    )
    expect(medical.status).toBe('due10')
    // a vehicle's kind is not a person's
    const wrong = await api.post(`${S}/${juan.id}/documents`, {
      kindId: kind('vehicle', 'insurance'),
      expiresOn: '2027-01-01',
    })
    expect(wrong.status).toBe(400)
    expect(wrong.body.error.details[0].path).toBe('kindId')
    const reversed = await api.post(`${S}/${juan.id}/documents`, {
      kindId: kind('staff', 'quest'),
      issuedOn: '2027-02-01',
      expiresOn: '2027-01-01',
    })
    expect(reversed.status).toBe(400)
    expect(reversed.body.error.details[0].path).toBe('issuedOn')

    await api.ok(
      api.post(`${S}/${juan.id}/vaccines`, {
        vaccine: 'Fiebre amarilla',
        doseNumber: 1,
        appliedOn: '2025-03-01',
      }),
      201,
    )
    const again = await api.post(`${S}/${juan.id}/vaccines`, {
      vaccine: 'Fiebre amarilla',
      doseNumber: 1,
      appliedOn: '2025-04-01',
    })
    expect(again.status).toBe(409)

    const b = 'fsBoundary'
    const res = await t.app.inject({
      method: 'POST',
      url: `${S}/${juan.id}/files`,
      headers: { cookie: admin, 'content-type': `multipart/form-data; boundary=${b}` },
      payload: Buffer.concat([
        Buffer.from(
          `--${b}\r\nContent-Disposition: form-data; name="file"; filename="licencia.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        PDF,
        Buffer.from(`\r\n--${b}--\r\n`),
      ]),
    })
    expect(res.statusCode).toBe(201)

    const detail = await api.ok(api.get(`${S}/${juan.id}`))
    expect(detail).toMatchObject({ status: 'expired', nextExpiry: '2026-11-12', documentCount: 2 })
    expect(detail.vaccines).toHaveLength(1)
    expect(detail.files).toEqual([expect.objectContaining({ name: 'licencia.pdf' })])

    const listed = await api.ok(api.get(`${S}?q=${encodeURIComponent('juan pér')}&status=expired`))
    expect(listed.items.map((x: Json) => x.id)).toEqual([juan.id])
    const none = await api.ok(api.get(`${S}?q=${encodeURIComponent('juan pér')}&status=ok`))
    expect(none.total).toBe(0)

    const renamed = await api.ok(api.patch(`${S}/${juan.id}`, { lastNames: 'Pérez Mora' }))
    expect(renamed.fullName).toBe('Juan Pérez Mora')
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', juan.id)
      .orderBy('at')
      .execute()
    expect(audit.map((a) => a.action)).toEqual([
      'fieldStaff.created',
      'fieldStaff.document_added',
      'fieldStaff.document_added',
      'fieldStaff.vaccine_added',
      'fieldStaff.file_added',
      'fieldStaff.updated',
    ])
  })

  it('exports the filtered list as a job: 202 + Location, polled to done, the same columns', async () => {
    const res = await exportViaJob(t, admin, `${S}/export`, { q: '1713175071' })
    expect(res.contentDisposition).toContain('tecnicos.xlsx')
    expect(res.run).toMatchObject({ kind: 'field-staff.export-staff', done: 1, total: 1 })
    const d = await api.ok(api.get(`${S}/${juan.id}`))
    const { name, rows } = await rowsOf(res.raw)
    expect(name).toBe('Técnicos')
    expect(rows).toEqual([
      [
        'Apellidos',
        'Nombres',
        'Cédula',
        'Teléfono',
        'Correo',
        'Activo',
        'Estado',
        'Próximo vencimiento',
        'Documentos',
      ],
      [
        d.lastNames,
        d.firstNames,
        '1713175071',
        d.phone ?? undefined,
        d.email ?? undefined,
        'Sí',
        'Vencido',
        '12/11/2026',
        2,
      ],
    ])
    const offshore = await t.login('admin@offshore.test')
    expect(await jobStatusFor(t, offshore, res.job.id)).toEqual({ run: 404, result: 404 })
    expect((await askExport(t, offshore, `${S}/export`, {})).status).toBe(403)
    const bad = await askExport(t, admin, `${S}/export`, { status: 'nope' })
    expect(bad.status).toBe(400)
    expect(bad.body.error.details.map((x: Json) => x.path)).toContain('status')
    // the old GET export.xlsx is gone: the path is read as /staff/:id now
    expect((await api.get(`${S}/export.xlsx`)).status).toBe(400)
  })
})

describe('vehicles', () => {
  it('checks the plate, stores it normalized and unique', async () => {
    const bad = await api.post(V, { plate: 'DBA-12' })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body.error.details)).toContain('plate')
    const province = await api.post(V, { plate: 'DBA-1234' })
    expect(province.status).toBe(400)
    expect(province.body.error.details[0].path).toBe('plate')
    truck = await api.ok(
      api.post(V, { plate: 'gbc 0456', brand: 'Chevrolet', model: 'D-Max', year: 2020 }),
      201,
    )
    expect(truck.plate).toBe('GBC-0456')
    expect((await api.post(V, { plate: 'GBC-0456' })).status).toBe(409)
    const doc = await api.ok(
      api.post(`${V}/${truck.id}/documents`, {
        kindId: kind('vehicle', 'registration'),
        expiresOn: '2027-06-30',
      }),
      201,
    )
    expect(doc.status).toBe('ok')
    const ins = await api.ok(
      api.post(`${V}/${truck.id}/documents`, {
        kindId: kind('vehicle', 'insurance'),
        expiresOn: '2026-12-30',
      }),
      201,
    )
    expect(ins.status).toBe('due30')
    const edited = await api.ok(
      api.patch(`${V}/${truck.id}/documents/${ins.id}`, { expiresOn: '2027-12-30' }),
    )
    expect(edited.status).toBe('ok')
    expect((await api.ok(api.get(`${V}/${truck.id}`))).status).toBe('ok')
  })
})

describe('in the caller language', () => {
  it('an English user gets the plate rule, the duplicate 409 and the vehicles workbook in English', async () => {
    const setLocale = async (locale: 'es' | 'en') =>
      expect((await api.patch('/api/v1/auth/me/preferences', { locale })).status).toBe(200)
    await setLocale('en')
    try {
      const province = await api.post(V, { plate: 'DBA-1234' })
      expect(province.status).toBe(400)
      expect(province.body.error).toMatchObject({ key: 'fieldStaff.invalidPlate', message: 'Invalid plate' })
      expect(province.body.error.details[0]).toMatchObject({
        path: 'plate',
        key: 'fieldStaff.plateFormat',
        message: 'Invalid plate: a province letter, two letters and 3 or 4 digits (PBA-1234)',
      })
      const twice = await api.post(V, { plate: 'GBC-0456' })
      expect(twice.status).toBe(409)
      expect(twice.body.error).toMatchObject({
        key: 'fieldStaff.plateTaken',
        params: { plate: 'GBC-0456' },
        message: 'A vehicle with plate GBC-0456 already exists',
      })
      const vehicles = await exportViaJob(t, admin, `${V}/export`, { q: 'GBC-0456' })
      expect(vehicles.contentDisposition).toContain('vehicles.xlsx')
      const v = await rowsOf(vehicles.raw)
      expect(v.name).toBe('Vehicles')
      expect(v.rows[0]!.slice(0, 6)).toEqual(['Plate', 'Brand', 'Model', 'Year', 'Active', 'Status'])
      expect(v.rows[1]![4]).toBe('Yes')
    } finally {
      await setLocale('es')
    }
    expect((await api.post(V, { plate: 'GBC-0456' })).body.error.message).toBe(
      'Ya existe un vehículo con la placa GBC-0456',
    )
  })
})

describe('access', () => {
  it('another organization sees nothing of it; an organization without the rental line is refused', async () => {
    const offshore = await t.login('admin@offshore.test')
    expect((await api.get(`${S}/${juan.id}`, offshore)).status).toBe(404)
    expect((await api.get(`${V}/${truck.id}`, offshore)).status).toBe(404)
    expect((await api.get(S, offshore)).status).toBe(403)
    expect(
      (await api.post(S, { firstNames: 'A', lastNames: 'B', cedula: '0102030400' }, offshore)).status,
    ).toBe(403)
  })

  it('every rental role reads; only admin and manager change', async () => {
    const viewer = await t.login('viewer@rental.test')
    expect((await api.get(`${S}/${juan.id}`, viewer)).status).toBe(200)
    expect((await api.patch(`${S}/${juan.id}`, { phone: '1' }, viewer)).status).toBe(403)
    const manager = await t.login('manager@rental.test')
    expect((await api.patch(`${S}/${juan.id}`, { phone: '0990000000' }, manager)).status).toBe(200)
  })
})

describe('use on field documents', () => {
  it('a shipping guide refuses a driver whose licence expired on the transfer date, naming the field', async () => {
    const client = await api.ok(
      api.post('/api/v1/rental/clients', { name: 'Cliente guías', taxId: '1790011674001' }),
      201,
    )
    const project = await api.ok(
      api.post('/api/v1/rental/projects', {
        clientId: client.id,
        name: 'Proyecto guías',
        startDate: '2026-11-01',
      }),
      201,
    )
    const G = '/api/v1/rental/shipping-guides'
    const refused = await api.post(G, {
      projectId: project.id,
      issueDate: '2026-12-07',
      driverStaffId: juan.id,
      vehicleId: truck.id,
    })
    expect(refused.status).toBe(400)
    expect(refused.body.error.message).toBe('La licencia de Juan Pérez Mora venció el 12/11/2026')
    expect(refused.body.error.details).toMatchObject([
      { path: 'driverStaffId', message: 'La licencia de Juan Pérez Mora venció el 12/11/2026' },
    ])

    // on a date the licence was valid: accepted, the free text filled from the links
    const guide = await api.ok(
      api.post(G, {
        projectId: project.id,
        issueDate: '2026-11-10',
        driverStaffId: juan.id,
        vehicleId: truck.id,
      }),
      201,
    )
    expect(guide).toMatchObject({
      driverStaffId: juan.id,
      vehicleId: truck.id,
      carrierName: 'Juan Pérez Mora',
      carrierDni: '1713175071',
      vehiclePlate: 'GBC-0456',
    })
    // moving the transfer past the expiry is refused as well
    const moved = await api.patch(`${G}/${guide.id}`, { startDate: '2026-11-20' })
    expect(moved.status).toBe(400)
    expect(moved.body.error.details[0].path).toBe('driverStaffId')

    // a vehicle without a registration is refused naming vehicleId
    const bare = await api.ok(api.post(V, { plate: 'GBC-0457' }), 201)
    const noReg = await api.post(G, { projectId: project.id, issueDate: '2026-11-10', vehicleId: bare.id })
    expect(noReg.status).toBe(400)
    expect(noReg.body.error.details[0]).toMatchObject({
      path: 'vehicleId',
      message: 'El vehículo GBC-0457 no tiene matrícula registrada',
    })
    // another organization's technician is not found
    const stranger = await api.post(G, {
      projectId: project.id,
      issueDate: '2026-11-10',
      driverStaffId: '6f1c2b7e-3d4a-4e5f-8a9b-0c1d2e3f4a5b',
    })
    expect(stranger.status).toBe(400)
    expect(stranger.body.error.details[0].path).toBe('driverStaffId')
  })

  it('a custody chain and a maintenance sheet check their driver, vehicle and technician the same way', async () => {
    const client = await api.ok(
      api.post('/api/v1/rental/clients', { name: 'Cliente cadenas', taxId: '1790016919001' }),
      201,
    )
    const project = await api.ok(
      api.post('/api/v1/rental/projects', {
        clientId: client.id,
        name: 'Proyecto cadenas',
        startDate: '2026-11-01',
      }),
      201,
    )
    const unit = await api.ok(
      api.post('/api/v1/rental/equipment', {
        code: 'FS-BT-1',
        name: 'Batería',
        kind: 'equipment',
        type: 'toilet',
      }),
      201,
    )
    const svc = await api.ok(
      api.post('/api/v1/rental/equipment', { code: 'FS-SERV-1', name: 'Succión', kind: 'service' }),
      201,
    )
    const equipment = await api.ok(
      api.post(`/api/v1/rental/projects/${project.id}/assignments`, {
        equipmentId: unit.id,
        dailyRate: '18.00',
        operationStart: '2026-11-01',
      }),
      201,
    )
    const service = await api.ok(
      api.post(`/api/v1/rental/projects/${project.id}/assignments`, {
        equipmentId: svc.id,
        dailyRate: '25.00',
        operationStart: '2026-11-01',
      }),
      201,
    )
    const C = '/api/v1/rental/custody-chains'
    const base = {
      projectId: project.id,
      assignmentIds: [service.id],
      volumeUnit: 'gallons',
      volume: '100',
    }
    // the licence expired on 12/11: a chain of 07/12 is refused naming driverStaffId
    const refused = await api.post(C, { ...base, activityDate: '2026-12-07', driverStaffId: juan.id })
    expect(refused.status).toBe(400)
    expect(refused.body.error.details).toMatchObject([
      { path: 'driverStaffId', message: 'La licencia de Juan Pérez Mora venció el 12/11/2026' },
    ])
    const chain = await api.ok(
      api.post(C, { ...base, activityDate: '2026-11-10', driverStaffId: juan.id, vehicleId: truck.id }),
      201,
    )
    expect(chain).toMatchObject({
      driverStaffId: juan.id,
      vehicleId: truck.id,
      driverName: 'Juan Pérez Mora',
      driverDni: '1713175071',
      vehiclePlate: 'GBC-0456',
    })
    // the detail, the list and the PDF answer (the PDF prints the linked driver and plate)
    expect((await api.get(`${C}/${chain.id}`)).body).toMatchObject({ driverStaffId: juan.id })
    expect((await api.get(`${C}?projectId=${project.id}`)).body.items[0]).toMatchObject({
      driverName: 'Juan Pérez Mora',
    })
    const pdf = await t.app.inject({ method: 'GET', url: `${C}/${chain.id}/pdf`, headers: { cookie: admin } })
    expect(pdf.statusCode).toBe(200)
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF')
    // moving the chain past the expiry is refused; unlinking keeps the printed text
    const moved = await api.patch(`${C}/${chain.id}`, { activityDate: '2026-11-20' })
    expect(moved.status).toBe(400)
    expect(moved.body.error.details[0].path).toBe('driverStaffId')
    const unlinked = await api.ok(
      api.patch(`${C}/${chain.id}`, { driverStaffId: null, activityDate: '2026-11-20' }),
    )
    expect(unlinked).toMatchObject({
      driverStaffId: null,
      driverName: 'Juan Pérez Mora',
      activityDate: '2026-11-20',
    })
    // no input on a linked chain answers a 500
    for (const body of [
      { driverStaffId: juan.id, driverName: null },
      { vehicleId: null, vehiclePlate: '' },
      { vehicleId: truck.id, activityDate: '2026-11-10', assignmentIds: [service.id, service.id] },
      { volume: '5' },
      { startTime: '10:00', endTime: '09:00' },
      { activityDate: '2026-10-01' },
      { driverStaffId: juan.id, activityDate: '2026-11-10' },
    ]) {
      const r = await api.patch(`${C}/${chain.id}`, body)
      expect(r.status, JSON.stringify(body)).toBeLessThan(500)
    }
    for (const q of [
      'sort=gallons&dir=desc',
      'sort=activityDate',
      'q=Juan',
      'status=draft&wasteType=blackWater',
    ]) {
      expect((await api.get(`${C}?${q}`)).status, q).toBe(200)
    }
    expect((await api.post(`${C}/${chain.id}/close`, {})).status).toBeLessThan(500)
    // a technician named by a chain cannot be deleted (409), nor the vehicle
    expect((await api.del(`${V}/${truck.id}`)).status).toBe(409)
    // a vehicle of another organization or unknown: 400 on vehicleId
    const stranger = await api.post(C, {
      ...base,
      activityDate: '2026-11-10',
      vehicleId: '6f1c2b7e-3d4a-4e5f-8a9b-0c1d2e3f4a5b',
    })
    expect(stranger.status).toBe(400)
    expect(stranger.body.error.details[0].path).toBe('vehicleId')

    // a maintenance sheet's technician: an active technician (no licence needed), the name filled
    const M = '/api/v1/rental/maintenance-sheets'
    const sheet = await api.ok(
      api.post(M, {
        projectId: project.id,
        assignmentId: equipment.id,
        startDate: '2026-12-01',
        technicianStaffId: juan.id,
      }),
      201,
    )
    expect(sheet).toMatchObject({ technicianStaffId: juan.id, technicianName: 'Juan Pérez Mora' })
    const mpdf = await t.app.inject({
      method: 'GET',
      url: `${M}/${sheet.id}/pdf`,
      headers: { cookie: admin },
    })
    expect(mpdf.statusCode).toBe(200)
    const unknown = await api.patch(`${M}/${sheet.id}`, {
      technicianStaffId: '6f1c2b7e-3d4a-4e5f-8a9b-0c1d2e3f4a5b',
    })
    expect(unknown.status).toBe(400)
    expect(unknown.body.error.details[0].path).toBe('technicianStaffId')
  })
})

describe('document kinds', () => {
  it('renames and deactivates a kind; the gate kinds stay active; an inactive kind takes no new documents', async () => {
    const K = '/api/v1/rental/compliance/kinds'
    const course = await api.ok(api.post(K, { ownerKind: 'staff', name: 'Curso de altura' }), 201)
    const renamed = await api.ok(api.patch(`${K}/${course.id}`, { name: 'Trabajo en alturas' }))
    expect(renamed).toMatchObject({ id: course.id, name: 'Trabajo en alturas', active: true })
    const dup = await api.patch(`${K}/${course.id}`, { name: 'licencia de conducir' })
    expect(dup.status).toBe(409)
    expect(dup.body.error.details).toMatchObject([{ path: 'name', message: 'Ya existe' }])
    const gate = await api.patch(`${K}/${kind('staff', 'licence')}`, { active: false })
    expect(gate.status).toBe(409)
    expect(gate.body.error.details[0].path).toBe('active')
    expect((await api.ok(api.patch(`${K}/${course.id}`, { active: false }))).active).toBe(false)
    const refused = await api.post(`${S}/${juan.id}/documents`, {
      kindId: course.id,
      expiresOn: '2027-01-01',
    })
    expect(refused.status).toBe(400)
    expect(refused.body.error.details[0].path).toBe('kindId')
    expect((await api.patch(`${K}/${course.id}`, {})).status).toBe(400)
    expect((await api.patch(`${K}/6f1c2b7e-3d4a-4e5f-8a9b-0c1d2e3f4a5b`, { name: 'X' })).status).toBe(404)
    const viewer = await t.login('viewer@rental.test')
    expect((await api.patch(`${K}/${course.id}`, { active: true }, viewer)).status).toBe(403)
  })
})

describe('compliance report, summary and daily alert', () => {
  it('reports documents by status with filters', async () => {
    const r = await api.ok(api.get(`/api/v1/rental/compliance?q=1713175071&status=expired`))
    expect(r.today).toBe('2026-12-07')
    expect(r.items).toEqual([
      expect.objectContaining({
        ownerName: 'Juan Pérez Mora',
        kindName: 'Licencia de conducir',
        status: 'expired',
      }),
    ])
    const summary = await api.ok(api.get('/api/v1/rental/compliance/summary'))
    expect(summary.expired).toBeGreaterThanOrEqual(1)
    expect(summary.due10).toBeGreaterThanOrEqual(1)
    expect(summary.link).toContain('/rental/compliance')
    const xlsx = await exportViaJob(t, admin, '/api/v1/rental/compliance/export', { ownerKind: 'vehicle' })
    expect(xlsx.contentDisposition).toContain('vencimientos.xlsx')
    const report = await rowsOf(xlsx.raw)
    expect(report.name).toBe('Vencimientos')
    expect(report.rows[0]).toEqual([
      'Tipo',
      'Técnico / vehículo',
      'Documento',
      'Detalle',
      'Número',
      'Vence',
      'Días',
      'Estado',
    ])
    const vehicleRows = report.rows.slice(1)
    expect(vehicleRows.length).toBe(xlsx.run.total)
    expect(vehicleRows.length).toBeGreaterThan(0)
    expect(vehicleRows.every((row) => row[0] === 'Vehículo')).toBe(true)
    const juanReport = await rowsOf(
      (
        await exportViaJob(t, admin, '/api/v1/rental/compliance/export', {
          q: '1713175071',
          status: 'expired',
        })
      ).raw,
    )
    expect(juanReport.rows.slice(1)).toEqual([
      [
        'Técnico',
        'Juan Pérez Mora',
        'Licencia de conducir',
        'Tipo E',
        undefined,
        '12/11/2026',
        -25,
        'Vencido',
      ],
    ])

    const vehicles = await exportViaJob(t, admin, `${V}/export`, { q: 'GBC-0456' })
    expect(vehicles.contentDisposition).toContain('vehiculos.xlsx')
    const v = await rowsOf(vehicles.raw)
    expect(v.name).toBe('Vehículos')
    expect(v.rows[0]).toEqual([
      'Placa',
      'Marca',
      'Modelo',
      'Año',
      'Activo',
      'Estado',
      'Próximo vencimiento',
      'Documentos',
    ])
    expect(v.rows.slice(1)).toEqual([
      [
        'GBC-0456',
        'Chevrolet',
        'D-Max',
        2020,
        expect.any(String),
        expect.any(String),
        expect.any(String),
        expect.any(Number),
      ],
    ])
    const offshore = await t.login('admin@offshore.test')
    expect(await jobStatusFor(t, offshore, vehicles.job.id)).toEqual({ run: 404, result: 404 })
    expect(await jobStatusFor(t, offshore, xlsx.job.id)).toEqual({ run: 404, result: 404 })
  })

  it('e-mails the chosen recipients at the organization’s hour, once a day, and notices each document once per threshold', async () => {
    await api.ok(
      api.put('/api/v1/settings/mail', {
        host: '127.0.0.1',
        port: smtp.port,
        security: 'none',
        fromAddress: 'avisos@rental.test',
      }),
    )
    const off = await api.put('/api/v1/rental/compliance/alerts', { enabled: true, hour: 7, recipients: [] })
    expect(off.status).toBe(400)
    expect(off.body.error.details[0].path).toBe('recipients')
    const saved = await api.ok(
      api.put('/api/v1/rental/compliance/alerts', {
        enabled: true,
        hour: 7,
        recipients: ['Flota@rental.test', 'flota@rental.test', 'sso@rental.test'],
      }),
    )
    expect(saved).toMatchObject({
      recipients: ['flota@rental.test', 'sso@rental.test'],
      timeZone: 'America/Guayaquil',
    })
    const preview = await api.ok(api.get('/api/v1/rental/compliance/alerts/preview'))
    expect(preview.html).toContain('Juan Pérez Mora')

    const svc = t.app.services.fieldStaff.service
    // 06:59 and 08:00 in Guayaquil are not its hour; 12:05 UTC is 07:05 there
    expect(await svc.tick(new Date('2026-12-07T11:59:00Z'))).toEqual({ notices: 0, mails: 0 })
    const first = await svc.tick(new Date('2026-12-07T12:05:00Z'))
    expect(first.mails).toBe(1)
    expect(first.notices).toBeGreaterThanOrEqual(2)
    expect(await svc.tick(new Date('2026-12-07T12:40:00Z'))).toEqual({ notices: 0, mails: 0 })

    const job = await t.db
      .selectFrom('job_runs')
      .select('id')
      .where('kind', '=', 'mail.send')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow()
    expect((await settleJob(t, job.id, admin)).run.status).toBe('done')
    const mail = smtp.received.at(-1)!
    expect(mail.subject).toMatch(/^Vencimientos al 07\/12\/2026: \d+ vencidos/)
    expect(mail.text).toContain(
      'Técnico Juan Pérez Mora: Licencia de conducir · Tipo E, venció el 12/11/2026',
    )
    const to = mail.to && !Array.isArray(mail.to) ? mail.to.value.map((a) => a.address) : []
    expect(to).toEqual(['flota@rental.test', 'sso@rental.test'])

    // the next day: the expired licence is not noticed again; the medical certificate (due10) neither
    const next = await svc.tick(new Date('2026-12-08T12:05:00Z'))
    expect(next.mails).toBe(1)
    const notes = await t.db
      .selectFrom('notifications')
      .select(['title', 'user_id', 'link'])
      .where('kind', '=', 'compliance.expiring')
      .where('link', '=', `/rental/staff/${juan.id}`)
      .execute()
    const users = new Set(notes.map((n) => n.user_id))
    // admin and manager of the rental organization, one notice per document each
    expect(users.size).toBe(2)
    expect(notes.length).toBe(2 * users.size)
    expect(notes.map((n) => n.title)).toContain(
      'Venció: Licencia de conducir de Juan Pérez Mora (12/11/2026)',
    )
  })

  it('a renewed document starts over', async () => {
    const d = (await api.ok(api.get(`${S}/${juan.id}`))).documents.find((x: Json) => x.kindCode === 'medical')
    await api.ok(api.patch(`${S}/${juan.id}/documents/${d.id}`, { expiresOn: '2026-12-31' }))
    const r = await t.app.services.fieldStaff.service.tick(new Date('2026-12-09T12:05:00Z'))
    expect(r.notices).toBeGreaterThanOrEqual(1)
    const renewed = await t.db
      .selectFrom('notifications')
      .select('title')
      .where('kind', '=', 'compliance.expiring')
      .where('title', 'like', '%Certificado médico de Juan Pérez Mora (31/12/2026)%')
      .execute()
    expect(renewed).toHaveLength(2)
  })

  it('e-mails each recipient in their language: an English user gets the English alert', async () => {
    const setLocale = async (locale: 'es' | 'en') =>
      expect((await api.patch('/api/v1/auth/me/preferences', { locale })).status).toBe(200)
    await api.ok(
      api.put('/api/v1/rental/compliance/alerts', {
        enabled: true,
        hour: 7,
        recipients: ['Admin@rental.test', 'flota@rental.test'],
      }),
    )
    await setLocale('en')
    try {
      const preview = await api.ok(api.get('/api/v1/rental/compliance/alerts/preview'))
      expect(preview.subject).toMatch(/^Expiries as of \d\d\/\d\d\/\d{4}: \d+ expired/)
      const r = await t.app.services.fieldStaff.service.tick(new Date('2026-12-10T12:05:00Z'))
      expect(r.mails).toBe(1)
      // the day's alerts as queued: one e-mail per language
      const queued = await t.db
        .selectFrom('mail_messages')
        .select(['recipients', 'subject', 'text_body'])
        .where('kind', '=', 'compliance')
        .where('subject', 'like', '%10/12/2026%')
        .orderBy('id')
        .execute()
      expect(queued).toHaveLength(2)
      const english = queued.find((m) => m.recipients.includes('admin@rental.test'))
      const spanish = queued.find((m) => m.recipients.includes('flota@rental.test'))
      expect(english?.recipients).toEqual(['admin@rental.test'])
      expect(english?.subject).toMatch(/^Expiries as of 10\/12\/2026: \d+ expired/)
      expect(english?.text_body).toContain('Technician Juan Pérez Mora')
      expect(spanish?.recipients).toEqual(['flota@rental.test'])
      expect(spanish?.subject).toMatch(/^Vencimientos al 10\/12\/2026: \d+ vencidos/)
    } finally {
      await setLocale('es')
    }
  })
})
