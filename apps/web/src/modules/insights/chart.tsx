/**
 * One ECharts canvas, tree-shaken through `echarts/core` (bar and pie charts only). Imported by the dashboard
 * pages alone, so ECharts arrives in their lazy route chunk and nowhere else (docs/insights.md#web).
 */
import { useEffect, useRef } from 'react'
import { BarChart, PieChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import type { EChartsCoreOption } from 'echarts/core'

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

/** The theme's palette (styles.css): primary first, then distinguishable tones with AA contrast on white. */
export const PALETTE = [
  '#1d4f73',
  '#2a78c2',
  '#136c43',
  '#b7791f',
  '#b42318',
  '#6b46c1',
  '#5a6773',
  '#0f766e',
]

export type ChartClick = { dataIndex: number; seriesIndex: number }

export type ChartProps = {
  option: EChartsCoreOption
  /** what the chart shows, for screen readers (the same figures are in the table beside it) */
  label: string
  height?: number
  onClick?: (e: ChartClick) => void
}

export const Chart = ({ option, label, height = 260, onClick }: ChartProps) => {
  const ref = useRef<HTMLDivElement>(null)
  const chart = useRef<echarts.ECharts | null>(null)
  const click = useRef(onClick)
  click.current = onClick

  useEffect(() => {
    const el = ref.current
    if (!el) return
    const instance = echarts.init(el, null, { renderer: 'canvas' })
    chart.current = instance
    instance.on('click', (e) => click.current?.({ dataIndex: e.dataIndex, seriesIndex: e.seriesIndex ?? 0 }))
    const observer = new ResizeObserver(() => instance.resize())
    observer.observe(el)
    return () => {
      observer.disconnect()
      instance.dispose()
      chart.current = null
    }
  }, [])

  useEffect(() => {
    chart.current?.setOption({ color: PALETTE, animationDuration: 300, ...option }, { notMerge: true })
  }, [option])

  return (
    <div
      ref={ref}
      className="ins-chart"
      role="img"
      aria-label={label}
      style={{ height, cursor: onClick ? 'pointer' : undefined }}
    />
  )
}
