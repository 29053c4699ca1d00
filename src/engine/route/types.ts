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
import type { Fix } from '../fix/types'
import type { Message } from '../messages/message'
import type { AnnotationRejection } from './annotation-validation'
import type { RouteEnvironment } from './environment'
import type { PodRef } from '../model/pod-ref'
import type { AffinityCookie } from './affinity-annotations'

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

/**
 * Why the studio says an upstream has endpoints or not (`backend-availability.ts`, docs/routing.md#assumptions):
 * `assumed-*` and `selects-pods` / `external-name` / `controller-default` have endpoints; the rest have none, so
 * ingress-nginx's Lua balancer answers 503 (or the location's default-backend annotation's Service does).
 */
export type BackendAvailabilityReason =
  | 'controller-default'
  | 'assumed-no-services'
  | 'no-selector'
  | 'no-workloads'
  | 'unmodelled-workloads'
  | 'selects-pods'
  | 'external-name'
  | 'service-missing'
  | 'port-missing'
  | 'external-name-refused'
  | 'selects-nothing'
  | 'zero-replicas'
  | 'target-port-unresolved'

/** Whether an upstream has endpoints, and why (plain data, computed at compile time). */
export interface BackendAvailability {
  /** False: ingress-nginx renders the upstream with no endpoints; its Lua balancer answers 503. */
  readonly endpoints: boolean
  /** True when it rests on an assumption the manifests cannot confirm (no Services, no workloads, no selector). */
  readonly assumed: boolean
  readonly reason: BackendAvailabilityReason
  /** Why, as a clause (`backend-why-*`). */
  readonly text: Message
}

/** The `default-backend` annotation of one served, non-canary Ingress (docs/routing.md#default-backend-annotation). */
export interface DefaultBackendAnnotation {
  readonly ingress: IngressRef
  /** The Service as written (trimmed) and the Ingress's namespace. */
  readonly service: string
  readonly namespace: string
  /** `custom-default-backend-<namespace>-<service>` when ingress-nginx can use the Service, else null. */
  readonly upstream: string | null
  /** The Service's first port (number), null when unknown (no Service manifests) or unusable. */
  readonly port: number | null
  /** Whether a location of this Ingress whose upstream has no endpoints goes there (else the 503 stands). */
  readonly usable: boolean
  /** Why usable or not (`backend-annotation-*`). */
  readonly text: Message
}

/** The endpoints behind an upstream with session affinity (docs/routing.md#session-affinity). */
export type AffinityEndpoints =
  /**
   * The pods of the Deployments the Service selects, named as the route graph names them: each Deployment with its
   * `replicas`, in order (pods are made only when asked: `replicas` comes from the user and may be huge).
   */
  | { readonly kind: 'pods'; readonly service: string; readonly deployments: readonly { readonly namespace: string; readonly name: string; readonly replicas: number }[]; readonly count: number }
  /** The manifests hold no Deployment the Service selects (or not the Service): one endpoint, unnamed. */
  | { readonly kind: 'unnamed'; readonly service: string }
  /** The Service's Deployments ask for 0 replicas. */
  | { readonly kind: 'none'; readonly service: string }

/** An upstream's `affinity: cookie` settings as the Lua balancer gets them (controller.go, sticky.lua). */
export interface UpstreamAffinity {
  /** affinity-mode of the first Ingress using the upstream; anything but `persistent` is balanced. */
  readonly mode: 'balanced' | 'persistent'
  /** The cookie settings of the last Ingress with `affinity: cookie` on the upstream. */
  readonly cookie: AffinityCookie
  readonly cookieFrom: IngressRef | null
  /** Host (`_` for rules without host) → the Ingress paths whose locations set the cookie. */
  readonly locations: Readonly<Record<string, readonly string[]>>
  /** md5(md5(name) .. name): the cookie's second part, telling primary and canary apart. */
  readonly upstreamKey: string
  readonly endpoints: AffinityEndpoints
}

