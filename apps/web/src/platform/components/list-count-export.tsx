/** The end of a list page's filter bar: how many rows match and the export of those rows (as a job). */
import { JobExportButton, type JobExportButtonProps } from './job-export'
import { ListCount } from './list-export'

export const ListCountExport = ({
  total,
  countLabel,
  countClassName,
  ...exportProps
}: {
  total: number | undefined
  countLabel: (count: number) => string
  countClassName: string
} & Omit<JobExportButtonProps, 'disabled'>) => (
  <>
    <ListCount total={total} className={countClassName} label={countLabel} />
    <JobExportButton {...exportProps} disabled={!total} />
  </>
)
