/**
 * The nginx.conf ingress-nginx would render for the compiled routes — the routing-relevant parts of
 * nginx.tmpl: one server per host (the catch-all `_` first as default_server), locations in order,
 * app-root `if`s, redirect `return`s, `rewrite … break`, `proxy_pass` to named upstreams. What
 * ingress-nginx does in Lua (https redirects, canary) is written as comments, so plain nginx accepts the file
 * (`nginx -t`) and behaves like ingress-nginx for plain http requests without canary traffic. Every user string
 * goes through `nginx-quote.ts` (docs/routing.md#nginx-quoting), so none can add a parameter, directive or
 * block; a location or upstream whose values nginx.conf cannot carry is left out as one comment saying why.
 */
import { formatMessage } from '../messages/render'
import { CUSTOM_DEFAULT_BACKEND_PREFIX, noEndpointsAnswer, upstreamOf } from './backend-availability'
import { CATCH_ALL, DEFAULT_UPSTREAM } from './compile-servers'
import { describeEnvironment } from './environment'
import { describeEnforcer, ingressName, locationLabel } from './describe'
import { nginxCommentText, quoteNginxValue, type NginxValueKind } from './nginx-quote'
import { namedGroupVariables, parseNginxTemplate, unknownVariables } from './nginx-variables'
import { pcreRefusesPattern, translatePcre, unescapeNginxToken } from './pcre'
import { toByteString } from './normalize-uri'
import { nginxServerBlocks } from './host-aliases'
import type { CompiledLocation, CompiledRedirectServer, CompiledRoutes, CompiledServer, CompiledUpstream, DefaultBackendAnnotation } from './types'
import { affinityConfComment } from './session-affinity'

/** Options for running the output (the differential test); the defaults give the file users read. */
export interface NginxConfOptions {
  /** The `listen` of every host server. Default: `80`. */
  readonly listen?: string
  /** The `server` line of an upstream. Default: a placeholder `0.0.0.1:<port>` (the controller fills endpoints in). */
  readonly upstreamServer?: (upstream: CompiledUpstream) => string
  /** Directives before `events` (pid, error_log). Default: none. */
  readonly mainDirectives?: readonly string[]
  /** Extra directives at the top of `http` (temp paths, access_log). Default: none. */
  readonly httpDirectives?: readonly string[]
  /** Extra whole `server { … }` blocks (echo backends). Default: none. */
  readonly extraServers?: readonly string[]
  /** Add `proxy_set_header X-Route "<upstream>|<namespace>/<ingress>"` to every proxied location. Default: false. */
  readonly routeHeader?: boolean
}

/** Upstream names ingress-nginx builds (`namespace-service-port`); anything else would change `proxy_pass`'s URL. */
const UPSTREAM_NAME = /^[A-Za-z0-9._-]+$/

/** Thrown while rendering a location or upstream that nginx.conf cannot carry safely: it is left out, as a comment. */
class LeftOut extends Error {}

/** The parameter for `value` (docs/routing.md#nginx-quoting); throws LeftOut when nginx.conf cannot carry it. */
function param(value: string, kind: NginxValueKind, what: string): string {
  const quoted = quoteNginxValue(value, kind)
  if (quoted.kind === 'refused') throw new LeftOut(`the ${what} cannot be written safely: ${quoted.reason}`)
  return quoted.text
}

/** ingress-nginx writes regexes and `set` values in double quotes even when nothing needs them; so does the renderer. */
function alwaysQuoted(value: string, kind: NginxValueKind, what: string): string {
  const text = param(value, kind, what)
  return text.startsWith('"') ? text : `"${text}"`
}

const quotedRegex = (value: string, what: string): string => alwaysQuoted(value, 'literal', what)
const quotedText = (value: string, what: string): string => alwaysQuoted(value, 'text', what)

function upstreamName(name: string): string {
  if (!UPSTREAM_NAME.test(name)) throw new LeftOut(`the upstream name ${JSON.stringify(name)} has characters proxy_pass cannot take`)
  return name
}

function comment(text: string): string {
  return `# ${nginxCommentText(text)}`
}

