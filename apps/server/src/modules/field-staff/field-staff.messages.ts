import { defineMessages } from '../../platform/i18n/messages'

/** The field-staff module's messages (docs/platform.md "Messages and languages"). */
export const staffMessages = defineMessages('fieldStaff', {
  notRentalLine: {
    es: 'Tu organización no trabaja en esta línea de negocio',
    en: 'Your organization does not work in this line of business',
  },
  staffNotFound: { es: 'Técnico no encontrado', en: 'Technician not found' },
  vehicleNotFound: { es: 'Vehículo no encontrado', en: 'Vehicle not found' },
  staffInactive: { es: '{name} está inactivo', en: '{name} is inactive' },
  noLicence: {
    es: '{name} no tiene licencia de conducir registrada',
    en: "{name} has no driver's licence recorded",
  },
  licenceExpired: {
    es: 'La licencia de {name} venció el {date}',
    en: "{name}'s licence expired on {date}",
  },
  vehicleInactive: { es: 'El vehículo {plate} está inactivo', en: 'Vehicle {plate} is inactive' },
  noRegistration: {
    es: 'El vehículo {plate} no tiene matrícula registrada',
    en: 'Vehicle {plate} has no registration recorded',
  },
  registrationExpired: {
    es: 'La matrícula del vehículo {plate} venció el {date}',
    en: 'The registration of vehicle {plate} expired on {date}',
  },
  kindExists: { es: 'Ya existe el tipo «{name}»', en: 'Type «{name}» already exists' },
  exists: { es: 'Ya existe', en: 'Already exists' },
  kindNotFound: { es: 'Tipo de documento no encontrado', en: 'Document type not found' },
  gateKindStaysActive: {
    es: '«{name}» no se puede desactivar: los documentos de campo lo verifican',
    en: '«{name}» cannot be deactivated: the field documents check it',
  },
  checkedByDocuments: {
    es: 'Lo verifican las guías, cadenas y hojas',
    en: 'The guides, chains and sheets check it',
  },
  recipientsForAlert: {
    es: 'Indica al menos un destinatario para enviar el aviso diario',
    en: 'Give at least one recipient to send the daily notice',
  },
  recipientRequired: { es: 'Indica al menos un destinatario', en: 'Give at least one recipient' },
  saveRecipientsFirst: {
    es: 'Guarda primero los destinatarios del aviso diario',
    en: 'Save the recipients of the daily notice first',
  },
  invalidKind: { es: 'Tipo de documento no válido', en: 'Invalid document type' },
  chooseStaffKind: {
    es: 'Elige un tipo de credencial del técnico',
    en: "Choose a type of the technician's credentials",
  },
  chooseVehicleKind: {
    es: 'Elige un tipo de documento del vehículo',
    en: "Choose a type of the vehicle's documents",
  },
  issuedAfterExpiry: {
    es: 'La emisión no puede ser posterior al vencimiento',
    en: 'The issue date cannot be after the expiry',
  },
  afterExpiry: { es: 'Posterior al vencimiento', en: 'After the expiry' },
  documentNotFound: { es: 'Documento no encontrado', en: 'Document not found' },
  fileNotFound: { es: 'Archivo no encontrado', en: 'File not found' },
  cedulaTaken: {
    es: 'Ya existe un técnico con la cédula {cedula}',
    en: 'A technician with cédula {cedula} already exists',
  },
  cedulaTakenBy: {
    es: 'Ya existe un técnico con la cédula {cedula}: {name}',
    en: 'A technician with cédula {cedula} already exists: {name}',
  },
  cedulaRegisteredFor: { es: 'Ya registrada para {name}', en: 'Already registered for {name}' },
  cedulaRegistered: { es: 'Cédula ya registrada', en: 'Cédula already registered' },
  staffInUse: {
    es: '{name} figura en documentos de campo; márcalo como inactivo en lugar de eliminarlo',
    en: '{name} appears on field documents; mark them inactive instead of deleting them',
  },
  invalidCedula: { es: 'Cédula no válida', en: 'Invalid cédula' },
  cedulaDigits: {
    es: 'La cédula debe tener exactamente 10 dígitos',
    en: 'The cédula must have exactly 10 digits',
  },
  cedulaCheckDigit: { es: 'Dígito verificador no válido', en: 'Invalid check digit' },
  cedulaThirdDigit: {
    es: 'El tercer dígito de la cédula debe ser de 0 a 5',
    en: 'The third digit of the cédula must be 0 to 5',
  },
  doseRecorded: {
    es: 'La dosis {dose} de {vaccine} ya está registrada',
    en: 'Dose {dose} of {vaccine} is already recorded',
  },
  doseRegistered: { es: 'Dosis ya registrada', en: 'Dose already recorded' },
  vaccineNotFound: { es: 'Vacuna no encontrada', en: 'Vaccine not found' },
  plateTaken: {
    es: 'Ya existe un vehículo con la placa {plate}',
    en: 'A vehicle with plate {plate} already exists',
  },
  plateRegistered: { es: 'Placa ya registrada', en: 'Plate already registered' },
  vehicleInUse: {
    es: 'El vehículo {plate} figura en documentos de campo; márcalo como inactivo en lugar de eliminarlo',
    en: 'Vehicle {plate} appears on field documents; mark it inactive instead of deleting it',
  },
  invalidPlate: { es: 'Placa no válida', en: 'Invalid plate' },
  plateFormat: {
    es: 'Placa no válida: letra de provincia, dos letras y 3 o 4 dígitos (PBA-1234)',
    en: 'Invalid plate: a province letter, two letters and 3 or 4 digits (PBA-1234)',
  },
})
