/**
 * Draws the pod lanes on a canvas: per pod, its phases over time as a bar, its EndpointSlice and ingress
 * membership as two thin strips under it, readiness probe results as ticks above it, kills as crosses and
 * failed requests as red ticks. Only the rows in view are drawn; the canvas is redrawn on scroll, resize or a
 * new run, never per animation frame (the cursor is a separate overlay).
 */
import type { DisplayPhase } from '../../engine'
import { DISPLAY_PHASE_OF_CODE, DISPLAY_PHASES } from '../../engine/simulate/pod-phases'
import { PHASE_DISPLAY } from '../common/phase-display'
import type { SimulationRun } from '../../state/slices/simulation-slice'
import { GROUP_ROW_HEIGHT, PLOT_LEFT, PLOT_RIGHT, POD_ROW_HEIGHT, timeToX, visibleRows, type LaneLayout } from './lane-geometry'
import { readCssColor } from './theme-colors'

export interface LaneColors {
  readonly phase: Readonly<Record<DisplayPhase, string>>
  readonly endpoint: string
  readonly ingress: string
  readonly probeOk: string
  readonly probeFail: string
  readonly failure: string
  readonly stripe: string
  readonly band: string
  readonly grid: string
}

export function readLaneColors(element: Element): LaneColors {
  const phase = Object.fromEntries(DISPLAY_PHASES.map((p) => [p, readCssColor(PHASE_DISPLAY[p].colorVar, '#888', element)])) as Record<DisplayPhase, string>
  return {
    phase,
    endpoint: readCssColor('--lane-endpoint', '#7aa7f5', element),
    ingress: readCssColor('--lane-ingress', '#2d6bea', element),
    probeOk: readCssColor('--lane-probe-ok', '#1e8a4c', element),
    probeFail: readCssColor('--lane-probe-fail', '#cf2b34', element),
    failure: readCssColor('--lane-failure', '#e03131', element),
    stripe: readCssColor('--lane-stripe', '#00000008', element),
    band: readCssColor('--lane-band', '#00000010', element),
    grid: readCssColor('--lane-grid', '#00000014', element),
  }
}

export interface LaneDrawInput {
  readonly ctx: CanvasRenderingContext2D
  /** CSS pixels of the plot cell. */
  readonly width: number
  readonly height: number
  readonly scrollTop: number
  readonly layout: LaneLayout
  readonly run: SimulationRun
  readonly colors: LaneColors
  readonly ticks: readonly number[]
}

function drawIntervals(
  ctx: CanvasRenderingContext2D,
  track: { offsets: Uint32Array; startMs: Float64Array; endMs: Float64Array; value: Uint8Array },
  pod: number,
  x: (ms: number) => number,
  y: number,
  h: number,
  colorOf: (value: number) => string,
): void {
  for (let i = track.offsets[pod]!; i < track.offsets[pod + 1]!; i++) {
    const x0 = x(track.startMs[i]!)
    const x1 = Math.max(x0 + 1, x(track.endMs[i]!))
    ctx.fillStyle = colorOf(track.value[i]!)
    ctx.fillRect(x0, y, x1 - x0, h)
  }
}

function drawPodRow(input: LaneDrawInput, pod: number, y: number): void {
  const { ctx, width, run, colors } = input
  const t = run.result.timeline
  const view = run.view
  const x = (ms: number) => timeToX(ms, view.endMs, width)
  drawIntervals(ctx, t.tracks.phase, pod, x, y + 5, 10, (code) => colors.phase[DISPLAY_PHASE_OF_CODE[code] ?? 'killed'])
  drawIntervals(ctx, t.tracks.endpoint, pod, x, y + 16, 2, () => colors.endpoint)
  drawIntervals(ctx, t.tracks.ingress, pod, x, y + 19, 2, () => colors.ingress)

  // Readiness probes: a tick above the bar, green when it passed, red when it failed.
  const r = view.readiness
  for (let k = r.offsets[pod]!; k < r.offsets[pod + 1]!; k++) {
    const probe = r.index[k]!
    ctx.fillStyle = t.probes.ok[probe] === 1 ? colors.probeOk : colors.probeFail
    ctx.fillRect(Math.round(x(t.probes.timeMs[probe]!)) - 0.5, y + 1, 2, 3)
  }

  // Failed requests: one tick per pixel column is enough to see where they cluster.
  const f = view.failuresByPod
  ctx.fillStyle = colors.failure
  let lastColumn = -1
  for (let k = f.offsets[pod]!; k < f.offsets[pod + 1]!; k++) {
    const column = Math.round(x(view.failureTimes[f.index[k]!]!))
    if (column === lastColumn) continue
    lastColumn = column
    ctx.fillRect(column - 0.5, y + 3, 1.5, 14)
  }

  // Kills: a cross where the process ended abruptly.
  ctx.strokeStyle = colors.phase.killed
  ctx.lineWidth = 1.6
  for (let k = 0; k < t.kills.pod.length; k++) {
    if (t.kills.pod[k] !== pod) continue
    const cx = x(t.kills.timeMs[k]!)
    ctx.beginPath()
    ctx.moveTo(cx - 4, y + 6)
    ctx.lineTo(cx + 4, y + 14)
    ctx.moveTo(cx + 4, y + 6)
    ctx.lineTo(cx - 4, y + 14)
    ctx.stroke()
  }
}

/** Draws the rows in view; the context must already be scaled to CSS pixels. */
export function drawLanes(input: LaneDrawInput): void {
  const { ctx, width, height, scrollTop, layout, colors, ticks, run } = input
  ctx.clearRect(0, 0, width, height)
  const [first, last] = visibleRows(layout, scrollTop, height)
  // Bands and stripes span the row; everything in time is clipped to the plot (old pods began before 0).
  let podIndex = 0
  for (let i = first; i < last; i++) {
    const row = layout.rows[i]!
    const y = layout.tops[i]! - scrollTop
    if (row.kind === 'group') {
      ctx.fillStyle = colors.band
      ctx.fillRect(0, y, width, GROUP_ROW_HEIGHT)
      podIndex = 0
    } else if (podIndex++ % 2 === 1) {
      ctx.fillStyle = colors.stripe
      ctx.fillRect(0, y, width, POD_ROW_HEIGHT)
    }
  }
  ctx.save()
  ctx.beginPath()
  ctx.rect(PLOT_LEFT, 0, Math.max(0, width - PLOT_LEFT - PLOT_RIGHT), height)
  ctx.clip()
  ctx.fillStyle = colors.grid
  for (const tick of ticks) ctx.fillRect(Math.round(timeToX(tick, run.view.endMs, width)), 0, 1, height)
  for (let i = first; i < last; i++) {
    const row = layout.rows[i]!
    if (row.kind === 'pod') drawPodRow(input, row.pod, layout.tops[i]! - scrollTop)
  }
  ctx.restore()
}

/** The kept failed request of `pod` drawn nearest to `x` (within `slop` px), or null. */
export function hitFailure(run: SimulationRun, pod: number, x: number, width: number, slop = 5): number | null {
  const view = run.view
  const f = view.failuresByPod
  let best: number | null = null
  let bestDistance = slop
  for (let k = f.offsets[pod]!; k < f.offsets[pod + 1]!; k++) {
    const index = f.index[k]!
    const distance = Math.abs(timeToX(view.failureTimes[index]!, view.endMs, width) - x)
    if (distance <= bestDistance) {
      best = index
      bestDistance = distance
    }
  }
  return best
}
