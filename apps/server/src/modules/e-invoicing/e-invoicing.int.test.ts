/**
 * SRI e-invoicing through HTTP → service → repository on both databases (docs/e-invoicing.md): the demo
 * organization's settings and test certificate, a liquidated sheet becoming a signed, XSD-valid, authorized
 * invoice (local fake SRI) with its RIDE, the sheet invoiced with the number, 409s, settings upload rules,
 * permissions and tenancy.
 */
import { DOMParser } from '@xmldom/xmldom'
import { extractText, getDocumentProxy } from 'unpdf'
import { SignedXml } from 'xml-crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { jsonApi, type Json } from '../../../test/json-api'
import { isValidAccessKey } from './access-key'
import { makeTestCertificate } from './signing'
import { validateAgainstXsd } from './xsd-validation'

const NOW = new Date('2026-02-05T15:00:00Z')
const R = '/api/v1/rental'
const S = `${R}/billing-sheets`
const SETTINGS = '/api/v1/settings/e-invoicing'

let t: TestApp
let admin: string
let manager: string
let billing: string
let viewer: string
let offshoreAdmin: string
const { get, post, ok } = jsonApi(
  () => t,
  () => manager,
)

/** multipart PUT of the settings form: text fields, and the .p12 as `certificate` when given */
function putSettings(cookie: string, fields: Record<string, string>, p12?: Buffer) {
  const b = 'einvBoundary'
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  )
  if (p12)
    parts.push(
      Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="certificate"; filename="firma.p12"\r\nContent-Type: application/x-pkcs12\r\n\r\n`,
      ),
      p12,
      Buffer.from('\r\n'),
    )
  parts.push(Buffer.from(`--${b}--\r\n`))
  return t.app.inject({
    method: 'PUT',
    url: SETTINGS,
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${b}` },
    payload: Buffer.concat(parts),
  })
}

function signatureVerifies(xml: string): boolean {
  const dom = new DOMParser().parseFromString(xml, 'text/xml')
  const ns = 'http://www.w3.org/2000/09/xmldsig#'
  const cert = dom.getElementsByTagNameNS(ns, 'X509Certificate')[0]!.textContent.replace(/\s+/g, '')
  const pem = `-----BEGIN CERTIFICATE-----\n${cert.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`
  const sig = new SignedXml({ publicCert: pem })
  sig.loadSignature(dom.getElementsByTagNameNS(ns, 'Signature')[0]!)
  try {
    return sig.checkSignature(xml)
  } catch {
    return false
  }
}

async function pdfText(raw: Buffer) {
  const pdf = await getDocumentProxy(new Uint8Array(raw))
  return (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, ' ')
}

let seq = 0
let clientId = ''
/** a liquidated January sheet of a new project: one toilet at 12.35 a day from Dec 1 (31 days) */
async function liquidatedSheet(opts: { liquidate?: boolean } = {}) {
  ++seq
  const project = await ok(
    post(`${R}/projects`, {
      clientId,
      name: `Proyecto factura ${seq}`,
      location: 'CAMPO NORTE',
      cardinalPoint: 'north',
      contactName: 'Ing. Contacto',
      startDate: '2025-12-01',
    }),
  )
  const unit = await ok(
    post(`${R}/equipment`, {
      code: `EI-BT-${seq}`,
      name: 'BATERÍA SANITARIA',
      kind: 'equipment',
      type: 'toilet',
    }),
  )
  await ok(
    post(`${R}/projects/${project.id}/assignments`, {
      equipmentId: unit.id,
      operationStart: '2025-12-01',
      dailyRate: '12.35',
    }),
  )
  const sheet = await ok(
    post(S, { projectId: project.id, periodStart: '2026-01-01', periodEnd: '2026-01-31' }),
  )
  if (opts.liquidate !== false) await ok(post(`${S}/${sheet.id}/liquidate`))
  return ok(get(`${S}/${sheet.id}`))
}

