import { defineMessages } from '../../platform/i18n/messages'

/** The rental-projects module's messages (docs/platform.md "Messages and languages"). */
export const projectsMessages = defineMessages('rentalProjects', {
  assignmentNotFound: { es: 'Asignación no encontrada', en: 'Assignment not found' },
  projectNotFound: { es: 'Proyecto no encontrado', en: 'Project not found' },
  equipmentNotFound: { es: 'Equipo no encontrado', en: 'Equipment not found' },
  clientNotFound: { es: 'Cliente no encontrado', en: 'Client not found' },
  invalidRate: { es: 'Tarifa no válida', en: 'Invalid rate' },
  invalidAmount: {
    es: 'Importe no válido: no negativo, hasta 2 decimales',
    en: 'Invalid amount: not negative, up to 2 decimals',
  },
  projectStartsOn: { es: 'El proyecto empieza el {date}', en: 'The project starts on {date}' },
  projectEndsOn: { es: 'El proyecto termina el {date}', en: 'The project ends on {date}' },
  operationEndBeforeStart: {
    es: 'El fin de operación no puede ser anterior al inicio',
    en: 'The end of operation cannot be before its start',
  },
  invalidOperationDates: { es: 'Fechas de operación no válidas', en: 'Invalid operation dates' },
  equipmentAssigned: {
    es: 'El equipo {code} ya está asignado al proyecto «{project}»',
    en: 'Equipment {code} is already assigned to project "{project}"',
  },
  equipmentUnderReview: {
    es: 'El equipo {code} está pendiente de revisión: {note}',
    en: 'Equipment {code} is pending review: {note}',
  },
  equipmentNotOperative: {
    es: 'El equipo {code} no está operativo ({condition})',
    en: 'Equipment {code} is not operative ({condition})',
  },
  invalidLinkedEquipment: { es: 'Equipo vinculado no válido', en: 'Invalid linked equipment' },
  chooseLinkedEquipment: {
    es: 'Elige un equipo asignado (activo) a este proyecto',
    en: 'Choose equipment assigned (active) to this project',
  },
  equipmentOnSiteBetween: {
    es: 'El equipo {code} está en «{project}» del {start} al {end}; elige fechas que no se crucen',
    en: 'Equipment {code} is at "{project}" from {start} to {end}; choose dates that do not overlap',
  },
  equipmentOnSiteSince: {
    es: 'El equipo {code} está en «{project}» desde el {start}',
    en: 'Equipment {code} is at "{project}" since {start}',
  },
  alreadyRetired: {
    es: 'La asignación ya está retirada desde el {date}',
    en: 'The assignment is already retired since {date}',
  },
  invalidRetirementDate: { es: 'Fecha de retiro no válida', en: 'Invalid retirement date' },
  retirementBeforeStart: {
    es: 'La operación empezó el {start}; el retiro no puede ser anterior (elimina la asignación si no llegó a operar)',
    en: 'Operation started on {start}; the retirement cannot be earlier (delete the assignment if it never operated)',
  },
  notRetired: { es: 'La asignación no está retirada', en: 'The assignment is not retired' },
  invalidStart: { es: 'Inicio no válido', en: 'Invalid start' },
  startOnlyForward: {
    es: 'Solo se puede mover el inicio hacia adelante',
    en: 'The start can only be moved forward',
  },
  documentsUseAssignment: {
    es: 'Hay documentos (cadenas de custodia, hojas de mantenimiento o planillas) que usan esta asignación: retírala en lugar de eliminarla',
    en: 'Documents (chains of custody, maintenance sheets or billing sheets) use this assignment: retire it instead of deleting it',
  },
  documentsUseLinkedService: {
    es: 'Hay documentos que usan un servicio vinculado a este equipo: retira la asignación en lugar de eliminarla',
    en: 'Documents use a service linked to this equipment: retire the assignment instead of deleting it',
  },
  weekdaysRequired: { es: 'Elige al menos un día de la semana', en: 'Choose at least one weekday' },
  monthdaysRequired: { es: 'Elige al menos un día del mes', en: 'Choose at least one day of the month' },
  invalidWeekday: {
    es: 'Día de la semana inválido (0 = lunes … 6 = domingo)',
    en: 'Invalid weekday (0 = Monday … 6 = Sunday)',
  },
  invalidMonthDay: { es: 'Día del mes inválido (1..31)', en: 'Invalid day of the month (1..31)' },
  invalidFrequency: { es: 'Frecuencia no válida', en: 'Invalid frequency' },
  invalidEquipment: { es: 'Equipo no válido', en: 'Invalid equipment' },
  equipmentMissing: { es: 'El equipo o servicio no existe', en: 'The equipment or service does not exist' },
  invalidLink: { es: 'Vínculo no válido', en: 'Invalid link' },
  onlyServiceLinks: {
    es: 'Solo un servicio se vincula a un equipo',
    en: 'Only a service is linked to equipment',
  },
  equipmentOnOtherProject: {
    es: 'El equipo {code} ya está asignado a otro proyecto',
    en: 'Equipment {code} is already assigned to another project',
  },
  assignmentRetired: {
    es: 'La asignación está retirada: reactívala antes de editarla',
    en: 'The assignment is retired: reactivate it before editing it',
  },
  rateMissing: { es: 'Falta la tarifa', en: 'The rate is missing' },
  rateRequired: {
    es: 'Indica la tarifa que rige desde esa fecha',
    en: 'Give the rate that applies from that date',
  },
  invalidRuc: { es: 'RUC no válido', en: 'Invalid RUC' },
  rucTakenBy: {
    es: 'Ya existe un cliente con el RUC {taxId}: {client}',
    en: 'A client with RUC {taxId} already exists: {client}',
  },
  rucRegisteredFor: { es: 'Ya registrado para {client}', en: 'Already registered for {client}' },
  rucTaken: { es: 'Ya existe un cliente con el RUC {taxId}', en: 'A client with RUC {taxId} already exists' },
  rucRegistered: { es: 'RUC ya registrado', en: 'RUC already registered' },
  clientHasProjects: {
    es: 'El cliente tiene {count} proyecto(s); no se puede eliminar',
    en: 'The client has {count} project(s); it cannot be deleted',
  },
  codeTaken: {
    es: 'Ya existe un equipo o servicio con el código {code}',
    en: 'Equipment or a service with code {code} already exists',
  },
  codeRegistered: { es: 'Código ya registrado', en: 'Code already registered' },
  invalidType: { es: 'Tipo no válido', en: 'Invalid type' },
  serviceHasNoType: { es: 'Un servicio no tiene tipo de equipo', en: 'A service has no equipment type' },
  rentedCannotRetire: {
    es: 'El equipo {code} está rentado en «{project}»: retíralo del proyecto antes de darlo de baja',
    en: 'Equipment {code} is rented at "{project}": retire it from the project before writing it off',
  },
  equipmentHasAssignments: {
    es: '{code} tiene {count} asignación(es) en proyectos; no se puede eliminar (márcalo como retirado)',
    en: '{code} has {count} project assignment(s); it cannot be deleted (mark it as retired)',
  },
  invalidClient: { es: 'Cliente no válido', en: 'Invalid client' },
  clientMissing: { es: 'El cliente no existe', en: 'The client does not exist' },
  invalidDates: { es: 'Fechas no válidas', en: 'Invalid dates' },
  endBeforeStart: {
    es: 'La fecha de fin no puede ser anterior al inicio',
    en: 'The end date cannot be before the start',
  },
  invalidStartDate: { es: 'Fecha de inicio no válida', en: 'Invalid start date' },
  assignmentsSince: {
    es: 'Hay asignaciones desde {date}; el proyecto no puede empezar después',
    en: 'There are assignments since {date}; the project cannot start later',
  },
  alreadyClosed: { es: 'El proyecto ya está cerrado', en: 'The project is already closed' },
  sheetInProgress: {
    es: 'Hay una planilla en ejecución: liquídala o cancélala antes de cerrar el proyecto',
    en: 'A billing sheet is in progress: liquidate or cancel it before closing the project',
  },
  invalidCloseDate: { es: 'Fecha de cierre no válida', en: 'Invalid closing date' },
  closeBeforeStart: {
    es: 'El cierre no puede ser anterior al inicio del proyecto',
    en: 'The closing cannot be before the project start',
  },
  projectClosed: {
    es: 'El proyecto «{project}» está cerrado; ya no admite cambios',
    en: 'Project "{project}" is closed; it no longer takes changes',
  },
  chainOutsideBetween: {
    es: 'El servicio {code} quedaría operando del {start} al {end}, pero lo atendió la cadena de custodia N.º {number} del {date}, que dejaría de facturarse; anula esa cadena o cambia su fecha primero',
    en: 'Service {code} would operate from {start} to {end}, but chain of custody No. {number} of {date} served it and would no longer be billed; void that chain or change its date first',
  },
  chainOutsideSince: {
    es: 'El servicio {code} quedaría operando desde el {start}, pero lo atendió la cadena de custodia N.º {number} del {date}, que dejaría de facturarse; anula esa cadena o cambia su fecha primero',
    en: 'Service {code} would operate from {start} on, but chain of custody No. {number} of {date} served it and would no longer be billed; void that chain or change its date first',
  },
  chainsOutsideBetween: {
    es: 'El servicio {code} quedaría operando del {start} al {end}, pero lo atendieron las cadenas de custodia {chains}, que dejarían de facturarse; anula esas cadenas o cambia su fecha primero',
    en: 'Service {code} would operate from {start} to {end}, but chains of custody {chains} served it and would no longer be billed; void those chains or change their dates first',
  },
  chainsOutsideSince: {
    es: 'El servicio {code} quedaría operando desde el {start}, pero lo atendieron las cadenas de custodia {chains}, que dejarían de facturarse; anula esas cadenas o cambia su fecha primero',
    en: 'Service {code} would operate from {start} on, but chains of custody {chains} served it and would no longer be billed; void those chains or change their dates first',
  },
  // the frozen billing periods (docs/rental-projects.md#frozen-billing-periods), one key per sheet status
  frozenLiquidated: {
    es: 'El cambio altera lo facturado en la planilla {code} (liquidada, {start} – {end}); elige que rija desde el primer día abierto ({open}) o reabre la planilla',
    en: 'The change alters what billing sheet {code} billed (liquidated, {start} – {end}); choose to apply it from the first open day ({open}) or reopen the sheet',
  },
  frozenInvoiced: {
    es: 'El cambio altera lo facturado en la planilla {code} (facturada, {start} – {end}); elige que rija desde el primer día abierto ({open})',
    en: 'The change alters what billing sheet {code} billed (invoiced, {start} – {end}); choose to apply it from the first open day ({open})',
  },
  frozenOpenDayLiquidated: {
    es: 'El cambio no puede regir desde el primer día abierto ({open}) sin alterar lo facturado en la planilla {code} (liquidada, {start} – {end}); retira la asignación y crea otra desde el {open}',
    en: 'The change cannot apply from the first open day ({open}) without altering what billing sheet {code} billed (liquidated, {start} – {end}); retire the assignment and create another from {open}',
  },
  frozenOpenDayInvoiced: {
    es: 'El cambio no puede regir desde el primer día abierto ({open}) sin alterar lo facturado en la planilla {code} (facturada, {start} – {end}); retira la asignación y crea otra desde el {open}',
    en: 'The change cannot apply from the first open day ({open}) without altering what billing sheet {code} billed (invoiced, {start} – {end}); retire the assignment and create another from {open}',
  },
  closeFrozenLiquidated: {
    es: 'Cerrar el proyecto el {date} retiraría {equipment} en días ya facturados en la planilla {code} (liquidada, {start} – {end}); ciérralo el {earliest} o después',
    en: 'Closing the project on {date} would retire {equipment} on days billing sheet {code} already billed (liquidated, {start} – {end}); close it on {earliest} or later',
  },
  closeFrozenInvoiced: {
    es: 'Cerrar el proyecto el {date} retiraría {equipment} en días ya facturados en la planilla {code} (facturada, {start} – {end}); ciérralo el {earliest} o después',
    en: 'Closing the project on {date} would retire {equipment} on days billing sheet {code} already billed (invoiced, {start} – {end}); close it on {earliest} or later',
  },
  // RUC checks (ruc.ts)
  rucDigits: { es: 'El RUC debe tener exactamente 13 dígitos', en: 'The RUC must have exactly 13 digits' },
  rucProvince: {
    es: 'Código de provincia no válido ({code}): debe ser 01 a 24 o 30',
    en: 'Invalid province code ({code}): it must be 01 to 24 or 30',
  },
  rucEstablishment000: {
    es: 'El número de establecimiento no puede ser 000',
    en: 'The establishment number cannot be 000',
  },
  rucEstablishment0000: {
    es: 'El número de establecimiento no puede ser 0000',
    en: 'The establishment number cannot be 0000',
  },
  rucCedulaCheckDigit: {
    es: 'Dígito verificador de la cédula no válido',
    en: 'Invalid check digit of the cédula',
  },
  rucPublicCheckDigit: {
    es: 'Dígito verificador no válido para una entidad pública',
    en: 'Invalid check digit for a public entity',
  },
  rucThirdDigit: {
    es: 'El tercer dígito del RUC no es válido (0–5 persona natural, 6 entidad pública, 9 sociedad)',
    en: 'The third digit of the RUC is not valid (0–5 natural person, 6 public entity, 9 company)',
  },
})
