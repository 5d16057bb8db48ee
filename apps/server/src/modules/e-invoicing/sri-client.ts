import { XMLParser } from 'fast-xml-parser'
import { isValidAccessKey } from './access-key'
import type { EDocumentMessage } from './e-invoicing.tables'

/**
 * The SRI's two offline web services behind one interface (docs/e-invoicing.md#sri): reception (the signed XML,
 * answered RECIBIDA or DEVUELTA with messages) and authorization (by access key: AUTORIZADO, NO AUTORIZADO or
 * EN PROCESO). `createSriSoapClient` talks to the SRI; `createFakeSriClient` answers locally (tests, demo, and
 * any machine without the SRI's network).
 */
export type SriEnvironment = 'test' | 'production'
export type SriReception = { state: 'RECIBIDA' | 'DEVUELTA'; messages: EDocumentMessage[] }
export type SriAuthorization = {
  state: 'AUTORIZADO' | 'NO AUTORIZADO' | 'EN PROCESO'
  number: string | null
  authorizedAt: Date | null
  messages: EDocumentMessage[]
}
export type SriClient = {
  /** `fake` or `sri` (shown beside each document, so nobody mistakes a local answer for the SRI's) */
  readonly name: 'fake' | 'sri'
  send(signedXml: string, environment: SriEnvironment): Promise<SriReception>
  authorize(accessKey: string, environment: SriEnvironment): Promise<SriAuthorization>
}

/**
 * A local SRI: receives any XML whose access key is well formed and authorizes it at once, with the access key
 * as authorization number (as the SRI does since 2018). `reject` makes it return a document (tests).
 */
export function createFakeSriClient(
  opts: { clock?: () => Date; reject?: (signedXml: string) => EDocumentMessage[] | null } = {},
): SriClient {
  const received = new Map<string, string>()
  return {
    name: 'fake',
    async send(signedXml) {
      const key = /<claveAcceso>(\d{49})<\/claveAcceso>/.exec(signedXml)?.[1]
      if (!key || !isValidAccessKey(key))
        return {
          state: 'DEVUELTA',
          messages: [
            {
              identifier: '35',
              message: 'ARCHIVO NO CUMPLE ESTRUCTURA XML',
              info: 'clave de acceso',
              type: 'ERROR',
            },
          ],
        }
      const refused = opts.reject?.(signedXml)
      if (refused?.length) return { state: 'DEVUELTA', messages: refused }
      received.set(key, signedXml)
      return { state: 'RECIBIDA', messages: [] }
    },
    async authorize(accessKey) {
      if (!received.has(accessKey))
        return {
          state: 'NO AUTORIZADO',
          number: null,
          authorizedAt: null,
          messages: [
            { identifier: '70', message: 'CLAVE DE ACCESO EN PROCESAMIENTO', info: null, type: 'ERROR' },
          ],
        }
      return {
        state: 'AUTORIZADO',
        number: accessKey,
        authorizedAt: (opts.clock ?? (() => new Date()))(),
        messages: [],
      }
    },
  }
}

const ENDPOINTS: Record<SriEnvironment, string> = {
  test: 'https://celcer.sri.gob.ec/comprobantes-electronicos-ws',
  production: 'https://cel.sri.gob.ec/comprobantes-electronicos-ws',
}

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v])
type RawMessage = {
  identificador?: unknown
  mensaje?: unknown
  informacionAdicional?: unknown
  tipo?: unknown
}
const txt = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '')
const messagesOf = (node: { mensajes?: { mensaje?: RawMessage | RawMessage[] } } | undefined) =>
  asArray(node?.mensajes?.mensaje).map((m) => ({
    identifier: txt(m.identificador),
    message: txt(m.mensaje),
    info: m.informacionAdicional === undefined ? null : txt(m.informacionAdicional),
    type: txt(m.tipo),
  }))

/** The SRI's SOAP services (RecepcionComprobantesOffline, AutorizacionComprobantesOffline), over fetch. */
export function createSriSoapClient(opts: { timeoutMs?: number } = {}): SriClient {
  const parser = new XMLParser({ removeNSPrefix: true, parseTagValue: false })
  async function call(url: string, body: string) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8' },
      body,
      signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
    })
    if (!res.ok) throw new Error(`el SRI respondió HTTP ${res.status}`)
    return parser.parse(await res.text()) as { Envelope?: { Body?: Record<string, Record<string, unknown>> } }
  }
  return {
    name: 'sri',
    async send(signedXml, environment) {
      const doc = await call(
        `${ENDPOINTS[environment]}/RecepcionComprobantesOffline`,
        `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ec="http://ec.gob.sri.ws.recepcion"><soapenv:Body><ec:validarComprobante><xml>${Buffer.from(signedXml, 'utf8').toString('base64')}</xml></ec:validarComprobante></soapenv:Body></soapenv:Envelope>`,
      )
      const answer = doc.Envelope?.Body?.validarComprobanteResponse?.RespuestaRecepcionComprobante as
        { estado?: string; comprobantes?: { comprobante?: unknown } } | undefined
      const state = answer?.estado === 'RECIBIDA' ? 'RECIBIDA' : 'DEVUELTA'
      const messages = asArray(answer?.comprobantes?.comprobante as never).flatMap((c) => messagesOf(c))
      return { state, messages }
    },
    async authorize(accessKey, environment) {
      const doc = await call(
        `${ENDPOINTS[environment]}/AutorizacionComprobantesOffline`,
        `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ec="http://ec.gob.sri.ws.autorizacion"><soapenv:Body><ec:autorizacionComprobante><claveAccesoComprobante>${accessKey}</claveAccesoComprobante></ec:autorizacionComprobante></soapenv:Body></soapenv:Envelope>`,
      )
      const answer = doc.Envelope?.Body?.autorizacionComprobanteResponse?.RespuestaAutorizacionComprobante as
        { autorizaciones?: { autorizacion?: unknown } } | undefined
      const auth = asArray(answer?.autorizaciones?.autorizacion as never)[0] as
        | { estado?: string; numeroAutorizacion?: string; fechaAutorizacion?: string; mensajes?: never }
        | undefined
      if (!auth) return { state: 'EN PROCESO', number: null, authorizedAt: null, messages: [] }
      const state =
        auth.estado === 'AUTORIZADO'
          ? 'AUTORIZADO'
          : auth.estado === 'NO AUTORIZADO'
            ? 'NO AUTORIZADO'
            : 'EN PROCESO'
      return {
        state,
        number: auth.numeroAutorizacion ?? null,
        authorizedAt: auth.fechaAutorizacion ? new Date(auth.fechaAutorizacion) : null,
        messages: messagesOf(auth),
      }
    },
  }
}
