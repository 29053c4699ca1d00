/**
 * The shared time axis: every plot on the timeline (pod lanes, charts, the scrubber) leaves the same gutters,
 * so one simulated moment sits at the same x everywhere. Also the row layout of the pod lanes.
 */
import type { LaneGroup } from '../../engine'

/** Width of the charts' y axis; the lanes and the scrubber leave the same gutter on the left. */
export const PLOT_LEFT = 44
/** Room on the right of every plot. */
export const PLOT_RIGHT = 14
export const POD_ROW_HEIGHT = 22
export const GROUP_ROW_HEIGHT = 26

/** x (CSS px from the plot cell's left edge) of simulated time `ms`. */
export function timeToX(ms: number, endMs: number, cellWidth: number): number {
  const width = Math.max(1, cellWidth - PLOT_LEFT - PLOT_RIGHT)
  return PLOT_LEFT + (endMs > 0 ? (ms / endMs) * width : 0)
}

/** Simulated time at x, clamped to the run. */
export function xToTime(x: number, endMs: number, cellWidth: number): number {
  const width = Math.max(1, cellWidth - PLOT_LEFT - PLOT_RIGHT)
  return Math.max(0, Math.min(endMs, ((x - PLOT_LEFT) / width) * endMs))
}

export type LaneRow = { readonly kind: 'group'; readonly group: LaneGroup } | { readonly kind: 'pod'; readonly pod: number; readonly group: LaneGroup }

/** Rows in display order with their tops; `tops[rows.length]` is the total height. */
export interface LaneLayout {
  readonly rows: readonly LaneRow[]
  readonly tops: Float64Array
}

/** A header row per ReplicaSet (old revisions first), then a row per pod. */
export function layoutLanes(groups: readonly LaneGroup[]): LaneLayout {
  const rows: LaneRow[] = []
  for (const group of groups) {
    rows.push({ kind: 'group', group })
    for (const pod of group.pods) rows.push({ kind: 'pod', pod, group })
  }
  const tops = new Float64Array(rows.length + 1)
  rows.forEach((row, i) => (tops[i + 1] = tops[i]! + (row.kind === 'group' ? GROUP_ROW_HEIGHT : POD_ROW_HEIGHT)))
  return { rows, tops }
}

/** Index range `[first, last)` of the rows that intersect `[top, top + height)`. O(log n). */
export function visibleRows(layout: LaneLayout, top: number, height: number): [number, number] {
  const find = (y: number): number => {
    let lo = 0
    let hi = layout.rows.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (layout.tops[mid + 1]! <= y) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  return [find(top), Math.min(layout.rows.length, find(top + height) + 1)]
}

/** Ticks for a time axis of `endMs` over `pixels`: about one label per 70 px, on 1-2-5 steps of seconds. */
export function chooseTicks(endMs: number, pixels: number): number[] {
  const wanted = Math.max(1, Math.floor(pixels / 70))
  const rough = endMs / 1000 / wanted
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(rough, 1e-3)))
  const step = ([1, 2, 5, 10].find((m) => m * magnitude >= rough) ?? 10) * magnitude
  const ticks: number[] = []
  for (let s = 0; s * 1000 <= endMs + 1e-6; s += step) ticks.push(Math.round(s * 1000))
  return ticks
}
