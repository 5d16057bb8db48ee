import { defineMessages } from '../../platform/i18n/messages'

/** The production module's messages (docs/platform.md "Messages and languages"). */
export const productionMessages = defineMessages('production', {
  workOrderNotFound: { es: 'Orden de trabajo no encontrada', en: 'Work order not found' },
  notInitialWorkOrder: {
    es: 'La producción se captura en la orden de trabajo inicial de la familia, no en una reprogramación',
    en: "Production is captured on the family's initial work order, not on a reprogramming",
  },
  mustBeInitial: { es: 'Debe ser la orden de trabajo inicial', en: 'Must be the initial work order' },
  notAtSite: {
    es: 'La orden {number} no trabaja en este sitio en {month}',
    en: 'Work order {number} does not work at this site in {month}',
  },
  notValidAtSite: {
    es: 'La orden de trabajo no tiene vigencia en este sitio y mes',
    en: 'The work order is not in force at this site and month',
  },
  outsideSiteOrMonth: {
    es: 'Orden {number} fuera del sitio o del mes',
    en: 'Work order {number} outside the site or the month',
  },
  billedCells: {
    es: 'Producción ya facturada, no se guardó nada: {cells}. Billed production cannot change; bill a correction in a new estimate.',
    en: 'Production already billed, nothing was saved: {cells}. Billed production cannot change; bill a correction in a new estimate.',
  },
  closedMonth: {
    es: 'El mes está cerrado (reporte mensual), no se guardó nada: {cells}. Un gerente debe reabrirlo antes de cambiarlo.',
    en: 'The month is closed (monthly report), nothing was saved: {cells}. A manager must reopen it before it changes.',
  },
  duplicateStatusCode: { es: "La clave '{code}' está repetida", en: "Code '{code}' is repeated" },
  repeatedCode: { es: 'Clave repetida', en: 'Repeated code' },
  dayNotInMonth: { es: 'El día {date} no es de {month}', en: 'Day {date} is not in {month}' },
  daysOutsideMonth: { es: 'Hay días fuera del mes', en: 'Some days are outside the month' },
  cellTwice: { es: 'Una celda aparece dos veces', en: 'A cell appears twice' },
  repeatedCell: { es: 'Celda repetida {date}', en: 'Repeated cell {date}' },
  repeatedGridCell: { es: 'Celda repetida: {date}', en: 'Repeated cell: {date}' },
  unknownDayStatus: {
    es: "Estado '{status}' no existe en el catálogo",
    en: "Status '{status}' is not in the catalog",
  },
  outsideValidity: {
    es: '{cell}: fuera de la vigencia de la orden en este sitio',
    en: '{cell}: outside the period the work order is in force at this site',
  },
  cellsNotSaved: { es: 'Hay celdas que no se pueden guardar', en: 'Some cells cannot be saved' },
  invalidCells: { es: 'Hay celdas no válidas', en: 'Some cells are not valid' },
  signedDaysUnlock: {
    es: 'Días firmados: {cells}. Un supervisor debe desbloquearlos antes de cambiarlos.',
    en: 'Signed days: {cells}. A supervisor must unlock them before they change.',
  },
  daysWithProduction: {
    es: 'Estos días tienen producción capturada y el estado elegido no la permite: {cells}',
    en: 'These days have captured production and the chosen status does not allow it: {cells}',
  },
  dayNotSigned: {
    es: 'El día {date} de {number} no está firmado',
    en: 'Day {date} of {number} is not signed',
  },
  staleGrid: {
    es: 'Otra persona guardó esta sábana después de que la abriste; recarga para ver sus cambios',
    en: 'Someone else saved this grid after you opened it; reload to see their changes',
  },
  conceptNotInAnnexC: {
    es: 'El concepto no está en el Anexo C de la familia',
    en: "The concept is not in the family's Annex C",
  },
  signedDaysNothingSaved: {
    es: 'Días firmados, no se guardó nada: {cells}',
    en: 'Signed days, nothing was saved: {cells}',
  },
  noProductionDays: {
    es: 'El estado del día no permite producción, no se guardó nada: {cells}',
    en: "The day's status does not allow production, nothing was saved: {cells}",
  },
  noProductionInCell: {
    es: 'No hay producción {timeType} en esa celda ({date})',
    en: 'There is no {timeType} production in that cell ({date})',
  },
  cellHasNoProduction: {
    es: 'La celda no tiene producción guardada',
    en: 'The cell has no saved production',
  },
  cellNotExcess: {
    es: 'La celda del {date} no excede el volumen autorizado',
    en: 'The cell of {date} does not exceed the authorized volume',
  },
  notExcess: { es: 'La celda no es excedente', en: 'The cell is not an excess' },
  signedDayReasonNotSaved: {
    es: 'Día firmado, no se guardó el motivo: {date}',
    en: 'Signed day, the reason was not saved: {date}',
  },
  conceptAlreadyInFamily: {
    es: 'El concepto {code} ya está autorizado en la familia',
    en: 'Concept {code} is already authorized in the family',
  },
  noConfirmedAnnexC: {
    es: 'La familia no tiene un Anexo C confirmado',
    en: 'The family has no confirmed Annex C',
  },
  withoutAnnexC: { es: 'Sin Anexo C confirmado', en: 'No confirmed Annex C' },
  conceptNotFound: { es: 'Concepto no encontrado', en: 'Concept not found' },
  conceptWithoutEvidence: {
    es: 'El concepto {code} no está en un anexo que requiera evidencia',
    en: 'Concept {code} is not in an annex that requires evidence',
  },
  evidenceAnnexes: { es: 'Anexos con evidencia: {annexes}', en: 'Annexes with evidence: {annexes}' },
  evidenceAnnexesNone: { es: 'Anexos con evidencia: (ninguno)', en: 'Annexes with evidence: (none)' },
  cellWithoutProduction: {
    es: 'La celda no tiene producción de ese tipo de tiempo en ese día',
    en: 'The cell has no production of that time type on that day',
  },
  noProductionNoEvidence: {
    es: 'Sin producción registrada: no lleva evidencia',
    en: 'No production recorded: it takes no evidence',
  },
  evidenceItemNotFound: {
    es: 'Archivo o enlace de evidencia no encontrado',
    en: 'Evidence file or link not found',
  },
  evidenceFileNotFound: { es: 'Archivo de evidencia no encontrado', en: 'Evidence file not found' },
  signedKeepsEvidence: {
    es: 'Una celda firmada conserva al menos un archivo o enlace; cambie primero su estado',
    en: 'A signed cell keeps at least one file or link; change its status first',
  },
  rejectionNeedsNote: {
    es: 'El rechazo necesita una nota que diga por qué',
    en: 'A rejection needs a note saying why',
  },
  signNeedsEvidence: {
    es: 'Para firmar, la celda necesita al menos un archivo o enlace',
    en: 'To be signed, the cell needs at least one file or link',
  },
  invalidStatus: { es: 'Estado no válido', en: 'Invalid status' },
  invalidData: { es: 'Datos no válidos', en: 'Invalid data' },
  noExchangeRate: { es: 'No hay tipo de cambio desde {date}', en: 'There is no exchange rate from {date}' },
  reportClosedReopen: {
    es: 'El reporte de {month} está cerrado; reábrelo para cambiarlo',
    en: 'The report of {month} is closed; reopen it to change it',
  },
  reportClosedWithReason: {
    es: 'El reporte de {month} está cerrado; se reabre con un motivo',
    en: 'The report of {month} is closed; it is reopened with a reason',
  },
  closeOnlyInReview: {
    es: 'Solo se cierra un reporte en revisión',
    en: 'Only a report in review can be closed',
  },
  attachBeforeReview: {
    es: 'Adjunta al menos un archivo o enlace antes de enviar a revisión',
    en: 'Attach at least one file or link before sending it to review',
  },
  reportNotClosed: { es: 'El reporte de {month} no está cerrado', en: 'The report of {month} is not closed' },
  reportFileNotFound: { es: 'Archivo del reporte no encontrado', en: 'Report file not found' },
  reviewKeepsFile: {
    es: 'Un reporte en revisión conserva al menos un archivo o enlace',
    en: 'A report in review keeps at least one file or link',
  },
  superintendentExists: {
    es: 'Ya existe el superintendente «{name}»',
    en: 'Superintendent «{name}» already exists',
  },
  superintendentNameTaken: {
    es: 'Ya existe un superintendente con ese nombre',
    en: 'A superintendent with that name already exists',
  },
  superintendentNotFound: { es: 'Superintendente no encontrado', en: 'Superintendent not found' },
  siteNotFound: { es: 'Sitio no encontrado', en: 'Site not found' },
  chooseActiveSuperintendent: {
    es: 'Elige un superintendente activo de la organización',
    en: 'Choose an active superintendent of the organization',
  },
  superintendentInactive: { es: '«{name}» está inactivo', en: '«{name}» is inactive' },
  rotationNotFound: { es: 'Rotación no encontrada', en: 'Rotation not found' },
})
