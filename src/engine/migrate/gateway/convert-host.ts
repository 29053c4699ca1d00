/**
 * One Ingress host → the rules of its HTTPRoute (docs/migration.md#conversion): each path ingress-nginx serves
 * from this Ingress becomes a rule (Exact → Exact, Prefix and ImplementationSpecific → PathPrefix), its Service
 * backend a backendRef (a port name resolved through the Service of the input), then the annotation mapping
 * makes of the rule what the Ingress's annotations and canaries make of the location; the host's default
 * backend, where ingress-nginx puts it (the server's root location, docs/routing.md#servers), becomes a
 * catch-all `PathPrefix /` rule last. Paths ingress-nginx does not serve from this Ingress are not converted.
 */
import { formatMessage } from '../../messages/render'
import { msg } from '../../messages/message'
import { PATH_CHARACTERS } from '../../model/build-http-route'
import type { ClusterModel, FieldPath, Ingress, IngressPath, Service } from '../../model/types'
import type { IngressAnnotations } from '../../route/annotations'
import type { RouteEnvironment } from '../../route/environment'
import type { BackendRef, CompiledLocation, CompiledServer, CompiledUpstream } from '../../route/types'
import type { CommentReader } from './read-comments'
import type { DraftBackend, DraftCanary, DraftPath, DraftRule, PathAnnotationInput, PathAnnotationOutput } from './draft'
import type { FindingMaker } from './structure-findings'
import type { ConversionFinding } from './types'

/** Where each Ingress path and default backend landed in the compiled routes, by Ingress index and field path. */
export interface CompiledIndex {
  /** `<ingress index>|<field path>` → the (first) location of a rule path. */
  readonly locations: ReadonlyMap<string, { readonly server: CompiledServer; readonly location: CompiledLocation }>
  /** `<ingress index>|<field path>` → the location that kept the host, path and type when this path was dropped. */
  readonly shadowedBy: ReadonlyMap<string, CompiledLocation>
  /** `<ingress index>|<server hostname>` → the server root carrying that Ingress's default backend. */
  readonly roots: ReadonlyMap<string, CompiledLocation>
  /** `<ingress index>|<server hostname>`: the server's root is the controller's 404 with that Ingress's annotations. */
  readonly bareRoots: ReadonlySet<string>
  readonly upstreams: ReadonlyMap<string, CompiledUpstream>
}

export function locationKey(ingressIndex: number, at: FieldPath): string {
  return `${ingressIndex}|${at.join('/')}`
}

/** Indexes `servers` and `upstreams` for the per-path lookups. */
export function indexCompiled(servers: readonly CompiledServer[], upstreams: readonly CompiledUpstream[]): CompiledIndex {
  const locations = new Map<string, { server: CompiledServer; location: CompiledLocation }>()
  const shadowedBy = new Map<string, CompiledLocation>()
  const roots = new Map<string, CompiledLocation>()
  const bareRoots = new Set<string>()
  for (const server of servers) {
    for (const location of server.locations) {
      if (!location.ingress) continue
      if (location.origin === 'server-root' || location.origin === 'catch-all-backend') {
        if (location.backend) roots.set(`${location.ingress.index}|${server.hostname}`, location)
        else bareRoots.add(`${location.ingress.index}|${server.hostname}`)
        continue
      }
      if (!location.at) continue
      const key = locationKey(location.ingress.index, location.at)
      if (!locations.has(key)) locations.set(key, { server, location })
      for (const conflict of location.conflicts) shadowedBy.set(locationKey(conflict.ingress.index, conflict.at), location)
    }
  }
  return { locations, shadowedBy, roots, bareRoots, upstreams: new Map(upstreams.map((upstream) => [upstream.name, upstream])) }
}

/** What converting one host needs from the input. */
export interface HostContext {
  readonly model: ClusterModel
  readonly environment: RouteEnvironment
  readonly compiled: CompiledIndex
  readonly annotationsOf: (ingressIndex: number) => IngressAnnotations
  readonly comments: CommentReader
  readonly finding: FindingMaker
  readonly mapPath: (input: PathAnnotationInput) => PathAnnotationOutput
}

/** The rules of one host's route, and what was found on the way. */
export interface HostRules {
  readonly rules: DraftRule[]
  /** Per rule: the Ingress path it came from (null: the default backend, or a rule the mapping added). */
  readonly paths: (string | null)[]
  readonly findings: ConversionFinding[]
}

