/**
 * Weighted answers compared by their shares, never by one random draw (docs/migration.md#parity). Both routers
 * draw uniform numbers in [0, 1) from the caller's source; an answer is a step function of that number. Fed a
 * source that always returns the quantile q, each router answers for q; the steps sit where a canary weight
 * (`weight / total`, balancer.lua) or a backendRef's running weight sum (`sum / total`, choose-backend.ts) falls,
 * so each interval between those breakpoints (and a coarse grid, for any draw the structure does not show) is
 * asked once, at its middle, and counts for its width.
 */
import type { CompiledGateways, GatewayRouteResult } from '../gateway/types'
import type { CompiledRoutes, RouteResult } from '../route/types'
import { answerKey, type ParityAnswer } from './compare-answers'
import { canaryOf, locationOf, matchOf } from './facts'

/** A source that always returns `q`. */
export function quantile(q: number): { next(): number } {
  return { next: () => q }
}

/** The top quantile probed (just below 1). */
export const TOP_QUANTILE = 1 - 2 ** -20

const GRID = 16

/** One answer and the share of draws that gets it. */
export interface Share {
  readonly key: string
  readonly answer: ParityAnswer
  readonly share: number
}

/** Where the ingress answer may step: the canary weight of the location's upstream. */
export function ingressBreakpoints(routes: CompiledRoutes, result: RouteResult): number[] {
  const found = locationOf(routes, result)
  if (!found) return []
  const policy = canaryOf(routes, found.location)
  if (!policy) return []
  const total = policy.weightTotal > 100 ? policy.weightTotal : 100
  return [policy.weight / total]
}

/** Where the Gateway answer may step: the running weight sums of the rule's backendRefs. */
export function gatewayBreakpoints(gateways: CompiledGateways, result: GatewayRouteResult): number[] {
  const ref = result.route
  if (!ref) return []
  const backends = matchOf(gateways, result)?.rule.backends ?? []
  const total = backends.reduce((sum, b) => sum + Math.max(0, b.weight), 0)
  if (total <= 0) return []
  const out: number[] = []
  let sum = 0
  for (const backend of backends) {
    if (backend.weight <= 0) continue
    sum += backend.weight
    out.push(sum / total)
  }
  return out
}

/** The shares of `answerAt` over [0, 1), stepping at `breakpoints` (plus the grid). Sorted by key. */
export function sharesOf(answerAt: (q: number) => ParityAnswer, breakpoints: readonly number[]): Share[] {
  const points = new Set<number>([0, 1])
  for (let i = 1; i < GRID; i++) points.add(i / GRID)
  for (const point of breakpoints) if (point > 0 && point < 1) points.add(point)
  const sorted = [...points].sort((a, b) => a - b)
  const shares = new Map<string, { answer: ParityAnswer; share: number }>()
  for (let i = 0; i + 1 < sorted.length; i++) {
    const from = sorted[i] as number
    const to = sorted[i + 1] as number
    const answer = answerAt((from + to) / 2)
    const key = answerKey(answer)
    const entry = shares.get(key)
    if (entry) entry.share += to - from
    else shares.set(key, { answer, share: to - from })
  }
  return [...shares.entries()].map(([key, { answer, share }]) => ({ key, answer, share })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}

/** Whether two share lists name the same answers in the same proportions (to a millionth). */
export function sameShares(a: readonly Share[], b: readonly Share[]): boolean {
  if (a.length !== b.length) return false
  return a.every((share, i) => share.key === (b[i] as Share).key && Math.abs(share.share - (b[i] as Share).share) < 1e-6)
}

/** The shares per backend (`namespace/name` or null), summed over the other fields. */
export function serviceShares(shares: readonly Share[]): Map<string | null, number> {
  const out = new Map<string | null, number>()
  for (const share of shares) out.set(share.answer.service, (out.get(share.answer.service) ?? 0) + share.share)
  return out
}