beforeAll(async () => {
  t = await createTestApp({ clock: () => NOW })
  admin = await t.login('admin@rental.test')
  manager = await t.login('manager@rental.test')
  billing = await t.login('billing@rental.test')
  viewer = await t.login('viewer@rental.test')
  offshoreAdmin = await t.login('admin@offshore.test')
  clientId = (await ok(post(`${R}/clients`, { name: 'Petrolera <EP>', taxId: '1790011674001' }))).id
})
afterAll(async () => t?.close())

describe('e-invoicing settings', () => {
  it('the demo organization is seeded with a test certificate, shown as such, never returned', async () => {
    const res = await get(SETTINGS, admin)
    expect(res.status).toBe(200)
    expect(res.body.settings).toMatchObject({
      ruc: '1792146739001',
      establishment: '001',
      emissionPoint: '001',
      environment: 'test',
      sriClient: 'fake',
      certificate: { isTest: true, expired: false },
    })
    expect(res.body.settings.certificate.subject).toMatch(/CERTIFICADO DE PRUEBA/)
    expect(JSON.stringify(res.body)).not.toMatch(/password|sealed|demo-sri-prueba/i)
  })

  it('admins only', async () => {
    expect((await get(SETTINGS, billing)).status).toBe(403)
    expect((await putSettings(viewer, { ruc: '1792146739001' })).statusCode).toBe(403)
  })

  it('refuses bad fields, a wrong password and a file that is not a .p12, naming the field', async () => {
    const p12 = makeTestCertificate({
      commonName: 'OTRA',
      ruc: '1790011674001',
      password: 'secreta',
      now: new Date(),
    })
    const base = { ruc: '1790011674001', establishment: '002', emissionPoint: '003', environment: 'test' }
    const bad = await putSettings(admin, { ...base, ruc: '123', establishment: '2' }, p12)
    expect(bad.statusCode).toBe(400)
    const paths = JSON.parse(bad.body).error.details.map((d: Json) => d.path)
    expect(paths).toEqual(expect.arrayContaining(['ruc', 'establishment']))
    const wrong = await putSettings(admin, { ...base, password: 'otra' }, p12)
    expect(wrong.statusCode).toBe(400)
    expect(JSON.parse(wrong.body).error.details[0].path).toBe('certificate')
    const notP12 = await putSettings(admin, { ...base, password: 'x' }, Buffer.from('%PDF-1.4 nada'))
    expect(notP12.statusCode).toBe(400)
    const noPassword = await putSettings(admin, base, p12)
    expect(JSON.parse(noPassword.body).error.details[0].path).toBe('password')
    const notMultipart = await t.app.inject({
      method: 'PUT',
      url: SETTINGS,
      headers: { cookie: admin },
      payload: base,
    })
    expect(notMultipart.statusCode).toBe(400)
  })

  it('stores a new certificate sealed; the audit names it but never the password', async () => {
    const p12 = makeTestCertificate({
      commonName: 'NUEVA',
      ruc: '1792146739001',
      password: 'clave-nueva',
      now: new Date(),
    })
    const res = await putSettings(
      admin,
      {
        ruc: '1792146739001',
        establishment: '001',
        emissionPoint: '001',
        environment: 'test',
        password: 'clave-nueva',
      },
      p12,
    )
    expect(res.statusCode).toBe(200)
    expect(res.body).not.toContain('clave-nueva')
    expect(JSON.parse(res.body).certificate.subject).toMatch(/NUEVA - CERTIFICADO DE PRUEBA/)
    const row = await t.db
      .selectFrom('e_invoicing_settings')
      .select(['certificate_sealed', 'password_sealed'])
      .where('org_id', '=', await t.orgId('demo-rental'))
      .executeTakeFirstOrThrow()
    expect(row.password_sealed).toMatch(/^v1\./)
    expect(row.certificate_sealed).toMatch(/^v1\./)
    const audit = await t.db
      .selectFrom('audit_log')
      .orderBy('id')
      .selectAll()
      .where('action', 'like', 'eInvoicing.settings%')
      .execute()
    expect(audit.length).toBeGreaterThan(0)
    expect(JSON.stringify(audit)).not.toContain('clave-nueva')
    // the text fields alone keep the stored certificate
    const again = await putSettings(admin, {
      ruc: '1792146739001',
      establishment: '001',
      emissionPoint: '001',
      environment: 'test',
    })
    expect(again.statusCode).toBe(200)
    expect(JSON.parse(again.body).certificate.subject).toMatch(/NUEVA/)
  })
})

