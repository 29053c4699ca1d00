/**
 * The left half of the route graph: one host node per nginx server (exact, wildcard, catch-all) with its TLS
 * lock, and one path node per Ingress path as ingress-nginx placed it — badges for path type, regex, rewrite,
 * redirect, app-root and canary — linked to the Services they proxy to. Rules ingress-nginx does not place
 * (class not served, dropped duplicates, resource backends) are drawn faded with the reason.
 */
import { formatMessage } from '../messages/render'
import { CATCH_ALL } from '../route/compile-servers'
import type { FieldPath } from '../model/types'
import type { CompiledLocation, CompiledServer, IngressRef, ServerKind } from '../route/types'
import { noEndpointsAnswer } from '../route/backend-availability'
import { linkBackend } from './graph-backends'
import { addBadge, addProblem, addSpan, type DraftNode } from './graph-draft'
import { findIngressPath, ingressLabel, noteIngressPath, qualifiedName, toSourceSpan, type GraphContext } from './graph-context'
import type { GraphBadgeKind } from './types'
import { upstreamNamed } from './upstream-lookup'

export const CONTROLLER_ID = 'controller'
export const DEFAULT_BACKEND_ID = 'default-backend'

const DEFAULT_BACKEND_AT: FieldPath = ['spec', 'defaultBackend']

export const hostId = (hostname: string): string => `host:${hostname}`
/** Path node ids: host, Ingress and the field path of the rule path — editing the path text keeps the id. */
export const pathId = (hostname: string, ingress: IngressRef, at: FieldPath): string =>
  `path:${hostname}|${ingress.namespace}/${ingress.name}|${at.join('.')}`

const PATH_TYPE_BADGE: Record<string, GraphBadgeKind> = { Exact: 'exact', Prefix: 'prefix', ImplementationSpecific: 'impl-specific' }

function kindOfHost(hostname: string): ServerKind {
  return hostname === CATCH_ALL ? 'catch-all' : hostname.startsWith('*.') ? 'wildcard' : 'exact'
}

function ensureHost(ctx: GraphContext, hostname: string, kind: ServerKind, dim: boolean): DraftNode {
  const existing = ctx.draft.nodes.get(hostId(hostname))
  if (existing) return existing
  const node = ctx.draft.node({ id: hostId(hostname), kind: 'host', label: hostname === CATCH_ALL ? '*' : hostname, dim })
  if (kind !== 'exact') addBadge(node, { kind, text: '' })
  ctx.draft.edge(CONTROLLER_ID, node.id, 'entry', null, null, dim)
  return node
}

/** Locations the graph draws: Ingress paths, their exact twins, and defaultBackends that answer a host. */
function isDrawn(loc: CompiledLocation): boolean {
  if (loc.ingress === null) return false
  return loc.origin === 'rule' || loc.origin === 'exact-copy' || loc.origin === 'catch-all-backend' || (loc.origin === 'server-root' && loc.backend !== null)
}

function addCanary(ctx: GraphContext, node: DraftNode, loc: CompiledLocation): void {
  const primary = upstreamNamed(ctx.compiled, loc.upstream)
  const alternative = upstreamNamed(ctx.compiled, primary?.alternatives[0])
  const policy = alternative?.canary
  if (!alternative?.backend || !policy) return
  const percent = Math.round((policy.weight / (policy.weightTotal || 100)) * 1000) / 10
  const by = [policy.header ? `header ${policy.header}` : '', policy.cookie ? `cookie ${policy.cookie}` : ''].filter(Boolean)
  addBadge(node, { kind: 'canary', text: `${percent}%` })
  linkBackend(ctx, node.id, alternative.backend, { kind: 'canary', label: [`${percent}%`, ...by].join(' · '), upstream: alternative.name })
}

