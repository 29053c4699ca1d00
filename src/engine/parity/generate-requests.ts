/**
 * The requests that can tell ingress-nginx and a Gateway apart (docs/migration.md#parity): every host of either
 * side (a wildcard as a name one label deep, two labels deep and its bare parent domain), an unknown host for
 * the catch-all, and on each host every path either side routes, probed at its boundaries (exact, with and
 * without a trailing slash, one segment deeper, a sibling prefix, upper case, with a query string), each
 * regex at its edges, http and — where either side has TLS for the host — https, and each canary header and
 * cookie (`always`, `never`, the exact value, another value) and each header match of a route.
 * Deduplicated, in a deterministic order (hosts sorted, then paths sorted), at most `PARITY_REQUEST_LIMIT`.
 */
import { msg, type Message } from '../messages/message'
import type { CompiledGateways } from '../gateway/types'
import type { CompiledRoutes, CompiledServer, CompiledUpstream } from '../route/types'
import { regexExample } from './regex-example'
import type { GeneratedRequest } from './types'

/** The most requests one check generates (the user's own come on top). */
export const PARITY_REQUEST_LIMIT = 50_000

/** The Host the catch-all requests carry: a name no manifest serves (`.invalid` is reserved, RFC 2606). */
export const UNKNOWN_HOST = 'parity-unknown-host.invalid'

/** The deeper segment, the sibling suffix, the other header value, the query string. */
const DEEPER = 'parity-deeper'
const SIBLING = 'parity'
const OTHER_VALUE = 'parity-other'
const QUERY = 'parity=1'

interface PathSpec {
  readonly path: string
  readonly regex: boolean
}

interface HeaderProbe {
  readonly path: string
  readonly header: string | null
  readonly headerValue: string | null
  readonly cookie: string | null
}

interface HostPlan {
  readonly paths: Map<string, PathSpec>
  readonly probes: HeaderProbe[]
  tls: boolean
  readonly why: Message
}

function gatewayOf(compiled: CompiledGateways, gateway: string) {
  return compiled.gateways.find((g) => g.ref.key === gateway) ?? null
}

/** Concrete names for a host: a wildcard `*.x` as `a.x`, `a.b.x` and `x`. */
function concreteHosts(host: string): { host: string; why: Message }[] {
  if (!host.startsWith('*.')) return [{ host, why: msg('parity-why-host', { host }) }]
  const parent = host.slice(2)
  return [
    { host: `${SIBLING}-one.${parent}`, why: msg('parity-why-wildcard-one', { wildcard: host }) },
    { host: `${SIBLING}-a.${SIBLING}-b.${parent}`, why: msg('parity-why-wildcard-two', { wildcard: host }) },
    { host: parent, why: msg('parity-why-wildcard-parent', { wildcard: host }) },
  ]
}

function addPath(plan: HostPlan, path: string, regex: boolean): void {
  const key = (regex ? '~' : '') + path
  if (!plan.paths.has(key)) plan.paths.set(key, { path, regex })
}

