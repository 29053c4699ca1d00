/**
 * Lookup structures over a compiled model, so one request costs about the same however many Ingresses there
 * are: servers by host (hash map); per server, its static names and its regexes as compact scanned tables
 * (`compact-locations.ts`), or hash maps for large servers. Built once per compiled model and cached in a WeakMap, so the model itself stays
 * plain data (it may have crossed the worker boundary).
 */
import type { RewriteMatcher } from './apply-rewrite'
import { buildCompactStatics, buildRegexPlan, COMPACT_LIMIT, type CompactStatics, type RegexPlan } from './compact-locations'
import { CATCH_ALL } from './compile-servers'
import { entryOf, literalOf, type LocationEntry, type RegexEntry } from './location-entry'
import { toByteString } from './normalize-uri'
import { unescapeNginxToken } from './pcre'
import { BoundedRegex } from './regex/bounded-regex'
import { nginxServerBlocks } from './host-aliases'
import { ownCopy, OwnCopies } from './own-copy'
import { ServerNameTable, type ParsedServerName, type ServerNameForm } from './server-names'
import type { CompiledLocation, CompiledRedirectServer, CompiledRoutes, CompiledServer, CompiledUpstream, ServerAlias } from './types'

export { testRegexEntry } from './location-entry'
export type { LocationEntry, RegexEntry } from './location-entry'

/** Everything nginx's static location tree knows about one name (byte string). */
export interface StaticName {
  /** `= name`. */
  exact: LocationEntry | null
  /** Plain prefix `name` (ending with `/`). */
  prefix: LocationEntry | null
  /** A proxied location named `name/` (exact preferred): nginx answers `name` with a 301 to `name/`. */
  redirect: LocationEntry | null
}

/**
 * A single real regex, or a run of consecutive literal ones. Within a run the first match is the smallest
 * index among the literals that prefix the (ASCII-lower-cased) URI, found with one lookup per distinct
 * literal length instead of a test per location.
 */
export type RegexRun =
  | { readonly kind: 'regex'; readonly index: number }
  | { readonly kind: 'literals'; readonly first: Map<string, number>; readonly lengths: readonly number[] }

function groupRuns(regexes: readonly RegexEntry[]): RegexRun[] {
  const runs: ({ kind: 'regex'; index: number } | { kind: 'literals'; first: Map<string, number>; lengths: Set<number> })[] = []
  regexes.forEach((entry, index) => {
    const last = runs[runs.length - 1]
    if (entry.literal === null) runs.push({ kind: 'regex', index })
    else if (last?.kind === 'literals') {
      if (!last.first.has(entry.literal)) last.first.set(entry.literal, index)
      last.lengths.add(entry.literal.length)
    } else runs.push({ kind: 'literals', first: new Map([[entry.literal, index]]), lengths: new Set([entry.literal.length]) })
  })
  return runs.map((run) => (run.kind === 'regex' ? run : { kind: 'literals', first: run.first, lengths: [...run.lengths].sort((a, b) => a - b) }))
}

export interface ServerIndex {
  readonly server: CompiledServer
  readonly hostname: string
  /** Exact, prefix and auto-redirect locations by name: one lookup per probed name. */
  readonly statics: Map<string, StaticName>
  /**
   * By name length: bit 1 = some static name has this length, bit 2 = some prefix name has it. Lets a
   * request skip lookups that cannot hit (most of them), which keeps large configurations fast.
   */
  readonly lengths: Uint8Array
  /** Plain prefix locations whose name does not end with `/` (the controller's `/healthz`), longest first. */
  readonly otherPrefixes: readonly { readonly name: string; readonly entry: LocationEntry }[]
  /** `~*` locations in order. */
  readonly regexes: readonly RegexEntry[]
  /** The same, grouped: each run of consecutive literal regexes becomes one lookup table (see `RegexRun`). */
  readonly runs: readonly RegexRun[]
  /** Every location's entry, by location index (what the compact tables point at). */
  readonly entries: readonly LocationEntry[]
  /** The `~*` locations as one scanned plan, for servers of ordinary size (else null: use `runs`). */
  readonly plan: RegexPlan | null
  /** The first location with app-root (its `if ($uri = /)` comes first in the server block). */
  readonly appRoot: CompiledLocation | null
  /** Whether ingress-nginx's Lua finds a certificate for a request whose host is this (exact) server's name. */
  certificate: boolean
  /** How `findServer` reaches this server. */
  readonly how: 'exact' | 'wildcard' | 'catch-all'
  /** Whether `otherPrefixes` is not empty (read on every request, so kept beside the other hot fields). */
  readonly hasOtherPrefixes: boolean
  /** `regexes.length`, likewise. */
  readonly regexCount: number
  /** The static names packed into one string (see `CompactStatics`); null for large servers (use `statics`). */
  readonly compact: CompactStatics | null
}

