import type {
  TEInvoicingSettings,
  TEInvoicingSettingsInput,
  TEInvoicingSettingsState,
} from '@faena/contracts'
import { isSystemActor, requireAccess, type Actor } from '../../platform/access'
import { diffFields, writeAudit } from '../../platform/audit/audit'
import type { Db } from '../../platform/db/executor'
import { AppError, validationError, fieldError } from '../../platform/errors'
import type { SecretBox } from '../../platform/secret-box'
import * as repo from './e-invoicing.repository'
import { CertificateError, TEST_UNSEALED, isTestCertificate, readCertificate } from './signing'
import { eInvoicingMessages as M } from './e-invoicing.messages'

/** The settings' text fields with the certificate, as the multipart form sends them. */
export type SettingsUpload = TEInvoicingSettingsInput & { certificate: Buffer | null }

const SETTINGS_FIELDS = [
  'ruc',
  'businessName',
  'tradeName',
  'mainAddress',
  'establishment',
  'emissionPoint',
  'environment',
  'keepsAccounts',
  'certificate',
] as const

type SettingsDeps = {
  db: Db
  clock: () => Date
  /** seals the certificate and its password; null: settings cannot be stored */
  secrets: SecretBox | null
  /** which SRI client the server runs (`fake` or `sri`), shown with the settings */
  sriName: TEInvoicingSettings['sriClient']
}

/**
 * The issuer's settings and signing certificate (docs/e-invoicing.md#settings): read, saved with the certificate
 * checked and sealed, and opened again for signing (`openSecret`).
 */
export function createSettingsUseCases({ db, clock, secrets, sriName }: SettingsDeps) {
  const toSettings = (r: repo.SettingsRow): TEInvoicingSettings => ({
    ruc: r.ruc,
    businessName: r.business_name,
    tradeName: r.trade_name,
    mainAddress: r.main_address,
    establishment: r.establishment,
    emissionPoint: r.emission_point,
    environment: r.environment,
    keepsAccounts: r.keeps_accounts,
    certificate: {
      subject: r.certificate_subject,
      serialNumber: r.certificate_serial,
      expiresAt: r.certificate_expires_at.toISOString(),
      expired: r.certificate_expires_at.getTime() <= clock().getTime(),
      isTest: r.certificate_is_test,
    },
    nextInvoiceSequential: r.next_invoice_sequential,
    sriClient: sriName,
    updatedAt: r.updated_at.toISOString(),
  })

  function openSecret(sealed: string, _what: string, row: repo.SettingsRow): string {
    // the demo's throwaway test certificate (e-invoicing.seed.ts)
    if (row.certificate_is_test && sealed.startsWith(TEST_UNSEALED)) return sealed.slice(TEST_UNSEALED.length)
    if (!secrets) throw new AppError('INVALID_STATE', M.noSecretsKey())
    try {
      return secrets.open(sealed)
    } catch {
      throw new AppError('INVALID_STATE', M.storedUnreadable())
    }
  }

  async function getSettings(actor: Actor): Promise<TEInvoicingSettingsState> {
    requireAccess(actor, 'eInvoicing.configure')
    const row = await repo.findSettings(db, actor.orgId)
    return { settings: row ? toSettings(row) : null }
  }

  /**
   * Saves the issuer settings. The certificate is checked (opens with the password, has its key, not expired)
   * and sealed with the password; neither is ever returned nor audited (only its subject and expiry).
   */
  async function saveSettings(actor: Actor, input: SettingsUpload): Promise<TEInvoicingSettings> {
    requireAccess(actor, 'eInvoicing.configure')
    if (!secrets) throw new AppError('INVALID_STATE', M.noSecretsKeyToSave())
    return db.transaction().execute(async (trx) => {
      const before = await repo.findSettings(trx, actor.orgId, { forUpdate: true })
      let cert: {
        sealed: string
        password: string
        subject: string
        serial: string
        expiresAt: Date
        isTest: boolean
      }
      if (input.certificate) {
        if (!input.password)
          throw validationError(M.passwordMissing(), [fieldError('password', M.writePassword())])
        let info
        try {
          info = readCertificate(input.certificate, input.password)
        } catch (err) {
          if (err instanceof CertificateError)
            throw validationError(err.reason, [fieldError('certificate', err.reason)])
          throw err
        }
        if (info.notAfter.getTime() <= clock().getTime())
          throw validationError(M.certificateExpired(), [
            fieldError('certificate', M.expiredOn({ date: info.notAfter.toISOString().slice(0, 10) })),
          ])
        cert = {
          sealed: secrets.seal(input.certificate.toString('base64')),
          password: secrets.seal(input.password),
          subject: info.subject,
          serial: info.serialNumber,
          expiresAt: info.notAfter,
          isTest: isTestCertificate(info),
        }
      } else if (before) {
        if (input.password)
          throw validationError(M.certificateWithPassword(), [fieldError('certificate', M.p12ForPassword())])
        cert = {
          sealed: before.certificate_sealed,
          password: before.password_sealed,
          subject: before.certificate_subject,
          serial: before.certificate_serial,
          expiresAt: before.certificate_expires_at,
          isTest: before.certificate_is_test,
        }
      } else {
        throw validationError(M.certificateMissing(), [fieldError('certificate', M.uploadCertificate())])
      }
      const orgName = (await repo.findOrgName(trx, actor.orgId)) ?? 'Organización'
      const row = {
        org_id: actor.orgId,
        ruc: input.ruc,
        business_name: input.businessName || before?.business_name || orgName,
        trade_name: input.tradeName === undefined ? (before?.trade_name ?? null) : input.tradeName || null,
        main_address: input.mainAddress || before?.main_address || 'Ecuador',
        establishment: input.establishment,
        emission_point: input.emissionPoint,
        environment: input.environment,
        keeps_accounts: input.keepsAccounts ?? before?.keeps_accounts ?? true,
        certificate_sealed: cert.sealed,
        password_sealed: cert.password,
        certificate_subject: cert.subject,
        certificate_serial: cert.serial,
        certificate_expires_at: cert.expiresAt,
        certificate_is_test: cert.isTest,
        updated_by: isSystemActor(actor) ? null : actor.userId,
        updated_at: clock(),
      }
      await repo.upsertSettings(trx, row)
      // never the certificate nor its password: who it names, its serial and expiry
      const snapshot = (r: typeof row | repo.SettingsRow | undefined) =>
        r && {
          ruc: r.ruc,
          businessName: r.business_name,
          tradeName: r.trade_name,
          mainAddress: r.main_address,
          establishment: r.establishment,
          emissionPoint: r.emission_point,
          environment: r.environment,
          keepsAccounts: r.keeps_accounts,
          certificate: `${r.certificate_subject} (serie ${r.certificate_serial}, vence ${r.certificate_expires_at
            .toISOString()
            .slice(0, 10)})`,
        }
      await writeAudit(trx, actor, {
        action: before ? 'eInvoicing.settings_updated' : 'eInvoicing.settings_created',
        module: 'e-invoicing',
        entityType: 'e_invoicing_settings',
        entityId: actor.orgId,
        changes: diffFields(snapshot(before) ?? null, snapshot(row)!, SETTINGS_FIELDS),
      })
      return toSettings((await repo.findSettings(trx, actor.orgId))!)
    })
  }

  return { getSettings, saveSettings, openSecret }
}
