/**
 * nginx variables in a `rewrite` replacement (rewrite-target) and in a `return` URL (permanent-redirect,
 * temporal-redirect with annotation validation off): which names nginx knows, how each value is computed from
 * the request, and how nginx's script engine expands a template (docs/routing.md#rewrite-target).
 *
 * API (shared with the redirect annotations):
 * - `parseNginxTemplate(template, mode)`: the template as nginx's script compiler reads it (ngx_http_script_compile):
 *   `$1`–`$9` captures, `$name` / `${name}` variables (names are case-insensitive, lower-cased here), text, and in
 *   `rewrite` mode the first `?` that starts the new arguments; or `invalid` with the `nginx -t` error.
 * - `unknownVariables(template, patterns)`: the variable names `nginx -t` rejects with `unknown "name" variable`.
 *   `patterns` are the regexes of the configuration (or their `namedGroupVariables`): nginx makes every named
 *   group of every regex a variable.
 * - `variableValue(name, request, captures)`: one variable's value, or null when nginx finds none (it expands to '').
 * - `expandValue(template, request, captures)`: a `return` URL: text and values copied, nothing escaped.
 * - `expandRewrite(template, request, captures, flags)`: a `rewrite` replacement: the new URI and arguments, or a
 *   redirect Location (captures escaped and the result unescaped exactly as nginx does).
 * - `isRedirectReplacement(template)`: a replacement nginx turns into a 302 (`http://`, `https://`, `$scheme`).
 *
 * Values are byte strings (one char per byte), like the URI in `normalize-uri.ts`.
 */
import { msg, type Message } from '../messages/message'
import { escapeArgs, unescapeRedirect } from './normalize-uri'
import { pcreCaptureNames } from './pcre-groups'
import type { RouteEnvironment } from './environment'

/** The request facts nginx variables read. */
export interface NginxVariableRequest {
  /** `$scheme`: `http` or `https`. */
  readonly scheme: string
  /** `$request_method`. */
  readonly method: string
  /** `$request_uri`: the request target as sent, path and `?query`. */
  readonly requestUri: string
  /** `$uri`, `$document_uri`: the normalised, decoded path. */
  readonly uri: string
  /** `$args`, `$query_string`: the query after `?`; null when the target has none. */
  readonly args: string | null
  /** The Host header as sent (`$http_host`), or null when the request has none. */
  readonly hostHeader: string | null
  /** `$host`: the Host header normalised (lower case, no port or trailing dot), else the server's first name. */
  readonly host: string
  /** `$server_name`: the first `server_name` of the server that answers. */
  readonly serverName: string
  /** `$server_port`: the port the connection came in on. */
  readonly serverPort: string
  /** Request headers keyed as nginx names their variables: lower case, `-` as `_` (`$http_x_user`). */
  readonly headers: ReadonlyMap<string, string>
}

/** The captures of the last regex that matched (the rewrite's own, for a rewrite). */
export interface NginxCaptures {
  /** Index 0 the whole match, then each group; undefined when a group took no part. */
  readonly groups: readonly (string | undefined)[]
  /** Named group (lower case) → group number, as `pcreCaptureNames` numbers them. */
  readonly names: ReadonlyMap<string, number>
}

export type NginxTemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  /** `$1`–`$9` (nginx reads one digit: `$12` is `$1` then `2`). */
  | { readonly kind: 'capture'; readonly group: number }
  /** `$name` or `${name}`, lower case. */
  | { readonly kind: 'variable'; readonly name: string }
  /** The first `?` of a rewrite replacement: what follows are the new arguments. */
  | { readonly kind: 'args' }

export type ParsedNginxTemplate =
  | { readonly kind: 'ok'; readonly parts: readonly NginxTemplatePart[] }
  /** What `nginx -t` says about the template (`invalid variable name`, a missing closing bracket). */
  | { readonly kind: 'invalid'; readonly reason: Message }

