/**
 * The controller half of ingress-nginx (internal/ingress/controller/controller.go: createUpstreams,
 * createServers, getBackendServers): upstreams per Service port, one server per host with a root location,
 * then one location per rule path in Ingress order — first Ingress wins, later duplicates are dropped.
 * Works on mutable drafts; `compile-routes.ts` freezes them into the plain compiled model.
 */
import { msg } from '../messages/message'
import type { FieldPath, IngressBackend, IngressPath, IngressRule, PathType } from '../model/types'
import type { IngressAnnotations } from './annotations'
import type { ServedIngress } from './select-ingresses'
import type { BackendRef, LocationOrigin, RouteIssue } from './types'
import { ingressPathField } from './ingress-path-field'

/** Name of the controller's built-in 404 upstream. */
export const DEFAULT_UPSTREAM = 'upstream-default-backend'
/** Hostname of the catch-all server. */
export const CATCH_ALL = '_'

export interface DraftUpstream {
  name: string
  backend: BackendRef | null
  ingress: ServedIngress | null
  noServer: boolean
  alternatives: string[]
}

export interface DraftLocation {
  path: string
  /** nginx's type: ImplementationSpecific has become Prefix (SetDefaultNGINXPathType). */
  pathType: 'Exact' | 'Prefix'
  writtenPathType: PathType | null
  ingressPath: string | null
  upstream: string
  backend: BackendRef | null
  ingress: ServedIngress | null
  at: FieldPath | null
  isDefBackend: boolean
  origin: LocationOrigin
  /** Annotations applied to the location; null means none (the controller's own locations). */
  annotations: IngressAnnotations | null
  /** Later Ingress paths dropped because this location already existed (D7, docs/routing.md#divergences). */
  conflicts: { ingress: ServedIngress; at: FieldPath }[]
}

export interface DraftServer {
  hostname: string
  createdBy: ServedIngress | null
  tlsFrom: ServedIngress | null
  locations: DraftLocation[]
}

export interface Drafts {
  upstreams: Map<string, DraftUpstream>
  servers: Map<string, DraftServer>
}

/** ingress-nginx's upstream name: `namespace-service-port` (port number or port name). */
export function upstreamName(namespace: string, service: string, port: number | string): string {
  return `${namespace}-${service}-${port}`
}

function serviceRef(ingress: ServedIngress, backend: IngressBackend | undefined): BackendRef | null {
  if (!backend || backend.type !== 'service') return null
  const port = 'number' in backend.port ? backend.port.number : backend.port.name
  return { service: backend.service, port, namespace: ingress.ingress.meta.namespace }
}

function nameOf(ref: BackendRef): string {
  return upstreamName(ref.namespace, ref.service, ref.port)
}

/** A rule path's Service backend with its upstream's name, built once for both passes over the paths. */
interface ServiceBackend {
  readonly ref: BackendRef
  readonly upstream: string
}

/**
 * createUpstreams: the first Ingress to use a Service port creates its upstream (a defaultBackend always does).
 * `backends` receives each rule path's Service backend (a later defaultBackend may still replace the upstream
 * object of a name, so paths keep the name, not the object).
 */
function createUpstreams(served: readonly ServedIngress[], backends: Map<IngressBackend, ServiceBackend>): Map<string, DraftUpstream> {
  const upstreams = new Map<string, DraftUpstream>()
  upstreams.set(DEFAULT_UPSTREAM, { name: DEFAULT_UPSTREAM, backend: null, ingress: null, noServer: false, alternatives: [] })
  for (const entry of served) {
    const canary = entry.annotations.canary !== null
    const fallback = serviceRef(entry, entry.ingress.defaultBackend)
    if (fallback) {
      const name = nameOf(fallback)
      upstreams.set(name, { name, backend: fallback, ingress: entry, noServer: canary, alternatives: [] })
    }
    for (const rule of entry.ingress.rules) {
      for (const path of rule.paths) {
        const ref = serviceRef(entry, path.backend)
        if (!ref) continue
        const name = nameOf(ref)
        backends.set(path.backend, { ref, upstream: name })
        if (!upstreams.has(name)) upstreams.set(name, { name, backend: ref, ingress: entry, noServer: canary, alternatives: [] })
      }
    }
  }
  return upstreams
}

