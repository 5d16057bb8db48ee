/**
 * What every SRI document's XML shares (docs/e-invoicing.md): the issuer and emission point that open it, the
 * `infoTributaria` block, and the text rules of the schemas (escaped, one line, cut to the field's length). Pure.
 */
export type SriDocumentHeader = {
  environment: '1' | '2'
  issuer: {
    ruc: string
    businessName: string
    tradeName: string | null
    mainAddress: string
    keepsAccounts: boolean
  }
  establishment: string
  emissionPoint: string
  sequential: number
  accessKey: string
}

const esc = (s: string) =>
  s
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')

/** One line of text, at most `max` characters (the schemas' maxLength). */
export const cut = (s: string, max: number) => {
  const t = s.replace(/\s+/g, ' ').trim()
  return t.length > max ? t.slice(0, max) : t
}

/** `<name>value</name>`, the value escaped. */
export const el = (name: string, value: string) => `<${name}>${esc(value)}</${name}>`

/** dd/mm/yyyy, as the SRI writes dates */
export const sriDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`

/** The `infoTributaria` block of a document of type `codDoc` (01 factura, 06 guía de remisión). */
export const infoTributaria = (doc: SriDocumentHeader, codDoc: '01' | '06') =>
  [
    el('ambiente', doc.environment),
    el('tipoEmision', '1'),
    el('razonSocial', cut(doc.issuer.businessName, 300)),
    ...(doc.issuer.tradeName ? [el('nombreComercial', cut(doc.issuer.tradeName, 300))] : []),
    el('ruc', doc.issuer.ruc),
    el('claveAcceso', doc.accessKey),
    el('codDoc', codDoc),
    el('estab', doc.establishment),
    el('ptoEmi', doc.emissionPoint),
    el('secuencial', String(doc.sequential).padStart(9, '0')),
    el('dirMatriz', cut(doc.issuer.mainAddress, 300)),
  ].join('')

/** The `infoAdicional` block: the non-empty fields, at most 15 (the schemas' limit); '' when none. */
export const infoAdicional = (fields: readonly { name: string; value: string }[]) => {
  const extra = fields
    .filter((a) => a.value.trim())
    .slice(0, 15)
    .map(
      (a) => `<campoAdicional nombre="${esc(cut(a.name, 300))}">${esc(cut(a.value, 300))}</campoAdicional>`,
    )
    .join('')
  return extra ? `<infoAdicional>${extra}</infoAdicional>` : ''
}
