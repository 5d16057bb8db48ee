import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  TConceptImportKind,
  TConceptImportSummary,
  TImportRejectedRow,
  TImportRejection,
} from '@faena/contracts'
import { Button, Dialog, FormError, ProgressBar } from '../../platform/components'
import { ImportRejectedRows } from '../../platform/components/import-rejected'
import { isApiError } from '../../platform/api'
import { errorMessage, errorReference } from '../../platform/errors'
import { useFormat } from '../../platform/session'
import { useImportConcepts } from './api'

type LooseT = (key: string, opts?: Record<string, unknown>) => string

/** Code and concept of a bad row, from its cells (the header names of each workbook). */
const conceptOf = (r: TImportRejectedRow): string => {
  const v = r.values ?? {}
  const code = v['PARTIDA EXT'] ?? v.PARTIDA ?? v.Partida ?? null
  const text = v.CONCEPTO ?? v.Concepto ?? null
  return [code, text].filter(Boolean).join(' · ')
}

/** A rejected file: nothing saved; every bad row (the shared report), with its code and concept. */
const RejectedView = ({ rejection }: { rejection: TImportRejection }) => {
  const { t: typedT } = useTranslation('concepts')
  const t = typedT as unknown as LooseT
  const d = rejection.details
  return (
    <div className="concepts-result" data-testid="import-rejected">
      <div className="concepts-result__banner concepts-result__banner--danger" role="alert">
        <strong>{t('import.rejected')}</strong>
        <span>{t('import.rejectedText', { count: d.badRowCount, file: d.fileName })}</span>
      </div>
      <ImportRejectedRows
        rejection={rejection}
        caption={t('import.errorsCaption')}
        fieldLabel={(f) =>
          t(`import.errorFields.${f}`) === `import.errorFields.${f}` ? f : t(`import.errorFields.${f}`)
        }
        columns={[
          {
            header: t('import.columns.concept'),
            cell: (r) => conceptOf(r) || '—',
            className: 'concepts-errors__concept',
          },
        ]}
      />
    </div>
  )
}

const Stat = ({ label, value, hint }: { label: string; value: string; hint?: string }) => (
  <div className="concepts-stat" title={hint}>
    <span className="concepts-stat__value">{value}</span>
    <span className="concepts-stat__label">{label}</span>
  </div>
)

