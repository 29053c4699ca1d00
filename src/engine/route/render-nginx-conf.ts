/**
 * The nginx.conf ingress-nginx would render for the compiled routes — the routing-relevant parts of
 * nginx.tmpl: one server per host (the catch-all `_` first as default_server), locations in order,
 * app-root `if`s, redirect `return`s, `rewrite … break`, `proxy_pass` to named upstreams. What
 * ingress-nginx does in Lua (https redirects, canary) is written as comments, so plain nginx accepts the file
 * (`nginx -t`) and behaves like ingress-nginx for plain http requests without canary traffic.
 */
import { CATCH_ALL, DEFAULT_UPSTREAM } from './compile-servers'
import { describeEnvironment } from './environment'
import { describeEnforcer, ingressName } from './describe'
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

/** A location name as nginx.conf needs it: bare when safe, else double-quoted. */
function quoteIfNeeded(path: string): string {
  return /^[A-Za-z0-9._~\-/%!*+,:=@&()[\]|^$]*$/.test(path) ? path : `"${path.replace(/"/g, '\\"')}"`
}

function quoted(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$/g, '')}"`
}

function locationHead(loc: CompiledLocation): string {
  if (loc.modifier === '~*') return `location ~* "^${loc.path.replace(/"/g, '\\"')}"`
  if (loc.modifier === '=') return `location = ${quoteIfNeeded(loc.path)}`
  return `location ${quoteIfNeeded(loc.path)}`
}

/** True when no regex engine could compile the location regex, so nginx -t would fail on it. */
function brokenRegex(loc: CompiledLocation): string | null {
  if (loc.modifier !== '~*' || loc.jsRegex !== null) return null
  const translated = translatePcre(toByteString(unescapeNginxToken('^' + loc.path)), true)
  return translated.kind === 'unsupported' && translated.reason.startsWith('JavaScript cannot compile') ? translated.reason : null
}

function luaComments(routes: CompiledRoutes, server: CompiledServer, loc: CompiledLocation): string[] {
  const lines: string[] = []
  const exempt = routes.environment.noTlsRedirectLocations.some((prefix) => loc.path.startsWith(prefix))
  if (!exempt && (loc.forceSslRedirect || (loc.sslRedirect && server.tlsFrom))) {
    const why = loc.forceSslRedirect ? 'force-ssl-redirect' : `ssl-redirect, certificate from Ingress ${ingressName(server.tlsFrom)}`
    const slash = loc.preserveTrailingSlash ? '' : ', trailing / removed'
    lines.push(`# ingress-nginx Lua: plain http gets ${routes.environment.httpRedirectCode} https://$host$request_uri (${why}${slash})`)
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
    lines.push(`# ingress-nginx Lua: canary upstream ${canary.name} (Ingress ${ingressName(canary.ingress)}) by ${rules.join(', then ')}`)
  }
  return lines
}

function renderLocation(routes: CompiledRoutes, server: CompiledServer, loc: CompiledLocation, options: NginxConfOptions): string[] {
  const broken = brokenRegex(loc)
  if (broken) return [`# ${locationHead(loc)} left out: ${broken}`]
  const body: string[] = []
  if (loc.origin === 'healthz') {
    body.push('access_log off;', 'return 200;')
  } else if (loc.origin === 'nginx-status') {
    body.push('# ingress-nginx allows only its own pod here (stub_status); everyone else gets 403', 'deny all;')
  } else {
    const backend = loc.backend
    body.push(
      `set $namespace ${quoted(loc.ingress?.namespace ?? '')};`,
      `set $ingress_name ${quoted(loc.ingress?.name ?? '')};`,
      `set $service_name ${quoted(backend?.service ?? '')};`,
      `set $service_port ${quoted(backend ? String(backend.port) : '')};`,
      ...luaComments(routes, server, loc),
      `port_in_redirect ${loc.usePortInRedirects ? 'on' : 'off'};`,
      `set $proxy_upstream_name ${quoted(loc.upstream)};`,
    )
    if (options.routeHeader) body.push(`proxy_set_header X-Route ${quoted(`${loc.upstream}|${ingressName(loc.ingress)}`)};`)
    if (loc.redirect) body.push(`return ${loc.redirect.code} ${loc.redirect.url};`)
    if (loc.rewriteTarget !== null) body.push(`rewrite "(?i)${loc.path.replace(/"/g, '\\"')}" ${loc.rewriteTarget} break;`)
    body.push(`proxy_pass http://${loc.upstream};`)
  }
  const from = loc.ingress ? ` (${loc.pathType ?? 'root'} ${loc.ingressPath ?? '/'} of Ingress ${ingressName(loc.ingress)})` : ''
  return [`${locationHead(loc)} {${from ? ' #' + from : ''}`, ...body.map((line) => '    ' + line), '}']
}

function renderServer(routes: CompiledRoutes, server: CompiledServer, options: NginxConfOptions): string[] {
  const listen = options.listen ?? '80'
  const lines = [`## start server ${server.hostname}`, 'server {', `    server_name ${server.serverName} ;`]
  lines.push(`    listen ${listen}${server.hostname === CATCH_ALL ? ' default_server' : ''};`)
  if (server.tlsFrom) lines.push(`    # tls: ingress-nginx also serves https for this host (certificate from Ingress ${ingressName(server.tlsFrom)})`)
  if (server.regexEnforced) lines.push(`    # every location is a case-insensitive regex (ingress-nginx enforces it for the whole host): ${describeEnforcer(server)}`)
  for (const loc of server.locations) {
    lines.push('')
    if (loc.appRoot) {
      lines.push('    if ($uri = /) {', `        return 302 $scheme://$http_host${loc.appRoot};`, '    }')
    }
    for (const line of renderLocation(routes, server, loc, options)) lines.push('    ' + line)
  }
  lines.push('}', `## end server ${server.hostname}`, '')
  return lines
}

function renderUpstream(upstream: CompiledUpstream, options: NginxConfOptions): string[] {
  if (options.upstreamServer) return [`upstream ${upstream.name} {`, `    server ${options.upstreamServer(upstream)};`, '}']
  if (!upstream.backend) return [`upstream ${upstream.name} {`, '    server 127.0.0.1:8181; # the controller\'s built-in 404 backend', '}']
  const { service, port, namespace } = upstream.backend
  const placeholder = typeof port === 'number' ? port : 80
  return [
    `upstream ${upstream.name} {`,
    `    server 0.0.0.1:${placeholder}; # placeholder: ingress-nginx balances over the endpoints of Service ${namespace}/${service} port ${port}`,
    '}',
  ]
}

/** Renders the whole nginx.conf (a complete file `nginx -t` accepts). */
export function renderNginxConf(routes: CompiledRoutes, options: NginxConfOptions = {}): string {
  const env = routes.environment
  const longest = Math.max(32, ...routes.servers.map((server) => server.serverName.length))
  const bucket = 2 ** Math.ceil(Math.log2(longest + 8))
  const out: string[] = [
    '# nginx.conf as ingress-nginx would render it for these Ingresses: the parts that decide routing.',
    '# Generated by Ingress Studio. Lua-only behaviour (https redirects, canary) appears as comments.',
    ...describeEnvironment(env).map((line) => `#   ${line}`),
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
