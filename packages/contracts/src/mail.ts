import { z } from 'zod'
import { listOf, ZPagination } from './common'

/**
 * Outgoing e-mail (docs/mail.md): each organization sends through its own SMTP server. The password is
 * stored encrypted and never returned: the API says only whether one is stored.
 */
export const ZMailSecurity = z.enum(['tls', 'starttls', 'none'])
export type TMailSecurity = z.infer<typeof ZMailSecurity>

export const ZMailSettings = z.object({
  host: z.string(),
  port: z.number().int(),
  /** `tls`: TLS from the first byte (usually 465); `starttls`: upgraded, required (587); `none`: plain */
  security: ZMailSecurity,
  username: z.string().nullable(),
  /** a password is stored (it is never sent back) */
  hasPassword: z.boolean(),
  fromAddress: z.string(),
  fromName: z.string().nullable(),
  updatedAt: z.string(),
})
export type TMailSettings = z.infer<typeof ZMailSettings>

/** The organization's SMTP settings; `null` while none are saved. */
export const ZMailSettingsState = z.object({ settings: ZMailSettings.nullable() })
export type TMailSettingsState = z.infer<typeof ZMailSettingsState>

const hostName = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.-]+$|^\[[0-9A-Fa-f:.]+\]$/, 'Escribe un nombre de servidor (p. ej. smtp.empresa.com)')

export const ZMailSettingsInput = z.object({
  host: hostName,
  port: z.number().int().min(1).max(65535),
  security: ZMailSecurity,
  username: z.string().trim().max(254).nullable().optional(),
  /**
   * the password: absent keeps the stored one, `null` removes it, a string replaces it
   * (it is encrypted before it is stored)
   */
  password: z.string().min(1).max(500).nullable().optional(),
  fromAddress: z.email().max(254),
  fromName: z.string().trim().max(120).nullable().optional(),
})
export type TMailSettingsInput = z.infer<typeof ZMailSettingsInput>

export const ZMailTestRequest = z.object({ to: z.email().max(254) })
export type TMailTestRequest = z.infer<typeof ZMailTestRequest>

export const ZMailStatus = z.enum(['queued', 'sending', 'sent', 'failed'])
export type TMailStatus = z.infer<typeof ZMailStatus>

/** One e-mail of the organization's outgoing log. */
export const ZMailMessage = z.object({
  id: z.uuid(),
  /** what sent it, e.g. `test`, `report`, `digest` */
  kind: z.string(),
  recipients: z.array(z.string()),
  subject: z.string(),
  attachments: z.array(z.object({ name: z.string(), size: z.number().int() })),
  status: ZMailStatus,
  /** tries so far (a failing server is tried again, up to the limit) */
  attempts: z.number().int(),
  /** the last failure, in the words of the SMTP server or the network */
  lastError: z.string().nullable(),
  requestedBy: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
})
export type TMailMessage = z.infer<typeof ZMailMessage>

export const ZMailMessageList = listOf(ZMailMessage)
export type TMailMessageList = z.infer<typeof ZMailMessageList>

export const ZMailMessageListQuery = ZPagination.extend({
  status: ZMailStatus.optional(),
})
export type TMailMessageListQuery = z.infer<typeof ZMailMessageListQuery>

/** A queued e-mail: its log entry (poll the list, or the job, to see it sent). */
export const ZMailQueued = z.object({ message: ZMailMessage, jobId: z.uuid() })
export type TMailQueued = z.infer<typeof ZMailQueued>
