/**
 * nginx's location choice for a normalised URI (ngx_http_core_find_location): an exact `=` match wins at once;
 * a URI equal to a proxied `x/` location minus its slash gets a 301 to `x/` (unless `= x` exists); otherwise
 * the longest matching prefix is remembered, the regexes are tried in order and the first match wins, and
 * without one the remembered prefix answers.
 */
import { testRegexEntry, type LocationEntry, type RegexEntry, type ServerIndex, type StaticName } from './route-index'

export type LocationMatch =
  | { readonly kind: 'exact'; readonly entry: LocationEntry; readonly prefix: null; readonly regexIndex: -1 }
  | { readonly kind: 'auto-redirect'; readonly entry: LocationEntry; readonly prefix: null; readonly regexIndex: -1 }
  | { readonly kind: 'regex'; readonly entry: LocationEntry; readonly prefix: LocationEntry | null; readonly regexIndex: number }
  | { readonly kind: 'prefix'; readonly entry: LocationEntry; readonly prefix: LocationEntry; readonly regexIndex: -1 }
  | { readonly kind: 'none'; readonly prefix: null; readonly regexIndex: -1 }

/** The longest plain prefix location matching `uri`, or null; `own` is the static entry named `uri`, if any. */
export function longestPrefix(server: ServerIndex, uri: string, own: StaticName | undefined): LocationEntry | null {
  let best: LocationEntry | null = null
  let bestLength = 0
  const { statics, lengths } = server
  for (let i = Math.min(uri.length, lengths.length) - 1; i >= 0; i--) {
    if (uri.charCodeAt(i) !== 47 || ((lengths[i + 1] as number) & 2) === 0) continue
    const found = i === uri.length - 1 ? own?.prefix : statics.get(uri.slice(0, i + 1))?.prefix
    if (found) {
      best = found
      bestLength = i + 1
      break
    }
  }
  for (const other of server.otherPrefixes) {
    if (other.name.length <= bestLength) break
    if (uri.startsWith(other.name)) return other.entry
  }
  return best
}

/** ASCII-only lower case (PCRE's caseless matching in byte mode folds nothing else). */
function lowerAscii(text: string): string {
  return /[A-Z]/.test(text) ? text.replace(/[A-Z]+/g, (run) => run.toLowerCase()) : text
}

/** Index of the first `~*` location matching `uri`, or -1. */
export function firstRegex(server: ServerIndex, uri: string): number {
  let lowered: string | null = null
  for (const run of server.runs) {
    if (run.kind === 'regex') {
      if (testRegexEntry(server.regexes[run.index] as RegexEntry, uri)) return run.index
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

/** Picks the location of `server` for the normalised `uri` (a byte string). */
export function selectLocation(server: ServerIndex, uri: string): LocationMatch {
  const own = uri.length < server.lengths.length && server.lengths[uri.length] !== 0 ? server.statics.get(uri) : undefined
  if (own?.exact) return { kind: 'exact', entry: own.exact, prefix: null, regexIndex: -1 }
  // A plain prefix location named exactly `uri` is found before its `uri/` child, so it suppresses the 301.
  if (own?.redirect && !own.prefix && !server.otherPrefixes.some((other) => other.name === uri)) {
    return { kind: 'auto-redirect', entry: own.redirect, prefix: null, regexIndex: -1 }
  }
  const prefix = longestPrefix(server, uri, own)
  const found = firstRegex(server, uri)
  if (found !== -1) return { kind: 'regex', entry: server.regexes[found] as RegexEntry, prefix, regexIndex: found }
  if (prefix) return { kind: 'prefix', entry: prefix, prefix, regexIndex: -1 }
  return { kind: 'none', prefix: null, regexIndex: -1 }
}
