/**
 * S-curves drawn by hand in SVG (docs/schedules.md#progress-two-truths): planned, contractor real and client
 * acknowledged by week or month, the gap between the two truths shaded, today marked; a family chart with one
 * planned and one real line per work order. Values arrive as decimal strings in percent points; they are
 * only turned into numbers here, for drawing.
 */
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { TCurvePoint } from '@faena/contracts'
import { useFormat } from '../../platform/session'

const W = 760
const H = 280
const PAD = { left: 44, right: 16, top: 14, bottom: 34 }
const plotW = W - PAD.left - PAD.right
const plotH = H - PAD.top - PAD.bottom
const Y_TICKS = [0, 25, 50, 75, 100]

const xAt = (i: number, n: number) => PAD.left + (n <= 1 ? plotW / 2 : (plotW * i) / (n - 1))
const yAt = (v: number) => PAD.top + plotH - (plotH * Math.max(0, Math.min(100, v))) / 100
const num = (s: string | null) => (s === null ? null : Number(s))

/** `M x y L x y …` through the points that have a value (a series stops where its values stop). */
const path = (values: (number | null)[]) => {
  let d = ''
  values.forEach((v, i) => {
    if (v === null) return
    d += `${d ? 'L' : 'M'}${xAt(i, values.length).toFixed(1)} ${yAt(v).toFixed(1)} `
  })
  return d.trim()
}

/** Label every k-th date so that about 10 fit. */
const labelStep = (n: number) => Math.max(1, Math.ceil(n / 10))

const Axes = ({ dates, today }: { dates: string[]; today: string | null }) => {
  const { t } = useTranslation('schedules')
  const fmt = useFormat()
  const step = labelStep(dates.length)
  const todayIndex = today ? dates.findIndex((d) => d >= today) : -1
  return (
    <g className="scurve__axes">
      {Y_TICKS.map((v) => (
        <g key={v}>
          <line x1={PAD.left} x2={W - PAD.right} y1={yAt(v)} y2={yAt(v)} className="scurve__grid" />
          <text x={PAD.left - 6} y={yAt(v) + 4} textAnchor="end" className="scurve__label">
            {fmt.percent(String(v), { ratio: false })}
          </text>
        </g>
      ))}
      {dates.map((d, i) =>
        i % step === 0 || i === dates.length - 1 ? (
          <text key={d} x={xAt(i, dates.length)} y={H - 12} textAnchor="middle" className="scurve__label">
            {fmt.date(d, 'medium').replace(/\s\d{4}$/, '')}
          </text>
        ) : null,
      )}
      {todayIndex >= 0 ? (
        <g className="scurve__today">
          <line
            x1={xAt(todayIndex, dates.length)}
            x2={xAt(todayIndex, dates.length)}
            y1={PAD.top}
            y2={PAD.top + plotH}
          />
          <text x={xAt(todayIndex, dates.length) + 4} y={PAD.top + 10} className="scurve__label">
            {t('progress.curve.today')}
          </text>
        </g>
      ) : null}
    </g>
  )
}