/** The `location` line's modifier and name as nginx must read them (the name as ingress-nginx's text means it). */
function locationHead(loc: CompiledLocation): string {
  if (loc.modifier === '~*') return `location ~* ${quotedRegex(unescapeNginxToken('^' + loc.path), 'location regex')}`
  const name = unescapeNginxToken(loc.path)
  if (loc.modifier === '=') return `location = ${param(name, 'literal', 'location path')}`
  // With one parameter nginx reads a leading '=', '~', '^~' or '@' as a modifier, not as part of the path.
  if (/^(?:[=~@]|\^~)/.test(name)) throw new LeftOut(`nginx would read the start of the path ${JSON.stringify(name)} as a location modifier`)
  return `location ${param(name, 'literal', 'location path')}`
}

/** Throws LeftOut when no regex engine could compile the location regex, so nginx -t would fail on it. */
function checkRegex(loc: CompiledLocation): void {
  if (loc.modifier !== '~*') return
  const pattern = toByteString(unescapeNginxToken('^' + loc.path))
  // PCRE refuses an odd run of backslashes at the end ("\ at end of pattern"), whatever JavaScript makes of it.
  if (/(?:^|[^\\])(?:\\\\)*\\$/.test(pattern)) throw new LeftOut('PCRE cannot compile it: \\ at end of pattern')
  if (loc.jsRegex !== null) return
  const translated = translatePcre(pattern, true)
  // nginx.conf is configuration text: its comments stay in English, whatever language the reader has.
  if (translated.kind === 'unsupported' && pcreRefusesPattern(translated.reason)) throw new LeftOut(formatMessage(translated.reason))
}

/** Variables the location itself sets (above), so a redirect URL may name them in the studio's nginx.conf. */
const LOCATION_VARIABLES = ['namespace', 'ingress_name', 'service_name', 'service_port', 'proxy_upstream_name']

/**
 * `return <code> <url>;` of permanent-redirect / temporal-redirect (docs/routing.md#redirects). A `$` only gets
 * here when annotation validation is off, and then nginx expands it: the value is written as a script. A variable
 * nginx would not know fails `nginx -t`, so such a location is left out.
 */
function redirectReturn(routes: CompiledRoutes, redirect: NonNullable<CompiledLocation['redirect']>): string {
  if (!redirect.url.includes('$')) return `return ${redirect.code} ${param(redirect.url, 'text', 'redirect URL')};`
  const parsed = parseNginxTemplate(redirect.url, 'value')
  if (parsed.kind === 'invalid') throw new LeftOut(formatMessage(parsed.reason))
  const unknown = unknownVariables(redirect.url, configGroups(routes), false).filter((name) => !LOCATION_VARIABLES.includes(name))
  if (unknown.length > 0) throw new LeftOut(`the redirect URL names variables nginx does not know here: ${unknown.map((name) => '$' + name).join(', ')}`)
  return `return ${redirect.code} ${param(redirect.url, 'script', 'redirect URL')};`
}

/**
 * The named groups of every regex of the configuration (regex locations, regex server names): nginx makes each a
 * variable. Once per configuration: every location's templates are checked against it.
 */
const groupsOf = new WeakMap<CompiledRoutes, ReadonlySet<string>>()
function configGroups(routes: CompiledRoutes): ReadonlySet<string> {
  let groups = groupsOf.get(routes)
  if (!groups) {
    groups = namedGroupVariables(routes.servers.flatMap((server) => [server.serverName, ...server.locations.filter((loc) => loc.modifier === '~*').map((loc) => loc.path)]))
    groupsOf.set(routes, groups)
  }
  return groups
}

/**
 * `rewrite "(?i)<path>" <target> break;` (docs/routing.md#rewrite-target): the target is a script (`$1`–`$9`,
 * named groups, nginx variables). A target `nginx -t` refuses — a `$` without a name, an unclosed `${`, a variable
 * nginx does not know here — leaves the location out; annotation validation lets `/x$` and `/$0` through.
 */
function rewriteLine(routes: CompiledRoutes, loc: CompiledLocation, target: string): string {
  if (target.includes('$')) {
    const parsed = parseNginxTemplate(target, 'value')
    if (parsed.kind === 'invalid') throw new LeftOut(formatMessage(parsed.reason))
    const unknown = unknownVariables(target, configGroups(routes), false).filter((name) => !LOCATION_VARIABLES.includes(name))
    if (unknown.length > 0) throw new LeftOut(`the rewrite-target names variables nginx does not know here: ${unknown.map((name) => '$' + name).join(', ')}`)
  }
  return `rewrite ${quotedRegex('(?i)' + unescapeNginxToken(loc.path), 'rewrite regex')} ${param(target, 'script', 'rewrite-target')} break;`
}

