import type { TBillingSheetAction, TBillingSheetStatus } from '@faena/contracts'
import { defineMessages, type Message, type MessageTexts } from '../../platform/i18n/messages'

/** The rental-billing module's messages (docs/platform.md "Messages and languages"). */
export const billingMessages = defineMessages('rentalBilling', {
  sheetNotFound: { es: 'Planilla no encontrada', en: 'Billing sheet not found' },
  lineNotFound: { es: 'Línea no encontrada', en: 'Line not found' },
  removedLineNotFound: { es: 'Línea quitada no encontrada', en: 'Removed line not found' },
  certificateNotFound: { es: 'Certificado no encontrado', en: 'Certificate not found' },
  projectNotFound: { es: 'Proyecto no encontrado', en: 'Project not found' },
  projectMissing: { es: 'El proyecto no existe', en: 'The project does not exist' },
  projectClosedNoNewSheets: {
    es: 'El proyecto {project} está cerrado; no admite planillas nuevas',
    en: 'Project {project} is closed; it takes no new billing sheets',
  },
  projectClosedNoReopen: {
    es: 'El proyecto {project} está cerrado; sus planillas no se reabren',
    en: 'Project {project} is closed; its billing sheets are not reopened',
  },
  periodNotStarted: { es: 'El período aún no empieza', en: 'The period has not started yet' },
  periodStartsAfterToday: {
    es: 'El período empieza el {start}, después de hoy ({today}); la planilla se crea cuando el período ha empezado',
    en: 'The period starts on {start}, after today ({today}); the billing sheet is created once the period has started',
  },
  openSheetExists: {
    es: 'El proyecto ya tiene la planilla {code} en proceso; liquídala o anúlala primero',
    en: 'The project already has billing sheet {code} in progress; liquidate or cancel it first',
  },
  openSheetNoReopen: {
    es: 'El proyecto ya tiene la planilla {code} en proceso; no se puede reabrir otra',
    en: 'The project already has billing sheet {code} in progress; another one cannot be reopened',
  },
  samePeriodSheet: {
    es: 'El proyecto ya tiene la planilla {code} para ese período',
    en: 'The project already has billing sheet {code} for that period',
  },
  periodOverlaps: {
    es: 'El período se cruza con el de la planilla {code} ({start} – {end})',
    en: 'The period overlaps that of billing sheet {code} ({start} – {end})',
  },
  oneOpenSheet: {
    es: 'El proyecto ya tiene una planilla en proceso',
    en: 'The project already has a billing sheet in progress',
  },
  onePeriodSheet: {
    es: 'El proyecto ya tiene una planilla para ese período',
    en: 'The project already has a billing sheet for that period',
  },
  invalidPeriod: { es: 'Período no válido', en: 'Invalid period' },
  periodEndBeforeStart: {
    es: 'El fin del período debe ser posterior a su inicio',
    en: 'The end of the period must be after its start',
  },
  periodBeforeProject: {
    es: 'El período empieza antes del inicio del proyecto ({date})',
    en: 'The period starts before the project starts ({date})',
  },
  periodAfterProject: {
    es: 'El período termina después del fin del proyecto ({date})',
    en: 'The period ends after the project ends ({date})',
  },
  liquidateTooEarly: {
    es: 'El período de la planilla {code} termina el {end}; se liquida desde el {from} (hoy es {today})',
    en: 'The period of billing sheet {code} ends on {end}; it can be liquidated from {from} (today is {today})',
  },
  reasonMissing: { es: 'Indica el motivo', en: 'Give the reason' },
  reasonRequired: { es: 'El motivo es obligatorio', en: 'The reason is required' },
  invoiceNotFound: { es: 'Factura no encontrada', en: 'Invoice not found' },
  invoiceFileMissing: {
    es: 'El archivo no existe; súbelo primero',
    en: 'The file does not exist; upload it first',
  },
  invoiceNotPdf: { es: 'La factura debe ser un PDF', en: 'The invoice must be a PDF' },
  fileIsNotPdf: { es: 'El archivo es {kind}, no PDF', en: 'The file is {kind}, not PDF' },
  invoiceTakenBy: {
    es: 'La factura {reference} ya está registrada en la planilla {code}',
    en: 'Invoice {reference} is already recorded on billing sheet {code}',
  },
  invoiceTaken: {
    es: 'La factura {reference} ya está registrada en otra planilla',
    en: 'Invoice {reference} is already recorded on another billing sheet',
  },
  onlyRentalDays: {
    es: 'Solo se editan los días de las líneas de alquiler de equipos',
    en: 'Only the days of equipment rental lines can be edited',
  },
  invalidDays: { es: 'Días no válidos', en: 'Invalid days' },
  dateOutsideRate: {
    es: 'Fecha fuera de las fechas de esta tarifa; edítala en la otra línea',
    en: 'Date outside this rate’s dates; edit it on the other line',
  },
  serviceLineFromChains: {
    es: 'Una línea de servicio sale de las cadenas de custodia del período; anula las cadenas para quitarla',
    en: 'A service line comes from the period’s chains of custody; void the chains to remove it',
  },
  datesNotList: { es: 'Debe ser una lista de fechas', en: 'Must be a list of dates' },
  invalidDate: { es: 'Fecha inválida (AAAA-MM-DD)', en: 'Invalid date (YYYY-MM-DD)' },
  dateOutsidePeriod: {
    es: 'Fecha fuera del período o de la operación del equipo',
    en: 'Date outside the period or the equipment’s operation',
  },
  invalidVolume: {
    es: 'Volumen inválido: número no negativo con hasta 2 decimales',
    en: 'Invalid volume: a non-negative number with up to 2 decimals',
  },
  daysRequired: { es: 'Indique al menos un día', en: 'Give at least one day' },
  invalidWeekday: {
    es: 'Día de la semana inválido (0 = lunes … 6 = domingo)',
    en: 'Invalid weekday (0 = Monday … 6 = Sunday)',
  },
  invalidMonthDay: { es: 'Día del mes inválido (1..31)', en: 'Invalid day of the month (1..31)' },
  certificateExists: {
    es: 'La planilla ya tiene el certificado {number}',
    en: 'The billing sheet already has certificate {number}',
  },
  certificateNumbersExhausted: {
    es: 'Se agotaron los números de certificado del día (99 999)',
    en: 'The day’s certificate numbers are used up (99 999)',
  },
  certificateAlready: {
    es: 'La planilla ya tiene certificado de disposición final',
    en: 'The billing sheet already has a final disposal certificate',
  },
  manualDaysDropped: {
    es: 'El cambio altera los días facturados de {lines} en la planilla {code}, que tiene días puestos a mano; se perderían. Confirma para descartarlos',
    en: 'The change alters the billed days of {lines} on billing sheet {code}, which has days set by hand; they would be lost. Confirm to discard them',
  },
  amountTooBig: {
    es: 'La planilla {code} no admite ese importe',
    en: 'Billing sheet {code} cannot take that amount',
  },
  amountTooBigNew: {
    es: 'La planilla del período {start} – {end} no admite ese importe',
    en: 'The billing sheet for the period {start} – {end} cannot take that amount',
  },
  lineTotalTooBig: {
    es: 'Con este importe el total de la línea «{line}» ({amount}) de la planilla {code} superaría el máximo de {limit}',
    en: 'With this amount the total of line "{line}" ({amount}) on billing sheet {code} would exceed the maximum of {limit}',
  },
  lineTotalTooBigNew: {
    es: 'Con este importe el total de la línea «{line}» ({amount}) de la planilla del período {start} – {end} superaría el máximo de {limit}',
    en: 'With this amount the total of line "{line}" ({amount}) on the billing sheet for the period {start} – {end} would exceed the maximum of {limit}',
  },
  headerTooBig: {
    es: 'Con este importe el {header} ({amount}) de la planilla {code} superaría el máximo de {limit}',
    en: 'With this amount the {header} ({amount}) of billing sheet {code} would exceed the maximum of {limit}',
  },
  headerTooBigNew: {
    es: 'Con este importe el {header} ({amount}) de la planilla del período {start} – {end} superaría el máximo de {limit}',
    en: 'With this amount the {header} ({amount}) of the billing sheet for the period {start} – {end} would exceed the maximum of {limit}',
  },
  volumeTooBig: {
    es: 'Con este importe el volumen ({volume}) de la planilla {code} superaría el máximo de {limit}',
    en: 'With this amount the volume ({volume}) of billing sheet {code} would exceed the maximum of {limit}',
  },
  volumeTooBigNew: {
    es: 'Con este importe el volumen ({volume}) de la planilla del período {start} – {end} superaría el máximo de {limit}',
    en: 'With this amount the volume ({volume}) of the billing sheet for the period {start} – {end} would exceed the maximum of {limit}',
  },
})

