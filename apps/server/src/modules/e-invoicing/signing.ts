import { signDeliveryGuideXml, signInvoiceXml } from 'ec-sri-invoice-signer'
import forge from 'node-forge'
import { eInvoicingMessages as M } from './e-invoicing.messages'
import { render, type Message } from '../../platform/i18n/messages'

/**
 * XAdES-BES signatures through `ec-sri-invoice-signer` (no hand-written XML signature), and what Faena reads
 * from a PKCS#12 file: its subject, serial and validity (docs/e-invoicing.md#certificate).
 */
export type CertificateInfo = {
  subject: string
  issuer: string
  serialNumber: string
  notBefore: Date
  notAfter: Date
}

/** A certificate that cannot be used, with the message to answer. */
export class CertificateError extends Error {
  constructor(readonly reason: Message) {
    super(render(reason, 'es'))
  }
}

/** Opens the .p12 with its password; the certificate that goes with the private key. */
export function readCertificate(p12: Buffer, password: string): CertificateInfo {
  let store: forge.pkcs12.Pkcs12Pfx
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary')))
    store = forge.pkcs12.pkcs12FromAsn1(asn1, false, password)
  } catch {
    throw new CertificateError(M.notP12())
  }
  const keyBags = store.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[
    forge.pki.oids.pkcs8ShroudedKeyBag!
  ]
  const certBags = store.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? []
  const cert = certBags.find((b) => b.cert)?.cert
  if (!cert || !keyBags?.length) throw new CertificateError(M.noPrivateKey())
  const name = (attrs: forge.pki.CertificateField[]) =>
    attrs.map((a) => `${a.shortName ?? a.name}=${String(a.value)}`).join(', ')
  return {
    subject: name(cert.subject.attributes),
    issuer: name(cert.issuer.attributes),
    serialNumber: cert.serialNumber,
    notBefore: cert.validity.notBefore,
    notAfter: cert.validity.notAfter,
  }
}

export function signInvoice(xml: string, p12: Buffer, password: string): string {
  return signInvoiceXml(xml, p12, { pkcs12Password: password })
}

export function signShippingGuide(xml: string, p12: Buffer, password: string): string {
  return signDeliveryGuideXml(xml, p12, { pkcs12Password: password })
}

/**
 * A self-signed test certificate as a .p12 (RSA 2048, one year from `now`), for the demo organization and the
 * tests: its subject says TEST CERTIFICATE; the SRI would never accept it. Made at seed or test time, never
 * committed.
 */
export function makeTestCertificate(opts: {
  commonName: string
  ruc: string
  password: string
  now: Date
}): Buffer {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 })
  const cert = forge.pki.createCertificate()
  cert.publicKey = keys.publicKey
  cert.serialNumber = `01${forge.util.bytesToHex(forge.random.getBytesSync(8))}`
  cert.validity.notBefore = new Date(opts.now.getTime() - 60_000)
  cert.validity.notAfter = new Date(opts.now.getTime() + 365 * 86_400_000)
  const attrs = [
    { name: 'commonName', value: `${opts.commonName} - CERTIFICADO DE PRUEBA` },
    { name: 'organizationName', value: 'TEST CERTIFICATE - NOT VALID FOR THE SRI' },
    { name: 'countryName', value: 'EC' },
    { shortName: 'OU', value: `RUC ${opts.ruc}` },
  ]
  cert.setSubject(attrs)
  cert.setIssuer(attrs)
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ])
  cert.sign(keys.privateKey, forge.md.sha256.create())
  const p12 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], opts.password, { algorithm: '3des' })
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary')
}

/**
 * Prefix of the demo's test certificate and password, stored unsealed (the seed has no secret key). Only honoured
 * on a row marked as a test certificate; any certificate uploaded through the API is sealed.
 */
export const TEST_UNSEALED = 'test-unsealed:'

/** Does a certificate's subject mark it as a test certificate (ours, above)? */
export const isTestCertificate = (info: Pick<CertificateInfo, 'subject'>) =>
  /CERTIFICADO DE PRUEBA|TEST CERTIFICATE/.test(info.subject)