/** One work order's S-curve with its data table (for screen readers and for checking numbers). */
export const SCurveChart = ({ points, today }: { points: TCurvePoint[]; today: string }) => {
  const { t } = useTranslation('schedules')
  const fmt = useFormat()
  const titleId = useId()
  if (points.length === 0) return <p className="muted">{t('progress.curve.empty')}</p>
  const dates = points.map((p) => p.date)
  const planned = points.map((p) => num(p.planned))
  const real = points.map((p) => num(p.real))
  const client = points.map((p) => num(p.client))
  // the gap band: real on top, client back along the bottom, where both are known
  const known = points.map((_, i) => i).filter((i) => real[i] !== null && client[i] !== null)
  const band =
    known.length > 1
      ? `M${known.map((i) => `${xAt(i, points.length).toFixed(1)} ${yAt(real[i]!).toFixed(1)}`).join(' L')} L${[
          ...known,
        ]
          .reverse()
          .map((i) => `${xAt(i, points.length).toFixed(1)} ${yAt(client[i]!).toFixed(1)}`)
          .join(' L')} Z`
      : ''
  const last = [...points].reverse().find((p) => p.real !== null) ?? points[0]!
  const pct = (v: string | null) => (v === null ? '—' : fmt.percent(v, { ratio: false }))
  return (
    <figure className="scurve" data-testid="s-curve">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={titleId}
        className="scurve__svg"
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={titleId}>
          {t('progress.curve.aria', {
            planned: last.planned,
            real: last.real ?? '—',
            client: last.client ?? '—',
            date: fmt.date(last.date),
          })}
        </title>
        <Axes dates={dates} today={today} />
        {band ? <path d={band} className="scurve__gap" data-testid="s-curve-gap" /> : null}
        <path d={path(planned)} className="scurve__line scurve__line--planned" />
        <path d={path(client)} className="scurve__line scurve__line--client" />
        <path d={path(real)} className="scurve__line scurve__line--real" />
      </svg>
      <figcaption className="scurve__legend">
        <span className="scurve__key scurve__key--planned">{t('progress.curve.planned')}</span>
        <span className="scurve__key scurve__key--real">{t('progress.curve.real')}</span>
        <span className="scurve__key scurve__key--client">{t('progress.curve.client')}</span>
        <span className="scurve__key scurve__key--gap">{t('progress.curve.gap')}</span>
      </figcaption>
      <details className="scurve__data">
        <summary>{t('progress.curve.data')}</summary>
        <table className="table table--dense">
          <thead>
            <tr>
              <th scope="col">{t('progress.curve.date')}</th>
              <th scope="col">{t('progress.curve.planned')}</th>
              <th scope="col">{t('progress.curve.real')}</th>
              <th scope="col">{t('progress.curve.client')}</th>
              <th scope="col">{t('progress.col.gap')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.date}>
                <td>{fmt.date(p.date)}</td>
                <td className="num">{pct(p.planned)}</td>
                <td className="num">{pct(p.real)}</td>
                <td className="num">{pct(p.client)}</td>
                <td className={`num${p.gap !== null && Number(p.gap) !== 0 ? ' sprog__gap--on' : ''}`}>
                  {pct(p.gap)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  )
}

const FAMILY_COLORS = ['#1d4ed8', '#b45309', '#047857', '#7c3aed', '#be123c', '#0e7490']

export type FamilySeries = { label: string; points: TCurvePoint[] }

/** The family's work orders on one axis: each one's planned (dashed) and real (solid) line in its colour. */
export const FamilyCurveChart = ({ series, today }: { series: FamilySeries[]; today: string }) => {
  const { t } = useTranslation('schedules')
  const titleId = useId()
  const drawn = series.filter((s) => s.points.length > 0)
  const dates = drawn[0]?.points.map((p) => p.date) ?? []
  if (dates.length === 0) return <p className="muted">{t('progress.curve.empty')}</p>
  return (
    <figure className="scurve" data-testid="family-curve">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId} className="scurve__svg">
        <title id={titleId}>{t('progress.curve.familyTitle')}</title>
        <Axes dates={dates} today={today} />
        {drawn.map((s, i) => (
          <g key={s.label} style={{ color: FAMILY_COLORS[i % FAMILY_COLORS.length] }}>
            <path
              d={path(s.points.map((p) => num(p.planned)))}
              className="scurve__line scurve__line--family-plan"
            />
            <path
              d={path(s.points.map((p) => num(p.real)))}
              className="scurve__line scurve__line--family-real"
            />
          </g>
        ))}
      </svg>
      <figcaption className="scurve__legend">
        {drawn.map((s, i) => (
          <span
            key={s.label}
            className="scurve__key scurve__key--family"
            style={{ color: FAMILY_COLORS[i % FAMILY_COLORS.length] }}
          >
            {s.label}
          </span>
        ))}
        <span className="muted">
          - - {t('progress.curve.planned')} · — {t('progress.curve.real')}
        </span>
      </figcaption>
    </figure>
  )
}
