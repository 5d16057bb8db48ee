import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { ROLES } from '@faena/contracts'
import { systemActor, type Actor } from '../access'
import { writeAudit } from '../audit/audit'
import { hashPassword } from '../auth/password'
import { assertStrongPassword } from '../auth/password-policy'
import { createUserRecord } from '../auth/users.service'
import type { Db, Executor } from '../db/executor'
import { findOrganizationBySlug, insertOrganization, type OrganizationInput } from '../tenancy/organizations'

export const DEMO_ORGANIZATIONS: (OrganizationInput & { domain: string })[] = [
  {
    slug: 'demo-offshore',
    domain: 'offshore.test',
    name: 'Demo Offshore S.A. de C.V.',
    country: 'MX',
    timeZone: 'America/Mexico_City',
    locale: 'es-MX',
    currencies: ['MXN', 'USD'],
    taxRate: '0.1600',
    linesOfBusiness: ['offshore'],
  },
  {
    slug: 'demo-rental',
    domain: 'rental.test',
    name: 'Demo Rental Ecuador S.A.',
    country: 'EC',
    timeZone: 'America/Guayaquil',
    locale: 'es-EC',
    currencies: ['USD'],
    taxRate: '0.1500',
    linesOfBusiness: ['rental'],
    settings: { billingSeriesPrefix: 'PSL-PS' },
  },
]

const ROLE_NAMES: Record<(typeof ROLES)[number], string> = {
  admin: 'Administración',
  manager: 'Gerencia de proyecto',
  supervisor: 'Supervisión',
  operator: 'Operación',
  billing: 'Facturación',
  viewer: 'Consulta',
}

/** What a business module seeds into a new demo organization (catalogs, examples). */
export type DemoSeeder = (
  trx: Executor,
  actor: Actor,
  org: { slug: string; linesOfBusiness: string[] },
) => Promise<void>

export type SeedResult = { created: string[]; logins: string[]; password: string; passwordGenerated: boolean }

/**
 * Creates the demo organizations with one user per role (`<role>@offshore.test`, `<role>@rental.test`),
 * each organization in one transaction. Organizations that exist are left untouched.
 */
export async function seedDemo(
  db: Db,
  opts: { password?: string | undefined; seeders: DemoSeeder[] },
): Promise<SeedResult> {
  const passwordGenerated = !opts.password
  const password = opts.password ?? crypto.randomBytes(12).toString('base64url')
  const created: string[] = []
  const logins: string[] = []
  // Checked and hashed once for every demo user (they share the password anyway): a generated one is
  // strong by construction, and each argon2 hash costs tens of milliseconds at first start.
  let prepared: { passwordHash: string } | undefined
  for (const o of DEMO_ORGANIZATIONS) {
    if (await findOrganizationBySlug(db, o.slug)) continue
    if (!prepared) {
      if (!passwordGenerated) await assertStrongPassword('FAENA_DEMO_PASSWORD', password)
      prepared = { passwordHash: await hashPassword(password) }
    }
    await db.transaction().execute(async (trx) => {
      const { domain, ...orgInput } = o
      const org = await insertOrganization(trx, orgInput)
      const actor = systemActor(org.id)
      await writeAudit(trx, actor, {
        action: 'organization.created',
        module: 'tenancy',
        entityType: 'organization',
        entityId: org.id,
        data: { slug: org.slug, name: org.name },
      })
      for (const role of ROLES) {
        const email = `${role}@${domain}`
        await createUserRecord(
          trx,
          actor,
          { email, name: `${ROLE_NAMES[role]} (demo)`, role, password },
          prepared,
        )
        logins.push(email)
      }
      for (const seed of opts.seeders)
        await seed(trx, actor, { slug: org.slug, linesOfBusiness: org.linesOfBusiness })
    })
    created.push(o.slug)
  }
  return { created, logins, password, passwordGenerated }
}

/** Writes the generated demo password where `npm start` said it would be, readable only by the owner. */
export function writeDemoCredentials(dataDir: string, result: SeedResult) {
  const file = path.join(dataDir, 'demo-credentials.txt')
  const body = [
    'Faena demo logins (created on first start)',
    `password: ${result.password}`,
    ...result.logins.map((l) => `  ${l}`),
    '',
  ].join('\n')
  fs.mkdirSync(dataDir, { recursive: true })
  fs.writeFileSync(file, body, { mode: 0o600 })
  return file
}