/** Variables a header value may name in the studio's nginx.conf: the location's `set`s and `$best_http_host`. */
const HEADER_VARIABLES = [...LOCATION_VARIABLES, 'best_http_host']

/**
 * A `proxy_set_header` value as nginx.tmpl quotes it (`"<value>"`), written as a script: nginx expands its variables
 * and captures (docs/routing.md#upstream-request-headers). A value `nginx -t` would refuse leaves the location out.
 */
function headerValue(routes: CompiledRoutes, value: string, what: string): string {
  if (!value.includes('$')) return quotedText(value, what)
  const parsed = parseNginxTemplate(value, 'value')
  if (parsed.kind === 'invalid') throw new LeftOut(formatMessage(parsed.reason))
  const unknown = unknownVariables(value, configGroups(routes), false).filter((name) => !HEADER_VARIABLES.includes(name))
  if (unknown.length > 0) throw new LeftOut(`the ${what} names variables nginx does not know here: ${unknown.map((name) => '$' + name).join(', ')}`)
  return alwaysQuoted(value, 'script', what)
}

/**
 * nginx.tmpl: `set $best_http_host $http_host` (ingress-nginx's Lua then sets it to the Host header, or the first
 * X-Forwarded-Host with use-forwarded-headers), and `proxy_set_header Host` with it or the upstream-vhost value.
 */
function upstreamHostLines(routes: CompiledRoutes, loc: CompiledLocation): string[] {
  const lines = ['set $best_http_host $http_host;']
  if (routes.environment.useForwardedHeaders) lines.push(comment("use-forwarded-headers: ingress-nginx's Lua sets $best_http_host to the first X-Forwarded-Host when the request has one"))
  if (loc.upstreamVhost === undefined) lines.push('proxy_set_header Host $best_http_host;')
  else lines.push(`proxy_set_header Host ${headerValue(routes, loc.upstreamVhost, 'upstream-vhost')};`)
  return lines
}

/**
 * custom-headers: nginx.tmpl writes `more_set_headers "<name>: <value>";` per header (names sorted, `$` as
 * `${literal_dollar}`), a directive of the headers-more module that ingress-nginx's nginx has and plain nginx lacks:
 * written here as comments.
 */
function customHeaderLines(headers: NonNullable<CompiledLocation['customHeaders']>): string[] {
  if (headers.kind !== 'headers') return []
  const lines = [comment(`custom-headers ${headers.configMap}: ingress-nginx adds these response headers (headers-more module):`)]
  for (const [name, value] of Object.entries(headers.headers)) {
    lines.push(comment(`more_set_headers ${JSON.stringify(`${name}: ${value}`.replaceAll('$', '${literal_dollar}'))};`))
  }
  return lines
}

const DENIED_REASONS: Readonly<Record<Extract<NonNullable<CompiledLocation['customHeaders']>, { kind: 'denied' }>['reason'], string>> = {
  'configmap-missing': 'unable to find the ConfigMap',
  'invalid-name': 'invalid header name in the ConfigMap',
  'invalid-value': 'invalid header value in the ConfigMap',
  'not-allowed': 'header not in global-allowed-response-headers',
}

/** The lines of `render`, or one comment saying what was left out and why. */
function orLeftOut(label: string, render: () => string[]): string[] {
  try {
    return render()
  } catch (error) {
    if (error instanceof LeftOut) return [comment(`${label} left out: ${error.message}`)]
    throw error
  }
}

function luaComments(routes: CompiledRoutes, server: CompiledServer, loc: CompiledLocation): string[] {
  const lines: string[] = []
  const exempt = routes.environment.noTlsRedirectLocations.some((prefix) => loc.path.startsWith(prefix))
  if (!exempt && (loc.forceSslRedirect || (loc.sslRedirect && server.tlsFrom))) {
    const why = loc.forceSslRedirect ? 'force-ssl-redirect' : `ssl-redirect, certificate from Ingress ${ingressName(server.tlsFrom)}`
    const slash = loc.preserveTrailingSlash ? '' : ', trailing / removed'
    lines.push(comment(`ingress-nginx Lua: plain http gets ${routes.environment.httpRedirectCode} https://$host$request_uri (${why}${slash})`))
  }
  const upstream = upstreamOf(routes, loc.upstream)
  const alternative = upstream?.alternatives[0]
  const canary = alternative ? upstreamOf(routes, alternative) : undefined
  if (canary?.canary) {
    const policy = canary.canary
    const rules = [
      policy.header ? `header ${policy.header}${policy.headerValue ? `=${policy.headerValue}` : policy.headerPattern ? ` ~ ${policy.headerPattern}` : ' always/never'}` : '',
      policy.cookie ? `cookie ${policy.cookie} always/never` : '',
      `weight ${policy.weight}/${policy.weightTotal > 100 ? policy.weightTotal : 100}`,
    ].filter((rule) => rule !== '')
    lines.push(comment(`ingress-nginx Lua: canary upstream ${canary.name} (Ingress ${ingressName(canary.ingress)}) by ${rules.join(', then ')}`))
  }
  const sticky = upstream ? affinityConfComment(upstream, loc.ingressPath ?? '/') : null
  if (sticky) lines.push(comment(sticky))
  return lines
}