/** The result of a rewrite replacement. */
export type RewriteExpansion =
  /** `uri`: the new `$uri` (bytes, unescaped); `args`: the arguments nginx proxies after `?` ('' = none). */
  | { readonly kind: 'uri'; readonly uri: string; readonly args: string }
  /** A replacement starting with `http://`, `https://` or `$scheme`: nginx answers 302 with this Location. */
  | { readonly kind: 'redirect'; readonly location: string }

/** Variables of nginx's core http module (src/http/ngx_http_variables.c, 1.22.1). */
const CORE = [
  'http_host', 'http_user_agent', 'http_referer', 'http_via', 'http_x_forwarded_for', 'http_cookie', 'content_length',
  'content_type', 'host', 'binary_remote_addr', 'remote_addr', 'remote_port', 'proxy_protocol_addr', 'proxy_protocol_port',
  'proxy_protocol_server_addr', 'proxy_protocol_server_port', 'server_addr', 'server_port', 'server_protocol', 'scheme',
  'https', 'request_uri', 'uri', 'document_uri', 'request', 'document_root', 'realpath_root', 'query_string', 'args',
  'is_args', 'request_filename', 'server_name', 'request_method', 'remote_user', 'bytes_sent', 'body_bytes_sent', 'pipe',
  'request_completion', 'request_body', 'request_body_file', 'request_length', 'request_time', 'request_id', 'status',
  'sent_http_content_type', 'sent_http_content_length', 'sent_http_location', 'sent_http_last_modified',
  'sent_http_connection', 'sent_http_keep_alive', 'sent_http_transfer_encoding', 'sent_http_cache_control',
  'sent_http_link', 'limit_rate', 'connection', 'connection_requests', 'connection_time', 'nginx_version', 'hostname',
  'pid', 'msec', 'time_iso8601', 'time_local', 'tcpinfo_rtt', 'tcpinfo_rttvar', 'tcpinfo_snd_cwnd', 'tcpinfo_rcv_space',
]

/**
 * Variables of the http modules ingress-nginx's nginx is built with (their `*_vars` tables in nginx 1.22.1:
 * proxy, upstream, realip, ssl, http2, stub_status, limit_conn, limit_req, fastcgi, grpc, gzip, userid, secure_link,
 * slice, browser, ssi).
 */
const MODULES = [
  'proxy_host', 'proxy_port', 'proxy_add_x_forwarded_for', 'proxy_add_via', 'proxy_internal_body_length',
  'proxy_internal_chunked', 'upstream_addr', 'upstream_status', 'upstream_connect_time', 'upstream_header_time',
  'upstream_response_time', 'upstream_response_length', 'upstream_bytes_received', 'upstream_bytes_sent',
  'upstream_cache_status', 'upstream_cache_last_modified', 'upstream_cache_etag', 'realip_remote_addr',
  'realip_remote_port', 'ssl_protocol', 'ssl_cipher', 'ssl_ciphers', 'ssl_curve', 'ssl_curves', 'ssl_session_id',
  'ssl_session_reused', 'ssl_early_data', 'ssl_server_name', 'ssl_alpn_protocol', 'ssl_client_cert',
  'ssl_client_raw_cert', 'ssl_client_escaped_cert', 'ssl_client_s_dn', 'ssl_client_i_dn', 'ssl_client_s_dn_legacy',
  'ssl_client_i_dn_legacy', 'ssl_client_serial', 'ssl_client_fingerprint', 'ssl_client_verify', 'ssl_client_v_start',
  'ssl_client_v_end', 'ssl_client_v_remain', 'http2', 'connections_active', 'connections_reading',
  'connections_writing', 'connections_waiting', 'limit_conn_status', 'limit_req_status', 'fastcgi_script_name',
  'fastcgi_path_info', 'grpc_internal_trailers', 'gzip_ratio', 'uid_got', 'uid_set', 'uid_reset', 'secure_link',
  'secure_link_expires', 'slice_range', 'msie', 'modern_browser', 'ancient_browser', 'date_local', 'date_gmt',
]

/**
 * Variables ingress-nginx's nginx.tmpl defines with `set` or `map` (rootfs/etc/nginx/template/nginx.tmpl): known
 * to a controller's nginx, though not to a bare nginx running the studio's nginx.conf.
 */
