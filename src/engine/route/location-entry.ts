/**
 * What a request needs from one location, in one small object: the location's hot fields copied, its upstream
 * resolved, its regex or literal prefix prepared. Built once per compiled model by `route-index.ts`.
 */
import { compileRewriteMatcher, type RewriteMatcher } from './apply-rewrite'
import { DEFAULT_UPSTREAM } from './compile-servers'
import type { OwnCopies } from './own-copy'
import { toByteString } from './normalize-uri'
import type { BoundedRegex, RegexVerdict } from './regex/bounded-regex'
import { unescapeNginxToken } from './pcre'
import type { CompiledLocation, CompiledUpstream } from './types'
import { locationHeadersOf, type LocationHeaders } from './upstream-headers'

/**
 * One `~*` location. Most are literal paths (Exact or Prefix paths on a regex-enforced host): those compare
 * as an ASCII-caseless string prefix, which is exactly what PCRE's caseless `^literal` does in byte mode and
 * costs no regex engine; the rest use the bounded regex (null when it could not be compiled).
 */
export interface RegexEntry extends LocationEntry {
  /** Lower-cased literal prefix (byte string) when the pattern has no regex syntax. */
  readonly literal: string | null
  readonly regex: BoundedRegex | null
}

/**
 * Whether a regex location matches the normalised `uri`; `match-limit` when PCRE would stop with its
 * match-limit error (nginx then answers 500), `not-evaluable` when the engine cannot tell.
 */
export function testRegexEntry(entry: RegexEntry, uri: string): RegexVerdict {
  const literal = entry.literal
  if (literal === null) return entry.regex === null ? 'not-evaluable' : entry.regex.test(uri)
  if (uri.length < literal.length) return 'no-match'
  for (let i = 0; i < literal.length; i++) {
    let ch = uri.charCodeAt(i)
    if (ch >= 65 && ch <= 90) ch += 32
    if (ch !== literal.charCodeAt(i)) return 'no-match'
  }
  return 'match'
}

/** The lower-cased literal of a `~*` location whose pattern has no regex syntax, else null. */
export function literalOf(path: string): string | null {
  const pattern = toByteString(unescapeNginxToken(path))
  return /[\\^$.|?*+()[\]{]/.test(pattern) ? null : pattern.replace(/[A-Z]/g, (ch) => ch.toLowerCase())
}

/**
 * A location with what a request needs from it copied into one small object (its upstream resolved, its
 * answer fields flattened), so the hot path touches as little memory as possible: that, not the algorithm,
 * is what makes 10,000 Ingresses slower than 10.
 */
export interface LocationEntry {
  readonly location: CompiledLocation
  readonly id: string
  readonly path: string
  readonly fixedStatus: number | null
  readonly redirect: CompiledLocation['redirect']
  readonly rewriteTarget: string | null
  /** `rewrite "(?i)<path>"` compiled (shared by path), null without a rewrite or when it cannot compile. */
  readonly rewriteMatcher: RewriteMatcher | null
  readonly sslRedirect: boolean
  readonly forceSslRedirect: boolean
  readonly preserveTrailingSlash: boolean
  readonly usePortInRedirects: boolean
  /** Null for the controller's own locations (`/healthz`, `/nginx_status`). */
  readonly upstream: CompiledUpstream | null
  readonly upstreamName: string
  /** The controller's default backend (404) answers instead of a Service. */
  readonly toDefaultBackend: boolean
  readonly hasCanary: boolean
  readonly service: string | null
  readonly port: number | string | null
  readonly namespace: string | null
  readonly ingressName: string | null
  /** upstream-vhost, x-forwarded-prefix, custom-headers (`upstream-headers.ts`); null when the location has none. */
  readonly headers: LocationHeaders | null
  /** The upstream has endpoints and neither canary nor session affinity: the proxy step answers at once. */
  readonly plainProxy: boolean
  /** The response headers custom-headers adds (`more_set_headers`), null without them. */
  readonly responseHeaders: Readonly<Record<string, string>> | null
  /** The upstream-vhost annotation's value, null without it. */
  readonly upstreamVhost: string | null
}

/** The entry of `location`; rewrite matchers are shared by path through `rewrites`. */
export function entryOf(location: CompiledLocation, upstream: CompiledUpstream | null, rewrites: Map<string, RewriteMatcher | null>, copies: OwnCopies): LocationEntry {
  let rewriteMatcher: RewriteMatcher | null = null
  if (location.rewriteTarget !== null) {
    rewriteMatcher = rewrites.get(location.path) ?? null
    if (!rewrites.has(location.path)) rewrites.set(location.path, (rewriteMatcher = compileRewriteMatcher(location.path)))
  }
  // Field order matters: the ones every request reads come first, so they share the object's first cache lines.
  return {
    fixedStatus: location.fixedStatus,
    redirect: location.redirect,
    rewriteTarget: location.rewriteTarget,
    sslRedirect: location.sslRedirect,
    forceSslRedirect: location.forceSslRedirect,
    toDefaultBackend: location.backend === null || location.upstream === DEFAULT_UPSTREAM,
    hasCanary: (upstream?.alternatives.length ?? 0) > 0,
    // Own copies (own-copy.ts): every answer carries these, and the CLI writes them out.
    service: copies.of(location.backend?.service ?? null),
    port: location.backend?.port ?? null,
    namespace: copies.of(location.backend?.namespace ?? location.ingress?.namespace ?? null),
    ingressName: copies.of(location.ingress?.name ?? null),
    upstreamName: copies.of(location.upstream),
    id: location.id,
    rewriteMatcher,
    path: location.path,
    preserveTrailingSlash: location.preserveTrailingSlash,
    usePortInRedirects: location.usePortInRedirects,
    upstream,
    location,
    headers: locationHeadersOf(location),
    plainProxy: upstream !== null && upstream.availability.endpoints && upstream.alternatives.length === 0 && !upstream.affinity,
    responseHeaders: location.customHeaders?.kind === 'headers' ? location.customHeaders.headers : null,
    upstreamVhost: location.upstreamVhost ?? null,
  }
}
