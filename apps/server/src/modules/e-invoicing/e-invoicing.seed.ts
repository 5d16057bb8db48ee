import type { DemoSeeder } from '../../platform/seed/demo'
import * as repo from './e-invoicing.repository'
import { TEST_UNSEALED, isTestCertificate, makeTestCertificate, readCertificate } from './signing'

const DEMO_PASSWORD = 'demo-sri-prueba'

/**
 * The demo rental organization issues SRI invoices at once: test environment, series 001-001, and a self-signed
 * TEST certificate made now (a throwaway key, marked as a test certificate wherever it shows; kept unsealed, as
 * the seed runs without the server's secret key — docs/e-invoicing.md#demo).
 */
export const seedDemoEInvoicing: DemoSeeder = async (trx, actor, org) => {
  if (!org.linesOfBusiness.includes('rental')) return
  const ruc = '1792146739001'
  const now = new Date()
  const p12 = makeTestCertificate({ commonName: 'FAENA DEMO RENTA', ruc, password: DEMO_PASSWORD, now })
  const info = readCertificate(p12, DEMO_PASSWORD)
  if (!isTestCertificate(info)) throw new Error('the demo certificate must say it is a test certificate')
  await repo.upsertSettings(trx, {
    org_id: actor.orgId,
    ruc,
    business_name: (await repo.findOrgName(trx, actor.orgId)) ?? 'Demo Renta',
    trade_name: null,
    main_address: 'Av. de los Shyris N35-52, Quito',
    establishment: '001',
    emission_point: '001',
    environment: 'test',
    keeps_accounts: true,
    certificate_sealed: `${TEST_UNSEALED}${p12.toString('base64')}`,
    password_sealed: `${TEST_UNSEALED}${DEMO_PASSWORD}`,
    certificate_subject: info.subject,
    certificate_serial: info.serialNumber,
    certificate_expires_at: info.notAfter,
    certificate_is_test: true,
    updated_by: null,
    updated_at: now,
  })
}