function placeLocation(ctx: GraphContext, server: CompiledServer, host: DraftNode, loc: CompiledLocation): void {
  const ingress = loc.ingress as IngressRef
  const isPath = loc.origin === 'rule' || loc.origin === 'exact-copy'
  const at = isPath && loc.at ? loc.at : DEFAULT_BACKEND_AT
  const id = pathId(server.hostname, ingress, at)
  ctx.lookup.locations[loc.id] = id
  const fresh = !ctx.draft.nodes.has(id)
  const node = ctx.draft.node({ id, kind: 'path', label: isPath ? loc.ingressPath || '/' : 'defaultBackend', sub: ingressLabel(ingress) })
  noteIngressPath(ctx, ingress.index, id)
  ctx.draft.edge(host.id, id, 'route')
  if (fresh) addSpan(node, toSourceSpan(ingress.source, ctx.span(ingress.source, at)))
  if (!isPath) addBadge(node, { kind: 'default-backend', text: '' })
  if (isPath && loc.pathType) addBadge(node, { kind: PATH_TYPE_BADGE[loc.pathType] as GraphBadgeKind, text: '' })
  if (loc.modifier === '~*') addBadge(node, { kind: 'regex', text: loc.useRegex ? '' : 'host' })
  if (loc.rewriteTarget !== null) addBadge(node, { kind: 'rewrite', text: loc.rewriteTarget })
  if (loc.redirect) addBadge(node, { kind: 'redirect', text: `${loc.redirect.code} ${loc.redirect.url}` })
  if (loc.appRoot) addBadge(node, { kind: 'app-root', text: loc.appRoot })
  if (loc.backend) linkBackend(ctx, id, loc.backend, { upstream: loc.upstream })
  addCanary(ctx, node, loc)
  addCustomDefaultBackend(ctx, id, loc)
}

/**
 * A location whose Service has no endpoints and whose Ingress has a usable default-backend annotation: the
 * controller points it at the annotation's Service (docs/routing.md#default-backend-annotation), drawn as a second
 * backend edge that the route of a request can light up.
 */
function addCustomDefaultBackend(ctx: GraphContext, id: string, loc: CompiledLocation): void {
  if (!loc.backend || upstreamNamed(ctx.compiled, loc.upstream)?.availability.endpoints !== false) return
  const answer = noEndpointsAnswer(ctx.compiled, loc)
  if (answer.kind !== 'custom') return
  const { annotation } = answer
  linkBackend(ctx, id, { service: annotation.service, port: annotation.port ?? '', namespace: annotation.namespace }, { label: 'default-backend · X-Code 503', upstream: annotation.upstream })
}

/** server-alias names and the from-to-www-redirect server of a host (docs/routing.md#server-alias-and-from-to-www-redirect). */
function addHostNames(ctx: GraphContext, server: CompiledServer, host: DraftNode): void {
  if (server.aliases?.length) addBadge(host, { kind: 'alias', text: server.aliases.map((alias) => alias.name).join(', ') })
  const redirect = ctx.compiled.redirectServers?.find((candidate) => candidate.to === server.hostname)
  if (redirect) addBadge(host, { kind: 'www-redirect', text: `${redirect.from} ${ctx.compiled.environment.httpRedirectCode}` })
}

function addTls(ctx: GraphContext, server: CompiledServer, host: DraftNode): void {
  const env = ctx.compiled.environment
  const drawn = server.locations.filter(isDrawn)
  if (drawn.some((loc) => loc.forceSslRedirect || (loc.sslRedirect && server.tlsFrom))) {
    addBadge(host, { kind: 'https-redirect', text: String(env.httpRedirectCode) })
  }
  if (!server.tlsFrom) return
  const ingress = ctx.model.ingresses[server.tlsFrom.index]
  const entry = ingress?.tls.find((tls) => tls.hosts.includes(server.hostname)) ?? ingress?.tls.find((tls) => tls.hosts.length === 0)
  const secret = entry?.secretName ?? ''
  addBadge(host, { kind: 'tls', text: secret })
  if (secret && ctx.index.hasSecrets && !ctx.index.secret(server.tlsFrom.namespace, secret)) {
    addProblem(host, { code: 'secret-missing', subject: secret })
  }
}

/** Host and path nodes for every server ingress-nginx renders (the catch-all only when something routes there). */
export function addServers(ctx: GraphContext): void {
  for (const server of ctx.compiled.servers) {
    const drawn = server.locations.filter(isDrawn)
    if (server.hostname === CATCH_ALL && drawn.length === 0) continue
    const host = ensureHost(ctx, server.hostname, server.kind, false)
    ctx.lookup.servers[server.hostname] = host.id
    addTls(ctx, server, host)
    addHostNames(ctx, server, host)
    for (const loc of drawn) placeLocation(ctx, server, host, loc)
  }
}

const conflictKey = (ingressIndex: number, at: FieldPath): string => `${ingressIndex}|${at.join('.')}`

