import { useId, useState } from 'react'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import type { TWorkOrderImportResult } from '@faena/contracts'
import { isApiError } from '../../platform/api'
import { Button, FormError, PageHeader, StatusBadge } from '../../platform/components'
import { errorMessage } from '../../platform/errors'
import { useFormat } from '../../platform/session'
import { useImportHistory } from './api'

const Stat = ({ label, value }: { label: string; value: string }) => (
  <div className="ot-stat">
    <span className="ot-stat__value">{value}</span>
    <span className="ot-stat__label">{label}</span>
  </div>
)

/** The historical import: one .xlsx, a summary and the rows with remarks (typo dates, ignored values…). */
export const WorkOrderImportPage = () => {
  const { t } = useTranslation(['work-orders', 'platform'])
  const fmt = useFormat()
  const id = useId()
  const [file, setFile] = useState<File | null>(null)
  const [result, setResult] = useState<TWorkOrderImportResult | null>(null)
  const run = useImportHistory()
  const issues = result?.rows.filter((r) => r.issues.length > 0) ?? []
  const details = isApiError(run.error) ? run.error.details : []

  return (
    <div className="page">
      <PageHeader
        breadcrumb={
          <Link to="/work-orders" className="ot-back">
            ‹ {t('detail.back')}
          </Link>
        }
        title={t('import.title')}
        subtitle={t('import.intro')}
      />
      <section className="card">
        <form
          className="ot-import__form"
          onSubmit={(e) => {
            e.preventDefault()
            if (!file) return
            setResult(null)
            run.mutate(file, { onSuccess: (r) => setResult(r) })
          }}
        >
          <div className="field">
            <label className="field__label" htmlFor={id}>
              {t('import.file')}
            </label>
            <input
              id={id}
              className="input"
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </div>
          <Button
            type="submit"
            variant="primary"
            disabled={!file}
            loading={run.isPending}
            data-testid="run-import"
          >
            {run.isPending ? t('import.running') : t('import.run')}
          </Button>
        </form>
        {run.isError ? (
          <FormError>
            <strong>{t('import.failed')}:</strong> {errorMessage(run.error)}
            {details.length ? (
              <ul>
                {details.slice(0, 50).map((d, i) => (
                  <li key={i}>
                    {d.path}: {d.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </FormError>
        ) : null}
      </section>
      {result ? (
        <section className="card" aria-labelledby="ot-import-result" data-testid="import-result">
          <h2 id="ot-import-result" className="section-title">
            {t('import.result')}
          </h2>
          <div className="ot-import__stats">
            <Stat label={t('import.created')} value={fmt.integer(result.created)} />
            <Stat label={t('import.updated')} value={fmt.integer(result.updated)} />
            <Stat label={t('import.unchanged')} value={fmt.integer(result.unchanged)} />
            <Stat label={t('import.errors')} value={fmt.integer(result.errors)} />
            <Stat label={t('import.families')} value={fmt.integer(result.families)} />
            <Stat label={t('import.placeholders')} value={fmt.integer(result.placeholderProposals)} />
          </div>
          <h3 className="section-title">{t('import.rowsWithIssues')}</h3>
          {issues.length === 0 ? (
            <p className="muted">{t('import.noIssues')}</p>
          ) : (
            <div className="data-table">
              <div className="data-table__scroll">
                <table className="table table--dense">
                  <thead>
                    <tr>
                      <th scope="col">{t('import.row')}</th>
                      <th scope="col">{t('fields.number')}</th>
                      <th scope="col">{t('import.outcome')}</th>
                      <th scope="col">{t('import.issue')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {issues.map((r) => (
                      <tr key={r.rowNumber}>
                        <td>{r.rowNumber}</td>
                        <td>
                          {r.workOrderId ? (
                            <Link to="/work-orders/$id" params={{ id: r.workOrderId }} search={{}}>
                              {r.number}
                            </Link>
                          ) : (
                            r.number
                          )}
                          {r.reprogrammingNumber ? (
                            <span className="muted">
                              {' '}
                              · {t('list.reprogrammingN', { n: r.reprogrammingNumber })}
                            </span>
                          ) : null}
                        </td>
                        <td>
                          <StatusBadge
                            tone={
                              r.outcome === 'created'
                                ? 'success'
                                : r.outcome === 'updated'
                                  ? 'info'
                                  : 'neutral'
                            }
                          >
                            {t(`import.outcomes.${r.outcome}`)}
                          </StatusBadge>
                        </td>
                        <td>
                          {r.issues.map((i, k) => (
                            <div key={k}>
                              <span className="muted">{i.field}:</span> {i.message}
                            </div>
                          ))}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          )}
        </section>
      ) : null}
    </div>
  )
}
