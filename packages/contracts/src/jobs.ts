import { z } from 'zod'

/**
 * Long work (exports, big imports) runs as a job: the request answers 202 with the job, the client polls
 * `GET /api/v1/jobs/:id` for its progress and downloads `GET /api/v1/jobs/:id/result` once it is done.
 */
export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const
export const ZJobStatus = z.enum(JOB_STATUSES)
export type TJobStatus = z.infer<typeof ZJobStatus>

export const ZJobRun = z.object({
  id: z.uuid(),
  /** what runs, e.g. `rental-documents.export-maintenance-sheets` */
  kind: z.string(),
  status: ZJobStatus,
  /** units of work done so far (rows written, rows read) */
  done: z.number().int(),
  /** units of work in all; null while not yet known */
  total: z.number().int().nullable(),
  /** the downloadable result, once done (an export's workbook) */
  resultFile: z.object({ name: z.string(), size: z.number().int() }).nullable(),
  /** a result as data (e.g. an import's summary), once done */
  result: z.record(z.string(), z.unknown()).nullable(),
  /** why it failed, in words for the user */
  error: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
})
export type TJobRun = z.infer<typeof ZJobRun>
