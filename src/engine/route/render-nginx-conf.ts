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
import { CATCH_ALL, DEFAULT_UPSTREAM } from './compile-servers'
import { describeEnvironment } from './environment'
import { describeEnforcer, ingressName, locationLabel } from './describe'
import { nginxCommentText, quoteNginxValue, type NginxValueKind } from './nginx-quote'
import { translatePcre, unescapeNginxToken } from './pcre'
import { toByteString } from './normalize-uri'
import type { CompiledLocation, CompiledRoutes, CompiledServer, CompiledUpstream } from './types'

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
  if (translated.kind === 'unsupported' && translated.reason.id === 'pcre-javascript-rejects') throw new LeftOut(formatMessage(translated.reason))
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
  const upstream = routes.upstreams.find((candidate) => candidate.name === loc.upstream)
  const alternative = upstream?.alternatives[0]
  const canary = alternative ? routes.upstreams.find((candidate) => candidate.name === alternative) : undefined
  if (canary?.canary) {
    const policy = canary.canary
    const rules = [
      policy.header ? `header ${policy.header}${policy.headerValue ? `=${policy.headerValue}` : policy.headerPattern ? ` ~ ${policy.headerPattern}` : ' always/never'}` : '',
      policy.cookie ? `cookie ${policy.cookie} always/never` : '',
      `weight ${policy.weight}/${policy.weightTotal > 100 ? policy.weightTotal : 100}`,
    ].filter((rule) => rule !== '')
    lines.push(comment(`ingress-nginx Lua: canary upstream ${canary.name} (Ingress ${ingressName(canary.ingress)}) by ${rules.join(', then ')}`))
  }
  return lines
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
    const upstream = upstreamName(loc.upstream)
    body.push(
      `set $namespace ${quotedText(loc.ingress?.namespace ?? '', 'namespace')};`,
      `set $ingress_name ${quotedText(loc.ingress?.name ?? '', 'Ingress name')};`,
      `set $service_name ${quotedText(backend?.service ?? '', 'Service name')};`,
      `set $service_port ${quotedText(backend ? String(backend.port) : '', 'Service port')};`,
      ...luaComments(routes, server, loc),
      `port_in_redirect ${loc.usePortInRedirects ? 'on' : 'off'};`,
      `set $proxy_upstream_name ${quotedText(upstream, 'upstream name')};`,
    )
    if (options.routeHeader) body.push(`proxy_set_header X-Route ${quotedText(`${upstream}|${ingressName(loc.ingress)}`, 'route header')};`)
    if (loc.redirect) body.push(`return ${loc.redirect.code} ${param(loc.redirect.url, 'text', 'redirect URL')};`)
    if (loc.rewriteTarget !== null) {
      body.push(`rewrite ${quotedRegex('(?i)' + unescapeNginxToken(loc.path), 'rewrite regex')} ${param(loc.rewriteTarget, 'script', 'rewrite-target')} break;`)
    }
    body.push(`proxy_pass http://${upstream};`)
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
  const lines = [`## start server ${nginxCommentText(server.hostname)}`, 'server {', `    server_name ${name.text} ;`]
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

function renderUpstream(upstream: CompiledUpstream, options: NginxConfOptions): string[] {
  return orLeftOut(`upstream ${upstream.name}`, () => {
    const name = upstreamName(upstream.name)
    if (options.upstreamServer) return [`upstream ${name} {`, `    server ${options.upstreamServer(upstream)};`, '}']
    if (!upstream.backend) return [`upstream ${name} {`, `    server 127.0.0.1:8181; ${comment('the controller\'s built-in 404 backend')}`, '}']
    const { service, port, namespace } = upstream.backend
    const placeholder = typeof port === 'number' ? port : 80
    return [
      `upstream ${name} {`,
      `    server 0.0.0.1:${placeholder}; ${comment(`placeholder: ingress-nginx balances over the endpoints of Service ${namespace}/${service} port ${port}`)}`,
      '}',
    ]
  })
}

/** Renders the whole nginx.conf (a complete file `nginx -t` accepts). */
export function renderNginxConf(routes: CompiledRoutes, options: NginxConfOptions = {}): string {
  const env = routes.environment
  const longest = Math.max(32, ...routes.servers.map((server) => server.serverName.length))
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
    `    server_names_hash_max_size ${Math.max(1024, 2 ** Math.ceil(Math.log2(routes.servers.length * 2 + 1)))};`,
    '',
  ]
  for (const upstream of routes.upstreams) {
    if (upstream.noServer && !routes.upstreams.some((primary) => primary.alternatives.includes(upstream.name))) continue
    out.push(...renderUpstream(upstream, options).map((line) => '    ' + line))
  }
  out.push('')
  const ordered = [...routes.servers].sort((a, b) => (a.hostname === CATCH_ALL ? -1 : b.hostname === CATCH_ALL ? 1 : 0))
  for (const server of ordered) out.push(...renderServer(routes, server, options).map((line) => (line === '' ? '' : '    ' + line)))
  if (!options.upstreamServer) {
    out.push('    # the controller\'s built-in default backend', '    server {', '        listen 127.0.0.1:8181;', '        location / {', '            return 404;', '        }', '    }')
  }
  out.push(...(options.extraServers ?? []).map((block) => block.split('\n').map((line) => '    ' + line).join('\n')))
  out.push('}', '')
  return out.join('\n')
}

/** The upstream name of the controller's default backend, for callers that wire backends themselves. */
export const DEFAULT_UPSTREAM_NAME = DEFAULT_UPSTREAM