function ingressPaths(server: CompiledServer, upstreams: ReadonlyMap<string, CompiledUpstream>, plan: HostPlan): void {
  if (server.tlsFrom !== null) plan.tls = true
  for (const loc of server.locations) {
    if (loc.origin !== 'rule' && loc.origin !== 'catch-all-backend' && loc.origin !== 'server-root') continue
    const path = loc.ingressPath ?? loc.path
    addPath(plan, path, loc.useRegex)
    const primary = upstreams.get(loc.upstream)
    const canary = primary?.alternatives[0] === undefined ? undefined : upstreams.get(primary.alternatives[0])
    const policy = canary?.canary
    if (!policy) continue
    const probePath = loc.useRegex ? '/' + regexExample(path).replace(/^\//, '') : path
    if (policy.header !== null) plan.probes.push({ path: probePath, header: policy.header, headerValue: policy.headerValue, cookie: null })
    if (policy.cookie !== null) plan.probes.push({ path: probePath, header: null, headerValue: null, cookie: policy.cookie })
  }
}

/** Whether a route hostname (`*.x` one or more labels, exact) or a null (any host) covers `host`. */
function covers(hostnames: readonly string[] | null, host: string): boolean {
  if (hostnames === null) return true
  return hostnames.some((name) => (name.startsWith('*.') ? host.endsWith(name.slice(1)) && host.length > name.length - 1 : name === host))
}

/** Every request the two sides may answer differently, with why each was made (see the module comment). */
export function generateParityRequests(routes: CompiledRoutes, gateways: CompiledGateways, gateway: string): GeneratedRequest[] {
  const plans = new Map<string, HostPlan>()
  const planFor = (host: string, why: Message): HostPlan => {
    let plan = plans.get(host)
    if (!plan) plans.set(host, (plan = { paths: new Map(), probes: [], tls: false, why }))
    return plan
  }
  const upstreams = new Map(routes.upstreams.map((u) => [u.name, u]))
  const catchAll = planFor(UNKNOWN_HOST, msg('parity-why-unknown-host', { host: UNKNOWN_HOST }))
  addPath(catchAll, '/', false)

  // ingress-nginx: each server's host; rules without host live on `_` (the unknown host's answer).
  for (const server of routes.servers) {
    if (server.kind === 'catch-all') {
      ingressPaths(server, upstreams, catchAll)
      continue
    }
    for (const { host, why } of concreteHosts(server.hostname)) ingressPaths(server, upstreams, planFor(host, why))
  }

  // The Gateway: every listener hostname and attached route hostname; rules of a route reach every host it covers.
  const compiled = gatewayOf(gateways, gateway)
  const attached: { hostnames: readonly string[] | null; paths: PathSpec[]; probes: HeaderProbe[] }[] = []
  for (const listener of compiled?.listeners ?? []) {
    if (!listener.servesHttpRoutes) continue
    const https = listener.protocol === 'HTTPS'
    if (listener.hostname !== null) for (const { host, why } of concreteHosts(listener.hostname)) planFor(host, why).tls ||= https
    for (const attachment of listener.attachments) {
      const route = gateways.routes[attachment.routeIndex]
      if (!route) continue
      const paths: PathSpec[] = []
      const probes: HeaderProbe[] = []
      for (const rule of route.rules) {
        for (const match of rule.matches) {
          const regex = match.path.type === 'RegularExpression'
          paths.push({ path: match.path.value, regex })
          const probePath = regex ? '/' + regexExample(match.path.value).replace(/^\//, '') : match.path.value
          for (const header of match.headers) {
            if (header.type === 'Exact') probes.push({ path: probePath, header: header.name, headerValue: header.value, cookie: null })
            else probes.push({ path: probePath, header: header.name, headerValue: regexExample(header.value), cookie: null })
          }
        }
      }
      attached.push({ hostnames: attachment.hostnames, paths, probes })
      if (attachment.hostnames === null) continue
      for (const name of attachment.hostnames) for (const { host, why } of concreteHosts(name)) planFor(host, why).tls ||= https
    }
  }
  for (const [host, plan] of plans) {
    for (const entry of attached) {
      if (!covers(entry.hostnames, host)) continue
      for (const path of entry.paths) addPath(plan, path.path, path.regex)
      plan.probes.push(...entry.probes)
    }
  }
  // An HTTPS listener for any host serves TLS for every host.
  const anyHostTls = (compiled?.listeners ?? []).some((l) => l.servesHttpRoutes && l.protocol === 'HTTPS' && l.hostname === null && l.attachments.length > 0)
  if (anyHostTls) for (const plan of plans.values()) plan.tls = true

  const out: GeneratedRequest[] = []
  const seen = new Set<string>()
  const push = (url: string, why: Message, headers: Record<string, string> = {}, cookies: Record<string, string> = {}): boolean => {
    if (out.length >= PARITY_REQUEST_LIMIT) return false
    const key = `${url}\u0000${JSON.stringify(headers)}\u0000${JSON.stringify(cookies)}`
    if (seen.has(key)) return true
    seen.add(key)
    out.push({ url, method: 'GET', headers, cookies, why })
    return true
  }

  const hosts = [...plans.keys()].sort((a, b) => (a === UNKNOWN_HOST ? 1 : b === UNKNOWN_HOST ? -1 : a < b ? -1 : a > b ? 1 : 0))
  for (const host of hosts) {
    const plan = plans.get(host) as HostPlan
    const schemes = plan.tls ? ['http', 'https'] : ['http']
    for (const scheme of schemes) {
      const base = `${scheme}://${host}`
      const at = (path: string): string => base + (path.startsWith('/') ? path : '/' + path)
      if (!push(at('/'), plan.why)) return out
      const specs = [...plan.paths.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : Number(a.regex) - Number(b.regex)))
      for (const spec of specs) {
        for (const [path, why] of pathProbes(spec)) if (!push(at(path), why)) return out
      }
      for (const probe of plan.probes) {
        const url = at(probe.path)
        if (probe.header !== null) {
          const values = new Set(['always', 'never', ...(probe.headerValue !== null ? [probe.headerValue] : []), OTHER_VALUE])
          for (const value of values) if (!push(url, msg('parity-why-canary-header', { header: probe.header, value }), { [probe.header]: value })) return out
        }
        if (probe.cookie !== null) {
          for (const value of ['always', 'never']) {
            if (!push(url, msg('parity-why-canary-cookie', { cookie: probe.cookie, value }), {}, { [probe.cookie]: value })) return out
          }
        }
      }
    }
  }
  return out
}

/** The boundary probes of one path: `[path, why]` pairs. */
function pathProbes(spec: PathSpec): [string, Message][] {
  if (spec.regex) {
    const example = regexExample(spec.path)
    const start = example.startsWith('/') ? example : '/' + example
    return [
      [start, msg('parity-why-regex-start', { regex: spec.path, path: start })],
      [start + 'x', msg('parity-why-regex-past', { regex: spec.path, path: start + 'x' })],
      [`/${DEEPER}${start}`, msg('parity-why-regex-anchor', { regex: spec.path, path: `/${DEEPER}${start}` })],
      [start.toUpperCase(), msg('parity-why-case', { path: spec.path, variant: start.toUpperCase() })],
    ]
  }
  const path = spec.path.startsWith('/') ? spec.path : '/' + spec.path
  const out: [string, Message][] = [[path, msg('parity-why-exact', { path })]]
  if (path !== '/') {
    const other = path.endsWith('/') ? path.slice(0, -1) : path + '/'
    out.push([other, msg(path.endsWith('/') ? 'parity-why-without-slash' : 'parity-why-with-slash', { path, variant: other })])
    const bare = path.endsWith('/') ? path.slice(0, -1) : path
    out.push([bare + SIBLING, msg('parity-why-sibling', { path, variant: bare + SIBLING })])
  }
  const deeper = (path.endsWith('/') ? path : path + '/') + DEEPER
  out.push([deeper, msg('parity-why-deeper', { path, variant: deeper })])
  const upper = path.toUpperCase()
  if (upper !== path) out.push([upper, msg('parity-why-case', { path, variant: upper })])
  out.push([`${path}?${QUERY}`, msg('parity-why-query', { path, variant: `${path}?${QUERY}` })])
  return out
}