function rootLocation(upstream: DraftUpstream, ingress: ServedIngress | null, annotations: IngressAnnotations | null): DraftLocation {
  return {
    path: '/',
    pathType: 'Prefix',
    writtenPathType: null,
    ingressPath: null,
    upstream: upstream.name,
    backend: upstream.backend,
    ingress,
    at: null,
    isDefBackend: true,
    origin: 'server-root',
    annotations,
    conflicts: [],
  }
}

/** createServers: the catch-all `_`, then one server per rule host of the non-canary Ingresses, in order. */
function createServers(served: readonly ServedIngress[], upstreams: Map<string, DraftUpstream>, issues: RouteIssue[]): Map<string, DraftServer> {
  const servers = new Map<string, DraftServer>()
  const defaultUpstream = upstreams.get(DEFAULT_UPSTREAM) as DraftUpstream
  servers.set(CATCH_ALL, { hostname: CATCH_ALL, createdBy: null, tlsFrom: null, locations: [rootLocation(defaultUpstream, null, null)] })
  for (const entry of served) {
    if (entry.annotations.canary) continue
    const { ingress } = entry
    let fallback = defaultUpstream
    const ref = serviceRef(entry, ingress.defaultBackend)
    if (ref) {
      fallback = upstreams.get(nameOf(ref)) as DraftUpstream
      const catchAll = (servers.get(CATCH_ALL) as DraftServer).locations[0] as DraftLocation
      if (catchAll.isDefBackend && ingress.rules.length === 0) {
        // An Ingress with only a defaultBackend takes over the catch-all; its redirect and rewrite
        // annotations are not applied there (controller.go keeps the original ones).
        Object.assign(catchAll, {
          isDefBackend: false,
          upstream: fallback.name,
          backend: fallback.backend,
          ingress: entry,
          at: ['spec', 'defaultBackend'],
          origin: 'catch-all-backend',
        })
      } else if (ingress.rules.length > 0) {
        issues.push({
          code: 'default-backend-scope',
          severity: 'info',
          text: msg('default-backend-own-hosts'),
          source: ingress.source,
          at: ['spec', 'defaultBackend'],
        })
      }
    } else if (ingress.defaultBackend?.type === 'resource') {
      issues.push({
        code: 'resource-backend',
        severity: 'warning',
        text: msg('resource-default-backend-ignored'),
        source: ingress.source,
        at: ['spec', 'defaultBackend'],
      })
    }
    for (const rule of ingress.rules) {
      const host = rule.host === '' ? CATCH_ALL : rule.host
      if (servers.has(host)) continue
      servers.set(host, { hostname: host, createdBy: entry, tlsFrom: null, locations: [rootLocation(fallback, entry, entry.annotations)] })
    }
  }
  // A certificate (real or the default fake one) comes from the first Ingress with a tls section naming the host
  // as a rule host; `_` always has the default certificate but never matches a request host.
  for (const entry of served) {
    if (entry.annotations.canary || entry.ingress.tls.length === 0) continue
    for (const rule of entry.ingress.rules) {
      const server = servers.get(rule.host === '' ? CATCH_ALL : rule.host) as DraftServer
      if (server.hostname !== CATCH_ALL && server.tlsFrom === null) server.tlsFrom = entry
    }
  }
  return servers
}

function conflictIssue(entry: ServedIngress, at: FieldPath, host: string, path: string, pathType: string, owner: DraftLocation): RouteIssue {
  const winner = owner.ingress
  const same = winner === entry
  const where = { path, pathType, host }
  return {
    code: 'route-conflict',
    severity: 'warning',
    text: same
      ? msg('path-listed-twice', where)
      : winner
        ? msg('path-defined-by-older', { ...where, ingress: `${winner.ref.namespace}/${winner.ref.name}` })
        : msg('path-defined-by-another', where),
    source: entry.ingress.source,
    at,
  }
}

