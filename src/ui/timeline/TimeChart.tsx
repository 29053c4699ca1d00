/**
 * One uPlot chart over the shared time axis, with the playback cursor on top and press-to-seek. The chart is
 * created once per run, theme and size class; resizes only call `setSize`.
 */
import { useEffect, useRef } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import type { SimulationRun } from '../../state/slices/simulation-slice'
import { buildChart, readChartColors, type ChartKind } from './chart-options'
import { CursorLine } from './CursorLine'
import { useThemeVersion } from './theme-colors'
import { useElementSize } from './use-element-size'
import { useSeekPointer } from './use-seek-pointer'

export interface TimeChartProps {
  readonly kind: ChartKind
  readonly run: SimulationRun
  /** Height it starts from; the chart grows with the room it is given. */
  readonly height: number
  /** Series labels by key (outcome names, `p50`…, `rev<i>`), already translated. */
  readonly labels: Readonly<Record<string, string>>
  readonly showX?: boolean
  /** Shared y maximum (comparing two runs). */
  readonly yMax?: number
  /** Follow the playback cursor and seek on press (off for the pinned run in a comparison). */
  readonly interactive?: boolean
  readonly label: string
}

export function TimeChart({ kind, run, height, labels, showX = false, yMax, interactive = true, label }: TimeChartProps) {
  const hostRef = useRef<HTMLDivElement>(null)
  const chartRef = useRef<uPlot | null>(null)
  const { width, height: measured } = useElementSize(hostRef)
  const themeVersion = useThemeVersion()
  const hasWidth = width > 0
  const plotHeight = Math.max(height, measured)
  const labelsKey = JSON.stringify(labels)

  useEffect(() => {
    const host = hostRef.current
    if (!host || !hasWidth) return
    const spec = buildChart(kind, run, readChartColors(host), JSON.parse(labelsKey) as Record<string, string>, showX, yMax)
    const chart = new uPlot({ ...spec.options, width: host.clientWidth, height: Math.max(height, host.clientHeight) }, spec.data, host)
    chartRef.current = chart
    return () => {
      chart.destroy()
      chartRef.current = null
    }
  }, [kind, run, height, showX, yMax, labelsKey, themeVersion, hasWidth])

  useEffect(() => {
    if (width > 0) chartRef.current?.setSize({ width, height: plotHeight })
  }, [width, plotHeight])

  const pointer = useSeekPointer()
  return (
    <div className="chart-plot" style={{ minHeight: height }} {...(interactive ? pointer : {})} role="img" aria-label={label}>
      <div ref={hostRef} className="chart-host" />
      {interactive && <CursorLine width={width} />}
    </div>
  )
}
