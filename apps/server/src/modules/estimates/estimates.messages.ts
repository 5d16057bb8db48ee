import { defineMessages } from '../../platform/i18n/messages'

/** The estimates module's messages (docs/platform.md "Messages and languages"). */
export const estimatesMessages = defineMessages('estimates', {
  overbilled: {
    es: 'Se pasa del volumen autorizado: {concepts}. Solo un excedente con motivo registrado puede estimarse por encima.',
    en: 'Over the authorized volume: {concepts}. Only an excess with a recorded reason may be billed above it.',
  },
  overbilledConcept: {
    es: 'concepto {code} por {over} (autorizado {authorized})',
    en: 'concept {code} by {over} (authorized {authorized})',
  },
  periodEndsBeforeStart: {
    es: 'El periodo termina antes de empezar',
    en: 'The period ends before it starts',
  },
  periodEndField: { es: 'Debe ser igual o posterior al inicio', en: 'Must be on or after the start' },
  periodTooLong: {
    es: 'El periodo de una estimación de esta orden es de {months} mes(es) como máximo',
    en: 'An estimate of this work order covers {months} month(s) at most',
  },
  periodEndBefore: { es: 'Debe ser anterior al {date}', en: 'Must be before {date}' },
  priceDifferenceOnlyAdjustment: {
    es: 'Solo una estimación de ajuste de precios lleva diferencias de precio',
    en: 'Only a price-adjustment estimate has price-difference lines',
  },
  priceDifferenceOnlyAdjustmentField: { es: 'Solo en ajuste de precios', en: 'Price adjustment only' },
  priceDifferenceZero: {
    es: 'La diferencia de precio no puede ser cero',
    en: 'The price difference cannot be zero',
  },
  priceDifferenceZeroField: { es: 'Distinta de cero en MXN o en USD', en: 'Non-zero in MXN or USD' },
  nothingBilled: {
    es: 'El concepto no tiene cantidad cobrada en estimaciones aprobadas',
    en: 'The concept has no quantity billed in approved estimates',
  },
  nothingBilledField: { es: 'Sin cantidad cobrada', en: 'Nothing billed' },
  conceptOutsideFamily: {
    es: 'El concepto no está en el Anexo C vigente de la familia',
    en: "The concept is not in the family's current Annex C",
  },
  conceptOutsideFamilyField: { es: 'Concepto fuera de la familia', en: 'Concept outside the family' },
  deductiveQuantity: {
    es: 'La cantidad deductiva debe ser mayor que cero',
    en: 'The deductive quantity must be greater than zero',
  },
  greaterThanZero: { es: 'Mayor que cero', en: 'Greater than zero' },
  penaltyNeedsAmount: { es: 'La penalización necesita un importe', en: 'The penalty needs an amount' },
  penaltyAmountField: { es: 'Mayor que cero en MXN o en USD', en: 'Greater than zero in MXN or USD' },
  adjustmentNotFound: { es: 'Ajuste no encontrado', en: 'Adjustment not found' },
  retentionRepeated: { es: 'La retención «{code}» está repetida', en: 'Retention "{code}" is repeated' },
  codeRepeated: { es: 'Clave repetida', en: 'Repeated code' },
  workOrderNotFound: { es: 'Orden de trabajo no encontrada', en: 'Work order not found' },
  familyNeedsInitial: {
    es: 'Las estimaciones son de la familia: usa la orden de trabajo inicial, no una reprogramación',
    en: 'Estimates belong to the family: use the initial work order, not a reprogramming',
  },
  mustBeInitial: { es: 'Debe ser la orden de trabajo inicial', en: 'Must be the initial work order' },
  estimateNotFound: { es: 'Estimación no encontrada', en: 'Estimate not found' },
})
