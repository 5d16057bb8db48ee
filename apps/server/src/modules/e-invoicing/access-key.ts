/**
 * The SRI access key (clave de acceso, docs/e-invoicing.md#access-key): 48 digits + a módulo-11 check digit.
 *   issue date ddmmyyyy (8) · document type (2) · issuer RUC (13) · environment (1) · establishment (3) ·
 *   emission point (3) · sequential (9) · numeric code (8) · emission type (1) · check digit (1)
 */

/** SRI document types (ficha técnica, tabla 3). */
export const SRI_DOCUMENT_TYPE = { invoice: '01', shippingGuide: '06' } as const
export type SriDocumentType = (typeof SRI_DOCUMENT_TYPE)[keyof typeof SRI_DOCUMENT_TYPE]

/**
 * Módulo 11 with weights 2…7 from the rightmost digit: 11 − (Σ mod 11); 11 → 0 and 10 → 1 (the SRI's rule).
 */
export function modulo11CheckDigit(digits: string): number {
  if (!/^\d+$/.test(digits)) throw new RangeError('módulo 11 takes digits only')
  let sum = 0
  let weight = 2
  for (let i = digits.length - 1; i >= 0; i--) {
    sum += Number(digits[i]) * weight
    weight = weight === 7 ? 2 : weight + 1
  }
  const result = 11 - (sum % 11)
  return result === 11 ? 0 : result === 10 ? 1 : result
}

export type AccessKeyParts = {
  /** YYYY-MM-DD, the issue date in Ecuador */
  issueDate: string
  documentType: SriDocumentType
  ruc: string
  /** 1 = pruebas, 2 = producción */
  environment: '1' | '2'
  establishment: string
  emissionPoint: string
  sequential: number
  /** 8 digits chosen by the issuer */
  numericCode: string
}

const pad = (n: number | string, width: number) => String(n).padStart(width, '0')

export function buildAccessKey(p: AccessKeyParts): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(p.issueDate)
  if (!m) throw new RangeError(`issueDate must be YYYY-MM-DD, got ${p.issueDate}`)
  if (!/^\d{10}001$/.test(p.ruc)) throw new RangeError('the RUC has 13 digits ending in 001')
  if (!/^\d{3}$/.test(p.establishment) || !/^\d{3}$/.test(p.emissionPoint))
    throw new RangeError('establishment and emission point have 3 digits')
  if (!Number.isInteger(p.sequential) || p.sequential < 1 || p.sequential > 999_999_999)
    throw new RangeError('the sequential is 1…999999999')
  if (!/^\d{8}$/.test(p.numericCode)) throw new RangeError('the numeric code has 8 digits')
  const body = [
    `${m[3]}${m[2]}${m[1]}`,
    p.documentType,
    p.ruc,
    p.environment,
    p.establishment,
    p.emissionPoint,
    pad(p.sequential, 9),
    p.numericCode,
    '1', // emisión normal: the only one the SRI accepts
  ].join('')
  return `${body}${modulo11CheckDigit(body)}`
}

/** Is this a well-formed access key (49 digits whose last one is the módulo-11 of the others)? */
export function isValidAccessKey(key: string): boolean {
  return /^\d{49}$/.test(key) && modulo11CheckDigit(key.slice(0, 48)) === Number(key[48])
}

/** `001-001-000000123`: the printed invoice number of an access key's series and sequential. */
export const documentNumber = (establishment: string, emissionPoint: string, sequential: number) =>
  `${establishment}-${emissionPoint}-${pad(sequential, 9)}`
