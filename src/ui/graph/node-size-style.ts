/**
 * The card sizes the engine lays the graph out with (`engine/graph/node-size.ts`), as CSS custom properties on
 * the graph's container: graph.css reads these variables and writes no size of its own, so a card drawn in the
 * page is exactly as tall as the box the layout reserved for it.
 */
import type { CSSProperties } from 'react'
import { NODE_METRICS, NODE_TEXT, REPLICA_SET_METRICS } from '../../engine/graph/node-size'

const px = (value: number): string => `${value}px`

/** Every size variable graph.css may use, by name. */
export const NODE_SIZE_VARS = {
  '--node-padding-y': px(NODE_METRICS.paddingY),
  '--node-padding-x': px(NODE_METRICS.paddingX),
  '--node-label-line': px(NODE_METRICS.labelLine),
  '--node-sub-line': px(NODE_METRICS.subLine),
  '--node-problem-line': px(NODE_METRICS.problemLine),
  '--node-badge-gap': px(NODE_METRICS.badgeGap),
  // A badge row is the badge and the gap above it (the layout counts rows of `badgeRow`).
  '--node-badge-height': px(NODE_METRICS.badgeRow - NODE_METRICS.badgeGap),
  '--node-label-font': px(NODE_TEXT.label),
  '--node-code-label-font': px(NODE_TEXT.codeLabel),
  '--node-sub-font': px(NODE_TEXT.sub),
  '--node-badge-font': px(NODE_TEXT.badge),
  '--rs-header': px(REPLICA_SET_METRICS.header),
  '--rs-padding-x': px(REPLICA_SET_METRICS.paddingX),
} as const satisfies Record<`--${string}`, string>

/** The style object for the graph's container element. */
export const NODE_SIZE_STYLE = NODE_SIZE_VARS as CSSProperties