/** The default-backend annotation's upstream a location is pointed at when its own has no endpoints, or null. */
function customDefaultBackendOf(routes: CompiledRoutes, loc: CompiledLocation): { upstream: string; annotation: DefaultBackendAnnotation } | null {
  if (!loc.backend || loc.upstream === DEFAULT_UPSTREAM) return null
  const upstream = upstreamOf(routes, loc.upstream)
  if (!upstream || upstream.availability.endpoints) return null
  const answer = noEndpointsAnswer(routes, loc)
  return answer.kind === 'custom' ? { upstream: answer.annotation.upstream, annotation: answer.annotation } : null
}

/**
 * A location whose upstream has no endpoints (docs/routing.md#default-backend-annotation): with a usable
 * default-backend annotation the controller points it at `custom-default-backend-…` and nginx.tmpl adds the
 * X-Code headers; otherwise ingress-nginx's Lua balancer answers 503, which this file can only say in a comment.
 */
function noEndpointsLines(routes: CompiledRoutes, loc: CompiledLocation, custom: { upstream: string; annotation: DefaultBackendAnnotation } | null): string[] {
  const upstream = loc.backend ? upstreamOf(routes, loc.upstream) : undefined
  if (!upstream || upstream.availability.endpoints) return []
  const why = formatMessage(upstream.availability.text)
  if (!custom) return [comment(`upstream ${upstream.name} has no endpoints (${why}): ingress-nginx's Lua balancer answers 503 here`)]
  return [
    comment(`upstream ${upstream.name} has no endpoints (${why}): the default-backend annotation of Ingress ${ingressName(custom.annotation.ingress)} sends the request to Service ${custom.annotation.service}`),
    ...CUSTOM_DEFAULT_BACKEND_HEADERS.map(([name, value]) => `proxy_set_header ${name} ${value};`),
  ]
}

/** The headers nginx.tmpl adds when a location's upstream is a `custom-default-backend-` one (in its order). */
export const CUSTOM_DEFAULT_BACKEND_HEADERS: readonly (readonly [string, string])[] = [
  ['X-Code', '503'],
  ['X-Format', '$http_accept'],
  ['X-Namespace', '$namespace'],
  ['X-Ingress-Name', '$ingress_name'],
  ['X-Service-Name', '$service_name'],
  ['X-Service-Port', '$service_port'],
  ['X-Request-ID', '$req_id'],
]

/** The custom default backend upstreams some location uses, once per name, as copies of their location's upstream (controller.go). */
function customUpstreams(routes: CompiledRoutes): CompiledUpstream[] {
  const found = new Map<string, CompiledUpstream>()
  for (const server of routes.servers) {
    for (const loc of server.locations) {
      const custom = customDefaultBackendOf(routes, loc)
      if (!custom || found.has(custom.upstream)) continue
      const original = upstreamOf(routes, loc.upstream) as CompiledUpstream
      const { annotation } = custom
      found.set(custom.upstream, {
        ...original,
        name: custom.upstream,
        backend: { service: annotation.service, port: annotation.port ?? 'first', namespace: annotation.namespace },
        availability: { endpoints: true, assumed: false, reason: 'selects-pods', text: annotation.text },
      })
    }
  }
  return [...found.values()]
}