describe('the electronic invoice of a liquidated sheet', () => {
  it('409 unless liquidated', async () => {
    const draft = await liquidatedSheet({ liquidate: false })
    const res = await post(`${S}/${draft.id}/e-invoice`, undefined, billing)
    expect(res.status).toBe(409)
  })

  it('speaks the caller language: the 409 and a certificate field error in English', async () => {
    const setLocale = async (cookie: string, locale: 'es' | 'en') =>
      expect(
        (
          await t.app.inject({
            method: 'PATCH',
            url: '/api/v1/auth/me/preferences',
            headers: { cookie },
            payload: { locale },
          })
        ).statusCode,
      ).toBe(200)
    const draft = await liquidatedSheet({ liquidate: false })
    await setLocale(billing, 'en')
    await setLocale(admin, 'en')
    try {
      const res = await post(`${S}/${draft.id}/e-invoice`, undefined, billing)
      expect(res.status).toBe(409)
      expect(res.body.error).toMatchObject({
        key: 'eInvoicing.onlyLiquidated',
        message: 'Only a liquidated billing sheet is invoiced electronically',
      })
      const base = { ruc: '1790011674001', establishment: '002', emissionPoint: '003', environment: 'test' }
      const notP12 = await putSettings(admin, { ...base, password: 'x' }, Buffer.from('%PDF-1.4 nada'))
      expect(notP12.statusCode).toBe(400)
      expect(JSON.parse(notP12.body).error.details[0]).toMatchObject({
        path: 'certificate',
        key: 'eInvoicing.notP12',
        message: 'The file is not a .p12 certificate or the password does not open it',
      })
    } finally {
      await setLocale(billing, 'es')
      await setLocale(admin, 'es')
    }
    const es = await post(`${S}/${draft.id}/e-invoice`, undefined, billing)
    expect(es.body.error.message).toBe('Solo una planilla liquidada se factura electrónicamente')
  })

  it('signs, validates, sends to the (fake) SRI, and the authorized invoice invoices the sheet', async () => {
    const sheet = await liquidatedSheet()
    expect(sheet.status).toBe('liquidated')
    const res = await post(`${S}/${sheet.id}/e-invoice`, undefined, billing)
    expect(res.status).toBe(201)
    expect(res.body.status).toBe('authorized')
    expect(isValidAccessKey(res.body.accessKey)).toBe(true)
    expect(res.body.accessKey.slice(0, 8)).toBe('05022026') // issue date in Guayaquil
    expect(res.body.document).toMatchObject({
      certificateIsTest: true,
      environment: 'test',
      sriClient: 'fake',
    })

    const after = await ok(get(`${S}/${sheet.id}`))
    expect(after.status).toBe('invoiced')
    expect(after.invoiceReference).toBe(res.body.document.number)
    expect(after.invoiceReference).toMatch(/^001-001-\d{9}$/)

    const state = await ok(get(`${S}/${sheet.id}/e-invoice`, viewer))
    expect(state.document.accessKey).toBe(res.body.accessKey)

    // the signed XML: the sheet's totals, valid against the schema, its signature verifies; tampered, it fails
    const xmlRes = await get(`${S}/${sheet.id}/e-invoice/xml`, viewer)
    expect(xmlRes.status).toBe(200)
    expect(String(xmlRes.headers['content-type'])).toContain('application/xml')
    const xml = xmlRes.raw.toString('utf8')
    expect(xml).toContain(`<importeTotal>${sheet.total}</importeTotal>`)
    expect(xml).toContain(`<totalSinImpuestos>${sheet.subtotal}</totalSinImpuestos>`)
    expect(xml).toContain('<identificacionComprador>1790011674001</identificacionComprador>')
    expect(xml.match(/<detalle>/g)).toHaveLength(sheet.lines.length)
    expect(await validateAgainstXsd(xml, 'factura_V2.1.0.faena.xsd')).toEqual({ valid: true, errors: [] })
    expect(signatureVerifies(xml)).toBe(true)
    expect(
      signatureVerifies(
        xml.replace(`<importeTotal>${sheet.total}</importeTotal>`, '<importeTotal>0.01</importeTotal>'),
      ),
    ).toBe(false)

    // the RIDE: the same totals as the sheet, the access key, marked as a test
    const ride = await get(`${S}/${sheet.id}/e-invoice/ride`, viewer)
    expect(ride.status).toBe(200)
    expect(ride.headers['content-type']).toBe('application/pdf')
    const pdf = await getDocumentProxy(new Uint8Array(ride.raw))
    const text = (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, ' ')
    const es = (v: string) => new Intl.NumberFormat('es-EC', { minimumFractionDigits: 2 }).format(Number(v))
    expect(text).toContain(`VALOR TOTAL ${es(sheet.total)}`)
    expect(text).toContain(`IVA 15% ${es(sheet.tax)}`)
    expect(text).toContain(`SUBTOTAL SIN IMPUESTOS ${es(sheet.subtotal)}`)
    expect(text).toContain(res.body.accessKey)
    expect(text).toContain('CERTIFICADO DE PRUEBA')
    expect(text).toContain('AUTORIZADA')

    // once is enough: the sheet is invoiced now
    expect((await post(`${S}/${sheet.id}/e-invoice`, undefined, billing)).status).toBe(409)
  })

  it('permissions and tenancy', async () => {
    const sheet = await liquidatedSheet()
    expect((await post(`${S}/${sheet.id}/e-invoice`, undefined, viewer)).status).toBe(403)
    expect((await get(`${S}/${sheet.id}/e-invoice/xml`, viewer)).status).toBe(404) // none yet
    await ok(post(`${S}/${sheet.id}/e-invoice`, undefined, billing), 201)
    expect((await get(`${S}/${sheet.id}/e-invoice/xml`, offshoreAdmin)).status).toBe(404)
    expect((await post(`${S}/${sheet.id}/e-invoice`, undefined, offshoreAdmin)).status).toBe(404)
  })
})