/** For each rule path that lost to another, the first location (in order) that won it: one pass, not one per rule. */
function winnersByConflict(locations: readonly CompiledLocation[]): Map<string, CompiledLocation> {
  const winners = new Map<string, CompiledLocation>()
  for (const loc of locations) {
    for (const c of loc.conflicts) {
      const key = conflictKey(c.ingress.index, c.at)
      if (!winners.has(key)) winners.set(key, loc)
    }
  }
  return winners
}

/** Faded path nodes for rule paths that got no location, each with the reason. */
export function addUnplacedRules(ctx: GraphContext): void {
  const status = new Map(ctx.compiled.ingresses.map((entry) => [entry.ref.index, entry]))
  const winners = winnersByConflict(ctx.compiled.servers.flatMap((server) => server.locations))
  for (const rule of ctx.compiled.spec.rules) {
    const entry = status.get(rule.ref.index)
    const hostname = rule.host === '' ? CATCH_ALL : rule.host
    const id = pathId(hostname, rule.ref, rule.at)
    // A served canary's paths are merged into its primary's location: the canary edge stands for them.
    if (ctx.draft.nodes.has(id) || (entry?.served && entry.canary)) continue
    const served = entry?.served ?? false
    const host = ensureHost(ctx, hostname, kindOfHost(hostname), !served)
    const written = findIngressPath(ctx.model.ingresses[rule.ref.index], rule.at)
    const node = ctx.draft.node({ id, kind: 'path', label: rule.path || '/', sub: ingressLabel(rule.ref), dim: true })
    addSpan(node, toSourceSpan(rule.ref.source, ctx.span(rule.ref.source, rule.at)))
    addBadge(node, { kind: PATH_TYPE_BADGE[rule.pathType] as GraphBadgeKind, text: '' })
    noteIngressPath(ctx, rule.ref.index, id)
    const winner = winners.get(conflictKey(rule.ref.index, rule.at))
    if (!served) addProblem(node, entry ? { code: 'not-served', subject: formatMessage(entry.reason), reason: entry.reason } : { code: 'not-served', subject: '' })
    else if (winner?.ingress) addProblem(node, { code: 'dropped', subject: ingressLabel(winner.ingress) })
    const backend = written?.backend
    if (backend?.type === 'resource') {
      node.dim = !served
      const kind = backend.resourceKind
      const target = ctx.draft.node({ id: `res:${rule.ref.namespace}/${kind}/${backend.name}`, kind: 'resource', label: qualifiedName(rule.ref.namespace, backend.name), sub: kind })
      ctx.objects.set(target.id, { namespace: rule.ref.namespace, name: backend.name })
      if (served) addProblem(node, { code: 'resource-backend', subject: `${kind} ${backend.name}` })
      ctx.draft.edge(id, target.id, 'backend', null, null, !served)
    } else if (backend?.type === 'service') {
      const port = 'number' in backend.port ? backend.port.number : backend.port.name
      linkBackend(ctx, id, { service: backend.service, port, namespace: rule.ref.namespace }, { dim: true })
    }
    ctx.draft.edge(host.id, id, 'route', null, null, true)
  }
}

/** Where each host is written: the `host` field of every rule naming it, the rule, and the TLS entries listing it. */
export function addHostSpans(ctx: GraphContext): void {
  const contributors = new Map<string, Set<string>>()
  ctx.model.ingresses.forEach((ingress) => {
    for (const rule of ingress.rules) {
      const host = ctx.draft.nodes.get(hostId(rule.host === '' ? CATCH_ALL : rule.host))
      if (!host) continue
      if (rule.host !== '') addSpan(host, toSourceSpan(ingress.source, ctx.span(ingress.source, [...rule.at, 'host'], 'entry')))
      addSpan(host, toSourceSpan(ingress.source, ctx.span(ingress.source, rule.at)))
      const names = contributors.get(host.id) ?? new Set<string>()
      names.add(qualifiedName(ingress.meta.namespace, ingress.meta.name))
      contributors.set(host.id, names)
    }
    ingress.tls.forEach((tls, t) => {
      for (const name of tls.hosts) {
        const host = ctx.draft.nodes.get(hostId(name.toLowerCase()))
        if (host) addSpan(host, toSourceSpan(ingress.source, ctx.span(ingress.source, ['spec', 'tls', t])))
      }
    })
  })
  for (const [id, names] of contributors) (ctx.draft.nodes.get(id) as DraftNode).sub = [...names].join(', ')
}
