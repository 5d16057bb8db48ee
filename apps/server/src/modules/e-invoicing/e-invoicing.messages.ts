import { defineMessages } from '../../platform/i18n/messages'

/** The e-invoicing module's messages (docs/platform.md "Messages and languages"). */
export const eInvoicingMessages = defineMessages('eInvoicing', {
  multipartExpected: { es: 'Se esperaba un formulario multipart', en: 'A multipart form was expected' },
  sendMultipart: {
    es: 'Envía el formulario como multipart/form-data',
    en: 'Send the form as multipart/form-data',
  },
  certificateTooBig: { es: 'El certificado pasa de 100 KB', en: 'The certificate is over 100 KB' },
  p12IsSmall: { es: 'Un .p12 de firma pesa pocos KB', en: 'A signing .p12 weighs a few KB' },
  checkSettings: {
    es: 'Revisa los datos de facturación electrónica',
    en: 'Check the e-invoicing data',
  },
  onlyLiquidated: {
    es: 'Solo una planilla liquidada se factura electrónicamente',
    en: 'Only a liquidated billing sheet is invoiced electronically',
  },
  noLines: {
    es: 'La planilla no tiene líneas que facturar',
    en: 'The billing sheet has no lines to invoice',
  },
  invoiceIssued: {
    es: 'La planilla ya tiene la factura electrónica {number}',
    en: 'The billing sheet already has electronic invoice {number}',
  },
  invoiceInvalid: {
    es: 'La factura no cumple el esquema del SRI; no se guardó',
    en: "The invoice does not meet the SRI's schema; it was not saved",
  },
  sriRejected: {
    es: 'El SRI rechazó este documento: emite uno nuevo',
    en: 'The SRI rejected this document: issue a new one',
  },
  noInvoice: {
    es: 'La planilla no tiene factura electrónica',
    en: 'The billing sheet has no electronic invoice',
  },
  noSecretsKey: {
    es: 'El servidor no tiene su clave de secretos',
    en: 'The server does not have its secrets key',
  },
  storedUnreadable: {
    es: 'El certificado guardado no se puede leer (cambió la clave del servidor): sube el certificado de nuevo',
    en: 'The stored certificate cannot be read (the server key changed): upload the certificate again',
  },
  noSecretsKeyToSave: {
    es: 'El servidor no tiene su clave de secretos; no puede guardar el certificado',
    en: 'The server does not have its secrets key; it cannot save the certificate',
  },
  passwordMissing: {
    es: 'Falta la contraseña del certificado',
    en: "The certificate's password is missing",
  },
  writePassword: {
    es: 'Escribe la contraseña del archivo .p12',
    en: 'Write the password of the .p12 file',
  },
  notP12: {
    es: 'El archivo no es un certificado .p12 o la contraseña no lo abre',
    en: 'The file is not a .p12 certificate or the password does not open it',
  },
  noPrivateKey: {
    es: 'El .p12 no trae un certificado con su clave privada',
    en: 'The .p12 does not hold a certificate with its private key',
  },
  certificateExpired: { es: 'El certificado está vencido', en: 'The certificate has expired' },
  expiredOn: { es: 'Venció el {date}', en: 'It expired on {date}' },
  certificateWithPassword: {
    es: 'Sube el certificado junto con su contraseña',
    en: 'Upload the certificate together with its password',
  },
  p12ForPassword: {
    es: 'Falta el archivo .p12 de esta contraseña',
    en: 'The .p12 file of this password is missing',
  },
  certificateMissing: { es: 'Falta el certificado de firma', en: 'The signing certificate is missing' },
  uploadCertificate: {
    es: 'Sube el certificado de firma electrónica (.p12)',
    en: 'Upload the electronic signing certificate (.p12)',
  },
  configureFirst: {
    es: 'Configura primero la facturación electrónica (Administración → Facturación electrónica)',
    en: 'Set up e-invoicing first (Administration → E-invoicing)',
  },
  signingCertificateExpired: {
    es: 'El certificado de firma está vencido: sube uno vigente',
    en: 'The signing certificate has expired: upload a valid one',
  },
  guideNoTransport: {
    es: 'La guía no tiene los datos de transporte que pide el SRI',
    en: 'The guide lacks the transport data the SRI asks for',
  },
  voidGuide: {
    es: 'Una guía anulada no se emite electrónicamente',
    en: 'A voided guide is not issued electronically',
  },
  guideNoItems: { es: 'La guía no tiene ítems', en: 'The guide has no items' },
  guideIssued: {
    es: 'La guía ya tiene la guía electrónica {number}',
    en: 'The guide already has electronic guide {number}',
  },
  guideInvalid: {
    es: 'La guía no cumple el esquema del SRI; no se guardó',
    en: "The guide does not meet the SRI's schema; it was not saved",
  },
  noElectronicGuide: {
    es: 'La guía no tiene guía electrónica',
    en: 'The guide has no electronic guide',
  },
})