/** getBackendServers: adds every rule path as a location of its host's server (or `_`), first Ingress wins. */
function addLocations(served: readonly ServedIngress[], drafts: Drafts, backends: ReadonlyMap<IngressBackend, ServiceBackend>, issues: RouteIssue[]): void {
  // Existing locations by server, type and path, for a server past LINEAR_SEARCH_LIMIT locations: a linear search
  // per path would be quadratic on a large host. Keyed by the path itself in one map per type, so no key string is
  // built per path. A server with a few locations (most of a fleet's) is searched: two maps each cost more.
  const byKey = new Map<DraftServer, LocationsByType>()
  const catchAll = drafts.servers.get(CATCH_ALL) as DraftServer
  for (const entry of served) {
    const rules = entry.ingress.rules
    for (let ruleIndex = 0; ruleIndex < rules.length; ruleIndex++) {
      const rule = rules[ruleIndex] as IngressRule
      const host = rule.host === '' ? CATCH_ALL : rule.host
      if (!rule.hasHttp) continue
      const server = drafts.servers.get(host) ?? catchAll
      for (let pathIndex = 0; pathIndex < rule.paths.length; pathIndex++) {
        const path = rule.paths[pathIndex] as IngressPath
        const at = ingressPathField(ruleIndex, pathIndex)
        const backend = backends.get(path.backend)
        if (!backend) {
          issues.push({
            code: 'resource-backend',
            severity: 'warning',
            text: msg('resource-path-backend-skipped'),
            source: entry.ingress.source,
            at: [...at, 'backend'],
          })
          continue
        }
        const ref = backend.ref
        const upstream = drafts.upstreams.get(backend.upstream) as DraftUpstream
        if (upstream.noServer) continue
        const nginxPath = path.path === '' ? '/' : path.path
        const pathType = path.pathType === 'Exact' ? 'Exact' : 'Prefix'
        let locations = byKey.get(server)
        if (!locations && server.locations.length >= LINEAR_SEARCH_LIMIT) {
          locations = { Exact: new Map(), Prefix: new Map() }
          for (const loc of server.locations) locations[loc.pathType].set(loc.path, loc)
          byKey.set(server, locations)
        }
        const existing = locations ? locations[pathType].get(nginxPath) : findLocation(server.locations, pathType, nginxPath)
        const location: DraftLocation = {
          path: nginxPath, pathType, writtenPathType: path.pathType, ingressPath: nginxPath, upstream: upstream.name, backend: ref,
          ingress: entry, at, isDefBackend: false, origin: 'rule', annotations: entry.annotations, conflicts: [],
        }
        if (!existing) {
          server.locations.push(location)
          locations?.[pathType].set(nginxPath, location)
        } else if (existing.isDefBackend) {
          // The server's default-backend root takes the rule's place (same path and type; its conflicts stay).
          Object.assign(existing, location, { conflicts: existing.conflicts })
        } else {
          existing.conflicts.push({ ingress: entry, at })
          issues.push(conflictIssue(entry, at, host, nginxPath, pathType, existing))
        }
      }
    }
  }
}

type LocationsByType = Readonly<Record<DraftLocation['pathType'], Map<string, DraftLocation>>>

/** Locations of a server searched one by one, below which maps by path are not built (`addLocations`). */
const LINEAR_SEARCH_LIMIT = 16

function findLocation(locations: readonly DraftLocation[], pathType: DraftLocation['pathType'], path: string): DraftLocation | undefined {
  for (const location of locations) if (location.path === path && location.pathType === pathType) return location
  return undefined
}

/** Upstreams, servers and (unsorted, unexpanded) locations for the served Ingresses, in ingress-nginx's order. */
export function compileServers(served: readonly ServedIngress[], issues: RouteIssue[]): Drafts {
  const backends = new Map<IngressBackend, ServiceBackend>()
  const upstreams = createUpstreams(served, backends)
  const servers = createServers(served, upstreams, issues)
  const drafts = { upstreams, servers }
  addLocations(served, drafts, backends, issues)
  return drafts
}