function renderLocationBlock(routes: CompiledRoutes, server: CompiledServer, loc: CompiledLocation, options: NginxConfOptions): string[] {
  checkRegex(loc)
  const head = locationHead(loc)
  const body: string[] = []
  if (loc.origin === 'healthz') {
    body.push('access_log off;', 'return 200;')
  } else if (loc.origin === 'nginx-status') {
    body.push(comment('ingress-nginx allows only its own pod here (stub_status); everyone else gets 403'), 'deny all;')
  } else {
    const backend = loc.backend
    const custom = customDefaultBackendOf(routes, loc)
    const upstream = upstreamName(custom ? custom.upstream : loc.upstream)
    body.push(
      `set $namespace ${quotedText(loc.ingress?.namespace ?? '', 'namespace')};`,
      `set $ingress_name ${quotedText(loc.ingress?.name ?? '', 'Ingress name')};`,
      `set $service_name ${quotedText(backend?.service ?? '', 'Service name')};`,
      `set $service_port ${quotedText(backend ? String(backend.port) : '', 'Service port')};`,
      ...luaComments(routes, server, loc),
      `port_in_redirect ${loc.usePortInRedirects ? 'on' : 'off'};`,
      `set $proxy_upstream_name ${quotedText(upstream, 'upstream name')};`,
    )
    const headers = loc.customHeaders
    if (headers?.kind === 'denied') {
      // customheaders/main.go denied the location: nginx.tmpl writes this in place of everything that proxies.
      body.push(comment(`Location denied. Reason: custom-headers ${headers.configMap}: ${DENIED_REASONS[headers.reason]}${headers.header === null ? '' : ` (${headers.header})`}`), 'return 503;')
    } else {
      body.push(...upstreamHostLines(routes, loc))
      body.push(...noEndpointsLines(routes, loc, custom))
      if (options.routeHeader) body.push(`proxy_set_header X-Route ${quotedText(`${upstream}|${ingressName(loc.ingress)}`, 'route header')};`)
      if (loc.relativeRedirects) body.push('absolute_redirect off;')
      if (headers) body.push(...customHeaderLines(headers))
      if (loc.redirect) body.push(redirectReturn(routes, loc.redirect))
      if (loc.rewriteTarget !== null) body.push(rewriteLine(routes, loc, loc.rewriteTarget))
      if (loc.rewriteTarget !== null && loc.xForwardedPrefix !== undefined) body.push(`proxy_set_header X-Forwarded-Prefix ${headerValue(routes, loc.xForwardedPrefix, 'x-forwarded-prefix')};`)
      body.push(`proxy_pass http://${upstream};`)
    }
  }
  const from = loc.ingress ? ` ${comment(`(${loc.pathType ?? 'root'} ${loc.ingressPath ?? '/'} of Ingress ${ingressName(loc.ingress)})`)}` : ''
  return [`${head} {${from}`, ...body.map((line) => '    ' + line), '}']
}

function renderLocation(routes: CompiledRoutes, server: CompiledServer, loc: CompiledLocation, options: NginxConfOptions): string[] {
  const from = loc.ingress ? ` (${loc.pathType ?? 'root'} ${loc.ingressPath ?? '/'} of Ingress ${ingressName(loc.ingress)})` : ''
  return orLeftOut(`${locationLabel(loc)}${from}`, () => renderLocationBlock(routes, server, loc, options))
}

/** app-root: `if ($uri = /) { return 302 $scheme://$http_host<app-root>; }` at server level (nginx.tmpl). */
function renderAppRoot(appRoot: string): string[] {
  return orLeftOut(`app-root ${appRoot}`, () => {
    const target = param(appRoot, 'text', 'app-root')
    const url = target.startsWith('"') ? `"$scheme://$http_host${target.slice(1)}` : `$scheme://$http_host${target}`
    return ['if ($uri = /) {', `    return 302 ${url};`, '}']
  })
}

