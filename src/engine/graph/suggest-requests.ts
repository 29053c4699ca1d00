/**
 * One-click example requests for the current manifests: a request into every Ingress path (a little below a
 * prefix, so rewrites show), https for TLS hosts, a canary header or cookie where a canary listens for one,
 * and a host no server names (the catch-all). Deterministic and capped.
 */
import { CATCH_ALL } from '../route/compile-servers'
import type { CompiledLocation, CompiledRoutes, CompiledServer, RouteRequest } from '../route/types'
import { upstreamNamed } from './upstream-lookup'

/**
 * Why an example is interesting; the UI words it. `match` and `no-match` are the Gateway API examples'
 * (`../gateway/suggest-gateway-requests.ts`): a rule's method, headers or query parameters; a path no rule matches.
 */
export type ExampleKind = 'path' | 'https' | 'canary' | 'unknown-host' | 'match' | 'no-match'

export interface ExampleRequest {
  readonly kind: ExampleKind
  readonly request: RouteRequest
  /** A Gateway API example's rule: the HTTPRoute (`namespace/name`) and the rule's index it was made for. */
  readonly rule?: { readonly route: string; readonly index: number }
}

/** Examples suggested at most. */
export const EXAMPLES_MAX = 12

/** A host a wildcard server answers: `*.example.com` → `app.example.com`. */
function concreteHost(hostname: string): string {
  return hostname.startsWith('*.') ? `app${hostname.slice(1)}` : hostname
}

/** A path the location matches, a segment deeper for prefixes: `/foo` → `/foo/abc`; a regex keeps its literal head. */
function examplePath(loc: CompiledLocation): string {
  const written = loc.ingressPath ?? '/'
  if (loc.pathType === 'Exact') return written
  const literal = loc.useRegex ? (/^[^\\^$.|?*+()[\]{}]*/.exec(written)?.[0] ?? '/') : written
  const base = literal === '' ? '/' : literal
  return base.endsWith('/') ? (base === '/' ? '/' : base + 'abc') : base + '/abc'
}

function canaryExtras(routes: CompiledRoutes, loc: CompiledLocation): Pick<RouteRequest, 'headers' | 'cookies'> | null {
  const primary = upstreamNamed(routes, loc.upstream)
  const policy = upstreamNamed(routes, primary?.alternatives[0])?.canary
  if (!policy) return null
  if (policy.header) return { headers: { [policy.header]: policy.headerValue ?? 'always' } }
  if (policy.cookie) return { cookies: { [policy.cookie]: 'always' } }
  return null
}

function serverExamples(routes: CompiledRoutes, server: CompiledServer): ExampleRequest[] {
  const out: ExampleRequest[] = []
  const host = concreteHost(server.hostname)
  for (const loc of server.locations) {
    if (loc.origin !== 'rule') continue
    const path = examplePath(loc)
    out.push({ kind: 'path', request: { url: `http://${host}${path}` } })
    if (server.tlsFrom) out.push({ kind: 'https', request: { url: `https://${host}${path}` } })
    const extras = canaryExtras(routes, loc)
    if (extras) out.push({ kind: 'canary', request: { url: `http://${host}${path}`, ...extras } })
  }
  return out
}

/** Up to `limit` example requests for `routes`, in server order, without duplicates. */
export function suggestRequests(routes: CompiledRoutes, limit = EXAMPLES_MAX): ExampleRequest[] {
  const all: ExampleRequest[] = []
  const catchAll = routes.servers.find((server) => server.hostname === CATCH_ALL)
  for (const server of routes.servers) if (server.hostname !== CATCH_ALL) all.push(...serverExamples(routes, server))
  if (catchAll) all.push(...serverExamples(routes, catchAll).map((example) => ({ ...example, request: { ...example.request, url: example.request.url.replace('http://_', 'http://unknown.example') } })))
  if (!all.some((example) => example.request.url.startsWith('http://unknown.example/'))) {
    all.push({ kind: 'unknown-host', request: { url: 'http://unknown.example/' } })
  }
  const seen = new Set<string>()
  const unique = all.filter((example) => {
    const key = JSON.stringify(example.request)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  // Keep the unknown-host example even when the list is long: it shows what the catch-all does.
  const last = unique.find((example) => example.kind === 'unknown-host')
  const head = unique.filter((example) => example !== last).slice(0, last ? limit - 1 : limit)
  return last ? [...head, last] : head
}
