/**
 * nginx's location choice for a normalised URI (ngx_http_core_find_location): an exact `=` match wins at once;
 * a URI equal to a proxied `x/` location minus its slash gets a 301 to `x/` (unless `= x` exists); otherwise
 * the longest matching prefix is remembered, the regexes are tried in order and the first match wins, and
 * without one the remembered prefix answers. A regex that stops with PCRE's match-limit error ends the search:
 * nginx finalises the request with 500 (ngx_http_core_find_config_phase; docs/routing.md#regex-match-limit).
 */
import { firstRegexInPlan, planEntry, scanStatics, staticField, type StaticScan } from './compact-locations'
import { testRegexEntry, type LocationEntry, type RegexEntry, type ServerIndex, type StaticName } from './route-index'

export type LocationMatch =
  | { readonly kind: 'exact'; readonly entry: LocationEntry; readonly prefix: null; readonly regexIndex: -1 }
  | { readonly kind: 'auto-redirect'; readonly entry: LocationEntry; readonly prefix: null; readonly regexIndex: -1 }
  | { readonly kind: 'regex'; readonly entry: LocationEntry; readonly prefix: LocationEntry | null; readonly regexIndex: number }
  | { readonly kind: 'prefix'; readonly entry: LocationEntry; readonly prefix: LocationEntry; readonly regexIndex: -1 }
  /** The regex location at `regexIndex` hit PCRE's match limit: nginx answers 500. */
  | { readonly kind: 'regex-error'; readonly entry: LocationEntry; readonly prefix: LocationEntry | null; readonly regexIndex: number }
  | { readonly kind: 'none'; readonly prefix: null; readonly regexIndex: -1 }

/** A longer match among the prefix locations whose name does not end with `/` (the controller's `/healthz`). */
function withOtherPrefixes(server: ServerIndex, uri: string, best: LocationEntry | null, bestLength: number): LocationEntry | null {
  if (!server.hasOtherPrefixes) return best
  for (const other of server.otherPrefixes) {
    if (other.name.length <= bestLength) break
    if (uri.startsWith(other.name)) return other.entry
  }
  return best
}

/** The longest plain prefix location matching `uri` (map path), or null; `own` is the static entry named `uri`. */
export function longestPrefix(server: ServerIndex, uri: string, own: StaticName | undefined): LocationEntry | null {
  const { statics, lengths } = server
  for (let i = Math.min(uri.length, lengths.length) - 1; i >= 0; i--) {
    if (uri.charCodeAt(i) !== 47 || ((lengths[i + 1] as number) & 2) === 0) continue
    const found = i === uri.length - 1 ? own?.prefix : statics.get(uri.slice(0, i + 1))?.prefix
    if (found) return withOtherPrefixes(server, uri, found, i + 1)
  }
  return withOtherPrefixes(server, uri, null, 0)
}

/** ASCII-only lower case (PCRE's caseless matching in byte mode folds nothing else). */
function lowerAscii(text: string): string {
  return /[A-Z]/.test(text) ? text.replace(/[A-Z]+/g, (run) => run.toLowerCase()) : text
}

/** Index of the first `~*` location matching `uri`, -1 for none, `-2 - index` for one that hit the match limit. */
export function firstRegex(server: ServerIndex, uri: string): number {
  if (server.regexCount === 0) return -1
  if (server.plan) return firstRegexInPlan(server.plan, uri, lowerAscii(uri))
  let lowered: string | null = null
  for (const run of server.runs) {
    if (run.kind === 'regex') {
      const verdict = testRegexEntry(server.regexes[run.index] as RegexEntry, uri)
      if (verdict === 'match') return run.index
      if (verdict === 'match-limit') return -2 - run.index
      continue
    }
    lowered ??= lowerAscii(uri)
    let best = -1
    for (const length of run.lengths) {
      if (length > lowered.length) break
      const index = run.first.get(length === lowered.length ? lowered : lowered.slice(0, length))
      if (index !== undefined && (best === -1 || index < best)) best = index
    }
    if (best !== -1) return best
  }
  return -1
}

const scan: StaticScan = { own: -1, longest: -1 }

/** The static part of the choice: exact match, auto-redirect, or the longest prefix (possibly null). */
function selectStatic(server: ServerIndex, uri: string): LocationMatch | LocationEntry | null {
  const compact = server.compact
  if (compact === null) {
    const own = uri.length < server.lengths.length && server.lengths[uri.length] !== 0 ? server.statics.get(uri) : undefined
    if (own?.exact) return { kind: 'exact', entry: own.exact, prefix: null, regexIndex: -1 }
    // A plain prefix location named exactly `uri` is found before its `uri/` child, so it suppresses the 301.
    if (own?.redirect && !own.prefix && !(server.hasOtherPrefixes && server.otherPrefixes.some((other) => other.name === uri))) {
      return { kind: 'auto-redirect', entry: own.redirect, prefix: null, regexIndex: -1 }
    }
    return longestPrefix(server, uri, own)
  }
  scanStatics(compact, uri, scan)
  const entries = server.entries
  if (scan.own >= 0) {
    const exact = staticField(compact, scan.own, 2)
    if (exact >= 0) return { kind: 'exact', entry: entries[exact] as LocationEntry, prefix: null, regexIndex: -1 }
    const redirect = staticField(compact, scan.own, 4)
    if (redirect >= 0 && staticField(compact, scan.own, 3) < 0 && !(server.hasOtherPrefixes && server.otherPrefixes.some((other) => other.name === uri))) {
      return { kind: 'auto-redirect', entry: entries[redirect] as LocationEntry, prefix: null, regexIndex: -1 }
    }
  }
  if (scan.longest < 0) return withOtherPrefixes(server, uri, null, 0)
  const longest = entries[staticField(compact, scan.longest, 3)] as LocationEntry
  return withOtherPrefixes(server, uri, longest, staticField(compact, scan.longest, 1))
}

/** Picks the location of `server` for the normalised `uri` (a byte string). */
export function selectLocation(server: ServerIndex, uri: string): LocationMatch {
  const fixed = selectStatic(server, uri)
  if (fixed !== null && 'kind' in fixed) return fixed
  const prefix = fixed
  const found = firstRegex(server, uri)
  if (found !== -1) {
    const regexIndex = found < -1 ? -2 - found : found
    const index = server.plan ? planEntry(server.plan, regexIndex) : (server.regexes[regexIndex] as RegexEntry).location.index
    const entry = server.entries[index] as LocationEntry
    return { kind: found < -1 ? 'regex-error' : 'regex', entry, prefix, regexIndex }
  }
  if (prefix) return { kind: 'prefix', entry: prefix, prefix, regexIndex: -1 }
  return { kind: 'none', prefix: null, regexIndex: -1 }
}
