/**
 * The Gateway API routing stage's data: what `compileGateways` makes of the model (Gateways with their
 * listeners and the routes attached to each, every route's status per parent as a controller would write it)
 * and what `routeGatewayRequest` answers for one request. Plain, structured-clone-safe data.
 * Rules and sources: docs/gateway-api.md.
 */
import type { Severity } from '../diagnostics'
import type { Fix } from '../fix/types'
import type { Message } from '../messages/message'
import type { GatewayOutcome } from './gateway-outcome'
import type { FieldPath, HTTPRouteFilter, HTTPRouteMatch, SourceRef } from '../model/types'
import type { RouteCode } from '../diagnostics'

/** An object by namespace and name; `key` is `namespace/name`. */
export interface ObjectRef {
  readonly namespace: string
  readonly name: string
  readonly key: string
  readonly source: SourceRef
}

/** A status condition as a controller writes it (`metav1.Condition`); `message` is ours, in words. */
export interface GatewayCondition {
  /** `Accepted`, `ResolvedRefs`, `Programmed`, `Conflicted`, `PartiallyInvalid`, … */
  readonly type: string
  readonly status: 'True' | 'False' | 'Unknown'
  /** The spec's reason, e.g. `NotAllowedByListeners`, `RefNotPermitted`, `BackendNotFound`. */
  readonly reason: string
  readonly message: Message
  /** The field the condition is about (a parentRef, a backendRef), null for the whole object. */
  readonly at: FieldPath | null
}

/** One listener of a Gateway, with the routes that attached to it. */
export interface CompiledListener {
  readonly name: string
  readonly index: number
  readonly port: number
  readonly protocol: string
  /** Lower case; null: any host. */
  readonly hostname: string | null
  /** HTTPS with `tls.mode: Terminate`: the certificate Secrets as `namespace/name` and whether each resolved. */
  readonly certificates: readonly { readonly key: string; readonly resolved: boolean }[]
  /** Whether this listener can carry HTTPRoutes at all (protocol HTTP or HTTPS, kinds allow HTTPRoute). */
  readonly servesHttpRoutes: boolean
  /**
   * Whether the listener takes traffic (its Programmed condition): Accepted (a supported protocol, no conflict),
   * its certificates resolve and it supports at least one route kind. A request to a listener that is not
   * programmed is not served by it.
   */
  readonly programmed: boolean
  /** `status.listeners[].supportedKinds`: the route kinds the listener carries (`group` is the Gateway API group). */
  readonly supportedKinds: readonly { readonly group: string; readonly kind: string }[]
  /** `status.listeners[].attachedRoutes`: how many routes are Accepted through this listener. */
  readonly attachedRoutes: number
  /** The listener's status conditions (Accepted, Programmed, ResolvedRefs, Conflicted). */
  readonly conditions: readonly GatewayCondition[]
  /** The route rules attached here, in attachment order (route precedence is the request stage's job). */
  readonly attachments: readonly ListenerAttachment[]
  readonly at: FieldPath
}

/** An HTTPRoute attached to one listener through one of its parentRefs. */
export interface ListenerAttachment {
  /** `namespace/name` of the HTTPRoute (index into `CompiledGateways.routes` by `routeIndex`). */
  readonly route: string
  readonly routeIndex: number
  /** The parentRef that attached it. */
  readonly parentRefIndex: number
  /**
   * The hostnames requests must carry to reach the route through this listener: the intersection of the
   * listener's hostname and the route's hostnames (`*.example.com` wildcards kept). null: any host.
   */
  readonly hostnames: readonly string[] | null
}

export interface CompiledGateway {
  readonly ref: ObjectRef
  readonly gatewayClassName: string
  /** Whether a GatewayClass of that name is in the input (if not, the studio assumes it exists and says so). */
  readonly classFound: boolean
  readonly listeners: readonly CompiledListener[]
  /** The addresses as written (`IPAddress` values accepted as the Host of a request). */
  readonly addresses: readonly string[]
  /** The Gateway's status conditions (Accepted, Programmed). */
  readonly conditions: readonly GatewayCondition[]
}