function renderServer(routes: CompiledRoutes, server: CompiledServer, options: NginxConfOptions): string[] {
  const listen = options.listen ?? '80'
  const name = quoteNginxValue(server.serverName, 'literal')
  if (name.kind === 'refused') return [comment(`server ${server.hostname} left out: the server_name cannot be written safely: ${name.reason}`), '']
  const aliases = (server.aliases ?? []).map((alias) => quoteNginxValue(alias.name, 'literal')).map((quoted) => (quoted.kind === 'ok' ? `${quoted.text} ` : ''))
  const lines = [`## start server ${nginxCommentText(server.hostname)}`, 'server {', `    server_name ${name.text} ${aliases.join('')};`]
  if (server.aliases?.length) lines.push('    ' + comment(`server-alias of Ingress ${ingressName(server.aliasesFrom ?? null)}: nginx tries exact names, then wildcards, then regexes in nginx.conf order`))
  lines.push(`    listen ${listen}${server.hostname === CATCH_ALL ? ' default_server' : ''};`)
  if (server.tlsFrom) lines.push('    ' + comment(`tls: ingress-nginx also serves https for this host (certificate from Ingress ${ingressName(server.tlsFrom)})`))
  if (server.regexEnforced) lines.push('    ' + comment(`every location is a case-insensitive regex (ingress-nginx enforces it for the whole host): ${describeEnforcer(server)}`))
  for (const loc of server.locations) {
    lines.push('')
    if (loc.appRoot) for (const line of renderAppRoot(loc.appRoot)) lines.push('    ' + line)
    for (const line of renderLocation(routes, server, loc, options)) lines.push('    ' + line)
  }
  lines.push('}', `## end server ${nginxCommentText(server.hostname)}`, '')
  return lines
}

/**
 * A from-to-www-redirect server (nginx.tmpl's RedirectServers). ingress-nginx computes `$redirect_to` in Lua
 * (ngx_srv_redirect.lua), which plain nginx cannot run; these lines compute the same URL with nginx's own
 * directives, so a real nginx answers as ingress-nginx does (docs/routing.md#server-alias-and-from-to-www-redirect).
 */
function renderRedirectServer(routes: CompiledRoutes, redirect: CompiledRedirectServer, options: NginxConfOptions): string[] {
  const from = quoteNginxValue(redirect.from, 'literal')
  const to = quoteNginxValue(redirect.to, 'literal')
  if (from.kind === 'refused' || to.kind === 'refused' || to.text.startsWith('"') || redirect.to.includes('$')) {
    return [comment(`redirect server ${redirect.from} left out: its names cannot be written safely`), '']
  }
  const env = routes.environment
  const scheme = env.useForwardedHeaders ? '$redirect_scheme' : '$scheme'
  const port = env.useForwardedHeaders ? '$redirect_port' : '$server_port'
  const lines = [
    `## start server ${nginxCommentText(redirect.from)}`,
    'server {',
    `    server_name ${from.text} ;`,
    `    listen ${options.listen ?? '80'};`,
    '    ' + comment(`from-to-www-redirect of Ingress ${ingressName(redirect.ingress)}: ingress-nginx answers ${env.httpRedirectCode} $redirect_to, which its Lua`),
    '    ' + comment(`(ngx_srv_redirect.lua) builds as <scheme>://${redirect.to}:<server port><request URI without one trailing />; plain nginx`),
    '    ' + comment('cannot run Lua, so the lines below build the same URL.'),
  ]
  if (redirect.certificate) lines.push('    ' + comment(`tls: ingress-nginx also serves https for ${redirect.from} with the certificate of ${redirect.to}`))
  lines.push('    set $redirect_uri $request_uri;', '    if ($redirect_uri ~ "^(.*)/$") {', '        set $redirect_uri $1;', '    }')
  if (env.useForwardedHeaders) {
    lines.push(
      '    ' + comment('use-forwarded-headers: X-Forwarded-Proto and X-Forwarded-Port replace the scheme and the port'),
      '    set $redirect_scheme $scheme;',
      '    if ($http_x_forwarded_proto != "") {',
      '        set $redirect_scheme $http_x_forwarded_proto;',
      '    }',
      '    set $redirect_port $server_port;',
      '    if ($http_x_forwarded_port != "") {',
      '        set $redirect_port $http_x_forwarded_port;',
      '    }',
    )
  }
  lines.push(`    return ${env.httpRedirectCode} ${scheme}://${to.text}:${port}$redirect_uri;`, '}', `## end server ${nginxCommentText(redirect.from)}`, '')
  return lines
}

