/**
 * What nginx does to a request before it picks a location (ngx_http_parse_complex_uri with merge_slashes on):
 * percent-decoding, merging of repeated slashes, resolution of `.` and `..` segments. The result is a "byte
 * string": one JS char per byte (0–255), which is how nginx's PCRE sees the URI.
 *
 * Also the escaping nginx applies when it proxies a rewritten URI (ngx_escape_uri, NGX_ESCAPE_URI).
 */
import { msg, type Message } from '../messages/message'

/** A request-target split and normalised the way nginx does it. */
export type ParsedTarget =
  | {
      readonly kind: 'ok'
      /** The path as the client sent it (before `?`), for `$request_uri`. */
      readonly rawPath: string
      /** The query after `?`, or null when the target has no `?`. */
      readonly query: string | null
      /** The normalised, decoded path nginx matches locations against (`$uri`), as a byte string. */
      readonly uri: string
      /** The path contained `%` (nginx's `quoted_uri`). */
      readonly quoted: boolean
      /** The path contained `+`, raw or encoded (nginx's `plus_in_uri`). */
      readonly plus: boolean
    }
  | { readonly kind: 'bad'; readonly reason: Message }

/** UTF-8 bytes of `text` as a byte string (ASCII passes through unchanged). */
export function toByteString(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text
  let out = ''
  for (const byte of new TextEncoder().encode(text)) out += String.fromCharCode(byte)
  return out
}

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48
  const lower = code | 0x20
  if (lower >= 97 && lower <= 102) return lower - 87
  return -1
}

/**
 * Splits `target` (path and query, as sent on the request line) and normalises the path. Returns `bad` for
 * what nginx answers with 400: a malformed or NUL `%` escape, or `..` above the root.
 */
export function parseTarget(target: string): ParsedTarget {
  const bytes = toByteString(target)
  const hash = bytes.indexOf('#')
  const withoutFragment = hash === -1 ? bytes : bytes.slice(0, hash)
  const q = withoutFragment.indexOf('?')
  const rawPath = q === -1 ? withoutFragment : withoutFragment.slice(0, q)
  const query = q === -1 ? null : withoutFragment.slice(q + 1)
  const quoted = rawPath.includes('%')
  let plus = rawPath.includes('+')
  if (!rawPath.startsWith('/')) return { kind: 'bad', reason: msg('trace-bad-path-no-slash') }
  // Fast path: nothing to decode, merge or resolve.
  if (!quoted && !rawPath.includes('//') && !rawPath.includes('/.')) {
    return { kind: 'ok', rawPath, query, uri: rawPath, quoted, plus }
  }
  let decoded = ''
  for (let i = 0; i < rawPath.length; i++) {
    const ch = rawPath.charCodeAt(i)
    if (ch !== 37) {
      decoded += rawPath[i]
      continue
    }
    const high = hexValue(rawPath.charCodeAt(i + 1))
    const low = hexValue(rawPath.charCodeAt(i + 2))
    if (high < 0 || low < 0) return { kind: 'bad', reason: msg('trace-bad-path-escape', { escape: rawPath.slice(i, i + 3) }) }
    const value = high * 16 + low
    if (value === 0) return { kind: 'bad', reason: msg('trace-bad-path-nul') }
    if (value === 43) plus = true
    decoded += String.fromCharCode(value)
    i += 2
  }
  const resolved = resolveSegments(decoded)
  if (resolved === null) return { kind: 'bad', reason: msg('trace-bad-path-above-root') }
  return { kind: 'ok', rawPath, query, uri: resolved, quoted, plus }
}

/** Merges repeated slashes and resolves `.`/`..` segments; null when `..` climbs above the root. */
function resolveSegments(path: string): string | null {
  const segments = path.split('/')
  const out: string[] = []
  // segments[0] is '' (the path starts with '/').
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i] as string
    const last = i === segments.length - 1
    if (segment === '' && !last) continue
    if (segment === '.') {
      if (last) out.push('')
      continue
    }
    if (segment === '..') {
      if (out.length === 0) return null
      out.pop()
      if (last) out.push('')
      continue
    }
    out.push(segment)
  }
  return '/' + out.join('/')
}

/**
 * Bytes NGX_ESCAPE_URI escapes (ngx_escape_uri's `uri` table, src/core/ngx_string.c): controls and space,
 * `"`, `#`, `%`, `<`, `>`, `?`, `\`, `^`, `` ` ``, `{`, `|`, `}`, DEL and everything above 0x7f
 * (docs/routing.md#rewrite-target).
 */
const URI_SPECIALS = '"#%<>?\\^`{|}'

/** Bytes NGX_ESCAPE_ARGS escapes (the `args` table): NGX_ESCAPE_URI's and `&`, `+`, `;`. */
const ARGS_SPECIALS = URI_SPECIALS + '&+;'

/** A 256-entry table: 1 where the byte is escaped (controls, space, DEL and above 0x7f, plus `specials`). */
function escapeTable(specials: string): Uint8Array {
  const table = new Uint8Array(256)
  for (let code = 0; code < 256; code++) if (code <= 0x20 || code >= 0x7f || specials.includes(String.fromCharCode(code))) table[code] = 1
  return table
}

const URI_TABLE = escapeTable(URI_SPECIALS)
const ARGS_TABLE = escapeTable(ARGS_SPECIALS)

function escapesInUri(code: number): boolean {
  return code > 0xff || URI_TABLE[code] === 1
}

function escapesInArgs(code: number): boolean {
  return code > 0xff || ARGS_TABLE[code] === 1
}

function escapeWith(bytes: string, test: (code: number) => boolean): string {
  let out = ''
  for (let i = 0; i < bytes.length; i++) {
    const code = bytes.charCodeAt(i)
    out += test(code) ? '%' + code.toString(16).toUpperCase().padStart(2, '0') : bytes[i]
  }
  return out
}

/** How nginx escapes a changed URI before sending it upstream (proxy_pass without a URI part). */
export function escapeUri(bytes: string): string {
  return escapeWith(bytes, escapesInUri)
}

/** How nginx escapes a regex capture copied into a redirect (NGX_ESCAPE_ARGS). */
export function escapeArgs(bytes: string): string {
  return escapeWith(bytes, escapesInArgs)
}

/**
 * ngx_unescape_uri with NGX_UNESCAPE_REDIRECT (src/core/ngx_string.c), what nginx does to a rewrite's redirect
 * target: `%XX` becomes the byte when it is printable and above `%` (0x26–0x7e), else stays `%XX`; a `?` (raw, or
 * `%3F` spelled with a hex letter) ends the unescaping and the rest is kept as is; a `%` followed by a non-hex
 * character is dropped (the character kept), `%X` followed by a non-hex character drops all three, and a `%` or
 * `%X` at the very end is dropped.
 */
export function unescapeRedirect(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string
    if (ch === '?') return out + text.slice(i)
    if (ch !== '%') {
      out += ch
      continue
    }
    if (i + 1 >= text.length) return out
    const high = hexValue(text.charCodeAt(i + 1))
    if (high < 0) {
      out += text[i + 1]
      i += 1
      continue
    }
    if (i + 2 >= text.length) return out
    const second = text.charCodeAt(i + 2)
    const low = hexValue(second)
    i += 2
    if (low < 0) continue
    const value = high * 16 + low
    // Only a second digit spelled as a letter can make `?` (0x3F); nginx stops unescaping there.
    if (value === 0x3f && second > 0x39) return out + '?' + text.slice(i + 1)
    out += value > 0x25 && value < 0x7f ? String.fromCharCode(value) : text.slice(i - 2, i + 1)
  }
  return out
}