/** A backendRef of a rule after resolution. */
export interface CompiledBackend {
  readonly index: number
  /** `Service` for a core Service; otherwise the kind as written (refused: InvalidKind). */
  readonly kind: string
  readonly group: string
  readonly name: string
  readonly namespace: string
  readonly port: number | null
  readonly weight: number
  /** Whether requests may go here: the reference resolves and is permitted. */
  readonly valid: boolean
  /** Why not (`BackendNotFound`, `RefNotPermitted`, `InvalidKind`, …); null when valid. */
  readonly refusal: { readonly reason: string; readonly message: Message } | null
  /**
   * Ready endpoints behind a valid backend: `ready` (pods of a Deployment the input holds), `none` (the input
   * holds the workload but no ready pod; requests answer 503), `assumed` (the input holds no workload for the
   * Service, so its endpoints are assumed ready and the trace says so).
   */
  readonly endpoints: 'ready' | 'none' | 'assumed'
  /** Why `endpoints` is what it is (a clause, for the trace and the graph); null for a refused backend. */
  readonly endpointsWhy: Message | null
  /** Filters on this backendRef, applied after the rule's filters when this backend is chosen. */
  readonly filters: readonly HTTPRouteFilter[]
  /** Filters of this backendRef the implementation cannot apply (indexes into `filters`): a request sent here answers 500. */
  readonly unsupportedFilters: readonly { readonly index: number; readonly type: string; readonly message: Message }[]
  /** RequestMirror filters of this backendRef whose backendRef does not resolve (indexes into `filters`): not mirrored. */
  readonly refusedMirrors: readonly MirrorRefusal[]
  /** Every RequestMirror filter of this backendRef with its backendRef's resolved namespace. */
  readonly mirrors: readonly ResolvedMirror[]
  readonly at: FieldPath
}

/**
 * A RequestMirror filter whose backendRef does not resolve (`index` into the filters it belongs to): the mirror is
 * not configured (httproute_types.go HTTPRequestMirrorFilter.BackendRef) and ResolvedRefs is False with `reason`.
 */
export interface MirrorRefusal {
  readonly index: number
  readonly reason: string
  readonly message: Message
}

/** A RequestMirror filter (`index` into the filters it belongs to) and the namespace compile resolved its backendRef to. */
export interface ResolvedMirror {
  readonly index: number
  readonly namespace: string
}

export interface CompiledRule {
  readonly index: number
  readonly name: string | null
  readonly matches: readonly HTTPRouteMatch[]
  readonly filters: readonly HTTPRouteFilter[]
  readonly backends: readonly CompiledBackend[]
  /** Filters the implementation cannot apply (ExtensionRef, unknown types): a matched request answers 500. */
  readonly unsupportedFilters: readonly { readonly index: number; readonly type: string; readonly message: Message }[]
  /** RequestMirror filters of the rule whose backendRef does not resolve (indexes into `filters`): not mirrored. */
  readonly refusedMirrors: readonly MirrorRefusal[]
  /** Every RequestMirror filter of the rule with its backendRef's resolved namespace (the request stage reads it). */
  readonly mirrors: readonly ResolvedMirror[]
  readonly at: FieldPath
}

/** The status of one parentRef of a route (`status.parents[]`). */
export interface RouteParentStatus {
  readonly parentRefIndex: number
  /** `namespace/name` of the Gateway, or null when it names no Gateway of the input. */
  readonly gateway: string | null
  readonly sectionName: string | null
  readonly port: number | null
  /**
   * The listener names the route attached to through this parentRef: empty when attachment failed. A route
   * attached but `Accepted: False` for a filter of an unknown type (`UnsupportedValue`) keeps its listeners:
   * the studio still routes to it and answers 500 for the rule (docs/gateway-api.md#route-conditions).
   */
  readonly listeners: readonly string[]
  /** Accepted and ResolvedRefs (and PartiallyInvalid when some rules are dropped). */
  readonly conditions: readonly GatewayCondition[]
  readonly at: FieldPath
}

export interface CompiledHTTPRoute {
  readonly ref: ObjectRef
  /** `creationTimestamp` as written, null when absent (the route is then younger than any with one). */
  readonly creationTimestamp: string | null
  /**
   * The route's rank among all routes by the spec's tie-break: oldest creationTimestamp first (a route without
   * one is younger than any with one), then `namespace/name` alphabetically; never document order.
   */
  readonly age: number
  readonly hostnames: readonly string[]
  readonly rules: readonly CompiledRule[]
  readonly parents: readonly RouteParentStatus[]
}

