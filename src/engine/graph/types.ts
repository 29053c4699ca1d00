/**
 * The route graph: what the studio draws for a set of manifests — the ingress controller, hosts, paths,
 * Services, workloads, their ReplicaSets and pods, the default backend — as plain, structured-clone-safe data.
 * Every node knows where it is written in the manifest (`spans`), what is wrong with it (`problems`, and the
 * diagnostics that fall inside it) and its size, so the layout and the UI need no other input.
 */
import type { Message } from '../messages/message'
import type { Severity } from '../diagnostics'

/** A half-open range of UTF-16 offsets in one file. */
export interface SourceSpan {
  readonly file: string
  readonly start: number
  readonly end: number
}

export type GraphNodeKind =
  | 'controller' // the ingress-nginx entry point
  | 'host' // one nginx server: an exact host, a wildcard or the catch-all
  | 'path' // one Ingress path (or an Ingress defaultBackend) as ingress-nginx places it
  | 'service'
  | 'resource' // a resource backend (apiGroup/kind/name), which ingress-nginx does not proxy to
  | 'workload' // a Deployment
  | 'replicaSet' // the Deployment's current ReplicaSet, a child of the Deployment's node; its pods are its children
  | 'pod'
  | 'morePods' // the collapsed remainder of a large ReplicaSet
  | 'defaultBackend' // the controller's built-in 404 backend
  // Gateway API (graph-gateways.ts):
  | 'gatewayClass' // a GatewayClass, or the class a Gateway names when the input has none of that name
  | 'gateway' // a Gateway
  | 'listener' // one listener of a Gateway: port, protocol, hostname, TLS
  | 'httpRoute' // an HTTPRoute
  | 'routeRule' // one rule of an HTTPRoute: its first match, filters; edges to its backendRefs

/** What a badge says; the UI turns the kind into an icon and words, `text` is data (a path, a secret name). */
export type GraphBadgeKind =
  | 'exact' // pathType Exact
  | 'prefix' // pathType Prefix
  | 'impl-specific' // pathType ImplementationSpecific (treated as Prefix unless regex)
  | 'regex' // a case-insensitive regex location
  | 'rewrite' // rewrite-target; text = the target
  | 'redirect' // permanent/temporal redirect; text = `code url`
  | 'app-root' // text = the app root
  | 'canary' // text = `weight%`
  | 'tls' // text = the Secret name
  | 'https-redirect' // text = the redirect code
  | 'wildcard'
  | 'catch-all'
  | 'default-backend' // a path node that stands for an Ingress defaultBackend
  | 'not-served' // text = the class decision
  | 'dropped' // text = `namespace/name` of the Ingress that already has this host and path (D7)
  | 'selector' // text = `app=web` (a Service's selector)
  | 'strategy' // text = `RollingUpdate 25%/25%` or `Recreate`
  | 'image' // text = the first container's image
  | 'alias' // a host's server-alias names; text = the names, comma-separated
  | 'www-redirect' // from-to-www-redirect; text = `<other name> <code>` (the redirect server's name and code)
  // Gateway API:
  | 'protocol' // a listener's protocol; text = `HTTPS`
  | 'hostname' // a listener's hostname or an HTTPRoute's hostnames; text = the names, comma-separated
  | 'match' // an HTTPRoute match's path type; text = `PathPrefix`, `Exact`, `RegularExpression`
  | 'conditions' // the match's method, headers and query parameters in their own syntax; text = `GET · x-env: canary`
  | 'more-matches' // a rule's matches after the first; text = how many
  | 'header-filter' // Request/ResponseHeaderModifier; text = the header names with `=`/`+`/`-`
  | 'mirror' // RequestMirror; text = the mirror backend
  | 'class-assumed' // a GatewayClass the input does not hold (assumed to exist)

export interface GraphBadge {
  readonly kind: GraphBadgeKind
  readonly text: string
}

