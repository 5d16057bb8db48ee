/**
 * Who hears about an estimate's status change (docs/estimates.md#notifications), in the transaction of the change:
 * submitted, approved and invoiced go to those who act next (permission `estimate.approve`: approve, invoice,
 * record the payment); returned goes to the estimate's creator. The one who acted is never told; one event is
 * stored once per person (its key is the estimate, the action and the moment of the change).
 */
import type { Actor } from '../../platform/access'
import { isSystemActor } from '../../platform/access'
import type { Executor } from '../../platform/db/executor'
import type { NotificationEvent, NotifyFn } from '../../platform/notifications'
import type * as repo from './estimates.repository'

const TEXT: Record<
  string,
  {
    kind: string
    title: (n: number, wo: string) => { es: string; en: string }
    next: 'approvers' | 'creator'
  }
> = {
  submitted: {
    kind: 'estimate.submitted',
    title: (n, wo) => ({
      es: `Estimación ${n} de ${wo} enviada al cliente: por aprobar`,
      en: `Estimate ${n} of ${wo} submitted to the client: to approve`,
    }),
    next: 'approvers',
  },
  approved: {
    kind: 'estimate.approved',
    title: (n, wo) => ({
      es: `Estimación ${n} de ${wo} aprobada: lista para facturar`,
      en: `Estimate ${n} of ${wo} approved: ready to invoice`,
    }),
    next: 'approvers',
  },
  returned: {
    kind: 'estimate.returned',
    title: (n, wo) => ({
      es: `Estimación ${n} de ${wo} devuelta a borrador`,
      en: `Estimate ${n} of ${wo} returned to draft`,
    }),
    next: 'creator',
  },
  invoiced: {
    kind: 'estimate.invoiced',
    title: (n, wo) => ({
      es: `Estimación ${n} de ${wo} facturada: registra el pago al recibirlo`,
      en: `Estimate ${n} of ${wo} invoiced: record the payment when it arrives`,
    }),
    next: 'approvers',
  },
}

export async function announceEstimate(
  notify: NotifyFn,
  trx: Executor,
  actor: Actor,
  row: repo.EstimateRow,
  action: string,
  workOrderNumber: string,
  at: Date,
): Promise<void> {
  const t = TEXT[action]
  if (!t) return
  if (t.next === 'creator' && !row.created_by) return
  const body =
    action === 'returned' && row.return_reason
      ? { es: `Motivo: ${row.return_reason}`, en: `Reason: ${row.return_reason}` }
      : action === 'invoiced' && row.invoice_reference
        ? { es: `Factura ${row.invoice_reference}.`, en: `Invoice ${row.invoice_reference}.` }
        : null
  const event: NotificationEvent = {
    orgId: row.org_id,
    to: {
      ...(t.next === 'approvers'
        ? { permission: 'estimate.approve' as const }
        : { userIds: [row.created_by!] }),
      exceptUserId: isSystemActor(actor) ? null : actor.userId,
    },
    kind: t.kind,
    title: t.title(row.number, workOrderNumber),
    body,
    link: `/estimates/${row.id}`,
    dedupeKey: `${t.kind}:${row.id}:${at.toISOString()}`,
  }
  await notify(trx, event)
}
