/**
 * The plain-data shapes of a parity check (docs/migration.md#parity): the same requests through ingress-nginx
 * (the Ingresses) and through a Gateway (HTTPRoutes), and every request whose answer differs, with the cause,
 * an explanation and the fix.
 */
import type { Message } from '../messages/message'
import type { RouteResult } from '../route/types'
import type { GatewayRouteResult } from '../gateway/types'

/** A request both routers answer: the shape of a `route --requests` line. */
export interface ParityRequest {
  readonly url: string
  readonly method: string
  readonly headers: Readonly<Record<string, string>>
  readonly cookies: Readonly<Record<string, string>>
}

/** Why the generator made a request (shown beside it). */
export interface GeneratedRequest extends ParityRequest {
  readonly why: Message
}

/** The fields compared, in the order they are reported. */
export const PARITY_FIELDS = ['status', 'service', 'port', 'rewrittenPath', 'host', 'location'] as const
export type ParityField = (typeof PARITY_FIELDS)[number]

/** How a difference is resolved: change the Ingress, change the route, or accept the new behaviour. */
export type ParityFixKind = 'change-ingress' | 'change-route' | 'accept'

export interface ParityFix {
  readonly kind: ParityFixKind
  readonly text: Message
}

/** One request answered differently. */
export interface ParityDifference {
  readonly request: ParityRequest
  readonly ingressNginx: RouteResult
  readonly gatewayApi: GatewayRouteResult
  readonly fields: readonly ParityField[]
  /** Closed list, owned by the parity module (`PARITY_CAUSES`). */
  readonly cause: string
  readonly explanation: Message
  readonly fix: ParityFix
  /** Why the generator made the request; absent for the user's own requests. */
  readonly why?: Message
  /**
   * Set when either side chooses among backends by weight: each side's answers and the share of requests each
   * gets (the answers above are then one draw where the two differ).
   */
  readonly shares?: { readonly ingressNginx: readonly ParityShare[]; readonly gatewayApi: readonly ParityShare[] }
}

/** One answer of a weighted choice and its share of requests (0–1). */
export interface ParityShare {
  /** `namespace/name` of the backend, null when the answer proxies nowhere. */
  readonly service: string | null
  readonly status: number
  readonly share: number
}

/** Differences of one cause, for the grouped report. */
export interface ParityGroup {
  readonly cause: string
  readonly explanation: Message
  readonly count: number
}

export interface ParityReport {
  readonly equivalent: boolean
  /** How many requests went through both routers (generated and the user's own). */
  readonly requests: number
  /** `namespace/name` of the Gateway the Gateway API side went through. */
  readonly gateway: string
  readonly differences: readonly ParityDifference[]
  readonly groups: readonly ParityGroup[]
  /** True when the generator stopped at its bound (`PARITY_REQUEST_LIMIT`); absent otherwise. */
  readonly limited?: boolean
}
