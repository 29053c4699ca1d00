/**
 * Where "Fit" puts the graph: the whole graph when it fits at a readable scale, else a readable scale around the
 * part that matters (the tested route, or the controller and hosts), leaving the rest to panning and the minimap.
 * A graph shrunk until it fits is a picture of boxes nobody can read from a projector.
 */
import { SMALLEST_LABEL_PX } from '../../engine/graph/node-size'

export interface Box {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

export interface Viewport {
  readonly x: number
  readonly y: number
  readonly zoom: number
}

/** The smallest label size on screen, in px: studio and presentation (read from the back row). */
export const LABEL_PX = { studio: 12, presentation: 16 } as const

/** The zoom at which the smallest card label is `labelPx` on screen. */
export function readableZoom(labelPx: number): number {
  return labelPx / SMALLEST_LABEL_PX
}

export interface FitInput {
  /** All drawn nodes. */
  readonly graph: Box
  /** What must be on screen when not everything can be; null: the graph's top-left corner. */
  readonly focus: Box | null
  /** The pane's size in screen px. */
  readonly pane: { readonly width: number; readonly height: number }
  /** The smallest zoom allowed (the readable one). */
  readonly minZoom: number
  /** The largest zoom a small graph is blown up to. */
  readonly maxZoom: number
  /** Screen px kept free around what is fitted. */
  readonly padding: number
}

/** One axis: centre `inner` when it fits in `room`, else put its start at the padding. */
function place(start: number, size: number, zoom: number, room: number, padding: number): number {
  const screen = size * zoom
  return screen + 2 * padding <= room ? (room - screen) / 2 - start * zoom : padding - start * zoom
}

/** The viewport that shows `input.graph` whole if it is readable that way, else `input.focus` at a readable zoom. */
export function fitReadable(input: FitInput): Viewport {
  const { graph, pane, padding } = input
  const roomW = Math.max(1, pane.width - 2 * padding)
  const roomH = Math.max(1, pane.height - 2 * padding)
  const whole = Math.min(roomW / Math.max(1, graph.width), roomH / Math.max(1, graph.height))
  if (whole >= input.minZoom) {
    const zoom = Math.min(whole, Math.max(input.maxZoom, input.minZoom))
    return { zoom, x: place(graph.x, graph.width, zoom, pane.width, padding), y: place(graph.y, graph.height, zoom, pane.height, padding) }
  }
  const zoom = input.minZoom
  const focus = input.focus ?? { x: graph.x, y: graph.y, width: 0, height: 0 }
  // Each axis on its own: the whole graph when it fits that way, else the focus (centred, or from its start),
  // never panned past the graph's edges (no empty band beside the controller).
  const axis = (gStart: number, gSize: number, fStart: number, fSize: number, room: number): number => {
    if (gSize * zoom + 2 * padding <= room) return place(gStart, gSize, zoom, room, padding)
    const wanted = place(fStart, fSize, zoom, room, padding)
    return Math.min(padding - gStart * zoom, Math.max(room - padding - (gStart + gSize) * zoom, wanted))
  }
  return {
    zoom,
    x: axis(graph.x, graph.width, focus.x, focus.width, pane.width),
    y: axis(graph.y, graph.height, focus.y, focus.height, pane.height),
  }
}

/** The box around `boxes`; null for none. */
export function boundsOf(boxes: Iterable<Box>): Box | null {
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const box of boxes) {
    minX = Math.min(minX, box.x)
    minY = Math.min(minY, box.y)
    maxX = Math.max(maxX, box.x + box.width)
    maxY = Math.max(maxY, box.y + box.height)
  }
  return minX === Infinity ? null : { x: minX, y: minY, width: maxX - minX, height: maxY - minY }
}
