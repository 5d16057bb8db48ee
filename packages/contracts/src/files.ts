import { z } from 'zod'

export const FILE_KINDS = ['pdf', 'png', 'jpeg', 'xlsx', 'xml', 'mpp'] as const
export const ZStoredFile = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(FILE_KINDS),
  mimeType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
})
export type TStoredFile = z.infer<typeof ZStoredFile>
