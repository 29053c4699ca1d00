/**
 * The route table for the UI: one row per Ingress path and per defaultBackend (host, path, type, backend,
 * Ingress, notes), each linked to the nginx locations compiled from it and to its field in the manifest. A
 * row's notes say first how that row matches (the form of its own location), then what else ingress-nginx
 * does with it; they are messages (`messages/en/trace.ts`), a `(Dn)` in them marks a spec divergence.
 */
import { msg, type Message } from '../messages/message'
import type { FieldPath } from '../model/types'
import { annotationOf, noEndpointsPhrase } from './backend-availability'
import { CATCH_ALL, DEFAULT_UPSTREAM, upstreamName } from './compile-servers'
import { hostNameNotes } from './host-aliases'
import { enforcerMessage, ingressParam, locationLabel } from './describe'
import { LOCATION_CODES } from './redirect-answer'
import type { CompiledLocation, CompiledRoutes, CompiledServer, CompiledUpstream, IngressRef } from './types'
import { affinityTableNote } from './session-affinity'

export interface RouteTableRow {
  /** `''` for a rule without host. */
  readonly host: string
  /** As written; `''` for an omitted path, `*` for a defaultBackend row. */
  readonly path: string
  readonly pathType: 'Exact' | 'Prefix' | 'ImplementationSpecific' | 'defaultBackend'
  /** `service:port`, `Kind name` for a resource backend. */
  readonly backend: string
  /** `namespace/name`. */
  readonly ingress: string
  readonly ingressRef: IngressRef
  readonly at: FieldPath
  /** Ids of the nginx locations compiled from this row (empty when it has none). */
  readonly locationIds: readonly string[]
  /** How ingress-nginx treats the row: how it matches first, then rewrites, redirects, canaries. */
  readonly notes: readonly Message[]
}

function samePath(a: FieldPath | null, b: FieldPath): boolean {
  return a !== null && a.length === b.length && a.every((step, i) => step === b[i])
}

/**
 * How the location `loc` of a rule matches, in the words that fit its form: an nginx exact or prefix location
 * on a plain host, or a case-insensitive regex (its own use-regex or rewrite-target, or another location's
 * on the same host, D2).
 */
export function howItMatches(server: CompiledServer, loc: CompiledLocation): Message {
  const location = locationLabel(loc)
  if (loc.origin === 'exact-copy') return msg('table-match-prefix-twin', { location, path: loc.ingressPath ?? '' })
  const implementationSpecific = loc.pathType === 'ImplementationSpecific'
  if (loc.modifier === '~*') {
    if (loc.useRegex) return msg('table-match-regex', { location })
    if (loc.rewriteTarget !== null) return msg(implementationSpecific ? 'table-match-rewrite-regex-impl' : 'table-match-rewrite-regex', { location })
    return msg(implementationSpecific ? 'table-match-enforced-impl' : 'table-match-enforced', { location, enforcer: enforcerMessage(server) })
  }
  if (loc.modifier === '=') return msg('table-match-exact', { location })
  if (implementationSpecific) return msg(loc.ingressPath === '/' ? 'table-match-impl-root' : 'table-match-impl-prefix', { location })
  if (loc.pathType === 'Prefix') return msg('table-match-prefix', { location })
  return msg('table-match-other', { location })
}

/** The redirect annotations' notes: the `return`, then how nginx forms the Location (redirect-answer.ts). */
function redirectNotes(compiled: CompiledRoutes, redirect: NonNullable<CompiledLocation['redirect']>, relative: boolean): Message[] {
  if (!LOCATION_CODES.has(redirect.code)) return [msg('table-redirect-body', { code: redirect.code, url: redirect.url })]
  const notes = [msg('table-redirect', { code: redirect.code, url: redirect.url })]
  if (redirect.url.startsWith('/')) notes.push(msg(relative || compiled.environment.relativeRedirects ? 'table-redirect-relative' : 'table-redirect-made-absolute'))
  return notes
}

