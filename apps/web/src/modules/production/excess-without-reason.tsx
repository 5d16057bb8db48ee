/**
 * The month's excess cells without a recorded reason (docs/production.md#reason-for-an-excess), as the export
 * lists them: a collapsible panel under the grid's toolbar with the day, the concept and the volume, and a link
 * that selects the cell in the grid (where "Motivo del excedente" records the reason).
 */
import { useTranslation } from 'react-i18next'
import type { TProductionGridRow, TTimeType } from '@faena/contracts'
import { Button } from '../../platform/components'
import { useFormat } from '../../platform/session'

export type MissingReason = {
  conceptId: string
  code: string
  description: string
  date: string
  volume: string
}

/** Saved excess cells of the grid's time type without a reason, by day then concept code. */
export const excessWithoutReason = (rows: readonly TProductionGridRow[]): MissingReason[] =>
  rows
    .flatMap((r) =>
      r.days
        .filter((d) => d.excess && !d.excessReason && d.volume !== '0')
        .map((d) => ({
          conceptId: r.conceptId,
          code: r.code,
          description: r.description,
          date: d.date,
          volume: d.volume,
        })),
    )
    .sort((a, b) =>
      a.date === b.date ? a.code.localeCompare(b.code, 'es', { numeric: true }) : a.date < b.date ? -1 : 1,
    )

export function ExcessWithoutReason({
  cells,
  timeType,
  onSelect,
}: {
  cells: readonly MissingReason[]
  timeType: TTimeType
  onSelect: (cell: MissingReason) => void
}) {
  const { t } = useTranslation('production')
  const fmt = useFormat()
  if (cells.length === 0) return null
  return (
    <details className="pg-missing" data-testid="excess-without-reason">
      <summary>{t('excessList.title', { timeType, count: cells.length })}</summary>
      <p className="production__muted">{t('excessList.intro')}</p>
      <table className="pg-missing__table">
        <thead>
          <tr>
            <th scope="col">{t('excessList.day')}</th>
            <th scope="col">{t('excessList.concept')}</th>
            <th scope="col" className="pg-missing__num">
              {t('excessList.volume')}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('excessList.select')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {cells.map((c) => (
            <tr key={`${c.conceptId}|${c.date}`}>
              <td>{fmt.date(c.date)}</td>
              <td>
                <strong>{c.code}</strong> {c.description}
              </td>
              <td className="pg-missing__num">{fmt.quantity(c.volume)}</td>
              <td>
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={t('excessList.selectLabel', { code: c.code, date: fmt.date(c.date) })}
                  onClick={() => onSelect(c)}
                >
                  {t('excessList.select')}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}