export interface RouterIndex {
  readonly exactHosts: Map<string, ServerIndex>
  /** Wildcard servers keyed by the part after `*.`. */
  readonly wildcards: Map<string, ServerIndex>
  readonly catchAll: ServerIndex
  readonly upstreams: Map<string, CompiledUpstream>
  /** Every server_name of nginx.conf (hosts, server-alias, from-to-www redirect servers) as nginx looks them up. */
  readonly names: ServerNameTable<NameOwner>
  /** The names ingress-nginx's Lua has a certificate for (hostnames, aliases, redirect names). */
  readonly certified: ReadonlySet<string>
  /** What `matchServer` answers when no name matches: the catch-all. */
  readonly defaultChoice: ServerChoice
}

/** Who owns one server_name: a host server (by its hostname or by one of its aliases) or a www redirect server. */
export type NameOwner =
  | { readonly kind: 'server'; readonly index: ServerIndex; readonly alias: ServerAlias | null; readonly choice: ServerChoice }
  | { readonly kind: 'redirect'; readonly redirect: CompiledRedirectServer; readonly choice: ServerChoice }

/** The server nginx picks for a host (docs/routing.md#server-alias-and-from-to-www-redirect). */
export type ServerChoice =
  | {
      readonly kind: 'server'
      readonly found: ServerIndex
      /** How the trace and the spec notes see it: by its own name, a wildcard host, or the catch-all. */
      readonly how: 'exact' | 'wildcard' | 'catch-all'
      /** The alias the host matched, null when the server's own name (or the default) did. */
      readonly alias: ServerAlias | null
      /** How nginx matched the name, null for the default server. */
      readonly form: ServerNameForm | null
      readonly name: string | null
    }
  | { readonly kind: 'redirect'; readonly redirect: CompiledRedirectServer }
  /** A regex server_name hit PCRE's match limit: nginx closes the connection. */
  | { readonly kind: 'regex-error'; readonly server: string; readonly name: string }

function staticName(statics: Map<string, StaticName>, name: string): StaticName {
  let found = statics.get(name)
  if (!found) {
    found = { exact: null, prefix: null, redirect: null }
    statics.set(name, found)
  }
  return found
}

/** One regex per source: many Ingresses use the same patterns, and shared regexes stay compiled and warm. */
type RegexCache = Map<string, BoundedRegex>

function sharedRegex(cache: RegexCache, source: string): BoundedRegex {
  let regex = cache.get(source)
  if (!regex) {
    regex = new BoundedRegex(source, true)
    cache.set(source, regex)
  }
  return regex
}

function indexServer(server: CompiledServer, upstreams: ReadonlyMap<string, CompiledUpstream>, regexCache: RegexCache, rewrites: Map<string, RewriteMatcher | null>, copies: OwnCopies): ServerIndex {
  const statics = new Map<string, StaticName>()
  const entries: LocationEntry[] = []
  const otherPrefixes: { name: string; entry: LocationEntry }[] = []
  const regexes: RegexEntry[] = []
  let appRoot: CompiledLocation | null = null
  for (const location of server.locations) {
    if (!appRoot && location.appRoot) appRoot = location
    const entry = entryOf(location, upstreams.get(location.upstream) ?? null, rewrites, copies)
    entries.push(entry)
    if (location.modifier === '~*') {
      const literal = location.jsRegex === null ? null : literalOf(location.path)
      regexes.push({ ...entry, literal, regex: location.jsRegex === null || literal !== null ? null : sharedRegex(regexCache, location.jsRegex) })
      continue
    }
    const name = toByteString(unescapeNginxToken(location.path))
    if (location.modifier === '=') {
      const slot = staticName(statics, name)
      if (!slot.exact) slot.exact = entry
    } else if (name.endsWith('/')) {
      const slot = staticName(statics, name)
      if (!slot.prefix) slot.prefix = entry
    } else {
      otherPrefixes.push({ name, entry })
    }
    // Only proxied locations redirect (nginx sets auto_redirect with proxy_pass); an exact one is preferred.
    if (location.fixedStatus === null && name.length > 1 && name.endsWith('/')) {
      const slot = staticName(statics, name.slice(0, -1))
      if (!slot.redirect || (slot.redirect.location.modifier !== '=' && location.modifier === '=')) slot.redirect = entry
    }
  }
  otherPrefixes.sort((a, b) => b.name.length - a.name.length)
  let longest = 0
  for (const name of statics.keys()) longest = Math.max(longest, name.length)
  const lengths = new Uint8Array(longest + 1)
  for (const [name, slot] of statics) lengths[name.length] = (lengths[name.length] as number) | 1 | (slot.prefix ? 2 : 0)
  const slot = (entry: LocationEntry | null): number => (entry ? entry.location.index : -1)
  const compact = statics.size <= COMPACT_LIMIT
    ? buildCompactStatics([...statics].map(([name, names]) => [name, slot(names.exact), slot(names.prefix), slot(names.redirect)] as const))
    : null
  // Hot fields first (see entryOf).
  const index: ServerIndex = {
    compact,
    entries,
    regexCount: regexes.length,
    hasOtherPrefixes: otherPrefixes.length > 0,
    appRoot,
    how: server.hostname === CATCH_ALL ? 'catch-all' : server.kind === 'wildcard' ? 'wildcard' : 'exact',
    certificate: server.tlsFrom !== null,
    hostname: copies.of(server.hostname),
    plan: regexes.length <= COMPACT_LIMIT ? buildRegexPlan(regexes.map((entry) => ({ ...entry, entry: entry.location.index }))) : null,
    server,
    statics,
    lengths,
    otherPrefixes,
    regexes,
    runs: groupRuns(regexes),
  }
  return index
}

