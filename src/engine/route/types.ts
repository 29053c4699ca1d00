/**
 * The compiled routing model: the servers, locations and upstreams ingress-nginx would render for a set of Ingresses
 * (docs/routing.md#servers, docs/routing.md#locations-and-path-types), plus the request and result shapes of
 * `routeRequest`.
 *
 * Everything here is plain, structured-clone-safe data (no Maps, no RegExps, no functions) so the worker can
 * send it to the UI. Fast lookup structures are derived lazily from it (`route-index.ts`).
 */
import type { RouteCode, Severity } from '../diagnostics'
import type { FieldPath, SourceRef } from '../model/types'
import type { Message } from '../messages/message'
import type { RouteEnvironment } from './environment'

/** Names one Ingress of the input so the UI can highlight it. */
export interface IngressRef {
  readonly name: string
  readonly namespace: string
  /** Index into `ClusterModel.ingresses`. */
  readonly index: number
  readonly source: SourceRef
}

/** A Service backend as the Ingress wrote it (port by number or by name). */
export interface BackendRef {
  readonly service: string
  readonly port: number | string
  readonly namespace: string
}

/** Canary traffic-shaping settings of one canary Ingress (ingress-nginx `canary-*` annotations). */
export interface CanaryPolicy {
  readonly weight: number
  readonly weightTotal: number
  readonly header: string | null
  readonly headerValue: string | null
  readonly headerPattern: string | null
  readonly cookie: string | null
}

/** One nginx upstream (`namespace-service-port`), or the controller's `upstream-default-backend`. */
export interface CompiledUpstream {
  readonly name: string
  /** Null for the controller's default backend. */
  readonly backend: BackendRef | null
  /** The Ingress that created the upstream (first in order), null for the default backend. */
  readonly ingress: IngressRef | null
  /** True when a canary Ingress created it: it gets no locations of its own. */
  readonly noServer: boolean
  /** Set on canary upstreams. */
  readonly canary: CanaryPolicy | null
  /** Names of alternative (canary) upstreams merged onto this primary, in merge order; only the first is used. */
  readonly alternatives: readonly string[]
}

/** Why a location exists. */
export type LocationOrigin =
  | 'rule' // a path of an Ingress rule
  | 'exact-copy' // the `= /foo` twin ingress-nginx adds for a plain Prefix `/foo`
  | 'server-root' // the root `/` every server gets, pointing at a default backend
  | 'catch-all-backend' // `_`'s root taken over by an Ingress with a defaultBackend and no rules
  | 'healthz' // the controller's own `/healthz` on `_` (answers 200)
  | 'nginx-status' // the controller's own `/nginx_status` on `_` (403 for outside clients)

export type LocationModifier = '=' | '' | '~*'

/** One nginx `location` block, in the order nginx.conf lists it. */
export interface CompiledLocation {
  /** Stable id: `<server hostname>#<index>`. */
  readonly id: string
  readonly index: number
  /** The nginx location name, e.g. `/foo/` for Prefix `/foo`, or the regex source for `~*`. */
  readonly path: string
  readonly modifier: LocationModifier
  readonly origin: LocationOrigin
  /** The path as the Ingress wrote it (`''` becomes `/`), null for controller locations. */
  readonly ingressPath: string | null
  /** Path type as written in the Ingress (before ImplementationSpecific became Prefix), null for controller locations. */
  readonly pathType: 'Exact' | 'Prefix' | 'ImplementationSpecific' | null
  /** Upstream name (`upstream-default-backend` for the controller's 404). */
  readonly upstream: string
  /** The Service backend, null when the controller default backend (404) answers. */
  readonly backend: BackendRef | null
  /** The Ingress whose annotations and backend this location carries. */
  readonly ingress: IngressRef | null
  /** Field path of the rule path (or defaultBackend) inside the Ingress. */
  readonly at: FieldPath | null
  /** Effective rewrite target (set only when it differs from `path`). */
  readonly rewriteTarget: string | null
  /** `return <code> <url>` from permanent-redirect / temporal-redirect. */
  readonly redirect: { readonly code: number; readonly url: string } | null
  /** app-root annotation of this location's Ingress (rendered at server level). */
  readonly appRoot: string | null
  readonly useRegex: boolean
  readonly sslRedirect: boolean
  readonly forceSslRedirect: boolean
  readonly preserveTrailingSlash: boolean
  readonly usePortInRedirects: boolean
  /** Set for the controller's own fixed answers (`/healthz` 200, `/nginx_status` 403). */
  readonly fixedStatus: number | null
  /** Regex locations only: the JS translation of the PCRE source, or null when JS cannot compile it. */
  readonly jsRegex: string | null
  /** Later Ingress paths for the same host, path and type that ingress-nginx dropped (D7). */
  readonly conflicts: readonly { readonly ingress: IngressRef; readonly at: FieldPath }[]
}

export type ServerKind = 'exact' | 'wildcard' | 'catch-all'

