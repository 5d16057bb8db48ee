import crypto from 'node:crypto'
import type {
  TApiToken,
  TApiTokenCreate,
  TApiTokenCreated,
  TApiTokenList,
  TFeedDatasets,
  TFeedQuery,
} from '@faena/contracts'
import { requireAccess, type Actor } from '../access'
import { writeAudit } from '../audit/audit'
import type { Db } from '../db/executor'
import { AppError, fieldError, validationError } from '../errors'
import { toCsv, type FeedDataset } from './feed-dataset'
import { feedsMessages as M } from './feeds.messages'
import * as repo from './feeds.repository'

/** Who reads a feed: a live token of an organization, with the datasets it may read. */
export type FeedCaller = { tokenId: string; orgId: string; name: string; datasets: string[] }

export type FeedsDeps = {
  db: Db
  clock: () => Date
  /** every dataset the modules offer (services.ts gathers them through each module's index.ts) */
  datasets: readonly FeedDataset[]
}

export type FeedsService = ReturnType<typeof createFeedsService>

const MODULE = 'feeds'
const TOKEN_PREFIX = 'fna_'
const hashOf = (token: string) => crypto.createHash('sha256').update(token).digest('hex')

/**
 * Read-only feeds for BI tools (docs/feeds.md): admins create and revoke tokens scoped to datasets; a tool
 * reads a dataset with `Authorization: Bearer <token>` as JSON or CSV, paged, optionally only what changed
 * since an instant. Every read is audited and marks the token used.
 */
export function createFeedsService({ db, clock, datasets }: FeedsDeps) {
  const byName = new Map(datasets.map((d) => [d.name, d]))

  const toApiToken = (r: repo.ApiTokenRow): TApiToken => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    datasets: r.datasets,
    createdBy: r.created_by_name,
    createdAt: r.created_at.toISOString(),
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
  })

  function listDatasets(actor: Actor, locale: 'es' | 'en' = 'es'): TFeedDatasets {
    requireAccess(actor, 'apiToken.manage')
    return {
      items: datasets.map((d) => ({
        name: d.name,
        title: d.title[locale],
        columns: d.columns.map((c) => c.key),
      })),
    }
  }

  async function listTokens(actor: Actor): Promise<TApiTokenList> {
    requireAccess(actor, 'apiToken.manage')
    const rows = await repo.listTokens(db, actor.orgId)
    return { items: rows.map(toApiToken), total: rows.length }
  }

  async function createToken(actor: Actor, input: TApiTokenCreate): Promise<TApiTokenCreated> {
    requireAccess(actor, 'apiToken.manage')
    const unknown = input.datasets.findIndex((d) => !byName.has(d))
    if (unknown >= 0)
      throw validationError(M.unknownDataset({ dataset: input.datasets[unknown] ?? '' }), [
        fieldError(`datasets.${unknown}`, M.unknownDatasetField()),
      ])
    const token = `${TOKEN_PREFIX}${crypto.randomBytes(24).toString('base64url')}`
    const datasetsOf = [...new Set(input.datasets)]
    return db.transaction().execute(async (trx) => {
      const id = await repo.insertToken(trx, {
        orgId: actor.orgId,
        name: input.name,
        hash: hashOf(token),
        prefix: token.slice(0, 10),
        datasets: datasetsOf,
        createdBy: actor.userId,
      })
      await writeAudit(trx, actor, {
        action: 'feeds.token_created',
        module: MODULE,
        entityType: 'api_token',
        entityId: id,
        data: { name: input.name, datasets: datasetsOf, prefix: token.slice(0, 10) },
      })
      const row = await repo.findToken(trx, actor.orgId, id)
      return { token, apiToken: toApiToken(row!) }
    })
  }

  async function revokeToken(actor: Actor, id: string): Promise<TApiToken> {
    requireAccess(actor, 'apiToken.manage')
    return db.transaction().execute(async (trx) => {
      const before = await repo.findToken(trx, actor.orgId, id)
      if (!before) throw new AppError('NOT_FOUND', M.tokenNotFound())
      if (!before.revoked_at) {
        await repo.revokeToken(trx, actor.orgId, id, actor.userId, clock())
        await writeAudit(trx, actor, {
          action: 'feeds.token_revoked',
          module: MODULE,
          entityType: 'api_token',
          entityId: id,
          data: { name: before.name, prefix: before.prefix },
        })
      }
      return toApiToken((await repo.findToken(trx, actor.orgId, id))!)
    })
  }

  /** The live token a bearer value names, or null (unknown, revoked, or not a Faena token). */
  async function authenticate(bearer: string): Promise<FeedCaller | null> {
    if (!bearer.startsWith(TOKEN_PREFIX) || bearer.length > 100) return null
    const row = await repo.findLiveTokenByHash(db, hashOf(bearer))
    return row ? { tokenId: row.id, orgId: row.org_id, name: row.name, datasets: row.datasets } : null
  }

  /** One page of a dataset for a token: JSON `{items, total, limit, offset}` or CSV. */
  async function read(
    caller: FeedCaller,
    name: string,
    q: TFeedQuery,
    meta: { requestId: string; ip: string | null; userAgent: string | null },
  ): Promise<{ contentType: string; body: string; total: number }> {
    const dataset = byName.get(name)
    if (!dataset) throw new AppError('NOT_FOUND', M.datasetNotFound())
    if (!caller.datasets.includes(name))
      throw new AppError('FORBIDDEN', M.tokenCannotRead({ token: caller.name, dataset: name }), {
        dataset: name,
      })
    const modifiedSince = q.modifiedSince ? new Date(q.modifiedSince) : null
    const { rows, total } = await dataset.read(db, caller.orgId, {
      modifiedSince,
      limit: q.limit,
      offset: q.offset,
    })
    await db.transaction().execute(async (trx) => {
      await repo.touchToken(trx, caller.tokenId, clock())
      await writeAudit(
        trx,
        { orgId: caller.orgId, ...meta },
        {
          action: 'feeds.read',
          module: MODULE,
          entityType: 'api_token',
          entityId: caller.tokenId,
          data: {
            token: caller.name,
            dataset: name,
            format: q.format,
            rows: rows.length,
            offset: q.offset,
            modifiedSince: q.modifiedSince ?? null,
          },
        },
      )
    })
    if (q.format === 'csv')
      return { contentType: 'text/csv; charset=utf-8', body: toCsv(dataset.columns, rows), total }
    return {
      contentType: 'application/json; charset=utf-8',
      body: JSON.stringify({ dataset: name, items: rows, total, limit: q.limit, offset: q.offset }),
      total,
    }
  }

  return {
    listDatasets,
    listTokens,
    createToken,
    revokeToken,
    authenticate,
    read,
    datasetNames: () => [...byName.keys()],
  }
}
