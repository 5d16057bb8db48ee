import { DOMParser } from '@xmldom/xmldom'
import { SignedXml } from 'xml-crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildAccessKey } from './access-key'
import { buildInvoiceXml, buyerOf, ivaPercentageCode, lineIva, type InvoiceDocument } from './invoice-xml'
import { makeTestCertificate, readCertificate, signInvoice } from './signing'
import { validateAgainstXsd } from './xsd-validation'

/** a known sheet: two lines, 15 % IVA (subtotal 1,234.50; IVA 185.18 half-up; total 1,419.68) */
const doc: InvoiceDocument = {
  environment: '1',
  issuer: {
    ruc: '1790011001001',
    businessName: 'Servicios Ambientales & Renta S.A.',
    tradeName: null,
    mainAddress: 'Av. Amazonas N34-451, Quito',
    keepsAccounts: true,
  },
  establishment: '001',
  emissionPoint: '002',
  sequential: 7,
  accessKey: buildAccessKey({
    issueDate: '2026-12-07',
    documentType: '01',
    ruc: '1790011001001',
    environment: '1',
    establishment: '001',
    emissionPoint: '002',
    sequential: 7,
    numericCode: '00000007',
  }),
  issueDate: '2026-12-07',
  buyer: buyerOf('0992339411001', 'Petrolera del Oriente <EP>'),
  lines: [
    {
      code: 'BT-001',
      description: 'Renta baño portátil',
      quantity: '30',
      unitPrice: '25.5',
      total: '765.00',
    },
    { code: 'service', description: 'Succión de aguas', quantity: '1', unitPrice: '469.50', total: '469.50' },
  ],
  taxRate: '0.15',
  subtotal: '1234.50',
  tax: '185.18',
  total: '1419.68',
  paymentMethod: '20',
  additional: [{ name: 'Planilla', value: 'PSL-PS-2026-0001' }],
}

/** the certificate's PEM from the signature itself (xml-crypto checks with the key the document carries) */
function verify(signedXml: string): boolean {
  const dom = new DOMParser().parseFromString(signedXml, 'text/xml')
  const signature = dom.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'Signature')[0]!
  const certB64 = dom
    .getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'X509Certificate')[0]!
    .textContent.replace(/\s+/g, '')
  const pem = `-----BEGIN CERTIFICATE-----\n${certB64.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`
  const sig = new SignedXml({ publicCert: pem })
  sig.loadSignature(signature)
  try {
    return sig.checkSignature(signedXml)
  } catch {
    return false
  }
}

describe('the invoice XML of a known sheet', () => {
  let p12: Buffer
  beforeAll(() => {
    p12 = makeTestCertificate({ commonName: 'TEST', ruc: doc.issuer.ruc, password: 'clave', now: new Date() })
  })

  it('validates against the vendored factura 2.1.0 schema, unsigned and signed', async () => {
    const xml = buildInvoiceXml(doc)
    expect(await validateAgainstXsd(xml, 'factura_V2.1.0.faena.xsd')).toEqual({ valid: true, errors: [] })
    const signed = signInvoice(xml, p12, 'clave')
    expect(await validateAgainstXsd(signed, 'factura_V2.1.0.faena.xsd')).toEqual({ valid: true, errors: [] })
  })

  it('also validates against the official SRI factura_V1.1.0.xsd (cross-check of the 2.1.0 transcription)', async () => {
    // the official 1.1.0 file declares version as an NMTOKEN and covers every element Faena writes, so the same
    // document must pass it too: a transcription mistake in element order, cardinality or pattern would show here
    const xml = buildInvoiceXml(doc)
    expect(await validateAgainstXsd(xml, 'factura_V1.1.0.xsd')).toEqual({ valid: true, errors: [] })
    const signed = signInvoice(xml, p12, 'clave')
    expect(await validateAgainstXsd(signed, 'factura_V1.1.0.xsd')).toEqual({ valid: true, errors: [] })
    const bad = xml.replace('<estab>001</estab>', '<estab>1</estab>')
    expect((await validateAgainstXsd(bad, 'factura_V1.1.0.xsd')).valid).toBe(false)
  })

  it('carries the sheet totals, the buyer and one line per billed line', () => {
    const xml = buildInvoiceXml(doc)
    expect(xml).toContain('<totalSinImpuestos>1234.50</totalSinImpuestos>')
    expect(xml).toContain('<valor>185.18</valor>')
    expect(xml).toContain('<importeTotal>1419.68</importeTotal>')
    expect(xml).toContain('<tipoIdentificacionComprador>04</tipoIdentificacionComprador>')
    expect(xml).toContain('Petrolera del Oriente &lt;EP&gt;')
    expect(xml.match(/<detalle>/g)).toHaveLength(2)
    expect(xml).toContain('<codigoPorcentaje>4</codigoPorcentaje><tarifa>15</tarifa>')
    expect(xml).toContain(`<claveAcceso>${doc.accessKey}</claveAcceso>`)
    expect(xml).toContain('<fechaEmision>07/12/2026</fechaEmision>')
  })

  it('fails the schema when a field is out of its pattern', async () => {
    const bad = buildInvoiceXml(doc).replace('<estab>001</estab>', '<estab>1</estab>')
    const result = await validateAgainstXsd(bad, 'factura_V2.1.0.faena.xsd')
    expect(result.valid).toBe(false)
    expect(result.errors.join(' ')).toMatch(/estab/)
  })

  it('is signed XAdES-BES: the signature verifies, and fails when a total is tampered with', () => {
    const signed = signInvoice(buildInvoiceXml(doc), p12, 'clave')
    expect(signed).toContain('xades:SignedProperties')
    expect(verify(signed)).toBe(true)
    const tampered = signed.replace(
      '<importeTotal>1419.68</importeTotal>',
      '<importeTotal>1.68</importeTotal>',
    )
    expect(tampered).not.toBe(signed)
    expect(verify(tampered)).toBe(false)
  })

  it('reads the certificate and refuses a wrong password', () => {
    expect(readCertificate(p12, 'clave').subject).toMatch(/CERTIFICADO DE PRUEBA/)
    expect(() => readCertificate(p12, 'otra')).toThrow(/contraseña/)
  })
})

describe('codes and rounding', () => {
  it('buyer identification types', () => {
    expect(buyerOf('0992339411001', 'X').idType).toBe('04')
    expect(buyerOf('1710034065', 'X').idType).toBe('05')
    expect(buyerOf('AB123456', 'X').idType).toBe('06')
    expect(buyerOf(null, 'X')).toEqual({ idType: '07', id: '9999999999999', name: 'CONSUMIDOR FINAL' })
  })
  it('IVA codes and the line IVA half-up', () => {
    expect(ivaPercentageCode('0.15')).toBe('4')
    expect(ivaPercentageCode('0.12')).toBe('2')
    expect(ivaPercentageCode('0')).toBe('0')
    expect(() => ivaPercentageCode('0.16')).toThrow()
    expect(lineIva('0.10', '0.15').toFixed(2)).toBe('0.02') // 0.015 → 0.02
    expect(lineIva('765.00', '0.15').toFixed(2)).toBe('114.75')
  })
})