/** What a location does besides matching: rewrite, redirects, the https redirect, its canary. */
function locationEffects(compiled: CompiledRoutes, server: CompiledServer, loc: CompiledLocation, upstreams: ReadonlyMap<string, CompiledUpstream>, httpsCode: number): Message[] {
  const notes: Message[] = []
  if (loc.rewriteTarget !== null) notes.push(msg('table-rewrite', { target: loc.rewriteTarget }))
  if (loc.redirect) notes.push(...redirectNotes(compiled, loc.redirect, loc.relativeRedirects === true))
  if (loc.appRoot) notes.push(msg('table-app-root', { target: loc.appRoot }))
  if (loc.forceSslRedirect || (loc.sslRedirect && server.tlsFrom)) notes.push(msg('table-https', { code: httpsCode }))
  const alternative = upstreams.get(upstreams.get(loc.upstream)?.alternatives[0] ?? '')
  if (alternative?.canary) {
    notes.push(msg('table-canary', {
      ingress: ingressParam(alternative.ingress), backend: `${alternative.backend?.service}:${alternative.backend?.port}`, weight: alternative.canary.weight,
    }))
  }
  notes.push(...availabilityNotes(compiled, server, loc, upstreams))
  const sticky = upstreams.get(loc.upstream)
  const affinity = sticky ? affinityTableNote(sticky, server.hostname, loc.ingressPath ?? '/') : null
  if (affinity) notes.push(affinity)
  return notes
}

/**
 * Whether the row's Service has endpoints (backend-availability.ts: the rule routing answers by) and what its
 * default-backend annotation does — which is not spec.defaultBackend: it takes only this path's requests while
 * its Service has no endpoints, never unmatched ones (annotations.md "Default Backend").
 */
function availabilityNotes(compiled: CompiledRoutes, server: CompiledServer, loc: CompiledLocation, upstreams: ReadonlyMap<string, CompiledUpstream>): Message[] {
  const notes: Message[] = []
  const availability = upstreams.get(loc.upstream)?.availability
  const annotation = loc.upstream === DEFAULT_UPSTREAM ? null : annotationOf(compiled, loc)
  if (availability && !availability.endpoints) {
    notes.push(msg('backend-table-no-endpoints', { why: availability.text, answer: noEndpointsPhrase(annotation) }))
  } else if (availability?.assumed && availability.reason !== 'assumed-no-services') {
    notes.push(msg('backend-table-assumed', { why: availability.text }))
  }
  if (annotation?.usable) {
    const root = server.locations.find((candidate) => candidate.origin === 'server-root' || candidate.origin === 'catch-all-backend')
    const fallback = root?.backend ? msg('backend-table-fallback-spec', { backend: `${root.backend.service}:${root.backend.port}` }) : msg('backend-table-fallback-controller')
    notes.push(msg('backend-table-annotation', { service: annotation.service, fallback }))
  } else if (annotation) {
    notes.push(msg('backend-table-annotation-unusable', { why: annotation.text }))
  }
  return notes
}

const notServed = (reason: Message | undefined): Message => msg('table-not-served', { reason: reason ?? msg('table-unknown-class') })