describe('the electronic guía de remisión of a shipping guide', () => {
  it('signs, validates against the 1.1.0 schema and is authorized by the (fake) SRI; 409 without transport data', async () => {
    const project = await ok(
      post(`${R}/projects`, {
        clientId,
        name: `Proyecto guía ${++seq}`,
        location: 'CAMPO NORTE',
        cardinalPoint: 'north',
        contactName: 'Ing. Contacto',
        startDate: '2025-12-01',
      }),
    )
    const base = {
      projectId: project.id,
      issueDate: '2026-02-04',
      items: [{ description: 'Batería sanitaria', quantity: 2 }],
    }
    const bare = await ok(post(`${R}/shipping-guides`, base))
    const refused = await post(`${R}/shipping-guides/${bare.id}/e-guide`, undefined, manager)
    expect(refused.status).toBe(409)
    expect(refused.body.error.details.missing).toEqual(
      expect.arrayContaining(['carrierName', 'vehiclePlate', 'receiverDni']),
    )

    const guide = await ok(
      post(`${R}/shipping-guides`, {
        ...base,
        originPlace: 'Bodega Quito',
        destinationPlace: 'Bloque 16',
        carrierName: 'Juan Pérez',
        carrierDni: '1710034065',
        vehiclePlate: 'PBA-1234',
        receiverName: 'Ing. Receptor',
        receiverDni: '1790011674001',
      }),
    )
    const res = await post(`${R}/shipping-guides/${guide.id}/e-guide`, undefined, manager)
    expect(res.status).toBe(201)
    expect(res.body.status).toBe('authorized')
    expect(isValidAccessKey(res.body.accessKey)).toBe(true)
    expect(res.body.accessKey.slice(8, 10)).toBe('06')
    const xml = (await get(`${R}/shipping-guides/${guide.id}/e-guide/xml`, viewer)).raw.toString('utf8')
    expect(await validateAgainstXsd(xml, 'GuiaRemision_V1.1.0.xsd')).toEqual({
      valid: true,
      errors: [],
    })
    expect(signatureVerifies(xml)).toBe(true)
    expect(xml).toContain('<placa>PBA-1234</placa>')
    expect((await post(`${R}/shipping-guides/${guide.id}/e-guide`, undefined, manager)).status).toBe(409)
    expect((await get(`${R}/shipping-guides/${guide.id}/e-guide`, offshoreAdmin)).status).toBe(404)

    // the RIDE of the guía: its number, access key, carrier, plate and each item
    const ride = await get(`${R}/shipping-guides/${guide.id}/e-guide/ride`, viewer)
    expect(ride.status).toBe(200)
    expect(ride.headers['content-type']).toBe('application/pdf')
    const text = await pdfText(ride.raw)
    expect(text).toContain(`GUÍA DE REMISIÓN No. ${res.body.document.number}`)
    expect(text).toContain(res.body.accessKey)
    expect(text).toContain('Juan Pérez')
    expect(text).toContain('1710034065')
    expect(text).toContain('PBA-1234')
    expect(text).toContain('Batería sanitaria')
    expect(text).toContain('Bloque 16')
    expect(text).toContain('AUTORIZADA')
    expect((await get(`${R}/shipping-guides/${bare.id}/e-guide/ride`, viewer)).status).toBe(404)

    // stuck at signed (the SRI never answered): "Consultar al SRI" asks again and it is authorized
    await t.db
      .updateTable('e_documents')
      .set({ status: 'signed', authorization_number: null, authorized_at: null })
      .where('access_key', '=', res.body.accessKey)
      .execute()
    expect((await get(`${R}/shipping-guides/${guide.id}/e-guide`, viewer)).body.document.status).toBe(
      'signed',
    )
    expect((await post(`${R}/shipping-guides/${guide.id}/e-guide/refresh`, undefined, viewer)).status).toBe(
      403,
    )
    const again = await post(`${R}/shipping-guides/${guide.id}/e-guide/refresh`, undefined, manager)
    expect(again.status).toBe(200)
    expect(again.body.status).toBe('authorized')
    expect(again.body.document.authorizationNumber).toBe(res.body.accessKey)
    expect((await post(`${R}/shipping-guides/${bare.id}/e-guide/refresh`, undefined, manager)).status).toBe(
      404,
    )
    expect(
      (await post(`${R}/shipping-guides/${guide.id}/e-guide/refresh`, undefined, offshoreAdmin)).status,
    ).toBe(404)
  })
})

