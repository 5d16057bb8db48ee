/** The billing sheet's bulk scan ("Subir escaneo de cadenas"): the shared ScanPagesDialog over the sheet's chains. */
import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Button } from '../../platform/components'
import { useCan } from '../../platform/session'
import { sheetChainScansQuery } from './api'
import { ScanPagesDialog, type ScanRow } from './scan-pages'

/**
 * "Subir escaneo de cadenas" on a billing sheet (exported through index.ts): the sheet's chains in
 * activity-date order, with whether each already has a scan. Shown to those who manage field documents.
 */
export const SheetChainScansButton = ({ billingSheetId }: { billingSheetId: string }) => {
  const { t } = useTranslation('rental-documents')
  const can = useCan()
  const [open, setOpen] = useState(false)
  if (!can('fieldDocument.manage')) return null
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="sheet-chain-scans">
        {t('scan.openSheet')}
      </Button>
      {open ? <SheetScanDialog billingSheetId={billingSheetId} onClose={() => setOpen(false)} /> : null}
    </>
  )
}

const SheetScanDialog = ({ billingSheetId, onClose }: { billingSheetId: string; onClose: () => void }) => {
  const { t } = useTranslation('rental-documents')
  const scans = useQuery(sheetChainScansQuery(billingSheetId))
  const rows: ScanRow[] = (scans.data?.items ?? [])
    .filter((c) => c.canAttach)
    .map((c) => ({
      id: c.id,
      displayNumber: c.displayNumber,
      activityDate: c.activityDate,
      scanCount: c.scanCount,
    }))
  return (
    <ScanPagesDialog
      rows={rows}
      loading={scans.isPending}
      error={scans.error}
      empty={t('scan.emptySheet')}
      onClose={onClose}
    />
  )
}
