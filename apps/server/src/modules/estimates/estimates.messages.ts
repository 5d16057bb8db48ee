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
  wrongStatus: {
    es: 'La estimación {number} está {status}; esta acción necesita {statuses}',
    en: 'Estimate {number} is {status}; this action needs it to be {statuses}',
  },
  openMonths: {
    es: 'Solo se cobran meses cerrados en producción; no está cerrado: {months} ({count} celda(s)). Ciérralo en Producción → Cierre mensual.',
    en: 'Only months closed in production are billed; not closed: {months} ({count} cell(s)). Close it in Production → Monthly close.',
  },
  excessOnlyAuthorized: {
    es: 'Una estimación de excedentes solo cobra excedente autorizado',
    en: 'An excess estimate bills authorized excess only',
  },
  ordinaryNoExcess: {
    es: 'Una estimación ordinaria no cobra excedentes',
    en: 'An ordinary estimate bills no excess',
  },
  extraordinaryOnlyPue: {
    es: 'Una estimación extraordinaria solo cobra conceptos PUE',
    en: 'An extraordinary estimate bills PUE concepts only',
  },
  priceAdjustmentNoProduction: {
    es: 'Una estimación de ajuste de precios no cobra producción: agrega líneas de diferencia de precio',
    en: 'A price-adjustment estimate bills no production: add price-difference lines',
  },
  dateFromOutside: {
    es: 'La fecha inicial está fuera del periodo de la estimación',
    en: "The start date is outside the estimate's period",
  },
  dateToOutside: {
    es: 'La fecha final está fuera del periodo o antes de la inicial',
    en: 'The end date is outside the period or before the start date',
  },
  between: { es: 'Entre {from} y {to}', en: 'Between {from} and {to}' },
  cellRepeated: { es: 'Celda repetida', en: 'Repeated cell' },
  cellOutsidePeriod: {
    es: 'Fuera del periodo de la estimación',
    en: "Outside the estimate's period",
  },
  cellNotProduced: { es: 'Sin producción en esa celda', en: 'No production in that cell' },
  cellOutsideFamily: {
    es: 'Concepto fuera del Anexo C vigente de la familia',
    en: "Concept outside the family's current Annex C",
  },
  excessWithoutReason: {
    es: 'Excedente sin motivo registrado: no se estima',
    en: 'Excess without a recorded reason: not billed',
  },
  evidenceNotSigned: {
    es: 'Evidencia (GPU) no firmada: {status}',
    en: 'Evidence (GPU) not signed: {status}',
  },
  cellsRefused: { es: 'Hay celdas que no pueden estimarse', en: 'Some cells cannot be billed' },
  cellsBilled: {
    es: 'Hay celdas ya cobradas en una estimación aprobada; no pueden cobrarse otra vez',
    en: 'Some cells are already billed in an approved estimate; they cannot be billed again',
  },
  cellsInOtherEstimate: {
    es: 'Hay celdas que ya están en otra estimación',
    en: 'Some cells are already in another estimate',
  },
  referenceInEstimate: {
    es: 'La referencia de factura «{reference}» ya está en la estimación {number} de la organización',
    en: 'Invoice reference "{reference}" is already used by estimate {number} of the organization',
  },
  referenceInOther: {
    es: 'La referencia de factura «{reference}» ya está en otra estimación de la organización',
    en: 'Invoice reference "{reference}" is already used by another estimate of the organization',
  },
  referenceRepeated: { es: 'Referencia de factura repetida', en: 'Duplicate invoice reference' },
  paymentInFuture: {
    es: 'La fecha de pago no puede ser futura',
    en: 'The payment date cannot be in the future',
  },
  upTo: { es: 'Hasta el {date}', en: 'Up to {date}' },
  paymentBeforeInvoice: {
    es: 'La fecha de pago es anterior a la factura',
    en: 'The payment date is before the invoice',
  },
  from: { es: 'Desde el {date}', en: 'From {date}' },
  paidAmount: {
    es: 'El importe pagado debe ser el neto homologado de la estimación, {expected} MXN',
    en: "The amount paid must equal the estimate's homologated net, {expected} MXN",
  },
  mustBe: { es: 'Debe ser {expected}', en: 'Must be {expected}' },
  productionChanged: {
    es: 'La producción de {count} celda(s) cambió desde que se eligió; vuelve a guardar la selección',
    en: 'The production of {count} cell(s) changed since it was chosen; save the selection again',
  },
  earlySettlement: {
    es: 'El finiquito necesita aprobadas todas las estimaciones anteriores; faltan: {estimates}',
    en: 'A final settlement needs every earlier estimate approved; missing: {estimates}',
  },
  estimateNumber: { es: 'Estimación {number}', en: 'Estimate {number}' },
  nothingToReview: {
    es: 'La estimación no tiene producción ni ajustes que revisar',
    en: 'The estimate has no production or adjustments to review',
  },
  noExchangeRate: {
    es: 'No hay tipo de cambio vigente al {date}; escríbelo',
    en: 'There is no exchange rate in force on {date}; enter it',
  },
  exchangeRateRequired: {
    es: 'Obligatorio: no hay tipo de cambio en la tabla para esa fecha',
    en: 'Required: the table has no exchange rate for that date',
  },
  overbilledAtSubmit: {
    es: 'Se pasa del volumen autorizado: {concepts}',
    en: 'Over the authorized volume: {concepts}',
  },
  overbilledConceptBy: { es: 'concepto {code} por {over}', en: 'concept {code} by {over}' },
})
