import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { TAnnexDiffChange, TAnnexDiffLine, TAnnexImportDetail } from '@faena/contracts'
import { StatusBadge } from '../../platform/components'
import { useFormat } from '../../platform/session'

/** At most this many lines per section; the rest are counted. */
const MAX_LINES = 200

/** `+` before a positive difference (a negative one carries its `-`; zero none). */
const sign = (delta: string) => (delta.startsWith('-') || /^0(\.0*)?$/.test(delta) ? '' : '+')

const Lines = ({
  title,
  lines,
  tone,
}: {
  title: string
  lines: TAnnexDiffLine[]
  tone: 'added' | 'removed'
}) => {
  const { t } = useTranslation('work-order-concepts')
  const fmt = useFormat()
  if (lines.length === 0) return null
  return (
    <section className={`annex-diff__section annex-diff__section--${tone}`} aria-label={title}>
      <h3 className="section-title">
        {title} ({fmt.integer(lines.length)})
      </h3>
      <div className="data-table__scroll">
        <table className="table table--dense">
          <thead>
            <tr>
              <th scope="col">{t('table.annex')}</th>
              <th scope="col">{t('table.code')}</th>
              <th scope="col">{t('table.description')}</th>
              <th scope="col">{t('table.unit')}</th>
              <th scope="col" className="cell--end">
                {t('diff.field.volume')}
              </th>
              <th scope="col" className="cell--end">
                {t('table.priceMxn')}
              </th>
              <th scope="col" className="cell--end">
                {t('table.priceUsd')}
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.slice(0, MAX_LINES).map((l, i) => (
              <tr key={`${l.annex}-${l.code}-${i}`}>
                <td className="nowrap">{l.annex}</td>
                <td className="nowrap mono">{l.code}</td>
                <td className="annex-desc">{l.description}</td>
                <td className="nowrap">{l.unitKey}</td>
                <td className="cell--end nowrap">{fmt.quantity(l.volume, { maxFractionDigits: 6 })}</td>
                <td className="cell--end nowrap">{fmt.money(l.priceMxn, 'MXN')}</td>
                <td className="cell--end nowrap">{fmt.money(l.priceUsd, 'USD')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {lines.length > MAX_LINES ? (
        <p className="muted">{t('diff.more', { count: lines.length - MAX_LINES })}</p>
      ) : null}
    </section>
  )
}

const Change = ({
  label,
  from,
  to,
  delta,
}: {
  label: string
  from: ReactNode
  to: ReactNode
  delta?: ReactNode
}) => (
  <li className="annex-change">
    <span className="annex-change__label">{label}</span> <span className="changes__old">{from}</span>{' '}
    <span className="changes__arrow" aria-hidden="true">
      →
    </span>{' '}
    <span className="changes__new">{to}</span>
    {delta ? <span className="muted annex-change__delta"> ({delta})</span> : null}
  </li>
)

const Changed = ({ changes }: { changes: TAnnexDiffChange[] }) => {
  const { t } = useTranslation('work-order-concepts')
  const fmt = useFormat()
  if (changes.length === 0) return null
  const q = (v: string) => fmt.quantity(v, { maxFractionDigits: 6 })
  return (
    <section className="annex-diff__section annex-diff__section--changed" aria-label={t('diff.changedTitle')}>
      <h3 className="section-title">
        {t('diff.changedTitle')} ({fmt.integer(changes.length)})
      </h3>
      <div className="data-table__scroll">
        <table className="table table--dense">
          <thead>
            <tr>
              <th scope="col">{t('table.annex')}</th>
              <th scope="col">{t('table.code')}</th>
              <th scope="col">{t('table.description')}</th>
              <th scope="col">{t('diff.change')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.slice(0, MAX_LINES).map((c, i) => (
              <tr key={`${c.after.annex}-${c.after.code}-${i}`}>
                <td className="nowrap">{c.after.annex}</td>
                <td className="nowrap mono">{c.after.code}</td>
                <td className="annex-desc">{c.after.description}</td>
                <td>
                  <ul className="annex-changes">
                    {c.volume ? (
                      <Change
                        label={t('diff.field.volume')}
                        from={q(c.volume.from)}
                        to={q(c.volume.to)}
                        delta={`${sign(c.volume.delta)}${q(c.volume.delta)}`}
                      />
                    ) : null}
                    {c.priceMxn ? (
                      <Change
                        label={t('diff.field.priceMxn')}
                        from={fmt.money(c.priceMxn.from, 'MXN')}
                        to={fmt.money(c.priceMxn.to, 'MXN')}
                      />
                    ) : null}
                    {c.priceUsd ? (
                      <Change
                        label={t('diff.field.priceUsd')}
                        from={fmt.money(c.priceUsd.from, 'USD')}
                        to={fmt.money(c.priceUsd.to, 'USD')}
                      />
                    ) : null}
                    {c.unit ? (
                      <Change label={t('diff.field.unit')} from={c.unit.from} to={c.unit.to} />
                    ) : null}
                    {c.plannedChanged ? (
                      <li className="annex-change">
                        <span className="annex-change__label">{t('diff.field.planned')}</span>{' '}
                        {t('diff.plannedChanged')}
                      </li>
                    ) : null}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {changes.length > MAX_LINES ? (
        <p className="muted">{t('diff.more', { count: changes.length - MAX_LINES })}</p>
      ) : null}
    </section>
  )
}

/** What a version changes against the version that was in force when it was imported. */
export const AnnexDiff = ({ version }: { version: TAnnexImportDetail }) => {
  const { t } = useTranslation('work-order-concepts')
  const fmt = useFormat()
  const d = version.diff
  const r = version.reading
  return (
    <div className="annex-diff" data-testid="annex-diff">
      <p className="annex-diff__lead">
        {d.baseVersion === null ? t('diff.first') : t('diff.against', { version: d.baseVersion })}
      </p>
      <div className="annex-diff__chips">
        <StatusBadge tone="success">{t('diff.added', { count: d.added.length })}</StatusBadge>
        <StatusBadge tone="danger">{t('diff.removed', { count: d.removed.length })}</StatusBadge>
        <StatusBadge tone="warning">{t('diff.changed', { count: d.changed.length })}</StatusBadge>
        <StatusBadge>{t('diff.unchanged', { count: d.unchangedCount })}</StatusBadge>
      </div>
      {d.identical ? <p className="note">{t('diff.identical')}</p> : null}
      <table className="table table--dense annex-diff__totals">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col" className="cell--end">
              {t('diff.totalBefore')}
            </th>
            <th scope="col" className="cell--end">
              {t('diff.totalAfter')}
            </th>
            <th scope="col" className="cell--end">
              {t('diff.totalDelta')}
            </th>
          </tr>
        </thead>
        <tbody>
          {(['mxn', 'usd'] as const).map((c) => (
            <tr key={c}>
              <th scope="row">{t(`totals.${c}`)}</th>
              <td className="cell--end nowrap">{fmt.money(d.totals.before[c], c.toUpperCase())}</td>
              <td className="cell--end nowrap cell-strong">
                {fmt.money(d.totals.after[c], c.toUpperCase())}
              </td>
              <td className="cell--end nowrap">
                {sign(d.totals.delta[c])}
                {fmt.money(d.totals.delta[c], c.toUpperCase())}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Changed changes={d.changed} />
      <Lines title={t('diff.addedTitle')} lines={d.added} tone="added" />
      <Lines title={t('diff.removedTitle')} lines={d.removed} tone="removed" />
      <details className="annex-diff__notes">
        <summary>{t('diff.readingNotes')}</summary>
        <ul>
          <li>{t('diff.sheet', { sheet: r.sheet, row: r.headerRowNumber })}</li>
          {r.skipped.notOk > 0 ? <li>{t('diff.skippedNotOk', { count: r.skipped.notOk })}</li> : null}
          {r.pricesFromFile > 0 ? <li>{t('diff.pricesFromFile', { count: r.pricesFromFile })}</li> : null}
          {r.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      </details>
    </div>
  )
}
