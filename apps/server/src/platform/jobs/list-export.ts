import type { FastifyReply } from 'fastify'
import type { TJobRun } from '@faena/contracts'
import type { SheetColumn } from '../spreadsheet/spreadsheet'
import { streamWorkbook } from '../spreadsheet/workbook-stream'
import type { JobContext, JobOutcome } from './jobs.service'

/** Ids per batch of a list export: one query for the rows and one per kind of related record each. */
export const EXPORT_BATCH = 1_000

export type ListExportSpec = {
  sheet: string
  columns: SheetColumn[]
  /** the downloaded file's name, e.g. `conceptos.xlsx` */
  fileName: string
  /** ids of the matching records, in the list's order */
  ids: string[]
  /**
   * One batch of rows, ready for the sheet, for up to `EXPORT_BATCH` ids: one query for the records and
   * one per kind of related record (never one per row). Return them keyed by id; `inOrder` puts them
   * back in the list's order and leaves out a record deleted since the ids were read.
   */
  rows: (ids: string[]) => Promise<Map<string, Record<string, unknown>>>
}

/**
 * A filtered list written as a workbook inside a job (docs/jobs.md "Turning an export into a job"): walks
 * the ids 1,000 at a time, streams each batch into the file and reports progress after each one, so
 * memory does not grow with the number of rows.
 */
export async function exportList(ctx: JobContext, spec: ListExportSpec): Promise<JobOutcome> {
  const { ids } = spec
  await ctx.progress(0, ids.length)
  let done = 0
  async function* batches() {
    for (let i = 0; i < ids.length; i += EXPORT_BATCH) {
      const chunk = ids.slice(i, i + EXPORT_BATCH)
      const byId = await spec.rows(chunk)
      done += chunk.length
      yield chunk.flatMap((id) => {
        const row = byId.get(id)
        return row ? [row] : []
      })
      await ctx.progress(done)
    }
  }
  const file = ctx.tempFile(spec.fileName)
  const written = await streamWorkbook(file, { name: spec.sheet, columns: spec.columns }, batches())
  return { file: { name: spec.fileName, kind: 'xlsx', path: file }, done: written }
}

/** Records keyed by their id (for `ListExportSpec.rows`). */
export const byId = <R extends { id: string }, T>(records: R[], toRow: (r: R) => T): Map<string, T> =>
  new Map(records.map((r) => [r.id, toRow(r)]))

/** An export's route answers 202 with the job; the client polls `Location` and downloads the result. */
export const replyAccepted = (reply: FastifyReply, job: TJobRun) =>
  reply.status(202).header('location', `/api/v1/jobs/${job.id}`).send(job)
