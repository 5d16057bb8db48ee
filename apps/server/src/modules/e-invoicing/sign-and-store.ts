import crypto from 'node:crypto'
import { isSystemActor, type Actor } from '../../platform/access'
import { writeAudit } from '../../platform/audit/audit'
import type { Executor } from '../../platform/db/executor'
import { AppError } from '../../platform/errors'
import { buildAccessKey, documentNumber, SRI_DOCUMENT_TYPE } from './access-key'
import * as repo from './e-invoicing.repository'
import { validateAgainstXsd, type SchemaName } from './xsd-validation'
import { eInvoicingMessages as M } from './e-invoicing.messages'
import type { Message } from '../../platform/i18n/messages'

/** What a document needs of the issuing step: its sequential, access key and date, and the emission point. */
export type DocumentHead = {
  sequential: number
  accessKey: string
  issueDate: string
  environment: '1' | '2'
}

/** What differs between the SRI documents Faena issues (factura, guía de remisión); the rest is one step. */
export type IssueSpec<D> = {
  kind: 'invoice' | 'shipping_guide'
  sourceId: string
  /** the 409 when the source already has a live (not rejected) document: «La planilla ya tiene … 001-001-…» */
  alreadyIssued: (number: string) => Message
  build: (settings: repo.SettingsRow, head: DocumentHead) => D
  sign: (doc: D, p12: Buffer, password: string) => string
  schema: SchemaName
  /** the 409 when the signed XML does not pass its schema */
  invalid: Message
  audit: { action: string; entityType: string; data?: Record<string, unknown> }
}

export type IssueDeps = {
  clock: () => Date
  localDate: (now: Date, timeZone: string) => string
  openSecret: (sealed: string, what: string, row: repo.SettingsRow) => string
}

/** The fields every SRI document opens with: environment, issuer, emission point, sequential and access key. */
export const documentHeader = (s: repo.SettingsRow, head: DocumentHead) => ({
  environment: head.environment,
  issuer: {
    ruc: s.ruc,
    businessName: s.business_name,
    tradeName: s.trade_name,
    mainAddress: s.main_address,
    keepsAccounts: s.keeps_accounts,
  },
  establishment: s.establishment,
  emissionPoint: s.emission_point,
  sequential: head.sequential,
  accessKey: head.accessKey,
})

const DOCUMENT_TYPE = { invoice: SRI_DOCUMENT_TYPE.invoice, shipping_guide: SRI_DOCUMENT_TYPE.shippingGuide }

/**
 * The issuing step every SRI document shares, inside the caller's transaction (docs/e-invoicing.md): the
 * organization's settings (locked: sequentials are taken in order; a valid certificate), no live document for the
 * same source, the next sequential and its access key, the document, its XAdES-BES signature and the schema
 * check — nothing is stored unless it passes —, then the stored document and its audit row.
 */
export async function signAndStore<D>(
  trx: Executor,
  actor: Actor,
  timeZone: string,
  deps: IssueDeps,
  spec: IssueSpec<D>,
): Promise<repo.EDocumentRow> {
  const s = await repo.findSettings(trx, actor.orgId, { forUpdate: true })
  if (!s) throw new AppError('INVALID_STATE', M.configureFirst())
  if (s.certificate_expires_at.getTime() <= deps.clock().getTime())
    throw new AppError('INVALID_STATE', M.signingCertificateExpired())
  const live = await repo.findLatestDocument(trx, actor.orgId, spec.kind, spec.sourceId)
  if (live && live.status !== 'rejected')
    throw new AppError('CONFLICT', spec.alreadyIssued(live.number), {
      accessKey: live.access_key,
      status: live.status,
    })
  const sequential = await repo.takeSequential(trx, actor.orgId, spec.kind)
  const environment = s.environment === 'production' ? '2' : '1'
  const issueDate = deps.localDate(deps.clock(), timeZone)
  const accessKey = buildAccessKey({
    issueDate,
    documentType: DOCUMENT_TYPE[spec.kind],
    ruc: s.ruc,
    environment,
    establishment: s.establishment,
    emissionPoint: s.emission_point,
    sequential,
    numericCode: String(crypto.randomInt(0, 100_000_000)).padStart(8, '0'),
  })
  const doc = spec.build(s, { sequential, accessKey, issueDate, environment })
  const p12 = Buffer.from(deps.openSecret(s.certificate_sealed, 'El certificado', s), 'base64')
  const signed = spec.sign(doc, p12, deps.openSecret(s.password_sealed, 'El certificado', s))
  const check = await validateAgainstXsd(signed, spec.schema)
  if (!check.valid) throw new AppError('INVALID_STATE', spec.invalid, { errors: check.errors.slice(0, 20) })
  const number = documentNumber(s.establishment, s.emission_point, sequential)
  const row = await repo.insertDocument(trx, {
    orgId: actor.orgId,
    kind: spec.kind,
    sourceId: spec.sourceId,
    accessKey,
    number,
    environment: s.environment,
    signedXml: signed,
    document: doc,
    certificateIsTest: s.certificate_is_test,
    createdBy: isSystemActor(actor) ? null : actor.userId,
    now: deps.clock(),
  })
  await writeAudit(trx, actor, {
    action: spec.audit.action,
    module: 'e-invoicing',
    entityType: spec.audit.entityType,
    entityId: spec.sourceId,
    data: { accessKey, number, environment: s.environment, ...spec.audit.data },
  })
  return row
}