const cache = new WeakMap<CompiledRoutes, RouterIndex>()

/** The lookup structures for `compiled`, built on first use. */
export function indexRoutes(compiled: CompiledRoutes): RouterIndex {
  const cached = cache.get(compiled)
  if (cached) return cached
  const exactHosts = new Map<string, ServerIndex>()
  const wildcards = new Map<string, ServerIndex>()
  let catchAll: ServerIndex | null = null
  const upstreams = new Map(compiled.upstreams.map((upstream) => [upstream.name, upstream]))
  const regexCache: RegexCache = new Map()
  const rewrites = new Map<string, RewriteMatcher | null>()
  const copies = new OwnCopies()
  for (const server of compiled.servers) {
    const index = indexServer(server, upstreams, regexCache, rewrites, copies)
    if (server.hostname === CATCH_ALL) catchAll = index
    else if (server.kind === 'wildcard') wildcards.set(server.hostname.slice(2), index)
    else exactHosts.set(server.hostname, index)
  }
  const fallback: CompiledServer = {
    hostname: CATCH_ALL, kind: 'catch-all', serverName: CATCH_ALL, createdBy: null, regexEnforced: false,
    regexEnforcedBy: null, tlsFrom: null, locations: [],
  }
  const catchAllIndex = catchAll ?? indexServer(fallback, upstreams, regexCache, rewrites, copies)
  const byHostname = new Map<string, ServerIndex>([...exactHosts, ...[...wildcards.values()].map((index) => [index.hostname, index] as const), [CATCH_ALL, catchAllIndex]])
  const names = new ServerNameTable<NameOwner>()
  const certified = new Set<string>()
  for (const block of nginxServerBlocks(compiled)) {
    if (block.kind === 'redirect') {
      names.add({ kind: 'redirect', redirect: block.redirect, choice: { kind: 'redirect', redirect: block.redirect } }, block.names[0] as ParsedServerName)
      if (block.redirect.certificate) certified.add(ownCopy(block.redirect.from))
      continue
    }
    const index = byHostname.get(block.server.hostname) as ServerIndex
    block.names.forEach((parsed, i) => {
      const alias = i === 0 ? null : (block.aliases[i - 1] as ServerAlias)
      names.add({ kind: 'server', index, alias, choice: serverChoice(index, alias, parsed.kind, parsed.name) }, parsed)
    })
    if (block.server.tlsFrom) certified.add(ownCopy(block.server.hostname))
    for (const alias of block.aliases) if (alias.certificate) certified.add(ownCopy(alias.name.toLowerCase()))
  }
  const defaultChoice = serverChoice(catchAllIndex, null, null, null)
  const built: RouterIndex = { exactHosts, wildcards, catchAll: catchAllIndex, upstreams, names, certified, defaultChoice }
  // The Lua also finds `*.parent`'s certificate for a host that has its own server without one.
  for (const [host, index] of exactHosts) {
    if (!index.certificate) index.certificate = hasCertificate(built, host)
  }
  cache.set(compiled, built)
  return built
}

/** nginx's server choice for `host` (lower case, no port, no trailing dot): exact names, wildcards, regexes, the default. */
export function matchServer(index: RouterIndex, host: string): ServerChoice {
  const match = index.names.match(host)
  if (match.kind === 'name') return match.server.choice
  if (match.kind === 'default') return index.defaultChoice
  const owner = match.server
  return { kind: 'regex-error', server: owner.kind === 'server' ? owner.index.hostname : owner.redirect.from, name: match.name }
}

/** The answer of a name of a host server, built once per name (the hot path allocates nothing). */
function serverChoice(found: ServerIndex, alias: ServerAlias | null, form: ServerNameForm | null, name: string | null): ServerChoice {
  const how = alias !== null ? 'exact' : found.how
  return { kind: 'server', found, how, alias, form, name }
}

/** The server that answers `host` (the www redirect servers and nginx's regex errors aside: see `matchServer`). */
export function findServer(index: RouterIndex, host: string): ServerIndex {
  const choice = matchServer(index, host)
  return choice.kind === 'server' ? choice.found : index.catchAll
}

/**
 * Whether ingress-nginx's Lua finds a certificate for `host` (certificate.lua get_pem_cert_uid): the name itself
 * (a hostname with a certificate, an alias or a redirect name its certificate names), else `*.parent`.
 */
export function hasCertificate(index: RouterIndex, host: string): boolean {
  if (index.certified.has(host)) return true
  const dot = host.indexOf('.')
  return dot > 0 && index.certified.has(`*.${host.slice(dot + 1)}`)
}