const SummaryView = ({ summary }: { summary: TConceptImportSummary }) => {
  const { t: typedT } = useTranslation('concepts')
  const t = typedT as unknown as LooseT
  const fmt = useFormat()
  const seconds = fmt.quantity(String(Math.max(summary.durationMs, 1) / 1000), { maxFractionDigits: 1 })
  const skipped = Object.entries(summary.skippedByReason).filter(([, n]) => n > 0)
  return (
    <div className="concepts-result" data-testid="import-saved">
      <div className="concepts-result__banner concepts-result__banner--success" role="status">
        <strong>{t('import.saved')}</strong>
        <span>
          {t('import.savedText', {
            file: summary.fileName,
            concepts: fmt.integer(summary.concepts),
            seconds,
          })}
        </span>
      </div>
      <div className="concepts-stats">
        <Stat label={t('import.stats.created')} value={fmt.integer(summary.created)} />
        <Stat label={t('import.stats.updated')} value={fmt.integer(summary.updated)} />
        <Stat label={t('import.stats.unchanged')} value={fmt.integer(summary.unchanged)} />
        <Stat label={t('import.stats.skipped')} value={fmt.integer(summary.skipped)} />
        {summary.notInFile > 0 ? (
          <Stat
            label={t('import.stats.notInFile')}
            value={fmt.integer(summary.notInFile)}
            hint={t('import.notInFileHint')}
          />
        ) : null}
      </div>
      {summary.annexes.length > 0 ? (
        <>
          <h3 className="section-title">{t('import.perAnnex')}</h3>
          <ul className="concepts-chips">
            {summary.annexes.map((a) => (
              <li key={a.annex}>
                <span className="cell-strong">{a.annex}</span> {fmt.integer(a.concepts)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {skipped.length > 0 ? (
        <>
          <h3 className="section-title">{t('import.skippedTitle')}</h3>
          <ul className="concepts-chips concepts-chips--muted">
            {skipped.map(([reason, n]) => (
              <li key={reason}>
                {t(`import.skippedReasons.${reason}`)} {fmt.integer(n)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {summary.notes.length > 0 ? (
        <>
          <h3 className="section-title">{t('import.notes')}</h3>
          <ul className="concepts-notes">
            {summary.notes.map((n) => (
              <li key={`${n.sheet}-${n.row}`}>
                <span className="mono">
                  {n.sheet}!{n.row}
                </span>{' '}
                {n.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  )
}

/** A refused upload (not a workbook, no kind, too large…): the message, the field details and the reference. */
const ImportError = ({ error }: { error: unknown }) => {
  const { t } = useTranslation('platform')
  const ref = errorReference(error)
  const details = isApiError(error) ? error.details.map((d) => d.message) : []
  return (
    <FormError>
      {errorMessage(error)}
      {details.map((d) => (
        <span key={d} className="concepts-import__detail">
          {d}
        </span>
      ))}
      {ref ? <span className="form-error__ref"> {t('errors.reference', { id: ref })}</span> : null}
    </FormError>
  )
}

/** Import a contract workbook or a PUE workbook: choose the kind, upload, see the summary or every bad row. */
export const ImportDialog = ({ onClose }: { onClose: () => void }) => {
  const { t } = useTranslation(['concepts', 'platform'])
  const id = useId()
  const fileRef = useRef<HTMLInputElement>(null)
  const [kind, setKind] = useState<TConceptImportKind>('contract')
  const [file, setFile] = useState<File | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  const [elapsed, setElapsed] = useState(0)
  const mutation = useImportConcepts()
  const outcome = mutation.data

  useEffect(() => {
    if (!mutation.isPending) return
    const started = Date.now()
    const timer = setInterval(() => setElapsed(Math.round((Date.now() - started) / 1000)), 500)
    return () => clearInterval(timer)
  }, [mutation.isPending])

  const submit = () => {
    if (!file) {
      setFileError(t('import.noFile'))
      fileRef.current?.focus()
      return
    }
    setElapsed(0)
    mutation.mutate({ kind, file })
  }

  const again = () => {
    mutation.reset()
    setFile(null)
    if (fileRef.current) fileRef.current.value = ''
  }

  const footer = outcome ? (
    <>
      <Button onClick={again}>{t('import.again')}</Button>
      <Button variant="primary" onClick={onClose}>
        {t('platform:actions.close')}
      </Button>
    </>
  ) : (
    <>
      <Button onClick={onClose} disabled={mutation.isPending}>
        {t('platform:actions.cancel')}
      </Button>
      <Button variant="primary" type="submit" loading={mutation.isPending} data-testid="import-submit">
        {t('import.submit')}
      </Button>
    </>
  )

  return (
    <Dialog
      open
      onClose={onClose}
      title={t('import.title')}
      size="lg"
      footer={footer}
      onSubmit={outcome ? undefined : submit}
    >
      {outcome?.kind === 'rejected' ? (
        <RejectedView rejection={outcome.rejection} />
      ) : outcome ? (
        <SummaryView summary={outcome.summary} />
      ) : (
        <div className="concepts-import">
          <fieldset className="concepts-import__kinds" disabled={mutation.isPending}>
            <legend className="field__label">{t('import.kindLabel')}</legend>
            {(['contract', 'extraordinary'] as const).map((k) => (
              <label key={k} className={kind === k ? 'concepts-kind concepts-kind--on' : 'concepts-kind'}>
                <input
                  type="radio"
                  name={`${id}-kind`}
                  value={k}
                  checked={kind === k}
                  onChange={() => setKind(k)}
                />
                <span>
                  <span className="concepts-kind__title">{t(`import.kinds.${k}`)}</span>
                  <span className="muted concepts-kind__hint">{t(`import.kindHints.${k}`)}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-file`}>
              {t('import.file')}
            </label>
            <input
              ref={fileRef}
              id={`${id}-file`}
              type="file"
              className="input concepts-import__file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              disabled={mutation.isPending}
              aria-invalid={fileError ? true : undefined}
              aria-describedby={`${id}-file-hint`}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null)
                setFileError(null)
              }}
            />
            <p id={`${id}-file-hint`} className={fileError ? 'field__error' : 'field__hint'}>
              {fileError ?? t('import.fileHint')}
            </p>
          </div>
          {mutation.isPending ? (
            <div className="concepts-import__progress" aria-live="polite">
              <ProgressBar value={null} label={t('import.importing')} />
              <span className="muted">
                {t('import.importing')} {elapsed > 0 ? `${elapsed} s` : ''}
              </span>
            </div>
          ) : null}
          {mutation.error ? <ImportError error={mutation.error} /> : null}
        </div>
      )}
    </Dialog>
  )
}
