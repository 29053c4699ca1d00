/**
 * The route table for the UI: one row per Ingress path and per defaultBackend (host, path, type, backend,
 * Ingress, notes), each linked to the nginx locations compiled from it and to its field in the manifest.
 */
import { formatMessage } from '../messages/render'
import type { FieldPath } from '../model/types'
import { CATCH_ALL, upstreamName } from './compile-servers'
import { ingressName, locationLabel } from './describe'
import type { CompiledLocation, CompiledRoutes, CompiledServer, CompiledUpstream, IngressRef } from './types'

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
  /** Plain-language notes: how ingress-nginx treats the row. */
  readonly notes: readonly string[]
}

function samePath(a: FieldPath | null, b: FieldPath): boolean {
  return a !== null && a.length === b.length && a.every((step, i) => step === b[i])
}

function locationNotes(server: CompiledServer, loc: CompiledLocation, upstreams: ReadonlyMap<string, CompiledUpstream>, https: string | null): string[] {
  const notes: string[] = []
  if (loc.origin === 'exact-copy') notes.push(`also ${locationLabel(loc)} (ingress-nginx adds an exact twin, so ${loc.ingressPath} itself does not get a 301)`)
  else notes.push(locationLabel(loc))
  if (loc.modifier === '~*' && !loc.useRegex && loc.rewriteTarget === null) notes.push('regex-enforced host: case-insensitive string prefix')
  if (loc.rewriteTarget !== null) notes.push(`rewrite: the whole path becomes ${loc.rewriteTarget}`)
  if (loc.redirect) notes.push(`redirect: ${loc.redirect.code} to ${loc.redirect.url}`)
  if (loc.appRoot) notes.push(`app-root: / answers 302 to ${loc.appRoot}`)
  if (https && (loc.forceSslRedirect || (loc.sslRedirect && server.tlsFrom))) notes.push(https)
  const alternative = upstreams.get(upstreams.get(loc.upstream)?.alternatives[0] ?? '')
  if (alternative?.canary) {
    notes.push(`canary: Ingress ${ingressName(alternative.ingress)} (${alternative.backend?.service}:${alternative.backend?.port}), weight ${alternative.canary.weight}`)
  }
  return notes
}

/** The route table of `compiled`, in ingress-nginx's Ingress order (served ones first). */
export function buildRouteTable(compiled: CompiledRoutes): RouteTableRow[] {
  const status = new Map(compiled.ingresses.map((entry) => [entry.ref.index, entry]))
  const upstreams = new Map(compiled.upstreams.map((upstream) => [upstream.name, upstream]))
  const https = `http requests get ${compiled.environment.httpRedirectCode} to https`
  const locations = compiled.servers.flatMap((server) => server.locations.map((loc) => ({ server, loc })))
  const rows: RouteTableRow[] = []
  for (const rule of compiled.spec.rules) {
    const entry = status.get(rule.ref.index)
    const notes: string[] = []
    const own = locations.filter(({ loc }) => loc.ingress?.index === rule.ref.index && samePath(loc.at, rule.at))
    if (!entry?.served) {
      notes.push(`not served: ${entry ? formatMessage(entry.reason) : 'unknown class'}`)
    } else if (entry.canary) {
      const name = upstreamFor(rule.ref, rule.backend)
      const primary = compiled.upstreams.find((upstream) => name !== null && upstream.alternatives.includes(name))
      notes.push(primary && upstreams.has(name ?? '') ? `canary of upstream ${primary.name}` : 'canary without a primary: gets no traffic')
    } else if (own.length === 0) {
      const winner = locations.find(({ loc }) => loc.conflicts.some((conflict) => conflict.ingress.index === rule.ref.index && samePath(conflict.at, rule.at)))
      if (winner) notes.push(`dropped: Ingress ${ingressName(winner.loc.ingress)} already defines this host and path (D7)`)
      else if (!rule.backend.includes(':')) notes.push("resource backend: ingress-nginx sends these requests to the host's default backend")
      else notes.push('no location: ingress-nginx could not place this path (see the diagnostics)')
    }
    if (rule.pathType === 'ImplementationSpecific' && own.every(({ loc }) => !loc.useRegex)) notes.push('ImplementationSpecific is treated as Prefix (D4)')
    for (const { server, loc } of own) notes.push(...locationNotes(server, loc, upstreams, https))
    rows.push({
      host: rule.host, path: rule.path, pathType: rule.pathType, backend: rule.backend, ingress: ingressName(rule.ref),
      ingressRef: rule.ref, at: rule.at, locationIds: own.map(({ loc }) => loc.id), notes,
    })
  }
  for (const fallback of compiled.spec.defaultBackends) {
    const entry = status.get(fallback.ref.index)
    const catchAll = locations.find(({ server, loc }) => server.hostname === CATCH_ALL && loc.origin === 'catch-all-backend' && loc.ingress?.index === fallback.ref.index)
    const roots = locations.filter(({ loc }) => loc.origin === 'server-root' && loc.ingress?.index === fallback.ref.index && loc.backend !== null)
    const notes = !entry?.served
      ? [`not served: ${entry ? formatMessage(entry.reason) : 'unknown class'}`]
      : catchAll
        ? ['catch-all: answers every host that has no server of its own']
        : roots.length > 0
          ? [`fallback for this Ingress's own hosts only (${roots.map(({ server }) => server.hostname).join(', ')}); other hosts get the controller's 404 (D5)`]
          : entry.canary
            ? ['canary defaultBackend']
            : ['unused: another Ingress already provides the catch-all and this Ingress creates no host']
    rows.push({
      host: '', path: '*', pathType: 'defaultBackend', backend: fallback.backend, ingress: ingressName(fallback.ref),
      ingressRef: fallback.ref, at: ['spec', 'defaultBackend'], locationIds: [...(catchAll ? [catchAll.loc.id] : []), ...roots.map(({ loc }) => loc.id)], notes,
    })
  }
  return rows
}

/** The upstream name of a `service:port` backend of `ref` (null for a resource backend). */
function upstreamFor(ref: IngressRef, backend: string): string | null {
  const colon = backend.lastIndexOf(':')
  return colon === -1 ? null : upstreamName(ref.namespace, backend.slice(0, colon), backend.slice(colon + 1))
}
