/** The chain list's bulk scan ("Subir escaneo"): the shared ScanPagesDialog over the list's filtered chains. */
import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { QueryParams } from '../../platform/api'
import { Button } from '../../platform/components'
import { docListQuery } from './api'
import { ScanPagesDialog, type ScanRow } from './scan-pages'

/** "Subir escaneo" on the chain list: the chains its filters select, oldest first. */
export const ScanPagesButton = ({ params }: { params: QueryParams }) => {
  const { t } = useTranslation('rental-documents')
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="scan-pages">
        {t('scan.open')}
      </Button>
      {open ? <ListScanDialog params={params} onClose={() => setOpen(false)} /> : null}
    </>
  )
}

const ListScanDialog = ({ params, onClose }: { params: QueryParams; onClose: () => void }) => {
  const list = useQuery(
    docListQuery('chain', { ...params, sort: 'activityDate', dir: 'asc', limit: 200, offset: 0 }),
  )
  const rows: ScanRow[] = (list.data?.items ?? [])
    .filter((c) => c.status !== 'cancelled')
    .map((c) => ({
      id: c.id,
      displayNumber: c.displayNumber,
      activityDate: c.activityDate,
      detail: c.projectName,
    }))
  return <ScanPagesDialog rows={rows} loading={list.isPending} onClose={onClose} />
}