/** A finding of the Gateway API stage, shaped like the ingress route stage's so lint and the editor show it. */
export interface GatewayIssue {
  readonly code: RouteCode
  readonly severity: Severity
  readonly text: Message
  readonly source: SourceRef
  readonly at: FieldPath
  readonly fixes?: readonly Fix[]
}

/** A GatewayClass of the input (the studio acts as its controller and accepts it). */
export interface CompiledGatewayClass {
  readonly ref: ObjectRef
  readonly controllerName: string
  /** Accepted (True). */
  readonly conditions: readonly GatewayCondition[]
}

/** Everything `compileGateways` produces. */
export interface CompiledGateways {
  readonly gatewayClasses: readonly CompiledGatewayClass[]
  readonly gateways: readonly CompiledGateway[]
  readonly routes: readonly CompiledHTTPRoute[]
  readonly issues: readonly GatewayIssue[]
}

/** A request to route through a Gateway. Header names are case-insensitive. */
export interface GatewayRequest {
  /** Absolute URL: `http://host[:port]/path?query`; the scheme and port pick the listener (80/443 by default). */
  readonly url: string
  /** Default `GET` (`DEFAULT_METHOD`); compared as sent, case-sensitive (RFC 9110 §9.1). */
  readonly method?: string
  readonly headers?: Readonly<Record<string, string>>
}

/** The route and rule that answered. */
export interface GatewayRouteRef {
  readonly kind: 'HTTPRoute'
  readonly name: string
  readonly namespace: string
  /** Index of the rule in the route's `rules`. */
  readonly rule: number
}

/** The answer for one request through a Gateway (the CLI prints the first eleven fields). */
export interface GatewayRouteResult {
  /** HTTP status; 0 when no listener takes the connection (nothing listens on that port and protocol). */
  readonly status: number
  readonly service: string | null
  readonly port: number | null
  readonly namespace: string | null
  readonly route: GatewayRouteRef | null
  /** The path sent to the backend when a URLRewrite changed it (query excluded), else null. */
  readonly rewrittenPath: string | null
  /** The Host sent to the backend when a URLRewrite changed it, else null. */
  readonly rewrittenHost: string | null
  /** The `Location` of a redirect, else null. */
  readonly location: string | null
  /** The request headers the backend receives that the request or a filter set (lower-case names); null if none. */
  readonly requestHeaders: Readonly<Record<string, string>> | null
  /** The response headers a filter set (lower-case names); null if none. */
  readonly responseHeaders: Readonly<Record<string, string>> | null
  readonly trace: readonly Message[]
  /** `namespace/name` of the Gateway, null when none could be chosen. */
  readonly gateway: string | null
  /** Name of the listener that took the request, null when none. */
  readonly listener: string | null
  /** Index of the match (in the rule's `matches`) that selected the rule, null when none. */
  readonly matchIndex: number | null
  /** Index of the chosen backendRef in the rule, null when none. */
  readonly backendIndex: number | null
  /** Mirrors the request was copied to (their answers are ignored). */
  readonly mirrors: readonly { readonly service: string; readonly namespace: string; readonly port: number | null }[]
  /** The request host as matched: lower case, port removed. */
  readonly host: string
  /** Why the answer is what it is (`GATEWAY_OUTCOMES`, gateway-outcome.ts): views read this, never the status code. */
  readonly outcome: GatewayOutcome
}

/** Options of `routeGatewayRequest`. */
export interface GatewayRouteOptions {
  /** Uniform numbers in [0, 1) for weighted backends; default a fresh `createRandom(1)` per call. */
  readonly random?: { next(): number }
  /** Build the trace. Default true. */
  readonly trace?: boolean
  /**
   * The headers the backend answers with (an echo backend's answer, as the conformance tests set it). When given,
   * a proxied answer's `responseHeaders` are these after the ResponseHeaderModifier filters: what the client gets.
   */
  readonly backendResponseHeaders?: Readonly<Record<string, string>>
}