/** The Set-Cookie header sticky.lua answers (attributes in lua-resty-cookie's order). */
export interface SetCookie {
  readonly name: string
  readonly value: string
  readonly path: string
  /** session-cookie-expires: Expires is the response's time plus this many seconds (the studio has no clock). */
  readonly expiresInSeconds: number | null
  readonly maxAge: number | null
  readonly domain: string | null
  readonly secure: boolean
  readonly httpOnly: true
  readonly sameSite: string | null
  /** A SameSite value other than exactly Strict, Lax or None, which lua-resty-cookie leaves out. */
  readonly sameSiteDropped: boolean
  /** The header value; `Expires=…` stands for the response's time plus `expiresInSeconds`. */
  readonly header: string
}

/** Which pod a request with session affinity went to, and why (`RouteResult.affinity`). */
export interface RouteAffinity {
  readonly upstream: string
  readonly mode: 'balanced' | 'persistent'
  readonly cookieName: string
  /** `cookie`: the request's cookie found its endpoint; `new`: no cookie; `cookie-unknown`: it found none. */
  readonly how: 'cookie' | 'new' | 'cookie-unknown'
  readonly endpoints: AffinityEndpoints['kind']
  readonly service: string
  /** The pod, null for an unnamed endpoint or none. */
  readonly pod: PodRef | null
  /** The cookie value the request carried, null without. */
  readonly sent: string | null
  /** The value to send back to stay on this endpoint (the one set, or the one that stuck), null without endpoint. */
  readonly stickyValue: string | null
  readonly setCookie: SetCookie | null
  /** One sentence for the tester: the pod and why (`affinity-why-*`). */
  readonly why: Message
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
  /** Whether it has endpoints, and why (`backend-availability.ts`). */
  readonly availability: BackendAvailability
  /** Session affinity (`affinity: cookie`), absent without (`session-affinity.ts`). */
  readonly affinity?: UpstreamAffinity
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
  /** `return <code> <url>` from permanent-redirect / temporal-redirect (`annotation` names which; absent on old data). */
  readonly redirect: { readonly code: number; readonly url: string; readonly annotation?: 'temporal-redirect' | 'permanent-redirect' } | null
  /** The relative-redirects annotation of this location's Ingress: `absolute_redirect off` in the location. */
  readonly relativeRedirects?: boolean
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
  /** upstream-vhost of this location's Ingress: `proxy_set_header Host "<value>"`; absent when not set (docs/routing.md#upstream-request-headers). */
  readonly upstreamVhost?: string
  /** x-forwarded-prefix of this location's Ingress (nginx.tmpl writes it only with an effective rewrite); absent when not set. */
  readonly xForwardedPrefix?: string
  /**
   * custom-headers of this location's Ingress: the response headers (names sorted), or why the controller denied the
   * location (it then answers 503: `return 503` in nginx.tmpl); absent when not set.
   */
  readonly customHeaders?: CustomHeaders
}

/** The custom-headers annotation of a location as customheaders/main.go reads it (docs/routing.md#upstream-request-headers). */
export type CustomHeaders =
  | { readonly kind: 'headers'; readonly configMap: string; readonly headers: Readonly<Record<string, string>> }
  /**
   * ing_errors.NewLocationDenied: the ConfigMap `namespace/name` is not in the input (`configmap-missing`), a key is not a
   * header name, a value has a character the parser refuses, or a header is not in global-allowed-response-headers.
   */
  | { readonly kind: 'denied'; readonly configMap: string; readonly reason: 'configmap-missing' | 'invalid-name' | 'invalid-value' | 'not-allowed'; readonly header: string | null }

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
  /**
   * server-alias names written into `server_name` after the host, in order
   * (docs/routing.md#server-alias-and-from-to-www-redirect); absent or empty when none.
   */
  readonly aliases?: readonly ServerAlias[]
  /** The Ingress whose server-alias the server took (the first with one that names the host). */
  readonly aliasesFrom?: IngressRef | null
}

