import type { TExchangeRateRequest, TExchangeRates, TExchangeRatesQuery } from '@faena/contracts'
import { ZExchangeRatesQuery } from '@faena/contracts'
import { requireAccess, type Actor } from '../../platform/access'
import { writeAudit } from '../../platform/audit/audit'
import { AppError } from '../../platform/errors'
import { Dec } from '../../platform/money/money'
import type { ProductionContext } from './production.context'
import * as grepo from './production-grid.repository'
import { productionMessages as M } from './production.messages'

/** The organization's effective-dated USD → MXN exchange rates (docs/production.md#kpis-and-exchange-rates). */
export function createExchangeRateUseCases(ctx: ProductionContext) {
  const { db } = ctx

  async function listRates(actor: Actor, query: TExchangeRatesQuery = {}): Promise<TExchangeRates> {
    requireAccess(actor, 'production.read')
    const { limit, offset } = ZExchangeRatesQuery.parse(query)
    const [rows, total] = await Promise.all([
      grepo.listRates(db, actor.orgId, limit, offset),
      grepo.countRates(db, actor.orgId),
    ])
    return {
      items: rows.map((r) => ({
        validFrom: r.valid_from,
        rate: new Dec(r.rate).toFixed(),
        createdAt: new Date(r.created_at).toISOString(),
      })),
      total,
    }
  }

  async function saveRate(actor: Actor, body: TExchangeRateRequest): Promise<TExchangeRates> {
    requireAccess(actor, 'exchangeRate.manage')
    await db.transaction().execute(async (trx) => {
      const old = await grepo.upsertRate(trx, actor.orgId, body.validFrom, body.rate, ctx.userId(actor))
      await writeAudit(trx, actor, {
        action: 'production.exchange_rate_saved',
        module: 'production',
        entityType: 'exchange_rate',
        entityId: null,
        changes: [{ field: `rate ${body.validFrom}`, old, new: body.rate }],
      })
    })
    return listRates(actor)
  }

  /** Deletes the rate in force from `validFrom` (404 when there is none); audited. */
  async function deleteRate(actor: Actor, validFrom: string): Promise<TExchangeRates> {
    requireAccess(actor, 'exchangeRate.manage')
    await db.transaction().execute(async (trx) => {
      const old = await grepo.deleteRate(trx, actor.orgId, validFrom)
      if (old === null) throw new AppError('NOT_FOUND', M.noExchangeRate({ date: validFrom }))
      await writeAudit(trx, actor, {
        action: 'production.exchange_rate_deleted',
        module: 'production',
        entityType: 'exchange_rate',
        entityId: null,
        changes: [{ field: `rate ${validFrom}`, old, new: null }],
      })
    })
    return listRates(actor)
  }

  return { listRates, saveRate, deleteRate }
}