const serviceIndex = new WeakMap<ClusterModel, Map<string, Service>>()

/** The Services of `model` by `namespace/name` (the first of a name, as the API server keeps one). */
function servicesOf(model: ClusterModel): Map<string, Service> {
  let index = serviceIndex.get(model)
  if (!index) {
    index = new Map()
    for (const service of model.services) {
      const key = `${service.meta.namespace}/${service.meta.name}`
      if (!index.has(key)) index.set(key, service)
    }
    serviceIndex.set(model, index)
  }
  return index
}

/** The Service backend `ref` as a backendRef: the port number, or the named port of the Service in the input. */
export function resolveBackend(model: ClusterModel, ref: BackendRef, routeNamespace: string): DraftBackend | null {
  let port: number | null = typeof ref.port === 'number' ? ref.port : null
  if (port === null) {
    const service = servicesOf(model).get(`${ref.namespace}/${ref.service}`)
    port = service?.ports.find((candidate) => candidate.name === ref.port)?.port ?? null
  }
  if (port === null) return null
  return ref.namespace === routeNamespace ? { name: ref.service, port } : { name: ref.service, namespace: ref.namespace, port }
}

function canariesOf(ctx: HostContext, location: CompiledLocation, routeNamespace: string): DraftCanary[] {
  const primary = ctx.compiled.upstreams.get(location.upstream)
  const first = primary?.alternatives[0]
  const canary = first === undefined ? undefined : ctx.compiled.upstreams.get(first)
  if (!canary || !canary.canary || !canary.backend || !canary.ingress) return []
  const backend = resolveBackend(ctx.model, canary.backend, routeNamespace)
  const ingress = ctx.model.ingresses[canary.ingress.index] as Ingress
  if (!backend) return []
  return [{ ingress, policy: canary.canary, backend, annotations: ctx.annotationsOf(canary.ingress.index) }]
}

function portText(ref: BackendRef): string {
  return typeof ref.port === 'number' ? String(ref.port) : ref.port
}

/** The rule a path (or a default backend) makes before annotations, and its findings. */
function baseRule(ctx: HostContext, ingress: Ingress, ref: BackendRef, match: DraftRule['matches'][number], at: FieldPath, comment: string | null, findings: ConversionFinding[]): DraftRule {
  const backend = resolveBackend(ctx.model, ref, ingress.meta.namespace)
  if (!backend) {
    const portAt = [...at, 'service', 'port', typeof ref.port === 'number' ? 'number' : 'name']
    findings.push(ctx.finding('backend-port-unresolved', 'warning', ingress, portAt, msg('mg-backend-port-unresolved', { service: ref.service, port: portText(ref) })))
  }
  return { matches: [match], backendRefs: backend ? [backend] : [], ...(comment ? { comment } : {}) }
}

function pathFindings(ctx: HostContext, ingress: Ingress, path: IngressPath, at: FieldPath, server: CompiledServer, location: CompiledLocation): ConversionFinding[] {
  const out: ConversionFinding[] = []
  const value = path.path === '' ? '/' : path.path
  // On a host ingress-nginx renders as regex (use-regex or a rewrite anywhere on it) every path is a regex prefix:
  // the annotation mapping reports that (`regex-host`, `annotation-*`), so nothing is said here about the path type.
  if (server.regexEnforced || location.useRegex || location.rewriteTarget !== null) return out
  if (path.pathType === 'ImplementationSpecific') {
    out.push(ctx.finding('implementation-specific-path', 'info', ingress, [...at, 'pathType'], msg('mg-implementation-specific-path', { path: value })))
  }
  if (path.pathType !== 'Exact' && value !== '/' && value.endsWith('/')) {
    out.push(ctx.finding('prefix-trailing-slash', 'warning', ingress, [...at, 'path'], msg('mg-prefix-trailing-slash', { path: value, without: value.replace(/\/+$/, '') })))
  }
  return out
}

/**
 * Whether an Exact or PathPrefix match may hold `value` (the HTTPRoute CRD's CEL rules, model/build-http-route.ts):
 * an ImplementationSpecific path may hold what they refuse.
 */
function writablePath(value: string): boolean {
  if (!value.startsWith('/') || !new RegExp(PATH_CHARACTERS).test(value)) return false
  if (['//', '/./', '/../', '%2f', '%2F', '#'].some((sequence) => value.includes(sequence))) return false
  return !value.endsWith('/..') && !value.endsWith('/.')
}