/** One server-alias name of a server. */
export interface ServerAlias {
  /** As the annotation wrote it (trimmed). */
  readonly name: string
  /** How nginx reads it: an exact name, `*.x` / `.x`, `x.*`, or `~regex`. */
  readonly form: 'exact' | 'wildcard-head' | 'wildcard-tail' | 'regex'
  /** Whether ingress-nginx's Lua finds a certificate for this name (the server's certificate names it). */
  readonly certificate: boolean
}

/** A `server` block ingress-nginx adds for from-to-www-redirect: requests for `from` get http-redirect-code to `to`. */
export interface CompiledRedirectServer {
  /** The redirect server's `server_name`: `www.<to>`, or `<to>` without `www.`. */
  readonly from: string
  /** The hostname of the server it redirects to. */
  readonly to: string
  /** The Ingress whose from-to-www-redirect made it (the first location with it on the server). */
  readonly ingress: IngressRef
  /** Whether ingress-nginx serves `to`'s certificate for `from` too (it names `from`), so https to `from` works. */
  readonly certificate: boolean
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
  /** Quick fixes the checks stage offers with the finding (edits of `source`); absent when none. */
  readonly fixes?: readonly Fix[]
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
  /**
   * Set when the class selects the Ingress but the controller rejects it for its annotations (validation, risk
   * level, snippets: annotation-validation.ts); `reason` then says the first. Absent otherwise.
   */
  readonly rejections?: readonly AnnotationRejection[]
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
  /** The default-backend annotations of the served, non-canary Ingresses (`backend-availability.ts`). */
  readonly defaultBackendAnnotations: readonly DefaultBackendAnnotation[]
  /** from-to-www-redirect servers, in nginx.conf order (before the host servers); absent or empty when none. */
  readonly redirectServers?: readonly CompiledRedirectServer[]
}

/** A request to route. Header names are case-insensitive. */
export interface RouteRequest {
  /** Absolute URL: `http://host[:port]/path?query`. A raw path (`//a`, `/a/../b`, `%41`) is kept as written. */
  readonly url: string
  /** The request method (`$request_method` in a rewrite-target). Default `GET`. */
  readonly method?: string
  readonly headers?: Readonly<Record<string, string>>
  readonly cookies?: Readonly<Record<string, string>>
  /**
   * The port the connection reached the controller on (nginx's `$server_port`). Default: 80 for http, the
   * environment's https port for https (the controller's listeners).
   */
  readonly serverPort?: number
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
  /**
   * Set when the location's upstream had no endpoints: its name and why; the answer is then 503, or the
   * default-backend annotation's Service (`upstream` is `custom-default-backend-…`). Absent otherwise.
   */
  readonly unavailable?: { readonly upstream: string; readonly reason: BackendAvailabilityReason; readonly customDefaultBackend: string | null }
  /** The pod session affinity chose and the cookie answered; absent when the upstream has no affinity. */
  readonly affinity?: RouteAffinity
  /** The response body nginx itself writes for a `return <code> <text>` whose code takes no Location (300, 304–306); absent otherwise. */
  readonly body?: string
  /**
   * The Host header the upstream receives when the request is proxied (docs/routing.md#upstream-request-headers):
   * nginx.tmpl's `proxy_set_header Host $best_http_host` — the request's Host header as sent, port included (with
   * use-forwarded-headers, the first X-Forwarded-Host) — or the upstream-vhost annotation's value, its nginx variables
   * expanded. Null when nothing was proxied (redirects, the controller's 404, 503, fixed answers, 400).
   */
  readonly upstreamHost: string | null
  /** The upstream-vhost annotation of the answering location, as written (whether or not the request was proxied); absent without. */
  readonly upstreamVhost?: string
  /**
   * Headers the annotations add to the proxied request (x-forwarded-prefix: `X-Forwarded-Prefix`, set only where a
   * rewrite-target rewrites, as nginx.tmpl writes it), variables expanded; absent when none.
   */
  readonly upstreamHeaders?: Readonly<Record<string, string>>
  /**
   * Response headers the custom-headers annotation adds (`more_set_headers`, literal values, names sorted) to the
   * answer of the location that carries them; absent when none.
   */
  readonly responseHeaders?: Readonly<Record<string, string>>
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
