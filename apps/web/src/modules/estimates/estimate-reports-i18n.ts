/**
 * Strings of the estimate reports screen and the document downloads (namespace `estimates`, keys `reports.*`
 * and `documents.*`, merged in i18n.ts). Spanish is the source.
 */
import type { TranslationShape } from '../../platform/i18n-types'

export const reportsEs = {
  reports: {
    open: 'Reportes',
    title: 'Reportes de estimaciones',
    subtitle: 'Producción sin estimar por antigüedad y avance estimado contra producido y autorizado por OT.',
    back: 'Estimaciones',
    workOrder: 'OT',
    allWorkOrders: 'Todas las OT',
    asOf: 'Antigüedad al',
    aging: {
      title: 'Producción sin estimar por antigüedad',
      hint: 'Producción que ninguna estimación aprobada cobra, a precio unitario, por mes de producción; la antigüedad se cuenta desde el último día del mes.',
      empty: 'No hay producción sin estimar con estos filtros.',
      emptyHint: 'Toda la producción registrada está cobrada en estimaciones aprobadas.',
      export: 'Exportar a Excel',
      workOrder: 'OT',
      concept: 'Concepto',
      month: 'Mes',
      days: 'Días',
      unbilled: 'Sin estimar',
      inEstimates: 'En estimaciones por aprobar',
      total: 'Total',
      bucket0: '0–30 días',
      bucket1: '31–60 días',
      bucket2: '61–90 días',
      bucket3: 'Más de 90 días',
    },
    progress: {
      title: 'Estimado contra producido y autorizado',
      hint: 'Por familia de OT, a los precios unitarios vigentes de la familia. Estimado: estimaciones vivas (las deductivas restan); aprobado: ya cobrado.',
      empty: 'No hay OT con producción ni estimaciones.',
      chart: 'Autorizado, producido, estimado y aprobado por OT en MXN',
      authorized: 'Autorizado',
      produced: 'Producido',
      estimated: 'Estimado',
      approved: 'Aprobado',
      currency: 'Moneda',
    },
  },
  documents: {
    pdf: 'Descargar PDF',
    excel: 'Descargar Excel',
  },
}

export const reportsEn: TranslationShape<typeof reportsEs> = {
  reports: {
    open: 'Reports',
    title: 'Estimate reports',
    subtitle: 'Unbilled production by age, and estimated against produced and authorized per work order.',
    back: 'Estimates',
    workOrder: 'Work order',
    allWorkOrders: 'All work orders',
    asOf: 'Aged as of',
    aging: {
      title: 'Unbilled production by age',
      hint: 'Production no approved estimate bills, at unit prices, per month of production; the age counts from the month’s last day.',
      empty: 'No unbilled production matches these filters.',
      emptyHint: 'All recorded production is billed in approved estimates.',
      export: 'Export to Excel',
      workOrder: 'Work order',
      concept: 'Concept',
      month: 'Month',
      days: 'Days',
      unbilled: 'Unbilled',
      inEstimates: 'In estimates awaiting approval',
      total: 'Total',
      bucket0: '0–30 days',
      bucket1: '31–60 days',
      bucket2: '61–90 days',
      bucket3: 'Over 90 days',
    },
    progress: {
      title: 'Estimated against produced and authorized',
      hint: 'Per work-order family, at the family’s current unit prices. Estimated: live estimates (deductive lines subtract); approved: already billed.',
      empty: 'No work order has production or estimates.',
      chart: 'Authorized, produced, estimated and approved per work order in MXN',
      authorized: 'Authorized',
      produced: 'Produced',
      estimated: 'Estimated',
      approved: 'Approved',
      currency: 'Currency',
    },
  },
  documents: {
    pdf: 'Download PDF',
    excel: 'Download Excel',
  },
}
