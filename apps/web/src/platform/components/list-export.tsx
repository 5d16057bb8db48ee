import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { downloadFile } from '../api'
import { Button } from './button'
import { Icon } from './icon'
import { useToast } from './toast'

export type ExportListButtonProps = {
  /** Export URL with the list's current filters (e.g. `exportUrl + toQueryString(params)`). */
  url: string
  /** Toast shown once the file is downloaded (none when omitted). */
  doneMessage?: string
  disabled?: boolean
  /** Show "Exporting…" while the download runs (default); false keeps "Export". */
  progressLabel?: boolean
  size?: 'sm' | 'md'
}

/** "Export" button for a filtered list: downloads `url`, toasts success or the failure. */
export const ExportListButton = ({
  url,
  doneMessage,
  disabled,
  progressLabel = true,
  size = 'sm',
}: ExportListButtonProps) => {
  const { t } = useTranslation()
  const toast = useToast()
  const [exporting, setExporting] = useState(false)
  const run = async () => {
    setExporting(true)
    try {
      await downloadFile(url)
      if (doneMessage) toast.success(doneMessage)
    } catch (e) {
      toast.failure(e)
    } finally {
      setExporting(false)
    }
  }
  return (
    <Button
      size={size}
      icon={<Icon name="download" />}
      loading={exporting}
      onClick={() => void run()}
      disabled={disabled}
    >
      {exporting && progressLabel ? t('actions.exporting') : t('actions.export')}
    </Button>
  )
}

/** The "N results" count next to a list's filters (announced politely); nothing until the total is known. */
export const ListCount = ({
  total,
  label,
  className,
}: {
  total: number | undefined
  label: (count: number) => string
  className?: string
}) =>
  total === undefined ? null : (
    <span className={className ? `muted ${className}` : 'muted'} aria-live="polite">
      {label(total)}
    </span>
  )
