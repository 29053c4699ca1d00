/**
 * The Gateway API kinds of the cluster model (`gateway.networking.k8s.io`, v1 and v1beta1 normalise to one
 * shape): GatewayClass, Gateway, HTTPRoute, ReferenceGrant — after the CRDs' OpenAPI defaults, so later stages
 * never re-apply a default. Every list element keeps its field path (`at`) for diagnostics and the graph.
 * Facts and their sources: docs/gateway-api.md.
 */
import type { FieldPath, LabelSelector, ObjectBase } from './types'

/** The API group of every kind here. */
export const GATEWAY_API_GROUP = 'gateway.networking.k8s.io'

export interface GatewayClass extends ObjectBase<'GatewayClass'> {
  readonly controllerName: string
  readonly description?: string
  /** `spec.parametersRef` as written (group, kind and name required; namespace for a namespaced kind). */
  readonly parametersRef?: ParametersReference
}

/** A reference to an implementation's parameters object (GatewayClass and Gateway `infrastructure`). */
export interface ParametersReference {
  readonly group: string
  readonly kind: string
  readonly name: string
  /** Only GatewayClass's reference has one. */
  readonly namespace?: string
  readonly at: FieldPath
}

/** `spec.infrastructure` of a Gateway: what the implementation puts on the resources it creates. */
export interface GatewayInfrastructure {
  readonly labels: Readonly<Record<string, string>>
  readonly annotations: Readonly<Record<string, string>>
  /** A LocalParametersReference: in the Gateway's namespace. */
  readonly parametersRef?: ParametersReference
  readonly at: FieldPath
}

/** A reference to a Secret (or another kind) holding a certificate; `group` '' and `kind` 'Secret' by default. */
export interface CertificateRef {
  readonly group: string
  readonly kind: string
  readonly name: string
  /** Absent: the Gateway's namespace. */
  readonly namespace?: string
  readonly at: FieldPath
}

export interface ListenerTLS {
  /** Default `Terminate`. */
  readonly mode: 'Terminate' | 'Passthrough'
  readonly certificateRefs: readonly CertificateRef[]
  readonly at: FieldPath
}

export interface RouteGroupKind {
  /** Default `gateway.networking.k8s.io`. */
  readonly group: string
  readonly kind: string
  readonly at: FieldPath
}

export interface AllowedRoutes {
  /** `namespaces.from`, default `Same`. */
  readonly from: 'All' | 'Same' | 'Selector'
  /** `namespaces.selector` (only meaningful with `Selector`). */
  readonly selector?: LabelSelector
  /** As written; empty means the kinds the listener's protocol supports (HTTPRoute for HTTP and HTTPS). */
  readonly kinds: readonly RouteGroupKind[]
  readonly at: FieldPath | null
}

export interface GatewayListener {
  readonly name: string
  /** Lower case as written (`*.example.com` allowed); absent: any host. */
  readonly hostname?: string
  readonly port: number
  /** As written: `HTTP`, `HTTPS`, `TLS`, `TCP`, `UDP` or a domain-prefixed implementation protocol. */
  readonly protocol: string
  readonly tls?: ListenerTLS
  readonly allowedRoutes: AllowedRoutes
  readonly at: FieldPath
}

export interface GatewayAddress {
  /** Default `IPAddress`. */
  readonly type: string
  readonly value: string
  readonly at: FieldPath
}

export interface Gateway extends ObjectBase<'Gateway'> {
  readonly gatewayClassName: string
  readonly listeners: readonly GatewayListener[]
  readonly addresses: readonly GatewayAddress[]
  /** Absent when not written. */
  readonly infrastructure?: GatewayInfrastructure
}

/** `parentRefs[i]`: group default `gateway.networking.k8s.io`, kind default `Gateway`. */
export interface ParentReference {
  readonly group: string
  readonly kind: string
  readonly name: string
  /** Absent: the route's namespace. */
  readonly namespace?: string
  readonly sectionName?: string
  readonly port?: number
  readonly at: FieldPath
}

export type HTTPPathMatchType = 'Exact' | 'PathPrefix' | 'RegularExpression'
export type HTTPValueMatchType = 'Exact' | 'RegularExpression'

export interface HTTPPathMatch {
  /** Default `PathPrefix`. */
  readonly type: HTTPPathMatchType
  /** Default `/`. */
  readonly value: string
}

export interface HTTPHeaderMatch {
  /** Default `Exact`. */
  readonly type: HTTPValueMatchType
  /** As written (matching is case-insensitive on the name). */
  readonly name: string
  readonly value: string
  readonly at: FieldPath
}

/** Query parameter names match case-sensitively. */
export type HTTPQueryParamMatch = HTTPHeaderMatch