/** A sheet's status inside a sentence (`La planilla X está liquidada`). */
const STATUS_WORD: Record<TBillingSheetStatus, MessageTexts> = {
  in_progress: { es: 'en proceso', en: 'in progress' },
  liquidated: { es: 'liquidada', en: 'liquidated' },
  invoiced: { es: 'facturada', en: 'invoiced' },
  cancelled: { es: 'anulada', en: 'cancelled' },
}
const REFUSAL: Record<TBillingSheetAction, MessageTexts> = {
  editLines: { es: 'sus líneas y días ya no cambian', en: 'its lines and days no longer change' },
  liquidate: { es: 'solo se liquida una planilla en proceso', en: 'only a sheet in progress is liquidated' },
  reopen: { es: 'solo se reabre una planilla liquidada', en: 'only a liquidated sheet is reopened' },
  invoice: { es: 'solo se factura una planilla liquidada', en: 'only a liquidated sheet is invoiced' },
  cancel: { es: 'no se puede anular', en: 'it cannot be cancelled' },
  delete: { es: 'solo se elimina una planilla en proceso', en: 'only a sheet in progress is deleted' },
  createCertificate: {
    es: 'no admite certificado de disposición final',
    en: 'it takes no final disposal certificate',
  },
  refreshCertificate: {
    es: 'su certificado de disposición final está congelado',
    en: 'its final disposal certificate is frozen',
  },
}
const camel = (s: string) => s.replace(/_(\w)/g, (_, c: string) => c.toUpperCase())
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
const statuses = Object.keys(STATUS_WORD) as TBillingSheetStatus[]

