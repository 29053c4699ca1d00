/**
 * Plain-language pieces of a route trace: how a location, a server or a backend is named to a person.
 */
import type { CompiledLocation, CompiledServer, IngressRef } from './types'

/** `default/web`. */
export function ingressName(ref: IngressRef | null): string {
  return ref ? `${ref.namespace}/${ref.name}` : 'the controller'
}

/** The location as nginx.conf writes it: `location = /foo`, `location /foo/`, `location ~* "^/foo"`. */
export function locationLabel(loc: CompiledLocation): string {
  if (loc.modifier === '~*') return `location ~* "^${loc.path}"`
  if (loc.modifier === '=') return `location = ${loc.path}`
  return `location ${loc.path}`
}

/** Where the location comes from and where it sends requests. */
export function locationOrigin(loc: CompiledLocation): string {
  const target = loc.backend ? `${loc.backend.service}:${loc.backend.port}` : "the controller's default backend (404)"
  switch (loc.origin) {
    case 'rule':
      return `${loc.pathType} ${loc.ingressPath} of Ingress ${ingressName(loc.ingress)} → ${target}`
    case 'exact-copy':
      return `the exact twin ingress-nginx adds for Prefix ${loc.ingressPath} of Ingress ${ingressName(loc.ingress)} → ${target}`
    case 'server-root':
      return loc.ingress
        ? `the server's root location (created with Ingress ${ingressName(loc.ingress)}) → ${target}`
        : `the catch-all root → ${target}`
    case 'catch-all-backend':
      return `the defaultBackend of Ingress ${ingressName(loc.ingress)} (an Ingress without rules) → ${target}`
    case 'healthz':
      return "the controller's health check, which answers 200 itself"
    case 'nginx-status':
      return "the controller's status page, 403 for clients outside the pod"
  }
}

/** `location /foo/ (Prefix /foo of Ingress default/a → s1:80)`. */
export function describeLocation(loc: CompiledLocation): string {
  return `${locationLabel(loc)} (${locationOrigin(loc)})`
}

/** How the server was chosen, in words. */
export function describeServerChoice(server: CompiledServer, how: 'exact' | 'wildcard' | 'catch-all', host: string): string {
  const created = server.createdBy ? `, created by Ingress ${ingressName(server.createdBy)}` : ''
  if (how === 'exact') return `Server ${server.hostname} chosen: its server_name equals the host ${host}${created}.`
  if (how === 'wildcard') {
    return `Server ${server.hostname} chosen: no server is named ${host}, and the wildcard matches exactly one label (${host.slice(0, host.indexOf('.'))})${created}.`
  }
  return `No server is named ${host} and no wildcard matches it, so the catch-all server _ answers.`
}

/** What made a server regex-enforced: `use-regex of Ingress default/a` or `rewrite-target of Ingress …`. */
export function describeEnforcer(server: CompiledServer): string {
  const cause = server.locations.find((loc) => loc.id === server.regexEnforcedBy)
  if (!cause) return 'no location'
  return `${cause.rewriteTarget !== null ? 'the rewrite-target' : 'use-regex'} of Ingress ${ingressName(cause.ingress)}`
}
