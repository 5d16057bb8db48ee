import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ZImportRejected, type TImportRejectedRow, type TImportRejection } from '@faena/contracts'
import { downloadFile, isApiError } from '../api'
import { useFormat } from '../session'
import { Button } from './button'
import './import-rejected.css'
import { useToast } from './toast'

/**
 * The one answer of every import that rejects a file (422 `ZImportRejected`, docs/imports.md), read from the
 * typed client's `ApiError.body`; undefined for any other error (those stay errors to show as such).
 */
export const importRejection = (e: unknown): TImportRejection | undefined => {
  if (!isApiError(e) || e.status !== 422) return undefined
  const parsed = ZImportRejected.safeParse(e.body)
  return parsed.success ? parsed.data.error : undefined
}

/** A column of the row's cells that an import adds to the report (code, concept, unit…). */
export type ImportRejectedColumn = {
  header: string
  cell: (row: TImportRejectedRow) => ReactNode
  className?: string
}

/** Rows shown on screen; the CSV (or the error workbook) has them all. */
const SHOWN_ROWS = 200

const csvCell = (s: string) => (/[",;\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)

/** Every bad row the answer holds as CSV (UTF-8 with BOM so Excel shows the accents), with all its cells. */
function downloadRowsCsv(rejection: TImportRejection, headers: string[], prefix: string) {
  const rows = rejection.details.rows
  const valueNames = [...new Set(rows.flatMap((r) => Object.keys(r.values ?? {})))]
  const lines = [
    [...headers, ...valueNames].map(csvCell).join(','),
    ...rows.map((r) =>
      [
        r.sheet ?? '',
        String(r.row),
        r.field ?? '',
        r.messages.join(' | '),
        ...valueNames.map((n) => r.values?.[n] ?? ''),
      ]
        .map(csvCell)
        .join(','),
    ),
  ]
  const blob = new Blob(['\uFEFF' + lines.join('\r\n')], { type: 'text/csv;charset=utf-8' })
  const href = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = href
  a.download = `${prefix}-${rejection.details.fileName.replace(/\.[a-z]+$/i, '')}.csv`
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(href), 10_000)
}

/**
 * The rows report of a rejected import, the same on every import screen: row (and sheet and field when the
 * import names them), the import's own columns, every problem of the row; the error workbook to download when
 * the server wrote one, else the rows as CSV. The screen shows its own title and message above it.
 */
export const ImportRejectedRows = ({
  rejection,
  caption,
  columns = [],
  fieldLabel = (f) => f,
}: {
  rejection: TImportRejection
  /** the table's accessible name */
  caption: string
  columns?: ImportRejectedColumn[]
  fieldLabel?: (field: string) => string
}) => {
  const { t } = useTranslation('platform')
  const fmt = useFormat()
  const toast = useToast()
  const [downloading, setDownloading] = useState(false)
  const d = rejection.details
  const rows = d.rows.slice(0, SHOWN_ROWS)
  const withSheet = !d.sheet && rows.some((r) => r.sheet)
  const withField = rows.some((r) => r.field)
  const fileId = d.errorWorkbookFileId
  return (
    <div className="import-rejected" data-testid="import-rejected-rows">
      <div className="import-rejected__actions">
        {fileId ? (
          <Button
            variant="primary"
            loading={downloading}
            onClick={() => {
              setDownloading(true)
              downloadFile(`/api/v1/files/${fileId}`)
                .catch((e: unknown) => toast.failure(e))
                .finally(() => setDownloading(false))
            }}
          >
            {t('importRejected.downloadWorkbook')}
          </Button>
        ) : d.rows.length > 0 ? (
          <Button
            size="sm"
            onClick={() =>
              downloadRowsCsv(
                rejection,
                (['sheet', 'row', 'field', 'problems'] as const).map((k) => t(`importRejected.${k}`)),
                t('importRejected.csvPrefix'),
              )
            }
          >
            {t('importRejected.downloadCsv')}
          </Button>
        ) : null}
        {d.badRowCount > rows.length && rows.length > 0 ? (
          <span className="muted">
            {t('importRejected.shown', { shown: rows.length, count: d.badRowCount })}
          </span>
        ) : null}
      </div>
      {rows.length > 0 ? (
        <div className="data-table__scroll import-rejected__rows">
          <table className="table table--dense">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                {withSheet ? <th scope="col">{t('importRejected.sheet')}</th> : null}
                <th scope="col" className="cell--end">
                  {t('importRejected.row')}
                </th>
                {withField ? <th scope="col">{t('importRejected.field')}</th> : null}
                {columns.map((c) => (
                  <th key={c.header} scope="col">
                    {c.header}
                  </th>
                ))}
                <th scope="col">{t('importRejected.problems')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={`${r.sheet ?? ''}-${r.row}-${r.field ?? ''}-${i}`}>
                  {withSheet ? <td className="nowrap">{r.sheet ?? ''}</td> : null}
                  <td className="cell--end">{r.row > 0 ? fmt.integer(r.row) : '—'}</td>
                  {withField ? <td className="nowrap">{r.field ? fieldLabel(r.field) : ''}</td> : null}
                  {columns.map((c) => (
                    <td key={c.header} className={c.className}>
                      {c.cell(r)}
                    </td>
                  ))}
                  <td className="import-rejected__messages">
                    {r.messages.map((m, j) => (
                      <div key={j}>{m}</div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  )
}