export const TEMPLATE_VARIABLES: readonly string[] = [
  'auth_cookie', 'auth_keepalive_share_vars', 'auth_path', 'auth_response_headers', 'balancer_ewma_score',
  'best_http_host', 'block_ref', 'block_ua', 'cache_key', 'connection_upgrade', 'cors', 'forwarded_for_proxy_protocol',
  'full_x_forwarded_for', 'ingress_name', 'location_path', 'loggable', 'namespace', 'pass_access_scheme', 'pass_port',
  'pass_server_port', 'proxy_alternative_upstream_name', 'proxy_upstream_name', 'req_id', 'rl', 'service_name',
  'service_port', 'target', 'tmp_cache_key',
]

/** Prefix variables: any name starting with one of these is known (ngx_http_variables_init_vars). */
const PREFIXES = ['http_', 'sent_http_', 'sent_trailer_', 'cookie_', 'arg_', 'upstream_http_', 'upstream_trailer_', 'upstream_cookie_']

const KNOWN = new Set([...CORE, ...MODULES])

function isNameChar(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95
}

/** Parsed templates by mode and text (see `parseNginxTemplate`). */
const parsedTemplates = new Map<string, ParsedNginxTemplate>()

/**
 * Reads `template` as ngx_http_script_compile does. In `rewrite` mode (a rewrite replacement that is not a
 * redirect) the first `?` outside a variable starts the arguments; in `value` mode (`return`, a redirect
 * replacement) `?` is text.
 */
export function parseNginxTemplate(template: string, mode: 'rewrite' | 'value'): ParsedNginxTemplate {
  const key = mode + template
  const cached = parsedTemplates.get(key)
  if (cached !== undefined) return cached
  const parsed = parseTemplate(template, mode)
  // Targets are few and reused on every request: keep the last ones read, bounded.
  if (parsedTemplates.size >= 512) parsedTemplates.clear()
  parsedTemplates.set(key, parsed)
  return parsed
}

function parseTemplate(template: string, mode: 'rewrite' | 'value'): ParsedNginxTemplate {
  const parts: NginxTemplatePart[] = []
  let text = ''
  let argsOpen = mode === 'rewrite'
  const flush = (): void => {
    if (text !== '') parts.push({ kind: 'text', text })
    text = ''
  }
  for (let i = 0; i < template.length; ) {
    const ch = template[i] as string
    if (ch === '$') {
      flush()
      if (++i === template.length) return { kind: 'invalid', reason: msg('rewrite-invalid-variable-name', { template }) }
      const code = template.charCodeAt(i)
      if (code >= 49 && code <= 57) {
        parts.push({ kind: 'capture', group: code - 48 })
        i++
        continue
      }
      const bracket = template[i] === '{'
      if (bracket && ++i === template.length) return { kind: 'invalid', reason: msg('rewrite-invalid-variable-name', { template }) }
      const start = i
      let closed = !bracket
      while (i < template.length) {
        if (bracket && template[i] === '}') {
          closed = true
          break
        }
        if (!isNameChar(template.charCodeAt(i))) break
        i++
      }
      const name = template.slice(start, i)
      if (bracket && closed) i++
      if (!closed) return { kind: 'invalid', reason: msg('rewrite-variable-bracket-missing', { variable: '${' + name, template }) }
      if (name === '') return { kind: 'invalid', reason: msg('rewrite-invalid-variable-name', { template }) }
      parts.push({ kind: 'variable', name: name.toLowerCase() })
      continue
    }
    if (ch === '?' && argsOpen) {
      flush()
      parts.push({ kind: 'args' })
      argsOpen = false
      i++
      continue
    }
    text += ch
    i++
  }
  flush()
  return { kind: 'ok', parts }
}

/**
 * Lower-case names of every named group in `patterns` (nginx registers each as a variable). A configuration's
 * set is worth computing once (`unknownVariables` takes it): every location checks its templates against it.
 */