/** One nginx `server` block. */
export interface CompiledServer {
  /** The Ingress host (`_` for the catch-all server, `*.foo.com` for a wildcard). */
  readonly hostname: string
  readonly kind: ServerKind
  /** The rendered `server_name`. */
  readonly serverName: string
  /** The Ingress that created the server (first in order), null for `_` before any Ingress. */
  readonly createdBy: IngressRef | null
  /** True when some location uses use-regex or an effective rewrite: every location is `~* "^path"`. */
  readonly regexEnforced: boolean
  /** The location that made the host regex (first in order), null when not enforced. */
  readonly regexEnforcedBy: string | null
  /** The Ingress whose `tls` section gave this server a certificate, null when none. */
  readonly tlsFrom: IngressRef | null
  readonly locations: readonly CompiledLocation[]
}

/** Route-stage problem codes (the `RouteCode` union of diagnostics.ts). */
export type RouteIssueCode = RouteCode

/** A routing finding about one object, located by field path (turned into a `Diagnostic` with a locator). */
export interface RouteIssue {
  readonly code: RouteIssueCode
  readonly severity: Severity
  /** What to say (docs/i18n.md); `routeDiagnostics` and the checks stage make it the diagnostic's text. */
  readonly text: Message
  readonly source: SourceRef
  readonly at: FieldPath
}

/** How the controller treats one Ingress of the input. */
export interface IngressStatus {
  readonly ref: IngressRef
  readonly served: boolean
  /** Why it is served or not (the class decision), as a message. */
  readonly reason: Message
  readonly canary: boolean
  /** Position in ingress-nginx's order (creationTimestamp, then namespace/name descending); -1 when not served. */
  readonly rank: number
}

/** One rule path of an Ingress of the input (for the spec's answer and the route table). */
export interface SpecRule {
  readonly ref: IngressRef
  /** Served by this controller (class) and not a canary: the rules the spec's answer considers. */
  readonly primary: boolean
  /** `''` for a rule without host. */
  readonly host: string
  /** As written (`''` when omitted). */
  readonly path: string
  readonly pathType: 'Exact' | 'Prefix' | 'ImplementationSpecific'
  /** `service:port`, or `Kind name` for a resource backend. */
  readonly backend: string
  readonly at: FieldPath
}

/** Every rule path and defaultBackend of the input: served non-canary Ingresses first, oldest first. */
export interface SpecView {
  readonly rules: readonly SpecRule[]
  readonly defaultBackends: readonly { readonly ref: IngressRef; readonly primary: boolean; readonly backend: string }[]
}

/** Everything `compileRoutes` produces. */
export interface CompiledRoutes {
  readonly environment: RouteEnvironment
  /** Servers sorted by hostname, as ingress-nginx sorts them (`*` and `_` included). */
  readonly servers: readonly CompiledServer[]
  readonly upstreams: readonly CompiledUpstream[]
  readonly ingresses: readonly IngressStatus[]
  readonly issues: readonly RouteIssue[]
  readonly spec: SpecView
}

/** A request to route. Header names are case-insensitive. */
export interface RouteRequest {
  /** Absolute URL: `http://host[:port]/path?query`. A raw path (`//a`, `/a/../b`, `%41`) is kept as written. */
  readonly url: string
  /** The request method (`$request_method` in a rewrite-target). Default `GET`. */
  readonly method?: string
  readonly headers?: Readonly<Record<string, string>>
  readonly cookies?: Readonly<Record<string, string>>
}

/** A note where ingress-nginx and the Kubernetes spec disagree (docs/routing.md#divergences). */
export interface DivergenceNote {
  readonly id: 'D1' | 'D2' | 'D3' | 'D4' | 'D5' | 'D6' | 'D7' | 'D8' | 'D9' | 'D10'
  /** What ingress-nginx does here and what the spec would answer instead. */
  readonly text: Message
}

/** The answer for one request (the CLI prints the first ten fields). */
export interface RouteResult {
  readonly status: number
  readonly service: string | null
  readonly port: number | string | null
  readonly namespace: string | null
  readonly ingress: string | null
  /** The request host as nginx sees it: lower case, port and trailing dot removed. */
  readonly host: string
  /** The path sent upstream when a rewrite happened (query excluded), else null. */
  readonly rewrittenPath: string | null
  /** The exact `Location` header of a redirect, else null. */
  readonly location: string | null
  readonly canary: boolean
  /**
   * The steps as messages (render with `formatMessage` or the page's engine text), divergence notes included
   * as `trace-divergence` steps (`Spec divergence Dn: …`).
   */
  readonly trace: readonly Message[]
  /** Hostname of the server that answered (`_` for the catch-all), null for a 400. */
  readonly serverHostname: string | null
  /** Id of the location that answered, null when the server level answered (app-root, 400). */
  readonly locationId: string | null
  /** The request-target sent upstream (path and query) when proxied, else null. */
  readonly upstreamUri: string | null
  /** The upstream that received the request, null when nothing was proxied. */
  readonly upstream: string | null
  readonly divergences: readonly DivergenceNote[]
}

/** Options of `routeRequest`. */
export interface RouteOptions {
  /**
   * Source of uniform numbers in [0, 1) for canary weights. Default: a fresh `createRandom(1)` per call, so
   * one request always gets the same answer; pass one shared source to draw a sequence.
   */
  readonly random?: { next(): number }
  /** Build the trace and divergence notes. Default: true (the benchmark measures both). */
  readonly trace?: boolean
}
