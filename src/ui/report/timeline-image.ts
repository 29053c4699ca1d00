/**
 * The rollout timeline as it is on screen (ruler, pod lanes, traffic, outcomes and latency charts) drawn into a
 * PNG with html-to-image, the way the graph export does it (`graph/export-graph.ts`): system fonts only, the
 * standard CSS properties only. The time area scrolls inside its panel; the picture holds all of it.
 */
import { standardProperties } from '../graph/export-graph'
import { TID } from '../test-ids'

/** Canvases much larger than this are refused by browsers; a tall timeline is drawn at a lower pixel ratio. */
const MAX_PIXELS = 24_000_000

/** The time area of a finished run on screen, or `null` (the Rollout view is closed, or shows no run). */
export function findTimeArea(root: ParentNode = document): HTMLElement | null {
  return root.querySelector<HTMLElement>(`[data-testid="${TID.timelineTimeArea}"]:not(.empty-time)`)
}

/** A `data:image/png` URL of the whole time area. */
export async function renderTimelineImage(area: HTMLElement): Promise<string> {
  const width = Math.max(1, area.scrollWidth)
  const height = Math.max(1, area.scrollHeight)
  const pixelRatio = Math.max(1, Math.min(2, Math.floor(Math.sqrt(MAX_PIXELS / (width * height)) * 10) / 10))
  // Loaded on first export only, like the graph's.
  const { toPng } = await import('html-to-image')
  return toPng(area, {
    backgroundColor: getComputedStyle(area).backgroundColor,
    width,
    height,
    pixelRatio,
    skipFonts: true,
    includeStyleProperties: standardProperties(),
    // The clone is laid out at full height: nothing scrolled out of the panel is cut off.
    style: { height: `${height}px`, overflow: 'visible' },
  })
}