export function namedGroupVariables(patterns: string | readonly string[]): ReadonlySet<string> {
  const names = new Set<string>()
  for (const pattern of typeof patterns === 'string' ? [patterns] : patterns) {
    for (const name of pcreCaptureNames(pattern).keys()) names.add(name.toLowerCase())
  }
  return names
}

/** Whether nginx knows the variable `name` (lower case) in a configuration whose regexes name `groups`. */
function isKnown(name: string, groups: ReadonlySet<string>, template: boolean): boolean {
  if (KNOWN.has(name) || groups.has(name)) return true
  if (template && TEMPLATE_VARIABLES.includes(name)) return true
  return PREFIXES.some((prefix) => name.startsWith(prefix))
}

/**
 * The variables of `template` that `nginx -t` rejects (`unknown "name" variable`), each once, lower case, in
 * order. `patterns`: the configuration's regexes (their named groups are variables). `controllerTemplate`
 * (default true) counts the variables ingress-nginx's nginx.tmpl sets as known; false for a bare nginx.
 * A template nginx cannot parse at all answers `[]` here: see `parseNginxTemplate`.
 */
export function unknownVariables(template: string, patterns: string | readonly string[] | ReadonlySet<string>, controllerTemplate = true): readonly string[] {
  const parsed = parseNginxTemplate(template, 'value')
  if (parsed.kind === 'invalid') return []
  const groups = patterns instanceof Set ? patterns : namedGroupVariables(patterns as string | readonly string[])
  const unknown: string[] = []
  for (const part of parsed.parts) {
    if (part.kind === 'variable' && !isKnown(part.name, groups, controllerTemplate) && !unknown.includes(part.name)) unknown.push(part.name)
  }
  return unknown
}

/** ngx_http_arg: the first `name=` argument (ASCII-caseless name, at the start or after `&`), raw. */
function argument(args: string | null, name: string): string | null {
  if (args === null || args === '' || name === '') return null
  const lower = args.toLowerCase()
  for (let at = lower.indexOf(name); at !== -1; at = lower.indexOf(name, at + 1)) {
    if ((at === 0 || args[at - 1] === '&') && args[at + name.length] === '=') {
      const end = args.indexOf('&', at)
      return args.slice(at + name.length + 1, end === -1 ? args.length : end)
    }
  }
  return null
}

/** ngx_http_parse_multi_header_lines on the Cookie header: the first `name=value` pair (ASCII-caseless name). */
function cookie(header: string | undefined, name: string): string | null {
  if (header === undefined || name.length > header.length) return null
  let at = 0
  const end = header.length
  while (at < end) {
    if (header.slice(at, at + name.length).toLowerCase() === name) {
      let i = at + name.length
      while (i < end && header[i] === ' ') i++
      if (i < end && header[i] === '=') {
        i++
        while (i < end && header[i] === ' ') i++
        let last = i
        while (last < end && header[last] !== ';') last++
        return header.slice(i, last)
      }
      at = i
    }
    while (at < end) {
      const ch = header[at++]
      if (ch === ';' || ch === ',') break
    }
    while (at < end && header[at] === ' ') at++
  }
  return null
}

/**
 * The value of `$name` (lower case) for `request`, or null when nginx finds none (it then expands to '').
 * Named captures read `captures`; variables the studio cannot know (addresses, times, TLS) are null.
 */
export function variableValue(name: string, request: NginxVariableRequest, captures?: NginxCaptures): string | null {
  const group = captures?.names.get(name)
  if (group !== undefined) return captures?.groups[group] ?? ''
  switch (name) {
    case 'request_uri': return request.requestUri
    case 'uri': case 'document_uri': return request.uri
    case 'args': case 'query_string': return request.args ?? ''
    case 'is_args': return request.args !== null && request.args !== '' ? '?' : ''
    case 'host': return request.host
    case 'http_host': return request.hostHeader
    case 'scheme': return request.scheme
    case 'https': return request.scheme === 'https' ? 'on' : ''
    case 'server_name': return request.serverName
    case 'server_port': return request.serverPort
    case 'request_method': return request.method
    case 'request': return `${request.method} ${request.requestUri} HTTP/1.1`
  }
  if (name.startsWith('arg_')) return argument(request.args, name.slice(4))
  if (name.startsWith('cookie_')) return cookie(request.headers.get('cookie'), name.slice(7))
  if (name.startsWith('http_')) return request.headers.get(name.slice(5)) ?? null
  return null
}

