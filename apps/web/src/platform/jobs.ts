/** Long work runs as a job on the server (docs/jobs.md): ask for it, poll its progress, download its result. */
import { useQuery } from '@tanstack/react-query'
import type { TJobRun } from '@faena/contracts'
import { api, apiPost, apiUrl, downloadFile } from './api'

export const jobResultUrl = (id: string) => apiUrl('/api/v1/jobs/{id}/result', { path: { id } })

/** Starts a job: the server answers 202 with it (`url`: an export path from apiUrl, the list's filters as body). */
export const startJob = (url: string, body: object) => apiPost<TJobRun>(url, body)

export const isFinished = (job: TJobRun | undefined) => job?.status === 'done' || job?.status === 'failed'

/** The job, polled every `intervalMs` while it is queued or running; nothing while `id` is undefined. */
export const useJob = (id: string | undefined, intervalMs = 500) =>
  useQuery({
    queryKey: ['jobs', id] as const,
    queryFn: ({ signal }) => api.get('/api/v1/jobs/{id}', { path: { id: id! }, signal }),
    enabled: Boolean(id),
    refetchInterval: (q) => (isFinished(q.state.data) ? false : intervalMs),
    gcTime: 0,
  })

/** Progress as a percentage, or null while the total is not known yet. */
export const jobPercent = (job: TJobRun | undefined): number | null =>
  job && job.total !== null && job.total > 0
    ? (100 * job.done) / job.total
    : job?.status === 'done'
      ? 100
      : null

export const downloadJobResult = (id: string) => downloadFile(jobResultUrl(id))
