import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, Icon, useToast } from '../../platform/components'
import { downloadFile } from '../../platform/api'

/** "Descargar PDF" and "Descargar Excel" of one estimate (docs/estimates.md#documents). */
export const EstimateDownloads = ({ id }: { id: string }) => {
  const { t } = useTranslation('estimates')
  const toast = useToast()
  const [busy, setBusy] = useState<'pdf' | 'xlsx' | null>(null)
  const download = async (kind: 'pdf' | 'xlsx') => {
    setBusy(kind)
    try {
      await downloadFile(`/api/v1/estimates/${id}/${kind}`)
    } catch (e) {
      toast.failure(e)
    } finally {
      setBusy(null)
    }
  }
  return (
    <>
      <Button
        icon={<Icon name="download" />}
        loading={busy === 'pdf'}
        onClick={() => void download('pdf')}
        data-testid="estimate-pdf"
      >
        {t('documents.pdf')}
      </Button>
      <Button
        icon={<Icon name="download" />}
        loading={busy === 'xlsx'}
        onClick={() => void download('xlsx')}
        data-testid="estimate-xlsx"
      >
        {t('documents.excel')}
      </Button>
    </>
  )
}
