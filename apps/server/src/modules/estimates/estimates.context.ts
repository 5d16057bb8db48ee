/**
 * What every estimates use case shares (docs/estimates.md): the database and clock, the family of a work order,
 * an estimate of the organization, the family's billing settings, the audit row, and the estimate as the API
 * answers it (estimate-view.ts).
 */
import type { TEstimateSettings, TRetentionSetting } from '@faena/contracts'
import { sql } from 'kysely'
import { isSystemActor, type Actor } from '../../platform/access'
import { writeAudit, type AuditChange } from '../../platform/audit/audit'
import type { Db, Executor } from '../../platform/db/executor'
import { AppError, fieldError } from '../../platform/errors'
import { estimatesMessages as M } from './estimates.messages'
import type { Texts } from '../../platform/i18n/export-texts'
import { currentLang } from '../../platform/i18n/language'
import { Dec } from '../../platform/money/money'
import { findOrganizationById } from '../../platform/tenancy/organizations'
import type { NotifyFn } from '../../platform/notifications'
import { getWorkOrderRef, type WorkOrderRef } from '../work-orders'
import { announceEstimate } from './estimate-notifications'
import * as repo from './estimates.repository'

export type EstimatesDeps = {
  db: Db
  clock: () => Date
  /** the platform's notifications (in the app; by e-mail through the mail job for those who asked) */
  notify: NotifyFn
}

/** An estimate in one of these statuses has billed its cells for good (approved and what follows it). */
export const BILLED_STATUSES: readonly string[] = ['approved', 'invoiced', 'paid']
/** An estimate in one of these statuses answers its figures as frozen at submission. */
export const FROZEN_STATUSES: readonly string[] = ['submitted', ...BILLED_STATUSES]

/** The statuses as a sentence names them, in both languages. */
export const STATUS_NAMES: Record<string, Texts> = {
  draft: { es: 'borrador', en: 'draft' },
  in_review: { es: 'en revisión', en: 'in review' },
  submitted: { es: 'enviada al cliente', en: 'submitted to the client' },
  approved: { es: 'aprobada', en: 'approved' },
  invoiced: { es: 'facturada', en: 'invoiced' },
  paid: { es: 'pagada', en: 'paid' },
  cancelled: { es: 'cancelada', en: 'cancelled' },
}
const OR: Texts = { es: ' o ', en: ' or ' }

export function createEstimatesContext(deps: EstimatesDeps) {
  const userId = (actor: Actor) => (isSystemActor(actor) ? null : actor.userId)

  /** The initial work order of a family (404 for another organization's, 400 naming `workOrderId` for a reprogramming). */
  async function loadInitial(ex: Executor, orgId: string, workOrderId: string): Promise<WorkOrderRef> {
    const wo = await getWorkOrderRef(ex, orgId, workOrderId)
    if (!wo) throw new AppError('NOT_FOUND', M.workOrderNotFound())
    if (wo.type !== 'initial')
      throw new AppError('VALIDATION', M.familyNeedsInitial(), [fieldError('workOrderId', M.mustBeInitial())])
    return wo
  }

  /** An estimate of the organization (404 otherwise); `forUpdate` locks it for the transaction. */
  async function loadEstimate(ex: Executor, orgId: string, id: string, forUpdate = false) {
    const row = await repo.getEstimate(ex, orgId, id, { forUpdate })
    if (!row) throw new AppError('NOT_FOUND', M.estimateNotFound())
    return row
  }

  /** Serializes the writes that decide which cells a family's estimates bill. */
  const lockFamily = async (trx: Executor, familyId: string) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`estimates:${familyId}`}))`.execute(trx)
  }

  /** The family's settings, or the defaults (IVA of the organization, else 16 %; no advance; one month). */
  async function settingsOf(ex: Executor, orgId: string, familyId: string): Promise<TEstimateSettings> {
    const s = await repo.getSettings(ex, orgId, familyId)
    if (s)
      return {
        workOrderId: familyId,
        isDefault: false,
        ivaPercent: s.iva_percent,
        advanceMxn: s.advance_mxn,
        advanceUsd: s.advance_usd,
        amortizationPercent: s.amortization_percent,
        retentions: s.retentions as TRetentionSetting[],
        maxPeriodMonths: s.max_period_months,
      }
    const org = await findOrganizationById(ex, orgId)
    const orgRate = new Dec(org?.taxRate ?? '0')
    return {
      workOrderId: familyId,
      isDefault: true,
      ivaPercent: orgRate.greaterThan(0) ? orgRate.times(100).toFixed() : '16',
      advanceMxn: '0',
      advanceUsd: '0',
      amortizationPercent: '0',
      retentions: [],
      maxPeriodMonths: 1,
    }
  }

  const audit = (
    trx: Executor,
    actor: Actor,
    estimate: { id: string; number: number; familyId: string },
    action: string,
    changes: AuditChange[],
    data: Record<string, unknown> = {},
  ) =>
    writeAudit(trx, actor, {
      action: `estimate.${action}`,
      module: 'estimates',
      entityType: 'estimate',
      entityId: estimate.id,
      changes,
      data: { number: estimate.number, workOrderId: estimate.familyId, ...data },
    })

  const refuseUnlessStatus = (row: repo.EstimateRow, ...statuses: string[]) => {
    if (!statuses.includes(row.status)) {
      // the statuses are named now, in the request's language (docs/platform.md "Messages and languages")
      const lang = currentLang()
      const name = (s: string) => STATUS_NAMES[s]?.[lang] ?? s
      throw new AppError(
        'INVALID_STATE',
        M.wrongStatus({
          number: row.number,
          status: name(row.status),
          statuses: statuses.map(name).join(OR[lang]),
        }),
        { status: row.status },
      )
    }
  }

  /** Tells those who act next about a status change (estimate-notifications.ts), in the change's transaction. */
  async function announce(trx: Executor, actor: Actor, row: repo.EstimateRow, action: string) {
    const wo = await getWorkOrderRef(trx, row.org_id, row.family_id)
    await announceEstimate(deps.notify, trx, actor, row, action, wo?.number ?? '', row.updated_at)
  }

  return {
    ...deps,
    userId,
    loadInitial,
    announce,
    loadEstimate,
    lockFamily,
    settingsOf,
    audit,
    refuseUnlessStatus,
  }
}
export type EstimatesContext = ReturnType<typeof createEstimatesContext>