/** Refused actions, one key per action and status (`rentalBilling.refusal.editLinesLiquidated`). */
const refusals = defineMessages(
  'rentalBilling.refusal',
  Object.fromEntries(
    (Object.keys(REFUSAL) as TBillingSheetAction[]).flatMap((action) =>
      statuses.map((status) => [
        `${action}${cap(camel(status))}`,
        {
          es: `La planilla {code} está ${STATUS_WORD[status].es}: ${REFUSAL[action].es}`,
          en: `Billing sheet {code} is ${STATUS_WORD[status].en}: ${REFUSAL[action].en}`,
        },
      ]),
    ),
  ) as Record<string, MessageTexts>,
)
type Fn = (p: Record<string, string>) => Message
export const refusalMessage = (
  action: TBillingSheetAction,
  status: TBillingSheetStatus,
  code: string,
): Message => (refusals[`${action}${cap(camel(status))}`] as unknown as Fn)({ code })

/** A change to a document inside a locked sheet's period, one key per status. */
const locked = defineMessages(
  'rentalBilling.locked',
  Object.fromEntries(
    statuses.flatMap((status) => [
      [
        `document${cap(camel(status))}`,
        {
          es: `El documento está en la planilla {code} (${STATUS_WORD[status].es}); no admite cambios`,
          en: `The document is on billing sheet {code} (${STATUS_WORD[status].en}); it cannot change`,
        },
      ],
      [
        `period${cap(camel(status))}`,
        {
          es: `El período {start} – {end} ya está en la planilla {code} (${STATUS_WORD[status].es}); no admite cambios`,
          en: `The period {start} – {end} is already on billing sheet {code} (${STATUS_WORD[status].en}); it cannot change`,
        },
      ],
    ]),
  ) as Record<string, MessageTexts>,
)
export const documentLocked = (status: TBillingSheetStatus, code: string): Message =>
  (locked[`document${cap(camel(status))}`] as unknown as Fn)({ code })
export const periodLocked = (status: TBillingSheetStatus, p: { code: string; start: string; end: string }) =>
  (locked[`period${cap(camel(status))}`] as unknown as Fn)(p)
