/**
 * nginx's location choice for a normalised URI (ngx_http_core_find_location): an exact `=` match wins at once;
 * a URI equal to a proxied `x/` location minus its slash gets a 301 to `x/` (unless `= x` exists); otherwise
 * the longest matching prefix is remembered, the regexes are tried in order and the first match wins, and
 * without one the remembered prefix answers.
 */
import type { ServerIndex } from './route-index'
import type { CompiledLocation } from './types'

export type LocationMatch =
  | { readonly kind: 'exact'; readonly location: CompiledLocation; readonly prefix: null; readonly regexIndex: -1 }
  | { readonly kind: 'auto-redirect'; readonly location: CompiledLocation; readonly prefix: null; readonly regexIndex: -1 }
  | { readonly kind: 'regex'; readonly location: CompiledLocation; readonly prefix: CompiledLocation | null; readonly regexIndex: number }
  | { readonly kind: 'prefix'; readonly location: CompiledLocation; readonly prefix: CompiledLocation; readonly regexIndex: -1 }
  | { readonly kind: 'none'; readonly prefix: null; readonly regexIndex: -1 }

/** The longest plain prefix location matching `uri`, or null. */
export function longestPrefix(server: ServerIndex, uri: string): CompiledLocation | null {
  let best: CompiledLocation | null = null
  let bestLength = 0
  if (server.prefix.size > 0) {
    for (let i = uri.length - 1; i >= 0; i--) {
      if (uri.charCodeAt(i) !== 47) continue
      const found = server.prefix.get(i === uri.length - 1 ? uri : uri.slice(0, i + 1))
      if (found) {
        best = found
        bestLength = i + 1
        break
      }
    }
  }
  for (const other of server.otherPrefixes) {
    if (other.name.length <= bestLength) break
    if (uri.startsWith(other.name)) return other.location
  }
  return best
}

/** Picks the location of `server` for the normalised `uri` (a byte string). */
export function selectLocation(server: ServerIndex, uri: string): LocationMatch {
  const exact = server.exact.get(uri)
  if (exact) return { kind: 'exact', location: exact, prefix: null, regexIndex: -1 }
  const redirect = server.autoRedirect.get(uri)
  // A plain prefix location named exactly `uri` is found before its `uri/` child, so it suppresses the 301.
  if (redirect && !server.prefix.has(uri) && !server.otherPrefixes.some((other) => other.name === uri)) return { kind: 'auto-redirect', location: redirect, prefix: null, regexIndex: -1 }
  const prefix = longestPrefix(server, uri)
  const regexes = server.regexes
  for (let i = 0; i < regexes.length; i++) {
    const regex = (regexes[i] as ServerIndex['regexes'][number]).regex
    if (regex !== null && regex.test(uri)) {
      return { kind: 'regex', location: (regexes[i] as ServerIndex['regexes'][number]).location, prefix, regexIndex: i }
    }
  }
  if (prefix) return { kind: 'prefix', location: prefix, prefix, regexIndex: -1 }
  return { kind: 'none', prefix: null, regexIndex: -1 }
}