export interface HTTPRouteMatch {
  /** Default `{type: PathPrefix, value: /}` (also when the match omits `path`). */
  readonly path: HTTPPathMatch
  readonly headers: readonly HTTPHeaderMatch[]
  readonly queryParams: readonly HTTPQueryParamMatch[]
  /** Upper case as the enum requires; absent: any method. */
  readonly method?: string
  readonly at: FieldPath
}

export interface HTTPHeader {
  readonly name: string
  readonly value: string
}

export interface HTTPHeaderModifier {
  readonly set: readonly HTTPHeader[]
  readonly add: readonly HTTPHeader[]
  readonly remove: readonly string[]
}

export type HTTPPathModifier =
  | { readonly type: 'ReplaceFullPath'; readonly replaceFullPath: string }
  | { readonly type: 'ReplacePrefixMatch'; readonly replacePrefixMatch: string }

export interface HTTPRequestRedirect {
  /** `http` or `https`; absent: the request's scheme. */
  readonly scheme?: string
  readonly hostname?: string
  readonly path?: HTTPPathModifier
  readonly port?: number
  /** Default 302. */
  readonly statusCode: number
}

export interface HTTPURLRewrite {
  readonly hostname?: string
  readonly path?: HTTPPathModifier
}

/** A Service (or other kind) reference: group '' and kind `Service` by default. */
export interface BackendObjectReference {
  readonly group: string
  readonly kind: string
  readonly name: string
  /** Absent: the route's namespace. */
  readonly namespace?: string
  readonly port?: number
}

export interface HTTPRequestMirror {
  readonly backendRef: BackendObjectReference
  /** `percent` or `fraction` as a percentage in [0, 100]; absent: every request. */
  readonly percent?: number
}

export type HTTPRouteFilter =
  | { readonly type: 'RequestHeaderModifier'; readonly requestHeaderModifier: HTTPHeaderModifier; readonly at: FieldPath }
  | { readonly type: 'ResponseHeaderModifier'; readonly responseHeaderModifier: HTTPHeaderModifier; readonly at: FieldPath }
  | { readonly type: 'RequestRedirect'; readonly requestRedirect: HTTPRequestRedirect; readonly at: FieldPath }
  | { readonly type: 'URLRewrite'; readonly urlRewrite: HTTPURLRewrite; readonly at: FieldPath }
  | { readonly type: 'RequestMirror'; readonly requestMirror: HTTPRequestMirror; readonly at: FieldPath }
  | { readonly type: 'ExtensionRef'; readonly extensionRef: { readonly group: string; readonly kind: string; readonly name: string }; readonly at: FieldPath }
  /** A filter type the studio does not know (e.g. an experimental one such as `CORS`): kept so routing can say so. */
  | { readonly type: 'Unknown'; readonly written: string; readonly at: FieldPath }

export interface HTTPBackendRef extends BackendObjectReference {
  /** Default 1; 0 means never chosen. */
  readonly weight: number
  readonly filters: readonly HTTPRouteFilter[]
  readonly at: FieldPath
}

export interface HTTPRouteTimeouts {
  /** Go durations as written (`10s`, `500ms`); absent: implementation-specific. */
  readonly request?: string
  readonly backendRequest?: string
}

export interface HTTPRouteRule {
  readonly name?: string
  /** Never empty: the default is one `PathPrefix /` match. */
  readonly matches: readonly HTTPRouteMatch[]
  /** True when `matches` was not written and the default applied. */
  readonly matchesDefaulted: boolean
  readonly filters: readonly HTTPRouteFilter[]
  readonly backendRefs: readonly HTTPBackendRef[]
  readonly timeouts?: HTTPRouteTimeouts
  readonly at: FieldPath
}

export interface HTTPRoute extends ObjectBase<'HTTPRoute'> {
  readonly parentRefs: readonly ParentReference[]
  /** Lower case as written; empty: every hostname the listener accepts. */
  readonly hostnames: readonly string[]
  /** Never empty: the default is one rule with the default match and no backends. */
  readonly rules: readonly HTTPRouteRule[]
}

export interface ReferenceGrantFrom {
  readonly group: string
  readonly kind: string
  readonly namespace: string
  readonly at: FieldPath
}

export interface ReferenceGrantTo {
  readonly group: string
  readonly kind: string
  /** Absent: every object of the kind in the grant's namespace. */
  readonly name?: string
  readonly at: FieldPath
}

export interface ReferenceGrant extends ObjectBase<'ReferenceGrant'> {
  readonly from: readonly ReferenceGrantFrom[]
  readonly to: readonly ReferenceGrantTo[]
}