function renderUpstream(upstream: CompiledUpstream, options: NginxConfOptions): string[] {
  return orLeftOut(`upstream ${upstream.name}`, () => {
    const name = upstreamName(upstream.name)
    if (options.upstreamServer) return [`upstream ${name} {`, `    server ${options.upstreamServer(upstream)};`, '}']
    if (!upstream.backend) return [`upstream ${name} {`, `    server 127.0.0.1:8181; ${comment('the controller\'s built-in 404 backend')}`, '}']
    const { service, port, namespace } = upstream.backend
    const placeholder = typeof port === 'number' ? port : 80
    const said = upstream.name.startsWith(CUSTOM_DEFAULT_BACKEND_PREFIX)
      ? `placeholder: ingress-nginx balances over the endpoints of Service ${namespace}/${service}, its first port (a default-backend annotation)`
      : `placeholder: ingress-nginx balances over the endpoints of Service ${namespace}/${service} port ${port}`
    const none = upstream.availability.endpoints ? [] : [`    ${comment(`no endpoints: ${formatMessage(upstream.availability.text)}; ingress-nginx's Lua balancer answers 503 for it`)}`]
    return [`upstream ${name} {`, ...none, `    server 0.0.0.1:${placeholder}; ${comment(said)}`, '}']
  })
}

/** Renders the whole nginx.conf (a complete file `nginx -t` accepts). */
export function renderNginxConf(routes: CompiledRoutes, options: NginxConfOptions = {}): string {
  const env = routes.environment
  const names = [
    ...routes.servers.flatMap((server) => [server.serverName, ...(server.aliases ?? []).map((alias) => alias.name)]),
    ...(routes.redirectServers ?? []).map((redirect) => redirect.from),
  ]
  const longest = Math.max(32, ...names.map((name) => name.length))
  const bucket = 2 ** Math.ceil(Math.log2(longest + 8))
  const out: string[] = [
    '# nginx.conf as ingress-nginx would render it for these Ingresses: the parts that decide routing.',
    '# Generated by Ingress Studio. Lua-only behaviour (https redirects, canary) appears as comments.',
    ...describeEnvironment(env).map((line) => comment(`  ${line}`)),
    '',
    ...(options.mainDirectives ?? []),
    'worker_processes 1;',
    'events {',
    '    worker_connections 1024;',
    '}',
    '',
    'http {',
    ...(options.httpDirectives ?? []).map((line) => '    ' + line),
    '    server_name_in_redirect off;',
    '    port_in_redirect off;',
    `    absolute_redirect ${env.relativeRedirects ? 'off' : 'on'};`,
    '    merge_slashes on;',
    `    server_names_hash_bucket_size ${bucket};`,
    `    server_names_hash_max_size ${Math.max(1024, 2 ** Math.ceil(Math.log2(names.length * 2 + 1)))};`,
    '',
  ]
  for (const upstream of routes.upstreams) {
    if (upstream.noServer && !routes.upstreams.some((primary) => primary.alternatives.includes(upstream.name))) continue
    out.push(...renderUpstream(upstream, options).map((line) => '    ' + line))
  }
  const customs = customUpstreams(routes)
  for (const upstream of customs) out.push(...renderUpstream(upstream, options).map((line) => '    ' + line))
  if (customs.length > 0) {
    // nginx.tmpl: X-Request-ID passes the client's header on, else nginx's own $request_id.
    out.push('    map $http_x_request_id $req_id {', '        default $http_x_request_id;', '        "" $request_id;', '    }')
  }
  out.push('')
  // nginx.conf order (host-aliases.ts nginxServerBlocks): the www redirect servers, `_`, then the hosts by name.
  const blocks = nginxServerBlocks(routes)
  for (const block of blocks) {
    const lines = block.kind === 'redirect' ? renderRedirectServer(routes, block.redirect, options) : renderServer(routes, block.server, options)
    out.push(...lines.map((line) => (line === '' ? '' : '    ' + line)))
  }
  // A name nginx cannot read as a server name (a `*` inside it, `..`) would fail nginx -t: routing skips that server too.
  const written = new Set(blocks.map((block) => (block.kind === 'server' ? block.server.hostname : block.redirect.from)))
  for (const name of [...routes.servers.map((server) => server.hostname), ...(routes.redirectServers ?? []).map((redirect) => redirect.from)]) {
    if (!written.has(name)) out.push('    ' + comment(`server ${name} left out: nginx refuses it as a server_name (invalid server name or wildcard)`), '')
  }
  if (!options.upstreamServer) {
    out.push('    # the controller\'s built-in default backend', '    server {', '        listen 127.0.0.1:8181;', '        location / {', '            return 404;', '        }', '    }')
  }
  out.push(...(options.extraServers ?? []).map((block) => block.split('\n').map((line) => '    ' + line).join('\n')))
  out.push('}', '')
  return out.join('\n')
}

/** The upstream name of the controller's default backend, for callers that wire backends themselves. */
export const DEFAULT_UPSTREAM_NAME = DEFAULT_UPSTREAM