/** The route table of `compiled`, in ingress-nginx's Ingress order (served ones first). */
export function buildRouteTable(compiled: CompiledRoutes): RouteTableRow[] {
  const status = new Map(compiled.ingresses.map((entry) => [entry.ref.index, entry]))
  const upstreams = new Map(compiled.upstreams.map((upstream) => [upstream.name, upstream]))
  const httpsCode = compiled.environment.httpRedirectCode
  const locations = compiled.servers.flatMap((server) => server.locations.map((loc) => ({ server, loc })))
  // By Ingress, in location order: a row looks only at its own Ingress's locations (linear at 10,000 Ingresses).
  const ofIngress = groupBy(locations, ({ loc }) => loc.ingress?.index)
  const droppedFor = groupBy(locations.flatMap(({ loc }) => loc.conflicts.map((conflict) => ({ loc, conflict }))), ({ conflict }) => conflict.ingress.index)
  const rows: RouteTableRow[] = []
  for (const rule of compiled.spec.rules) {
    const entry = status.get(rule.ref.index)
    const notes: Message[] = []
    const own = (ofIngress.get(rule.ref.index) ?? []).filter(({ loc }) => samePath(loc.at, rule.at))
    if (!entry?.served) {
      notes.push(notServed(entry?.reason))
    } else if (entry.canary) {
      const name = upstreamFor(rule.ref, rule.backend)
      const primary = compiled.upstreams.find((upstream) => name !== null && upstream.alternatives.includes(name))
      notes.push(primary && upstreams.has(name ?? '') ? msg('table-canary-of', { upstream: primary.name }) : msg('table-canary-orphan'))
    } else if (own.length === 0) {
      const winner = droppedFor.get(rule.ref.index)?.find(({ conflict }) => samePath(conflict.at, rule.at))
      if (winner) notes.push(msg('table-dropped', { ingress: ingressParam(winner.loc.ingress) }))
      else if (!rule.backend.includes(':')) notes.push(msg('table-resource-backend'))
      else notes.push(msg('table-no-location'))
    }
    // How each own location matches first; then what they do, said once (a Prefix's two locations share it).
    for (const { server, loc } of own) notes.push(howItMatches(server, loc))
    const said = new Set<string>()
    for (const { server, loc } of own) {
      for (const note of locationEffects(compiled, server, loc, upstreams, httpsCode)) {
        const key = JSON.stringify(note)
        if (!said.has(key)) notes.push(note)
        said.add(key)
      }
    }
    // server-alias and from-to-www-redirect: said on the rows of the Ingress whose annotation it is (host-aliases.ts).
    const ownServer = own[0]?.server
    if (ownServer) notes.push(...hostNameNotes(compiled, ownServer, rule.ref))
    rows.push({
      host: rule.host, path: rule.path, pathType: rule.pathType, backend: rule.backend, ingress: `${rule.ref.namespace}/${rule.ref.name}`,
      ingressRef: rule.ref, at: rule.at, locationIds: own.map(({ loc }) => loc.id), notes,
    })
  }
  for (const fallback of compiled.spec.defaultBackends) {
    const entry = status.get(fallback.ref.index)
    const own = ofIngress.get(fallback.ref.index) ?? []
    const catchAll = own.find(({ server, loc }) => server.hostname === CATCH_ALL && loc.origin === 'catch-all-backend')
    const roots = own.filter(({ loc }) => loc.origin === 'server-root' && loc.backend !== null)
    const notes = !entry?.served
      ? [notServed(entry?.reason)]
      : catchAll
        ? [msg('table-catch-all')]
        : roots.length > 0
          ? [msg('table-own-hosts-only', { hosts: roots.map(({ server }) => server.hostname).join(', ') })]
          : entry.canary
            ? [msg('table-canary-default-backend')]
            : [msg('table-unused-default-backend')]
    // A defaultBackend whose Service has no endpoints answers its requests with 503 too (backend-availability.ts).
    const used = catchAll ?? roots[0]
    if (used) {
      for (const note of availabilityNotes(compiled, used.server, used.loc, upstreams)) if (note.id === 'backend-table-no-endpoints') notes.push(note)
    }
    rows.push({
      host: '', path: '*', pathType: 'defaultBackend', backend: fallback.backend, ingress: `${fallback.ref.namespace}/${fallback.ref.name}`,
      ingressRef: fallback.ref, at: ['spec', 'defaultBackend'], locationIds: [...(catchAll ? [catchAll.loc.id] : []), ...roots.map(({ loc }) => loc.id)], notes,
    })
  }
  return rows
}

/** `items` grouped by `key` (items without one left out), each group in input order. */
function groupBy<T>(items: readonly T[], key: (item: T) => number | undefined): Map<number, T[]> {
  const groups = new Map<number, T[]>()
  for (const item of items) {
    const k = key(item)
    if (k === undefined) continue
    const group = groups.get(k)
    if (group) group.push(item)
    else groups.set(k, [item])
  }
  return groups
}

/** The upstream name of a `service:port` backend of `ref` (null for a resource backend). */
function upstreamFor(ref: IngressRef, backend: string): string | null {
  const colon = backend.lastIndexOf(':')
  return colon === -1 ? null : upstreamName(ref.namespace, backend.slice(0, colon), backend.slice(colon + 1))
}
