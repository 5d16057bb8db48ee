import { z } from 'zod'
import { ZMonth } from './production'

/**
 * A concept added to a family from the catalog with its volume to authorize (docs/production.md#adding-a-concept-from-the-catalog).
 */
export const ZGridConceptRequest = z.object({
  /** the family's initial work order (the grid's) */
  workOrderId: z.uuid(),
  /** the grid's site and month: the family must work there then */
  siteId: z.uuid(),
  month: ZMonth,
  conceptId: z.uuid(),
  volume: z
    .string()
    .trim()
    .regex(/^\d{1,15}(\.\d{1,6})?$/, 'El volumen a autorizar es un número con hasta 6 decimales')
    .refine((v) => /[1-9]/.test(v), 'El volumen a autorizar debe ser mayor que cero'),
  reason: z
    .string()
    .trim()
    .min(5, 'El motivo lleva al menos 5 caracteres')
    .max(500, 'El motivo admite hasta 500 caracteres'),
})
export type TGridConceptRequest = z.infer<typeof ZGridConceptRequest>

export const ZGridConceptAdded = z.object({
  conceptId: z.uuid(),
  code: z.string(),
  authorizedVolume: z.string(),
  /** the member whose Anexo C got the line, and its new version */
  workOrderId: z.uuid(),
  annexVersion: z.number().int(),
})
export type TGridConceptAdded = z.infer<typeof ZGridConceptAdded>