describe('"Consultar al SRI" for an invoice', () => {
  it('a sent invoice whose sheet was never marked invoiced: the refresh authorizes it and completes the marking, once', async () => {
    const sheet = await liquidatedSheet()
    const res = await ok(post(`${S}/${sheet.id}/e-invoice`, undefined, billing), 201)
    // as if the SRI's authorization answer had been lost and the marking of the sheet had failed
    await t.db
      .updateTable('e_documents')
      .set({ status: 'sent', authorization_number: null, authorized_at: null })
      .where('access_key', '=', res.accessKey)
      .execute()
    await t.db
      .updateTable('billing_sheets')
      .set({
        status: 'liquidated',
        invoice_reference: null,
        invoice_file_id: null,
        invoiced_at: null,
        invoiced_by: null,
      })
      .where('id', '=', sheet.id)
      .execute()
    expect((await ok(get(`${S}/${sheet.id}`))).status).toBe('liquidated')
    expect((await post(`${S}/${sheet.id}/e-invoice/refresh`, undefined, viewer)).status).toBe(403)

    const refreshed = await post(`${S}/${sheet.id}/e-invoice/refresh`, undefined, billing)
    expect(refreshed.status).toBe(200)
    expect(refreshed.body.status).toBe('authorized')
    const after = await ok(get(`${S}/${sheet.id}`))
    expect(after.status).toBe('invoiced')
    expect(after.invoiceReference).toBe(res.document.number)
    const fileId = after.invoiceFileId

    // authorized but not marked (the marking failed after the SRI's yes): the refresh completes it
    await t.db
      .updateTable('billing_sheets')
      .set({
        status: 'liquidated',
        invoice_reference: null,
        invoice_file_id: null,
        invoiced_at: null,
        invoiced_by: null,
      })
      .where('id', '=', sheet.id)
      .execute()
    const completed = await post(`${S}/${sheet.id}/e-invoice/refresh`, undefined, billing)
    expect(completed.status).toBe(200)
    expect((await ok(get(`${S}/${sheet.id}`))).status).toBe('invoiced')

    // idempotent: once more changes nothing
    const marked = await ok(get(`${S}/${sheet.id}`))
    expect((await post(`${S}/${sheet.id}/e-invoice/refresh`, undefined, billing)).status).toBe(200)
    const still = await ok(get(`${S}/${sheet.id}`))
    expect(still.status).toBe('invoiced')
    expect(still.invoiceFileId).toBe(marked.invoiceFileId)
    expect(fileId).toBeTruthy()

    // none yet: 404; another organization: 404
    const fresh = await liquidatedSheet()
    expect((await post(`${S}/${fresh.id}/e-invoice/refresh`, undefined, billing)).status).toBe(404)
    expect((await post(`${S}/${sheet.id}/e-invoice/refresh`, undefined, offshoreAdmin)).status).toBe(404)
  })

  it('an expired signing certificate refuses the invoice and the guía alike (409), and stores nothing', async () => {
    const sheet = await liquidatedSheet()
    const project = await ok(
      post(`${R}/projects`, {
        clientId,
        name: `Proyecto vencido ${++seq}`,
        location: 'CAMPO NORTE',
        contactName: 'Ing. Contacto',
        startDate: '2025-12-01',
      }),
    )
    const guide = await ok(
      post(`${R}/shipping-guides`, {
        projectId: project.id,
        issueDate: '2026-02-04',
        items: [{ description: 'Batería sanitaria', quantity: 1 }],
        originPlace: 'Bodega Quito',
        destinationPlace: 'Bloque 16',
        carrierName: 'Juan Pérez',
        carrierDni: '1710034065',
        vehiclePlate: 'PBA-1234',
        receiverName: 'Ing. Receptor',
        receiverDni: '1790011674001',
      }),
    )
    const orgId = await t.orgId('demo-rental')
    const settings = () => t.db.updateTable('e_invoicing_settings').where('org_id', '=', orgId)
    const { certificate_expires_at: validUntil } = await t.db
      .selectFrom('e_invoicing_settings')
      .select('certificate_expires_at')
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow()
    await settings()
      .set({ certificate_expires_at: new Date(NOW.getTime() - 86_400_000) })
      .execute()
    try {
      for (const url of [`${S}/${sheet.id}/e-invoice`, `${R}/shipping-guides/${guide.id}/e-guide`]) {
        const refused = await post(url, undefined, admin)
        expect(refused.status, url).toBe(409)
        expect(refused.body.error.message).toContain('vencido')
        expect((await get(url, admin)).body.document).toBeNull()
      }
    } finally {
      await settings().set({ certificate_expires_at: validUntil }).execute()
    }
  })
})
