/**
 * Lookup structures over a compiled model, so one request costs a few hash lookups however many Ingresses
 * there are: servers by host, exact locations by name, prefix locations by name (probed at each `/` of the
 * URI), regexes in order. Built once per compiled model and cached in a WeakMap, so the model itself stays
 * plain data (it may have crossed the worker boundary).
 */
import { CATCH_ALL } from './compile-servers'
import { toByteString } from './normalize-uri'
import { unescapeNginxToken } from './pcre'
import type { CompiledLocation, CompiledRoutes, CompiledServer, CompiledUpstream } from './types'

export interface ServerIndex {
  readonly server: CompiledServer
  /** `= name` locations by their effective name (byte string). */
  readonly exact: Map<string, CompiledLocation>
  /** Plain prefix locations whose name ends with `/`, by name. */
  readonly prefix: Map<string, CompiledLocation>
  /** Plain prefix locations whose name does not end with `/` (the controller's `/healthz`), longest first. */
  readonly otherPrefixes: readonly { readonly name: string; readonly location: CompiledLocation }[]
  /** Proxied locations named `x/` (exact or prefix), keyed by `x`: nginx answers `x` with a 301 to `x/`. */
  readonly autoRedirect: Map<string, CompiledLocation>
  /** `~*` locations in order, with their compiled regex (null when it could not be compiled). */
  readonly regexes: readonly { readonly location: CompiledLocation; readonly regex: RegExp | null }[]
  /** The first location with app-root (its `if ($uri = /)` comes first in the server block). */
  readonly appRoot: CompiledLocation | null
}

export interface RouterIndex {
  readonly exactHosts: Map<string, ServerIndex>
  /** Wildcard servers keyed by the part after `*.`. */
  readonly wildcards: Map<string, ServerIndex>
  readonly catchAll: ServerIndex
  readonly upstreams: Map<string, CompiledUpstream>
  /** Rewrite regexes by source (`(?i)path` compiled once). */
  readonly rewriteRegexes: Map<string, RegExp | null>
}

function indexServer(server: CompiledServer): ServerIndex {
  const exact = new Map<string, CompiledLocation>()
  const prefix = new Map<string, CompiledLocation>()
  const otherPrefixes: { name: string; location: CompiledLocation }[] = []
  const autoRedirect = new Map<string, CompiledLocation>()
  const regexes: { location: CompiledLocation; regex: RegExp | null }[] = []
  let appRoot: CompiledLocation | null = null
  for (const location of server.locations) {
    if (!appRoot && location.appRoot) appRoot = location
    if (location.modifier === '~*') {
      regexes.push({ location, regex: location.jsRegex === null ? null : new RegExp(location.jsRegex, 'i') })
      continue
    }
    const name = toByteString(unescapeNginxToken(location.path))
    if (location.modifier === '=') {
      if (!exact.has(name)) exact.set(name, location)
    } else if (name.endsWith('/')) {
      if (!prefix.has(name)) prefix.set(name, location)
    } else {
      otherPrefixes.push({ name, location })
    }
    // Only proxied locations redirect (nginx sets auto_redirect with proxy_pass); an exact one is preferred.
    if (location.fixedStatus === null && name.length > 1 && name.endsWith('/')) {
      const key = name.slice(0, -1)
      const current = autoRedirect.get(key)
      if (!current || (current.modifier !== '=' && location.modifier === '=')) autoRedirect.set(key, location)
    }
  }
  otherPrefixes.sort((a, b) => b.name.length - a.name.length)
  return { server, exact, prefix, otherPrefixes, autoRedirect, regexes, appRoot }
}

const cache = new WeakMap<CompiledRoutes, RouterIndex>()

/** The lookup structures for `compiled`, built on first use. */
export function indexRoutes(compiled: CompiledRoutes): RouterIndex {
  const cached = cache.get(compiled)
  if (cached) return cached
  const exactHosts = new Map<string, ServerIndex>()
  const wildcards = new Map<string, ServerIndex>()
  let catchAll: ServerIndex | null = null
  for (const server of compiled.servers) {
    const index = indexServer(server)
    if (server.hostname === CATCH_ALL) catchAll = index
    else if (server.kind === 'wildcard') wildcards.set(server.hostname.slice(2), index)
    else exactHosts.set(server.hostname, index)
  }
  const fallback: CompiledServer = {
    hostname: CATCH_ALL, kind: 'catch-all', serverName: CATCH_ALL, createdBy: null, regexEnforced: false,
    regexEnforcedBy: null, tlsFrom: null, locations: [],
  }
  const built: RouterIndex = {
    exactHosts,
    wildcards,
    catchAll: catchAll ?? indexServer(fallback),
    upstreams: new Map(compiled.upstreams.map((upstream) => [upstream.name, upstream])),
    rewriteRegexes: new Map(),
  }
  cache.set(compiled, built)
  return built
}

/** nginx's server choice: exact name, then the (one-label) wildcard, then the catch-all `_`. */
export function findServer(index: RouterIndex, host: string): { server: ServerIndex; how: 'exact' | 'wildcard' | 'catch-all' } {
  const exact = index.exactHosts.get(host)
  if (exact) return { server: exact, how: 'exact' }
  const dot = host.indexOf('.')
  if (dot > 0 && /^[\w-]+$/.test(host.slice(0, dot))) {
    const wildcard = index.wildcards.get(host.slice(dot + 1))
    if (wildcard) return { server: wildcard, how: 'wildcard' }
  }
  return { server: index.catchAll, how: 'catch-all' }
}

/** Whether ingress-nginx's Lua finds a certificate for `host`: its own server's, else the `*.parent` server's. */
export function hasCertificate(index: RouterIndex, host: string): boolean {
  if (index.exactHosts.get(host)?.server.tlsFrom) return true
  const dot = host.indexOf('.')
  return dot > 0 && (index.wildcards.get(host.slice(dot + 1))?.server.tlsFrom ?? null) !== null
}
