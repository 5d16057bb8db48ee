import type { Permission } from '../access'

/**
 * The kinds of notification people can choose how to hear about (docs/platform.md#notifications), with who
 * can receive them: a kind tied to a permission is offered only to roles that have it.
 */
export const NOTIFICATION_KINDS: readonly {
  kind: string
  label: { es: string; en: string }
  permission: Permission | null
}[] = [
  {
    kind: 'proposal.step_assigned',
    label: { es: 'Me asignan un paso de una PTE', en: 'I am assigned a proposal step' },
    permission: null,
  },
  {
    kind: 'work_order.step_assigned',
    label: { es: 'Me asignan un paso de una OT', en: 'I am assigned a work-order step' },
    permission: null,
  },
  {
    kind: 'billingSheet.liquidated',
    label: { es: 'Una planilla queda liquidada (lista para facturar)', en: 'A billing sheet is liquidated' },
    permission: 'billingSheet.invoice',
  },
  {
    kind: 'estimate.submitted',
    label: {
      es: 'Una estimación se envía al cliente (por aprobar)',
      en: 'An estimate is submitted (to approve)',
    },
    permission: 'estimate.approve',
  },
  {
    kind: 'estimate.approved',
    label: {
      es: 'Una estimación queda aprobada (lista para facturar)',
      en: 'An estimate is approved (to invoice)',
    },
    permission: 'estimate.approve',
  },
  {
    kind: 'estimate.returned',
    label: { es: 'Me devuelven una estimación a borrador', en: 'An estimate of mine is returned to draft' },
    permission: 'estimate.manage',
  },
  {
    kind: 'estimate.invoiced',
    label: { es: 'Una estimación queda facturada (por cobrar)', en: 'An estimate is invoiced (to collect)' },
    permission: 'estimate.approve',
  },
  {
    kind: 'backup.failed',
    label: { es: 'Falla un respaldo', en: 'A backup fails' },
    permission: 'backup.manage',
  },
  {
    kind: 'backup.stale',
    label: { es: 'Dos días sin respaldo', en: 'Two days without a backup' },
    permission: 'backup.manage',
  },
  {
    kind: 'compliance.expiring',
    label: {
      es: 'Vence o está por vencer un documento de un técnico o vehículo',
      en: 'A technician or vehicle document expires or is about to',
    },
    permission: 'fieldStaff.manage',
  },
  {
    kind: 'deadline.due_soon',
    label: {
      es: 'Un paso o una OT a mi cargo vence en los próximos días',
      en: 'A step or work order in my charge is due in the next days',
    },
    permission: null,
  },
  {
    kind: 'deadline.overdue',
    label: {
      es: 'Un paso o una OT a mi cargo está vencido',
      en: 'A step or work order in my charge is overdue',
    },
    permission: null,
  },
  {
    kind: 'work_order.status_changed',
    label: {
      es: 'Cambia el estatus de una OT en la que participo',
      en: 'A work order I take part in changes status',
    },
    permission: 'workOrder.read',
  },
  {
    kind: 'production.excess',
    label: {
      es: 'Se detecta volumen excedente en la producción',
      en: 'Excess volume is detected in production',
    },
    permission: 'production.unlock',
  },
  {
    kind: 'billingSheet.invoiced',
    label: { es: 'Una planilla queda facturada', en: 'A billing sheet is invoiced' },
    permission: 'billingSheet.invoice',
  },
]
