/**
 * Export of the whole route graph (not only the part on screen) as PNG or SVG with html-to-image, the way
 * xyflow's "download image" example does it: frame the bounds of every node, render the viewport element with
 * a transform that fits them, and download the result. Nothing is fetched (system fonts only, `skipFonts`).
 */
import { getViewportForBounds, type Rect } from '@xyflow/react'

export type ExportFormat = 'png' | 'svg'

const PADDING = 32
/** Browsers refuse canvases much above this many pixels a side; large graphs are scaled down to fit. */
const MAX_SIDE = 8192
const MAX_PIXELS = 40_000_000

/** The image size, zoom and pixel ratio for `bounds`, kept within what a canvas can hold. */
export function planExport(bounds: Rect, format: ExportFormat): { width: number; height: number; zoom: number; pixelRatio: number } {
  const zoom = Math.min(1, MAX_SIDE / (bounds.width + 2 * PADDING), MAX_SIDE / (bounds.height + 2 * PADDING))
  const width = Math.max(1, Math.ceil((bounds.width + 2 * PADDING) * zoom))
  const height = Math.max(1, Math.ceil((bounds.height + 2 * PADDING) * zoom))
  const ratio = format === 'svg' ? 1 : Math.max(1, Math.min(2, Math.floor(Math.sqrt(MAX_PIXELS / (width * height)) * 10) / 10))
  return { width, height, zoom, pixelRatio: ratio }
}

/** Renders the graph inside `viewport` (the `.react-flow__viewport` element) framed to `bounds`; a data URL. */
export async function renderGraphImage(viewport: HTMLElement, bounds: Rect, format: ExportFormat, background: string): Promise<string> {
  const { width, height, zoom, pixelRatio } = planExport(bounds, format)
  // Fixed zoom and no extra padding: the image size already holds the padding, so the bounds land centred.
  const fit = getViewportForBounds(bounds, width, height, zoom, zoom, 0)
  const options = {
    backgroundColor: background,
    width,
    height,
    pixelRatio,
    skipFonts: true,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${fit.x}px, ${fit.y}px) scale(${fit.zoom})` },
    // Handles are invisible connection points; the exported picture does not need them.
    filter: (element: HTMLElement) => !element.classList?.contains('react-flow__handle'),
  }
  // Loaded on first export only: it is not needed to show the graph.
  const { toPng, toSvg } = await import('html-to-image')
  return format === 'png' ? toPng(viewport, options) : toSvg(viewport, options)
}

/** Saves a data URL as a file through a temporary link. */
export function downloadDataUrl(dataUrl: string, fileName: string): void {
  const link = document.createElement('a')
  link.href = dataUrl
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
}
