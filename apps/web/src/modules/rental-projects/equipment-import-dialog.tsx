import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type TImportRejection,
  type TRentalEquipmentImportResult,
  type TRentalEquipmentImportRow,
} from '@faena/contracts'
import { Button, Dialog, FormError, FormField, StatusBadge, useToast } from '../../platform/components'
import { ImportRejectedRows, importRejection } from '../../platform/components/import-rejected'
import { useFormat } from '../../platform/session'
import { useImportEquipment } from './api'
import { errorLine } from './ui'

const ACTION_TONE = { create: 'success', update: 'info', unchanged: 'neutral', error: 'danger' } as const

/** The per-row report of an import (a preview, or the import done). */
const ImportReport = ({ rows }: { rows: TRentalEquipmentImportRow[] }) => {
  const { t } = useTranslation('rental-projects')
  const [show, setShow] = useState<'warnings' | 'changes' | 'all'>('warnings')
  const groups = {
    warnings: rows.filter((r) => r.warnings.length + r.errors.length > 0),
    changes: rows.filter((r) => r.changes.length > 0),
    all: rows,
  }
  const label = {
    warnings: t('import.showWarnings'),
    changes: t('import.showChanges'),
    all: t('import.showAll'),
  }
  const shown = groups[show]
  return (
    <>
      <div className="rp-report-summary" role="group" aria-label={t('import.show')}>
        <span className="field__label">{t('import.show')}</span>
        <div className="segmented">
          {(['warnings', 'changes', 'all'] as const).map((k) => (
            <button
              key={k}
              type="button"
              className="segmented__item"
              aria-pressed={show === k}
              onClick={() => setShow(k)}
            >
              {`${label[k]} (${groups[k].length})`}
            </button>
          ))}
        </div>
      </div>
      <div className="rp-report">
        <table className="table table--dense" data-testid="import-report">
          <caption className="visually-hidden">{t('import.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.columns.row')}</th>
              <th scope="col">{t('import.columns.code')}</th>
              <th scope="col">{t('import.columns.action')}</th>
              <th scope="col">{t('import.columns.remarks')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.row}>
                <td>{r.row}</td>
                <td>
                  <span className="rp-code">{r.code ?? '—'}</span>
                  {r.name ? <span className="rp-sub">{r.name}</span> : null}
                </td>
                <td>
                  <StatusBadge
                    tone={r.warnings.length > 0 && r.action !== 'error' ? 'warning' : ACTION_TONE[r.action]}
                  >
                    {t(`import.actions.${r.action}`)}
                  </StatusBadge>
                </td>
                <td>
                  <ul className="rp-remarks">
                    {r.errors.map((m, i) => (
                      <li key={`e${i}`} className="rp-remark--error">
                        {m}
                      </li>
                    ))}
                    {r.warnings.map((m, i) => (
                      <li key={`w${i}`} className="rp-remark--warning">
                        {m}
                      </li>
                    ))}
                    {r.changes.map((m, i) => (
                      <li key={`c${i}`}>{m}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}

/** Upload a list; preview (dry run) or import; the result per row stays on screen. */
export const ImportDialog = ({ onClose }: { onClose: () => void }) => {
  const { t } = useTranslation(['rental-projects', 'platform'])
  const toast = useToast()
  const fmt = useFormat()
  const run = useImportEquipment()
  const [file, setFile] = useState<File | null>(null)
  const [result, setResult] = useState<TRentalEquipmentImportResult | null>(null)
  const [rejection, setRejection] = useState<TImportRejection | null>(null)
  const [formError, setFormError] = useState<string | null>(null)

  const go = (dryRun: boolean) => {
    if (!file) {
      setFormError(t('import.chooseFile'))
      return
    }
    setFormError(null)
    setRejection(null)
    run.mutate(
      { file, dryRun },
      {
        onSuccess: (r) => {
          setResult(r)
          if (r.imported)
            toast.success(
              t('import.done', { created: fmt.integer(r.created), updated: fmt.integer(r.updated) }),
            )
        },
        onError: (e) => {
          setResult(null)
          const rejected = importRejection(e)
          if (rejected) setRejection(rejected)
          else setFormError(errorLine(e, (id) => t('platform:errors.reference', { id })))
        },
      },
    )
  }

  return (
    <Dialog
      open
      size="lg"
      title={t('import.title')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose} disabled={run.isPending}>
            {t('platform:actions.close')}
          </Button>
          <Button
            onClick={() => go(true)}
            loading={run.isPending && run.variables?.dryRun}
            disabled={!file || run.isPending}
          >
            {t('import.preview')}
          </Button>
          <Button
            variant="primary"
            onClick={() => go(false)}
            loading={run.isPending && !run.variables?.dryRun}
            disabled={!file || run.isPending || Boolean(result?.imported)}
            data-testid="import-submit"
          >
            {t('import.submit')}
          </Button>
        </>
      }
    >
      <p className="confirm__text">{t('import.intro')}</p>
      <p className="note">{t('import.rules')}</p>
      <FormError>{formError}</FormError>
      <FormField label={t('import.file')} required>
        {(p) => (
          <input
            {...p}
            className="input"
            type="file"
            accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null)
              setResult(null)
              setRejection(null)
            }}
            data-testid="import-file"
          />
        )}
      </FormField>
      {result ? (
        <div aria-live="polite">
          <p className={result.imported ? 'rp-banner' : 'rp-banner rp-banner--warning'} role="status">
            {result.imported ? t('import.importedNote') : t('import.previewNote')}{' '}
            {t('import.summary', {
              total: fmt.integer(result.total),
              created: fmt.integer(result.created),
              updated: fmt.integer(result.updated),
              unchanged: fmt.integer(result.unchanged),
              flagged: fmt.integer(result.flagged),
              errors: fmt.integer(result.errors),
            })}
          </p>
          <ImportReport rows={result.rows} />
        </div>
      ) : null}
      {rejection ? (
        <div data-testid="import-rejected">
          <p className="rp-banner rp-banner--danger" role="alert">
            {t('import.failed')}
          </p>
          <ImportRejectedRows
            rejection={rejection}
            caption={t('import.caption')}
            columns={[
              {
                header: t('import.columns.code'),
                cell: (r) => <span className="rp-code">{r.values?.code ?? '—'}</span>,
              },
              { header: t('import.columns.name'), cell: (r) => r.values?.name ?? '' },
            ]}
          />
        </div>
      ) : null}
    </Dialog>
  )
}