/**
 * The RE2 regex of what ingress-nginx's locations for a literal path match (docs/routing.md#locations-and-path-types):
 * Exact the path itself; Prefix `/a` the locations `/a/` and `= /a`; Prefix `/a/` the prefix `/a/` (case-sensitive,
 * as nginx's prefix locations are).
 */
function literalPathRegex(value: string, exact: boolean): string {
  const quoted = (text: string): string => text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&')
  if (exact) return quoted(value)
  return value.endsWith('/') ? `${quoted(value)}.*` : `${quoted(value)}(/.*)?`
}

/** Converts the paths of `ingress` (model index `index`) on `host` (`''`: rules without host) and its default backend there. */
export function convertHost(ctx: HostContext, ingress: Ingress, index: number, host: string): HostRules {
  const rules: DraftRule[] = []
  const paths: (string | null)[] = []
  const findings: ConversionFinding[] = []
  const annotations = ctx.annotationsOf(index)
  const mapped = (draft: DraftPath, canaries: DraftCanary[]): void => {
    const out = ctx.mapPath({ path: draft, annotations, environment: ctx.environment, canaries })
    for (const rule of out.rules) {
      rules.push(rule)
      paths.push(draft.ingressPath)
    }
    findings.push(...out.findings)
  }
  ingress.rules.forEach((rule, ruleIndex) => {
    if (rule.host !== host) return
    rule.paths.forEach((path, pathIndex) => {
      const at: FieldPath = ['spec', 'rules', ruleIndex, 'http', 'paths', pathIndex]
      const backend = path.backend
      if (backend.type !== 'service') {
        findings.push(ctx.finding('resource-backend', 'info', ingress, [...at, 'backend'], msg('mg-resource-backend', { path: path.path || '/' })))
        return
      }
      const found = ctx.compiled.locations.get(locationKey(index, at))
      if (!found) {
        const owner = ctx.compiled.shadowedBy.get(locationKey(index, at))?.ingress
        const text = owner
          ? msg('mg-path-shadowed', { path: path.path || '/', host: host || '*', ingress: `${owner.namespace}/${owner.name}` })
          : msg('mg-path-dropped', { path: path.path || '/', host: host || '*' })
        findings.push(ctx.finding('path-shadowed', 'info', ingress, [...at, 'path'], text))
        return
      }
      findings.push(...pathFindings(ctx, ingress, path, at, found.server, found.location))
      const value = path.path === '' ? '/' : path.path
      let match: DraftRule['matches'][number] = { path: { type: path.pathType === 'Exact' ? 'Exact' : 'PathPrefix', value } }
      if (!found.location.useRegex && !writablePath(value)) {
        match = { path: { type: 'RegularExpression', value: literalPathRegex(value, path.pathType === 'Exact') } }
        findings.push(ctx.finding('path-as-regex', 'warning', ingress, [...at, 'path'], msg('mg-path-as-regex', { path: value, regex: match.path.value })))
      }
      const ref: BackendRef = { service: backend.service, port: 'number' in backend.port ? backend.port.number : backend.port.name, namespace: ingress.meta.namespace }
      const rule = baseRule(ctx, ingress, ref, match, [...at, 'backend'], ctx.comments.itemComment(ingress.source, at), findings)
      mapped({ ingress, host, rule, pathType: path.pathType, ingressPath: path.path }, canariesOf(ctx, found.location, ingress.meta.namespace))
    })
  })
  const root = ctx.compiled.roots.get(`${index}|${host === '' ? '_' : host}`)
  if (root?.backend) {
    const comment = ' ' + formatMessage(msg(root.origin === 'catch-all-backend' ? 'mg-comment-catch-all' : 'mg-comment-default-backend'), 'en')
    const rule = baseRule(ctx, ingress, root.backend, { path: { type: 'PathPrefix', value: '/' } }, ['spec', 'defaultBackend'], comment, findings)
    if (root.origin === 'catch-all-backend') {
      // controller.go keeps the catch-all's own location settings: the Ingress's annotations do not apply there.
      rules.push(rule)
      paths.push(null)
    } else {
      mapped({ ingress, host, rule, pathType: null, ingressPath: null }, canariesOf(ctx, root, ingress.meta.namespace))
    }
  }
  return { rules, paths, findings }
}
