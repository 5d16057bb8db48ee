import { DOMParser } from '@xmldom/xmldom'
import { SignedXml } from 'xml-crypto'
import { describe, expect, it } from 'vitest'
import { buildAccessKey, isValidAccessKey } from './access-key'
import { buildShippingGuideXml, type ShippingGuideDocument } from './shipping-guide-xml'
import { makeTestCertificate, signShippingGuide } from './signing'
import { validateAgainstXsd } from './xsd-validation'

const accessKey = buildAccessKey({
  issueDate: '2026-12-07',
  documentType: '06',
  ruc: '1792146739001',
  environment: '1',
  establishment: '001',
  emissionPoint: '001',
  sequential: 12,
  numericCode: '00000012',
})
const doc: ShippingGuideDocument = {
  environment: '1',
  issuer: {
    ruc: '1792146739001',
    businessName: 'Demo Renta S.A.',
    tradeName: null,
    mainAddress: 'Quito',
    keepsAccounts: true,
  },
  establishment: '001',
  emissionPoint: '001',
  sequential: 12,
  accessKey,
  origin: 'Bodega Quito',
  carrier: { idType: '05', id: '1710034065', name: 'Juan Pérez', plate: 'PBA-1234' },
  transportStart: '2026-12-07',
  transportEnd: '2026-12-08',
  recipient: {
    id: '1790011674001',
    name: 'Petrolera <EP>',
    address: 'Bloque 16',
    reason: 'Entrega de equipos en renta',
    route: null,
  },
  items: [
    { code: 'PSL-BT-185', description: 'Batería sanitaria', quantity: 2 },
    { code: null, description: 'Lavamanos', quantity: 1 },
  ],
  additional: [{ name: 'Guía', value: '0000012' }],
}

describe('the guía de remisión XML', () => {
  it('has a valid access key of document type 06 and validates against the official SRI GuiaRemision_V1.1.0.xsd', async () => {
    expect(isValidAccessKey(accessKey)).toBe(true)
    expect(accessKey.slice(8, 10)).toBe('06')
    const xml = buildShippingGuideXml(doc)
    expect(await validateAgainstXsd(xml, 'GuiaRemision_V1.1.0.xsd')).toEqual({
      valid: true,
      errors: [],
    })
    expect(xml).toContain('<fechaIniTransporte>07/12/2026</fechaIniTransporte>')
    expect(xml.match(/<detalle>/g)).toHaveLength(2)
  })

  it('is signed XAdES-BES, valid after signing, and the signature breaks when a quantity changes', async () => {
    const p12 = makeTestCertificate({
      commonName: 'TEST',
      ruc: doc.issuer.ruc,
      password: 'x',
      now: new Date(),
    })
    const signed = signShippingGuide(buildShippingGuideXml(doc), p12, 'x')
    expect(await validateAgainstXsd(signed, 'GuiaRemision_V1.1.0.xsd')).toEqual({
      valid: true,
      errors: [],
    })
    const verify = (xml: string) => {
      const dom = new DOMParser().parseFromString(xml, 'text/xml')
      const ns = 'http://www.w3.org/2000/09/xmldsig#'
      const cert = dom.getElementsByTagNameNS(ns, 'X509Certificate')[0]!.textContent.replace(/\s+/g, '')
      const sig = new SignedXml({
        publicCert: `-----BEGIN CERTIFICATE-----\n${cert.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`,
      })
      sig.loadSignature(dom.getElementsByTagNameNS(ns, 'Signature')[0]!)
      try {
        return sig.checkSignature(xml)
      } catch {
        return false
      }
    }
    expect(verify(signed)).toBe(true)
    expect(verify(signed.replace('<cantidad>2</cantidad>', '<cantidad>3</cantidad>'))).toBe(false)
  })

  it('is really checked by the official schema and by the xmldsig schema it imports', async () => {
    const xml = buildShippingGuideXml(doc)
    const badRuc = await validateAgainstXsd(
      xml.replace('<ruc>1792146739001</ruc>', '<ruc>179214673</ruc>'),
      'GuiaRemision_V1.1.0.xsd',
    )
    expect(badRuc.valid).toBe(false)
    expect(badRuc.errors.join(' ')).toMatch(/ruc/)
    const p12 = makeTestCertificate({
      commonName: 'TEST',
      ruc: doc.issuer.ruc,
      password: 'x',
      now: new Date(),
    })
    const signed = signShippingGuide(xml, p12, 'x')
    // a ds:Signature without its ds:SignedInfo breaks xmldsig-core-schema.xsd, not the guía's own schema
    const broken = signed.replace(/<ds:SignedInfo[\s\S]*?<\/ds:SignedInfo>/, '')
    expect(broken).not.toBe(signed)
    const check = await validateAgainstXsd(broken, 'GuiaRemision_V1.1.0.xsd')
    expect(check.valid).toBe(false)
    expect(check.errors.join(' ')).toMatch(/Signature|SignatureValue|SignedInfo/)
  })
})
