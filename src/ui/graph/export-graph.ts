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

/**
 * The CSS properties copied onto every cloned element: the standard ones only. The page's custom properties
 * (Monaco defines some 1,600 icon variables on :root) would be inlined into every element otherwise, making a
 * seed graph's SVG 30 MB and its export take seconds.
 */
export function standardProperties(): string[] {
  return [...getComputedStyle(document.documentElement)].filter((name) => !name.startsWith('--'))
}

/** What edges and their labels take from CSS. */
const SVG_PROPERTIES = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity', 'font-family', 'font-size', 'font-weight', 'visibility']

/**
 * Writes the computed paint of every element inside the viewport's SVGs (edges, edge labels) into its style
 * attribute, and returns a function that puts the attributes back. html-to-image copies an SVG as it is, without
 * the CSS of its children, so edges would lose their stroke and labels their colours otherwise.
 */
function inlineSvgPaint(viewport: HTMLElement): () => void {
  const saved: [Element, string | null][] = []
  for (const element of viewport.querySelectorAll('svg *')) {
    const computed = getComputedStyle(element)
    saved.push([element, element.getAttribute('style')])
    element.setAttribute('style', SVG_PROPERTIES.map((name) => `${name}:${computed.getPropertyValue(name)}`).join(';'))
  }
  return () => {
    for (const [element, style] of saved) {
      if (style === null) element.removeAttribute('style')
      else element.setAttribute('style', style)
    }
  }
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
    includeStyleProperties: standardProperties(),
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${fit.x}px, ${fit.y}px) scale(${fit.zoom})` },
    // Handles are invisible connection points; the exported picture does not need them.
    filter: (element: HTMLElement) => !element.classList?.contains('react-flow__handle'),
  }
  // Loaded on first export only: it is not needed to show the graph.
  const { toPng, toSvg } = await import('html-to-image')
  const restore = inlineSvgPaint(viewport)
  try {
    return await (format === 'png' ? toPng(viewport, options) : toSvg(viewport, options))
  } finally {
    restore()
  }
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
