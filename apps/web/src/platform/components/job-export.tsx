import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TJobRun } from '@faena/contracts'
import { downloadJobResult, jobPercent, startJob, useJob } from '../jobs'
import { useFormat } from '../session'
import { Button } from './button'
import { Icon } from './icon'
import { ProgressBar } from './progress-bar'
import { useToast } from './toast'

export type JobExportButtonProps = {
  /** the export route that answers 202 with a job (e.g. `/api/v1/rental/maintenance-sheets/export`) */
  url: string
  /** the list's filters, sent as the body */
  body: object
  /** toast once the file is downloaded */
  doneMessage?: string
  disabled?: boolean
  size?: 'sm' | 'md'
  /** the button's text while idle (default «Exportar»), e.g. «Expediente PDF» */
  label?: string
  /** the button's test id (e2e) */
  testId?: string
}

/**
 * "Export" for a list whose export runs as a job: asks for it, shows its progress (done of total) while
 * the server works, then downloads the result. The user may keep working meanwhile.
 */
export const JobExportButton = ({
  url,
  body,
  doneMessage,
  disabled,
  size = 'sm',
  label: idleLabel,
  testId,
}: JobExportButtonProps) => {
  const { t } = useTranslation()
  const fmt = useFormat()
  const toast = useToast()
  const [starting, setStarting] = useState(false)
  const [jobId, setJobId] = useState<string>()
  const job = useJob(jobId)
  const handled = useRef<string>(undefined)

  useEffect(() => {
    const run: TJobRun | undefined = job.data
    if (!run || handled.current === run.id) return
    if (run.status === 'done') {
      handled.current = run.id
      downloadJobResult(run.id)
        .then(() => doneMessage && toast.success(doneMessage))
        .catch((e: unknown) => toast.failure(e))
        .finally(() => setJobId(undefined))
    } else if (run.status === 'failed') {
      handled.current = run.id
      toast.error(t('actions.exportFailed'), run.error ?? undefined)
      setJobId(undefined)
    }
  }, [job.data, doneMessage, t, toast])

  useEffect(() => {
    if (job.error) {
      toast.failure(job.error)
      setJobId(undefined)
    }
  }, [job.error, toast])

  const start = async () => {
    setStarting(true)
    try {
      setJobId((await startJob(url, body)).id)
    } catch (e) {
      toast.failure(e)
    } finally {
      setStarting(false)
    }
  }

  const busy = starting || Boolean(jobId)
  const run = job.data
  const label = !busy
    ? (idleLabel ?? t('actions.export'))
    : run && run.total !== null && run.status === 'running'
      ? t('actions.exportProgress', { done: fmt.integer(run.done), total: fmt.integer(run.total) })
      : run?.status === 'queued'
        ? t('actions.exportQueued')
        : t('actions.exporting')
  return (
    <span className="job-export">
      <Button
        size={size}
        icon={<Icon name="download" />}
        loading={busy}
        onClick={() => void start()}
        disabled={disabled || busy}
        data-testid={testId}
      >
        {label}
      </Button>
      {busy && run ? <ProgressBar value={jobPercent(run)} label={label} showValue={false} /> : null}
    </span>
  )
}
