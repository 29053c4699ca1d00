/**
 * Node sizes, decided here rather than measured in the page: the layout runs in the worker before anything is
 * drawn, and an edit that changes only words keeps every size, so the layout is reused (layout-key.ts).
 * The UI's node styles read these numbers as CSS custom properties (src/ui/graph/node-size-style.ts).
 */
import type { GraphBadge, GraphBadgeKind, GraphNodeKind, GraphProblem, GraphProblemCode } from './types'

/** Width of each kind of node, in px. Labels longer than the width are cut with an ellipsis. */
export const NODE_WIDTH: Readonly<Record<GraphNodeKind, number>> = {
  controller: 150,
  host: 196,
  path: 184,
  service: 184,
  resource: 184,
  workload: 200,
  replicaSet: 184,
  pod: 164,
  morePods: 164,
  defaultBackend: 168,
  gatewayClass: 168,
  gateway: 196,
  listener: 184,
  httpRoute: 196,
  routeRule: 204,
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

/**
 * Type sizes of a card's lines, in px at zoom 1. The label lines decide how far the page may zoom out and stay
 * readable (`SMALLEST_LABEL_PX`); the line heights above are sized for them.
 */
export const NODE_TEXT = {
  /** A card's label (Services, Deployments, the controller). */
  label: 13,
  /** The label of hosts and paths, in the monospace face (wider glyphs, so a little smaller). */
  codeLabel: 12.5,
  sub: 11.5,
  badge: 10.5,
} as const

/** The smallest label on any card: the zoom that shows it at N px on screen is N / this. */
export const SMALLEST_LABEL_PX = Math.min(NODE_TEXT.label, NODE_TEXT.codeLabel)

/** ReplicaSet box, inside its Deployment's card below the card's own lines: a header, then its pods stacked. */
export const REPLICA_SET_METRICS = {
  /** Inset of the box from the Deployment card's edges. */
  inset: 8,
  header: 26,
  podHeight: 22,
  podGap: 5,
  paddingX: 10,
  paddingBottom: 9,
} as const

/** Characters of the words around a badge's text (English, the longest of the UI's languages per glyph count). */
export const BADGE_WORDS: Readonly<Record<GraphBadgeKind, number>> = {
  exact: 5, prefix: 6, 'impl-specific': 12, regex: 18, rewrite: 10, redirect: 9, 'app-root': 9, canary: 7, tls: 2,
  'https-redirect': 14, wildcard: 8, 'catch-all': 8, 'default-backend': 14, 'not-served': 10, dropped: 7,
  selector: 0, strategy: 0, image: 0, alias: 5, 'www-redirect': 4,
  protocol: 0, hostname: 0, match: 0, conditions: 0, 'more-matches': 8, 'header-filter': 0, mirror: 8, 'class-assumed': 20,
}

/**
 * Lines a problem takes on its card: one, or for a Gateway API condition its head (the reason as the spec names
 * it and its subject) and up to two lines of the condition's message (the page clamps it to them).
 */
export const PROBLEM_LINES: Readonly<Record<GraphProblemCode, number>> = {
  'service-missing': 1, 'port-missing': 1, 'secret-missing': 1, 'selects-nothing': 1, 'no-selector': 1, 'not-served': 1, dropped: 1,
  'resource-backend': 1, 'no-endpoints': 1,
  'parent-refused': 3, 'backend-refused': 3, 'listener-condition': 3, 'gateway-condition': 3, 'unsupported-filter': 3,
}

/** The problem lines of a card with `problems`. */
export function problemLines(problems: readonly GraphProblem[]): number {
  let lines = 0
  for (const problem of problems) lines += PROBLEM_LINES[problem.code]
  return lines
}

/** The characters a badge shows, for width estimates only (the UI words it, in the reader's language). */
function badgeChars(badge: GraphBadge): number {
  if (badge.kind === 'regex' && badge.text === '') return 5
  if (badge.kind === 'tls' && badge.text === '') return 19
  return BADGE_WORDS[badge.kind] + badge.text.length
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

/** Height of a card with these contents; `problems` counts problem lines (`problemLines`). */
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

/** Top-left of a ReplicaSet box inside a Deployment card `parentHeight` px tall. */
export function replicaSetPosition(parentHeight: number, height: number): { x: number; y: number } {
  return { x: REPLICA_SET_METRICS.inset, y: parentHeight - height - REPLICA_SET_METRICS.inset }
}

/** Top-left of the `index`-th pod inside its ReplicaSet box. */
export function podPosition(index: number): { x: number; y: number } {
  const m = REPLICA_SET_METRICS
  return { x: m.paddingX, y: m.header + index * (m.podHeight + m.podGap) }
}
