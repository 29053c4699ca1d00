/**
 * uPlot options and data for the timeline's three charts over the shared time axis: endpoints per revision as
 * the ingress sees them (a step chart), request outcomes per second (stacked bars, failures at the bottom where
 * they are easy to see) and latency percentiles per second. Built once per run and theme.
 */
import uPlot from 'uplot'
import type { Outcome } from '../../engine'
import { OUTCOMES } from '../../engine/simulate/request-outcome'
import type { SimulationRun } from '../../state/slices/simulation-slice'
import { PLOT_LEFT, PLOT_RIGHT } from './lane-geometry'
import { readCssColor } from './theme-colors'

export type ChartKind = 'traffic' | 'outcomes' | 'latency'

/** Outcomes from the bottom of a stacked bar to its top: failures first, successes last. */
export const STACK_ORDER: readonly Outcome[] = ['not-listening', 'reset', 'no-endpoints', 'upstream-timeout', 'client-timeout', 'ok']
export const LATENCY_SERIES = ['p50', 'p90', 'p99'] as const

export interface ChartColors {
  readonly text: string
  readonly grid: string
  readonly outcome: Readonly<Record<Outcome, string>>
  readonly revOld: string
  readonly revNew: string
  readonly latency: Readonly<Record<(typeof LATENCY_SERIES)[number], string>>
}

export function readChartColors(element: Element): ChartColors {
  const c = (name: string, fallback: string) => readCssColor(name, fallback, element)
  return {
    text: c('--text-muted', '#5e6a78'),
    grid: c('--lane-grid', '#00000014'),
    outcome: Object.fromEntries(OUTCOMES.map((o) => [o, c(`--outcome-${o}`, '#888')])) as Record<Outcome, string>,
    revOld: c('--rev-old', '#7b8794'),
    revNew: c('--rev-new', '#2d6bea'),
    latency: { p50: c('--latency-p50', '#2d6bea'), p90: c('--latency-p90', '#b97509'), p99: c('--latency-p99', '#cf2b34') },
  }
}

/** Translucent fill from a hex colour. */
function fade(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{6})$/i.exec(color)?.[1]
  if (!hex) return color
  return `#${hex}${Math.round(alpha * 255).toString(16).padStart(2, '0')}`
}

/** Cumulative per-second counts in stacking order: `stack[k][s]` = requests of the first k+1 outcomes of `STACK_ORDER`. */
export function stackOutcomes(run: SimulationRun): Float64Array[] {
  const series = run.view.series
  const n = series.secondsX.length
  const stack: Float64Array[] = []
  let below = new Float64Array(n)
  for (const outcome of STACK_ORDER) {
    const own = series.outcomes[OUTCOMES.indexOf(outcome)]!
    const sum = new Float64Array(n)
    for (let s = 0; s < n; s++) sum[s] = below[s]! + own[s]!
    stack.push(sum)
    below = sum
  }
  return stack
}

/** Largest total requests in one second (for a shared y scale when comparing runs). */
export function maxPerSecond(run: SimulationRun): number {
  const totals = stackOutcomes(run).at(-1)!
  let max = 0
  for (const v of totals) max = Math.max(max, v)
  return max
}

interface ChartSpec {
  readonly options: Omit<uPlot.Options, 'width' | 'height'>
  readonly data: uPlot.AlignedData
}

function baseOptions(colors: ChartColors, endS: number, showX: boolean, yRange: uPlot.Scale['range'], integer = false): Omit<uPlot.Options, 'width' | 'height' | 'series'> {
  const font = '11px system-ui, sans-serif'
  return {
    padding: [6, PLOT_RIGHT, 0, 0],
    legend: { show: false },
    cursor: { show: false, drag: { x: false, y: false } },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    scales: { x: { time: false, range: [0, endS] }, y: { range: yRange } },
    axes: [
      {
        show: showX,
        size: showX ? 24 : 0,
        font,
        stroke: colors.text,
        grid: { stroke: colors.grid, width: 1 },
        ticks: { show: false },
        // The first label would sit on the y axis's 0.
        values: (_u, splits) => splits.map((s) => (s === 0 ? '' : `${s}s`)),
      },
      {
        size: PLOT_LEFT,
        font,
        stroke: colors.text,
        grid: { stroke: colors.grid, width: 1 },
        ticks: { show: false },
        splits: (_u, _axis, min, max) => niceSplits(min, max, integer),
      },
    ],
  }
}

/** Two or three round y ticks between min and max (whole numbers for counts). */
export function niceSplits(min: number, max: number, integer = false): number[] {
  const span = Math.max(max - min, 1e-9)
  const magnitude = 10 ** Math.floor(Math.log10(span / 2))
  const found = ([1, 2, 5, 10].find((m) => span / (m * magnitude) <= 3) ?? 10) * magnitude
  const step = integer ? Math.max(1, Math.round(found)) : found
  const out: number[] = []
  for (let v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) out.push(Number(v.toPrecision(6)))
  return out
}

/** The options and data of one chart of `run`; `yMax` shares the y scale with another run's chart. */
export function buildChart(kind: ChartKind, run: SimulationRun, colors: ChartColors, labels: Readonly<Record<string, string>>, showX: boolean, yMax?: number): ChartSpec {
  const endS = run.view.endMs / 1000
  const series = run.view.series
  if (kind === 'traffic') {
    const groups = run.view.groups
    const max = Math.max(1, ...groups.map((g) => Math.max(...series.traffic[g.replicaSet]!)))
    return {
      options: {
        ...baseOptions(colors, endS, showX, [0, yMax ?? max * 1.15], true),
        series: [
          {},
          ...groups.map((g) => {
            const color = g.isNew ? colors.revNew : colors.revOld
            return { label: labels[`rev${g.replicaSet}`], stroke: color, fill: fade(color, 0.18), width: 2, paths: uPlot.paths.stepped!({ align: 1 }), points: { show: false } }
          }),
        ],
      },
      data: [series.trafficX, ...groups.map((g) => series.traffic[g.replicaSet]!)],
    }
  }
  const x = Float64Array.from(series.secondsX, (s) => s + 0.5)
  if (kind === 'outcomes') {
    const stack = stackOutcomes(run)
    const top = yMax ?? Math.max(1, ...stack.at(-1)!) * 1.1
    const bars = uPlot.paths.bars!({ size: [0.92, 24, 1], align: 0 })
    // Paint the tallest sum (everything) first and each smaller sum over it: a stacked bar per second.
    const order = [...STACK_ORDER.keys()].reverse()
    return {
      options: {
        ...baseOptions(colors, endS, showX, [0, top], true),
        series: [{}, ...order.map((k) => ({ label: labels[STACK_ORDER[k]!], fill: colors.outcome[STACK_ORDER[k]!], stroke: colors.outcome[STACK_ORDER[k]!], width: 0, paths: bars, points: { show: false } }))],
      },
      data: [x, ...order.map((k) => stack[k]!)],
    }
  }
  const lat = run.result.timeline.seconds.latencyMs
  const gaps = (values: Float64Array) => Array.from(values, (v) => (v > 0 ? v : null))
  const max = Math.max(1, ...lat.p99)
  return {
    options: {
      ...baseOptions(colors, endS, showX, [0, yMax ?? max * 1.15]),
      series: [{}, ...LATENCY_SERIES.map((p) => ({ label: labels[p], stroke: colors.latency[p], width: 1.6, points: { show: false } }))],
    },
    data: [x, gaps(lat.p50), gaps(lat.p90), gaps(lat.p99)],
  }
}
