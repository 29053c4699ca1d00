/**
 * Node sizes, decided here rather than measured in the page: the layout runs in the worker before anything is
 * drawn, and an edit that changes only words keeps every size, so the layout is reused (layout-key.ts).
 * The UI's node styles use the same numbers (src/ui/graph/graph.css); keep the two in step.
 */
import type { GraphBadge, GraphNodeKind } from './types'

/** Width of each kind of node, in px. Labels longer than the width are cut with an ellipsis. */
export const NODE_WIDTH: Readonly<Record<GraphNodeKind, number>> = {
  controller: 156,
  host: 212,
  path: 204,
  service: 204,
  resource: 204,
  workload: 204,
  replicaSet: 170,
  pod: 150,
  morePods: 150,
  defaultBackend: 170,
}

/** Vertical rhythm of a node card: padding, the label line, the sub line, a row of badges, a problem line. */
export const NODE_METRICS = {
  paddingY: 8,
  labelLine: 18,
  subLine: 16,
  badgeRow: 22,
  problemLine: 18,
  /** Horizontal room for badges: the width less the card's padding. */
  paddingX: 10,
  /** Estimated width of one badge character and a badge's own padding (icon included). */
  badgeChar: 6.4,
  badgePad: 22,
  badgeGap: 4,
} as const

/** ReplicaSet box: a header, then its pods stacked with a gap. */
export const REPLICA_SET_METRICS = {
  header: 30,
  podHeight: 22,
  podGap: 5,
  paddingX: 10,
  paddingBottom: 9,
} as const

/** The words a badge shows, for width estimates only (the UI words it, in the reader's language). */
function badgeChars(badge: GraphBadge): number {
  return Math.max(4, badge.text.length + 6)
}

/** How many rows `badges` wrap into on a card `width` px wide. */
export function countBadgeRows(badges: readonly GraphBadge[], width: number): number {
  if (badges.length === 0) return 0
  const room = width - 2 * NODE_METRICS.paddingX
  let rows = 1
  let used = 0
  for (const badge of badges) {
    const w = Math.min(room, badgeChars(badge) * NODE_METRICS.badgeChar + NODE_METRICS.badgePad)
    if (used > 0 && used + NODE_METRICS.badgeGap + w > room) {
      rows++
      used = w
    } else {
      used += (used > 0 ? NODE_METRICS.badgeGap : 0) + w
    }
  }
  return rows
}

/** Height of a card with these contents. */
export function cardHeight(kind: GraphNodeKind, hasSub: boolean, badges: readonly GraphBadge[], problems: number): number {
  const m = NODE_METRICS
  const rows = countBadgeRows(badges, NODE_WIDTH[kind])
  return 2 * m.paddingY + m.labelLine + (hasSub ? m.subLine : 0) + rows * m.badgeRow + problems * m.problemLine + 2
}

/** Height of a ReplicaSet box holding `shown` pod nodes. */
export function replicaSetHeight(shown: number): number {
  const m = REPLICA_SET_METRICS
  return m.header + shown * m.podHeight + Math.max(0, shown - 1) * m.podGap + m.paddingBottom
}

/** Top-left of the `index`-th pod inside its ReplicaSet box. */
export function podPosition(index: number): { x: number; y: number } {
  const m = REPLICA_SET_METRICS
  return { x: m.paddingX, y: m.header + index * (m.podHeight + m.podGap) }
}