/** A dangling reference or another reason the route does not work as written. */
export type GraphProblemCode =
  | 'service-missing' // subject = service name
  | 'port-missing' // subject = port as written, detail = service name
  | 'secret-missing' // subject = secret name
  | 'selects-nothing' // subject = the selector (`app=web`)
  | 'no-selector' // subject = service name: endpoints are managed by hand
  | 'not-served' // subject = reason
  | 'dropped' // subject = `namespace/name` of the winning Ingress
  | 'resource-backend' // subject = `Kind name`
  | 'no-endpoints' // subject = service name: selected pods exist but the Deployment has 0 replicas
  // Gateway API: `subject` is the condition's reason as the spec names it, `reason` the condition's message.
  | 'parent-refused' // a parentRef not accepted; detail = the Gateway (`namespace/name`) or the parentRef's name
  | 'backend-refused' // a backendRef refused (ResolvedRefs False); detail = the backend (`other/web:80`)
  | 'listener-condition' // a listener's condition not as it should be (not Accepted, unresolved certificate, conflict); detail = the condition type
  | 'gateway-condition' // the Gateway's condition not as it should be; detail = the condition type
  | 'unsupported-filter' // a filter the implementation cannot apply (500); detail = the filter type

export interface GraphProblem {
  readonly code: GraphProblemCode
  readonly subject: string
  readonly detail?: string
  /** The subject as a message, for a subject that is words rather than a name (`not-served`: why). */
  readonly reason?: Message
}

/** The diagnostics whose start falls inside the node's source (the worst severity first). */
export interface NodeDiagnostics {
  readonly severity: Severity
  readonly count: number
  /** Up to three different messages, most severe first. */
  readonly messages: readonly Message[]
}

/**
 * The Deployment a workload, ReplicaSet, pod or "+N pods" node stands for or belongs to: what consumers read
 * instead of taking node ids apart (ids are built in graph-backends.ts and mean nothing outside the graph).
 */
export interface GraphDeploymentRef {
  readonly namespace: string
  readonly name: string
  /** `namespace/name`, the rollout simulation's key for the Deployment (`DeploymentChoice.key`). */
  readonly key: string
  /** The id of the Deployment's own node (its card). */
  readonly nodeId: string
}

export interface GraphNode {
  /** Stable across edits that do not change what the node stands for (see build-route-graph.ts). */
  readonly id: string
  readonly kind: GraphNodeKind
  readonly label: string
  /** A short second line: the Ingress, ports, replicas, the image. Data, not prose. */
  readonly sub: string | null
  readonly badges: readonly GraphBadge[]
  readonly problems: readonly GraphProblem[]
  /**
   * The manifest text the node stands for: the cursor inside one of these selects the node, and diagnostics
   * inside them show on it. Empty for the controller's own nodes and for pods (they have no text of their own).
   */
  readonly spans: readonly SourceSpan[]
  /** Where selecting the node moves the editor (a pod reveals its Deployment's template); null for none. */
  readonly reveal: SourceSpan | null
  /** ReplicaSet: desired pods; pod: its 1-based ordinal; "+N pods": N. Null for other kinds. */
  readonly count: number | null
  /** Workload, ReplicaSet, pod and "+N pods" nodes: their Deployment. Null for other kinds. */
  readonly deployment: GraphDeploymentRef | null
  /**
   * A pod node's place among its ReplicaSet's pod nodes, from 0: the rollout timeline shows the pod at this place
   * among those alive at the cursor. Null for other kinds.
   */
  readonly podIndex: number | null
  readonly diagnostics: NodeDiagnostics | null
  /** Not served, or dropped by ingress-nginx: drawn faded. */
  readonly dim: boolean
  /** A ReplicaSet sits inside its Deployment's node, pods (and "+N pods") inside their ReplicaSet; positions are relative. */
  readonly parent: string | null
  readonly width: number
  readonly height: number
}

