/**
 * The Host header as nginx validates it (ngx_http_validate_host): the port and one trailing dot are removed
 * and the name is lower-cased; `..`, a leading dot, `/`, NUL, spaces and controls make the request a 400.
 */
import { msg, type Message } from '../messages/message'

export type NormalizedHost =
  | { readonly kind: 'ok'; readonly host: string }
  | { readonly kind: 'bad'; readonly reason: Message }

/** Validates and normalises a Host header value (`Foo.Example.com.:8080` → `foo.example.com`). */
export function normalizeHost(raw: string): NormalizedHost {
  let dotAt = -1
  let hostLength = raw.length
  let state: 'usual' | 'literal' | 'rest' = 'usual'
  for (let i = 0; i < raw.length; i++) {
    const ch = raw.charCodeAt(i)
    switch (ch) {
      case 46: // '.'
        if (dotAt === i - 1) return { kind: 'bad', reason: msg('trace-bad-host-empty-label', { host: raw }) }
        dotAt = i
        break
      case 58: // ':'
        if (state === 'usual') {
          hostLength = i
          state = 'rest'
        }
        break
      case 91: // '['
        if (i === 0) state = 'literal'
        break
      case 93: // ']'
        if (state === 'literal') {
          hostLength = i + 1
          state = 'rest'
        }
        break
      default:
        // The port part is checked too; only '/' is a path separator on Unix.
        if (ch === 47 || ch <= 0x20 || ch === 0x7f) {
          return { kind: 'bad', reason: msg('trace-bad-host-character', { host: raw }) }
        }
    }
  }
  if (dotAt === hostLength - 1) hostLength--
  if (hostLength <= 0) return { kind: 'bad', reason: msg('trace-bad-host-empty') }
  return { kind: 'ok', host: raw.slice(0, hostLength).toLowerCase() }
}

/** The host part of a Host header value with its case kept (what ingress-nginx's Lua uses for https redirects). */
export function hostWithoutPort(raw: string): string {
  const colon = raw.indexOf(':')
  return colon === -1 ? raw : raw.slice(0, colon)
}
