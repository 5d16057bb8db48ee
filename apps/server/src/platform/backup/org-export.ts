import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import * as tar from 'tar'
import type { Db } from '../db/executor'
import type { FileStore } from '../files/file-store'
import { ident, listTables } from './catalog'
import { inSnapshot, writeJsonLines } from './snapshot'

/**
 * Tables that are not an organization's data: sign-in bookkeeping. Every other table is exported through
 * its `org_id`, or through its user for the tables of `THROUGH_USER` (the backup test fails on a table that
 * has none of these).
 */
export const NOT_ORGANIZATION_DATA = new Set(['sessions', 'login_attempts', 'auth_devices', 'auth_throttle'])
/** A person's own settings, keyed by `user_id`: the rows of the organization's users. */
const THROUGH_USER = new Set(['notification_preferences'])
/**
 * Columns never handed out, even to the organization's admin: the password hashes, the sealed SMTP password
 * (docs/mail.md) and the hashes of the BI tokens (docs/feeds.md).
 */
const SECRET_COLUMNS: Record<string, string[]> = {
  users: ['password_hash'],
  mail_settings: ['password_sealed'],
  api_tokens: ['token_hash'],
}

export type OrganizationExport = {
  /** the tar.gz, in a temporary folder the caller removes with `dispose` */
  path: string
  name: string
  tables: { name: string; rows: number }[]
  files: number
  dispose: () => Promise<void>
}

const safeName = (name: string) =>
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
  name.replace(/[\\/\x00-\x1f:*?"<>|]/g, '_').slice(0, 150) || 'file'

/**
 * Everything one organization owns (docs/backups.md#organization-export): `tables/<table>.jsonl` with
 * only its rows (users without their password hash), `files/<file id>-<name>` with its uploaded files,
 * and `manifest.json` listing both with their sha256. Read in one snapshot.
 */
export async function exportOrganization(opts: {
  db: Db
  store: FileStore
  orgId: string
  slug: string
  now: Date
}): Promise<OrganizationExport> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'faena-org-export-'))
  const dispose = () => fs.promises.rm(dir, { recursive: true, force: true })
  try {
    const staging = path.join(dir, 'export')
    const { tables, files } = await inSnapshot(opts.db, async (trx) => {
      const tables: { name: string; rows: number; sha256: string; entry: string }[] = []
      for (const t of await listTables(trx)) {
        if (NOT_ORGANIZATION_DATA.has(t.name)) continue
        const scope =
          t.name === 'organizations'
            ? sql`t.id = ${opts.orgId}`
            : t.hasOrgId
              ? sql`t.org_id = ${opts.orgId}`
              : THROUGH_USER.has(t.name)
                ? sql`t.user_id IN (SELECT u.id FROM users u WHERE u.org_id = ${opts.orgId})`
                : null
        if (!scope) continue
        const secret = SECRET_COLUMNS[t.name] ?? []
        const row = secret.length
          ? sql`(to_jsonb(t) - ${sql.raw(secret.map((c) => `'${c}'`).join(' - '))})::text`
          : sql`row_to_json(t)::text`
        const entry = `tables/${t.name}.jsonl`
        const r = await writeJsonLines(
          trx,
          sql`SELECT ${row} AS line FROM ${ident(t.name)} t WHERE ${scope}`,
          path.join(staging, entry),
        )
        tables.push({ name: t.name, rows: r.rows, sha256: r.sha256, entry })
      }
      const files = await trx
        .selectFrom('files')
        .select(['id', 'name', 'storage_key', 'sha256', 'size'])
        .where('org_id', '=', opts.orgId)
        .orderBy('created_at')
        .execute()
      return { tables, files }
    })
    const listed: { id: string; name: string; entry: string | null; sha256: string; size: number }[] = []
    for (const f of files) {
      let bytes: Buffer | null = null
      try {
        bytes = await opts.store.read(f.storage_key)
      } catch {
        bytes = null
      }
      const ok = bytes && crypto.createHash('sha256').update(bytes).digest('hex') === f.sha256
      const entry = ok ? `files/${f.id}-${safeName(f.name)}` : null
      if (entry && bytes) {
        await fs.promises.mkdir(path.join(staging, 'files'), { recursive: true })
        await fs.promises.writeFile(path.join(staging, entry), bytes)
      }
      listed.push({ id: f.id, name: f.name, entry, sha256: f.sha256, size: Number(f.size) })
    }
    const manifest = {
      format: 'faena-organization-export',
      formatVersion: 1,
      organization: { id: opts.orgId, slug: opts.slug },
      exportedAt: opts.now.toISOString(),
      note: 'One JSON object per line per table; instants in UTC; amounts as exact decimals.',
      tables,
      files: listed,
    }
    await fs.promises.writeFile(path.join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2))
    const name = `faena-${opts.slug}-${opts.now.toISOString().slice(0, 10)}.tar.gz`
    const out = path.join(dir, name)
    const entries = ['manifest.json', 'tables', ...(listed.some((f) => f.entry) ? ['files'] : [])]
    await tar.c({ gzip: true, file: out, cwd: staging, portable: true }, entries)
    await fs.promises.rm(staging, { recursive: true, force: true })
    return {
      path: out,
      name,
      tables: tables.map((t) => ({ name: t.name, rows: t.rows })),
      files: listed.filter((f) => f.entry).length,
      dispose,
    }
  } catch (err) {
    await dispose()
    throw err
  }
}