export type GraphEdgeKind =
  | 'entry' // controller → host, controller → default backend
  | 'route' // host → path
  | 'backend' // path → service
  | 'canary' // path → canary service
  | 'selects' // service → workload
  // Gateway API:
  | 'gateway' // GatewayClass → Gateway
  | 'listener' // Gateway → listener
  | 'attach' // listener → HTTPRoute (through a parentRef); Gateway → HTTPRoute for a parentRef not accepted
  | 'rule' // HTTPRoute → rule
  | 'mirror' // rule → the RequestMirror's Service

export interface GraphEdge {
  readonly id: string
  readonly source: string
  readonly target: string
  readonly kind: GraphEdgeKind
  /** A port (`:80`), a canary weight (`20%`), … ; null for none. */
  readonly label: string | null
  /** Set when the reference the edge stands for dangles (a port the Service does not have). */
  readonly problem: GraphProblem | null
  readonly dim: boolean
}

/** Which node stands for which part of the compiled routes, so a route result can be lit up. */
export interface GraphLookup {
  /** Compiled location id → path node id. */
  readonly locations: Readonly<Record<string, string>>
  /** Server hostname (`_` for the catch-all) → host node id. */
  readonly servers: Readonly<Record<string, string>>
  /** Upstream name → service node id. */
  readonly upstreams: Readonly<Record<string, string>>
  /** Service node id → workload node ids behind it. */
  readonly workloads: Readonly<Record<string, readonly string[]>>
  /** Gateway API: keys made by `gatewayLookupKey` (graph-gateways.ts) from the names a route result carries. */
  readonly gateway: GatewayLookup
}

/** Which node stands for which part of the compiled Gateways (`CompiledGateways`). */
export interface GatewayLookup {
  /** Gateway `namespace/name` → gateway node id. */
  readonly gateways: Readonly<Record<string, string>>
  /** Gateway node id → its GatewayClass node id. */
  readonly classes: Readonly<Record<string, string>>
  /** `namespace/name|listener` → listener node id. */
  readonly listeners: Readonly<Record<string, string>>
  /** HTTPRoute `namespace/name` → route node id. */
  readonly routes: Readonly<Record<string, string>>
  /** `namespace/name|rule` → rule node id. */
  readonly rules: Readonly<Record<string, string>>
  /** `namespace/name|rule|backendRef` → the Service (or other kind's) node id the backendRef names. */
  readonly backends: Readonly<Record<string, string>>
}

/** One value of a facet (a host name, a namespace, `namespace/name` of an Ingress or Service) and its nodes. */
export interface GraphFacetValue {
  readonly value: string
  /** The nodes on the routes through this value, in graph order (ReplicaSets and pods with their Deployment). */
  readonly nodes: readonly string[]
}

/**
 * What a view can narrow the graph to (graph-facets.ts): each facet's values, sorted. The controller and the
 * default backend are in none.
 */
export interface GraphFacets {
  readonly host: readonly GraphFacetValue[]
  readonly namespace: readonly GraphFacetValue[]
  readonly ingress: readonly GraphFacetValue[]
  readonly service: readonly GraphFacetValue[]
  /** HTTPRoutes by `namespace/name`. */
  readonly route: readonly GraphFacetValue[]
}

export interface RouteGraph {
  readonly nodes: readonly GraphNode[]
  readonly edges: readonly GraphEdge[]
  readonly lookup: GraphLookup
  /** Pods that were collapsed into "+N pods" nodes, over all ReplicaSets. */
  readonly hiddenPods: number
  readonly facets: GraphFacets
}

/** Options of `buildRouteGraph`. */
export interface RouteGraphOptions {
  /**
   * Pods drawn per ReplicaSet before the rest collapse into one "+N pods" node. Default: `POD_NODES_MAX` (6).
   */
  readonly podLimit?: number
  /** Workload node ids whose pods are all drawn (up to `POD_NODES_HARD_MAX`). Default: none. */
  readonly expanded?: readonly string[]
}

/** Where each node sits: top-left corners, relative to the parent for child nodes. */
export interface GraphLayout {
  readonly positions: Readonly<Record<string, { readonly x: number; readonly y: number }>>
  readonly width: number
  readonly height: number
}