/** Whether nginx makes a rewrite with this replacement a 302 redirect (ngx_http_rewrite: a case-sensitive prefix). */
export function isRedirectReplacement(template: string): boolean {
  return template.startsWith('http://') || template.startsWith('https://') || template.startsWith('$scheme')
}

function captureText(captures: NginxCaptures | undefined, group: number): string {
  return captures?.groups[group] ?? ''
}

/**
 * A `return` URL (a complex value): captures and variables copied as they are, nothing escaped. An unparsable
 * template expands to itself (nginx -t would have refused it; see `parseNginxTemplate`).
 */
export function expandValue(template: string, request: NginxVariableRequest, captures?: NginxCaptures): string {
  const parsed = parseNginxTemplate(template, 'value')
  if (parsed.kind === 'invalid') return template
  let out = ''
  for (const part of parsed.parts) {
    if (part.kind === 'text') out += part.text
    else if (part.kind === 'capture') out += captureText(captures, part.group)
    else if (part.kind === 'variable') out += variableValue(part.name, request, captures) ?? ''
  }
  return out
}

/**
 * A rewrite replacement, as ngx_http_script_regex_start_code / _end_code and the capture codes run it. A final
 * `?` drops the request's arguments. Redirect: captures escaped with NGX_ESCAPE_ARGS when the request path had
 * `%` or `+` (`flags.quoted`, `flags.plus`), the whole result unescaped (NGX_UNESCAPE_REDIRECT), then the
 * arguments appended after `?` (`&` when the replacement has a `?`). URI: text before the first `?` is the new
 * URI; what follows are the new arguments (captures there escaped like a redirect's), the request's own
 * appended after `&`; without a `?` the request's arguments stay.
 */
export function expandRewrite(
  template: string,
  request: NginxVariableRequest,
  captures: NginxCaptures,
  flags: { readonly quoted: boolean; readonly plus: boolean },
): RewriteExpansion {
  const addArgs = !template.endsWith('?')
  const source = addArgs ? template : template.slice(0, -1)
  const redirect = isRedirectReplacement(template)
  const parsed = parseNginxTemplate(source, redirect ? 'value' : 'rewrite')
  const parts = parsed.kind === 'ok' ? parsed.parts : [{ kind: 'text', text: source } as const]
  const escaping = flags.quoted || flags.plus
  const requestArgs = request.args ?? ''
  let out = ''
  let argsAt = -1
  for (const part of parts) {
    if (part.kind === 'text') out += part.text
    else if (part.kind === 'args') argsAt = out.length
    else if (part.kind === 'variable') out += variableValue(part.name, request, captures) ?? ''
    else {
      const text = captureText(captures, part.group)
      out += escaping && (redirect || argsAt !== -1) ? escapeArgs(text) : text
    }
  }
  if (redirect) {
    let location = unescapeRedirect(out)
    if (addArgs && requestArgs !== '') location += (source.includes('?') ? '&' : '?') + requestArgs
    return { kind: 'redirect', location }
  }
  if (argsAt === -1) return { kind: 'uri', uri: out, args: addArgs ? requestArgs : '' }
  const args = out.slice(argsAt) + (addArgs && requestArgs !== '' ? '&' + requestArgs : '')
  return { kind: 'uri', uri: out.slice(0, argsAt), args }
}

/** `$server_port`: the port the request came in on when the caller knows it, else the scheme's listen port. */
export function serverPortOf(env: Pick<RouteEnvironment, 'httpsPort'>, scheme: string, serverPort: number | undefined): string {
  return String(serverPort ?? (scheme === 'https' ? env.httpsPort : 80))
}
