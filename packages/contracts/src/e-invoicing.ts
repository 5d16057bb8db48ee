import { z } from 'zod'

/** SRI electronic documents (docs/e-invoicing.md). */

export const ZEInvoicingEnvironment = z.enum(['test', 'production'])

/** The text fields of `PUT /api/v1/settings/e-invoicing` (multipart; the .p12 in the `certificate` file field). */
export const ZEInvoicingSettingsInput = z.object({
  ruc: z
    .string()
    .trim()
    .regex(/^\d{10}001$/, 'RUC: 13 dígitos terminados en 001'),
  establishment: z
    .string()
    .trim()
    .regex(/^\d{3}$/, 'Establecimiento: 3 dígitos (001)'),
  emissionPoint: z
    .string()
    .trim()
    .regex(/^\d{3}$/, 'Punto de emisión: 3 dígitos (001)'),
  environment: ZEInvoicingEnvironment,
  /** the certificate's password: required with a new certificate; never returned */
  password: z.string().min(1).max(200).optional(),
  businessName: z.string().trim().max(300).optional(),
  tradeName: z.string().trim().max(300).optional(),
  mainAddress: z.string().trim().max(300).optional(),
  /** obligado a llevar contabilidad */
  keepsAccounts: z.stringbool().optional(),
})
export type TEInvoicingSettingsInput = z.infer<typeof ZEInvoicingSettingsInput>

export const ZEInvoicingSettings = z.object({
  ruc: z.string(),
  businessName: z.string(),
  tradeName: z.string().nullable(),
  mainAddress: z.string(),
  establishment: z.string(),
  emissionPoint: z.string(),
  environment: ZEInvoicingEnvironment,
  keepsAccounts: z.boolean(),
  /** what the certificate says; the file and its password are never returned */
  certificate: z.object({
    subject: z.string(),
    serialNumber: z.string(),
    expiresAt: z.string(),
    expired: z.boolean(),
    /** a self-signed test certificate (the demo's): the SRI would refuse it */
    isTest: z.boolean(),
  }),
  nextInvoiceSequential: z.number().int(),
  /** `fake`: the SRI is answered locally (no network); `sri`: the SRI's web services */
  sriClient: z.enum(['fake', 'sri']),
  updatedAt: z.string(),
})
export type TEInvoicingSettings = z.infer<typeof ZEInvoicingSettings>
export const ZEInvoicingSettingsState = z.object({ settings: ZEInvoicingSettings.nullable() })
export type TEInvoicingSettingsState = z.infer<typeof ZEInvoicingSettingsState>

export const ZEDocumentStatus = z.enum(['signed', 'sent', 'authorized', 'rejected'])
export const ZEDocument = z.object({
  id: z.uuid(),
  kind: z.enum(['invoice', 'shipping_guide']),
  sourceId: z.uuid(),
  accessKey: z.string(),
  /** 001-001-000000001 */
  number: z.string(),
  environment: ZEInvoicingEnvironment,
  status: ZEDocumentStatus,
  /** the SRI's messages of the last answer */
  messages: z.array(
    z.object({ identifier: z.string(), message: z.string(), info: z.string().nullable(), type: z.string() }),
  ),
  certificateIsTest: z.boolean(),
  authorizationNumber: z.string().nullable(),
  authorizedAt: z.string().nullable(),
  createdAt: z.string(),
  sriClient: z.enum(['fake', 'sri']),
})
export type TEDocument = z.infer<typeof ZEDocument>
export const ZEDocumentState = z.object({ document: ZEDocument.nullable() })
export type TEDocumentState = z.infer<typeof ZEDocumentState>

/** 201 of `POST /api/v1/rental/billing-sheets/:id/e-invoice` */
export const ZEInvoiceIssued = z.object({
  accessKey: z.string(),
  status: ZEDocumentStatus,
  document: ZEDocument,
})
export type TEInvoiceIssued = z.infer<typeof ZEInvoiceIssued>
