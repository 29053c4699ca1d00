/**
 * `routeRequest`: where one request goes under ingress-nginx, and why. Server by Host, URI normalisation,
 * app-root, nginx's location choice, then inside the location: redirect annotations, rewrite-target, the
 * https redirect, the canary decision and the proxy — each step written into the trace.
 */
import { applyRewrite } from './apply-rewrite'
import { decideCanary, headerKey } from './decide-canary'
import { msg, type Message } from '../messages/message'
import { answerServerBlock } from './answer-server-block'
import { describeLocation, describeServerMatch, ingressParam } from './describe'
import { decideHttpsRedirect } from './https-redirect'
import { normalizeHost } from './normalize-host'
import { escapeUri, parseTarget } from './normalize-uri'
import { createRandom } from './random'
import { hasCertificate, indexRoutes, matchServer } from './route-index'
import { noEndpointsAnswer } from './backend-availability'
import { routeAffinity, stickyCanary } from './session-affinity'
import { answeredBy, RouteTrace, type Answer } from './route-trace'
import { answerRedirect, type RedirectAnswer } from './redirect-answer'
import { ANNOTATION_PREFIX, validationSetting } from './annotations'
import { selectLocation } from './select-location'
import { serverPortOf, type NginxCaptures, type NginxVariableRequest } from './nginx-variables'
import { expandHeaderValue, type LocationHeaders } from './upstream-headers'
import type { CompiledLocation, CompiledRoutes, CompiledUpstream, CustomHeaders, RouteOptions, RouteRequest, RouteResult } from './types'

/** Splits `scheme://authority/target` without normalising anything (unlike `new URL`). */
export function splitUrl(url: string): { scheme: string; authority: string; target: string } | null {
  let colon: number
  let scheme: string
  // Nearly every URL starts `http://` or `https://` in lower case: those skip the scheme's syntax check.
  if (url.startsWith('http://')) {
    colon = 4
    scheme = 'http'
  } else if (url.startsWith('https://')) {
    colon = 5
    scheme = 'https'
  } else {
    colon = url.indexOf('://')
    if (colon <= 0 || !URL_SCHEME.test(url.slice(0, colon))) return null
    scheme = url.slice(0, colon).toLowerCase()
  }
  let end = colon + 3
  while (end < url.length) {
    const ch = url.charCodeAt(end)
    if (ch === 47 || ch === 63 || ch === 35) break // '/', '?', '#'
    end++
  }
  const authority = url.slice(colon + 3, end)
  const at = authority.lastIndexOf('@')
  const target = url.slice(end)
  return {
    scheme,
    authority: at === -1 ? authority : authority.slice(at + 1),
    target: target === '' ? '/' : target.charCodeAt(0) === 47 ? target : '/' + target,
  }
}

const URL_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/

const NO_HEADERS: ReadonlyMap<string, string> = new Map()

function collectHeaders(request: RouteRequest): ReadonlyMap<string, string> {
  if (!request.headers) return NO_HEADERS
  const headers = new Map<string, string>()
  for (const name in request.headers) headers.set(headerKey(name), request.headers[name] as string)
  return headers
}

function collectCookies(request: RouteRequest, headers: ReadonlyMap<string, string>): Map<string, string> {
  const cookies = new Map<string, string>()
  for (const part of (headers.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0) cookies.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim())
  }
  for (const [name, value] of Object.entries(request.cookies ?? {})) cookies.set(name, value)
  return cookies
}

/**
 * Routes `request` through `compiled`. Never throws: an unparsable URL or Host is a 400, as nginx answers.
 * `options.random` feeds canary weights (default: a fresh seeded source per call, so answers repeat).
 */
export function routeRequest(compiled: CompiledRoutes, request: RouteRequest, options: RouteOptions = {}): RouteResult {
  const trace = new RouteTrace(compiled, options.trace !== false)
  const url = splitUrl(request.url)
  if (!url || (url.scheme !== 'http' && url.scheme !== 'https')) {
    return trace.finish({ status: 400, host: '' }, msg('trace-not-http-url', { url: request.url }))
  }
  const headers = collectHeaders(request)
  const hostHeader = headers.get('host') ?? url.authority
  const host = normalizeHost(hostHeader)
  if (host.kind === 'bad') return trace.finish({ status: 400, host: '' }, msg('trace-bad-request', { reason: host.reason }))
  const target = parseTarget(url.target)
  if (target.kind === 'bad') return trace.finish({ status: 400, host: host.host }, msg('trace-bad-request', { reason: target.reason }))
  trace.begin(url.scheme, host.host, target)

  const index = indexRoutes(compiled)
  const serverChoice = matchServer(index, host.host)
  if (serverChoice.kind !== 'server') {
    return answerServerBlock(compiled, serverChoice, trace, { scheme: url.scheme, host: host.host, target, headers, serverPort: request.serverPort })
  }
  const found = serverChoice.found
  const server = found.server
  trace.server(server, found.hostname)
  if (trace.on) trace.addMessage(describeServerMatch(serverChoice, host.host))
  if (trace.on) trace.noteServer(serverChoice.how, host.host, target.uri)

  const appRoot = found.appRoot
  if (appRoot && target.uri === '/') {
    const location = `${url.scheme}://${hostHeader}${appRoot.appRoot}`
    if (trace.on) trace.add('trace-app-root', { ingress: ingressParam(appRoot.ingress) })
    return trace.finish({ status: 302, host: host.host, location, ...answeredBy(appRoot.ingress) }, msg('trace-answer-redirect', { status: 302, location }))
  }

  const match = selectLocation(found, target.uri)
  if (trace.on) trace.locations(found, target.uri, match)
  if (match.kind === 'none') return trace.finish({ status: 404, host: host.host }, msg('trace-no-location'))
  const entry = match.entry
  const loc = entry.location
  if (match.kind === 'regex-error') return trace.finish({ status: 500, host: host.host }, msg('trace-answer-regex-error'))
  trace.location(entry)
  // absolute_redirect of the answering location: off with relative-redirects (ConfigMap at http level, or the
  // annotation in the location; nginx.tmpl), docs/routing.md#redirects.
  const absoluteRedirect = !(compiled.environment.relativeRedirects || loc.relativeRedirects === true)
  if (match.kind === 'auto-redirect') {
    const authority = absoluteRedirect ? `${url.scheme}://${host.host}` : ''
    const location = authority + escapeUri(entry.path) + (target.query ? '?' + target.query : '')
    if (trace.on) trace.autoRedirect(loc, location)
    if (trace.on && !absoluteRedirect) trace.add('trace-auto-redirect-relative', { why: relativeWhy(compiled, loc) })
    return trace.finish({ status: 301, host: host.host, location, ...answeredBy(loc.ingress) }, msg('trace-answer-redirect', { status: 301, location }))
  }
  if (entry.fixedStatus !== null) {
    return trace.finish({ status: entry.fixedStatus, host: host.host }, trace.on ? msg('trace-answer-fixed', { status: entry.fixedStatus, location: describeLocation(loc) }) : undefined)
  }
  // upstream-vhost, x-forwarded-prefix, custom-headers (docs/routing.md#upstream-request-headers); null for most locations.
  const extra = entry.headers
  if (extra !== null && extra.denied !== null) {
    // The controller denied the location (customheaders/main.go): nginx.tmpl writes `return 503` in place of
    // everything else in it, which nginx's rewrite module runs before ingress-nginx's Lua (https redirects).
    const denied = extra.denied
    if (trace.on) trace.add('trace-location-denied', { ingress: ingressParam(loc.ingress), configMap: denied.configMap, why: msg(DENIED_WHY[denied.reason], { header: denied.header ?? '' }) })
    return trace.finish({ status: 503, host: host.host, ...answeredBy(loc.ingress) }, msg('trace-answer-denied'))
  }
  if (entry.redirect) {
    // permanent-redirect / temporal-redirect: `return <code> <url>;` (docs/routing.md#redirects).
    const { code, url: value } = entry.redirect
    const variables = (): NginxVariableRequest => ({
      scheme: url.scheme, method: request.method ?? 'GET', requestUri: target.query === null ? target.rawPath : target.rawPath + '?' + target.query,
      uri: target.uri, args: target.query, hostHeader, host: host.host, serverName: server.serverName,
      serverPort: serverPortOf(compiled.environment, url.scheme, request.serverPort), headers,
    })
    const answer = answerRedirect(code, value, url.scheme, host.host, absoluteRedirect, variables)
    if (trace.on) traceRedirect(trace, compiled, loc, answer, value, url.scheme)
    if (answer.location === null) {
      return trace.finish({ status: answer.status, host: host.host, body: answer.body ?? '', ...answeredBy(loc.ingress) }, trace.on ? msg('trace-answer-body', { status: answer.status, body: answer.body ?? '' }) : undefined)
    }
    return trace.finish({ status: answer.status, host: host.host, location: answer.location, ...answeredBy(loc.ingress) }, msg('trace-answer-redirect', { status: answer.status, location: answer.location }))
  }

  const requestUri = target.query === null ? target.rawPath : target.rawPath + '?' + target.query
  let upstreamUri = requestUri
  let rewrittenPath: string | null = null
  /** The rewrite's captures, kept only for the header values that may read them. */
  let captures: NginxCaptures | undefined
  if (entry.rewriteTarget !== null) {
    const outcome = applyRewrite(entry.rewriteMatcher, entry.rewriteTarget, {
      scheme: url.scheme, method: request.method ?? 'GET', requestUri, uri: target.uri, args: target.query,
      hostHeader, host: host.host, serverName: server.serverName,
      serverPort: serverPortOf(compiled.environment, url.scheme, request.serverPort), headers,
      quoted: target.quoted, plus: target.plus,
    })
    if (outcome.kind === 'redirect') {
      if (trace.on) trace.rewriteRedirect(entry.rewriteTarget, outcome)
      return trace.finish({ status: 302, host: host.host, location: outcome.location, ...answeredBy(loc.ingress) }, msg('trace-answer-redirect', { status: 302, location: outcome.location }))
    }
    if (outcome.kind === 'match-limit') {
      if (trace.on) trace.rewrite(loc, outcome)
      return trace.finish({ status: 500, host: host.host }, msg('trace-answer-rewrite-limit'))
    }
    if (outcome.kind === 'empty-uri') {
      if (trace.on) trace.rewrite(loc, outcome)
      return trace.finish({ status: 500, host: host.host }, msg('trace-answer-rewrite-empty'))
    }
    if (outcome.kind === 'rewritten') {
      upstreamUri = outcome.upstreamUri
      rewrittenPath = escapeUri(outcome.path)
      if (extra !== null) captures = { groups: [undefined, ...outcome.captures], names: outcome.names }
    }
    if (trace.on) trace.rewrite(loc, outcome)
  }

  const env = compiled.environment
  const scheme = env.useForwardedHeaders ? headers.get('x_forwarded_proto') ?? url.scheme : url.scheme
  const httpHost = env.useForwardedHeaders ? (headers.get('x_forwarded_host')?.split(',')[0] ?? hostHeader) : hostHeader
  const https = decideHttpsRedirect(env, found, index, host.host, entry, scheme, httpHost, requestUri)
  if (https) {
    if (trace.on) trace.httpsRedirect(loc, https)
    return trace.finish({ status: https.code, host: host.host, location: https.location, ...answeredBy(loc.ingress) }, msg('trace-answer-redirect', { status: https.code, location: https.location }))
  }
  if (trace.on && serverChoice.alias && scheme === 'http' && entry.sslRedirect && !entry.forceSslRedirect && server.tlsFrom && !hasCertificate(index, host.host)) {
    trace.add('trace-alias-no-certificate', { host: host.host, server: server.hostname })
  }

  if (entry.toDefaultBackend) {
    return trace.finish({ status: 404, host: host.host }, msg('trace-answer-default-backend'))
  }
  // The proxy step: does the location's upstream have endpoints (backend-availability.ts)? Then the canary
  // decision, or the 503 / the default-backend annotation's Service (docs/routing.md#default-backend-annotation).
  const primary = entry.upstream as CompiledUpstream
  // The headers the upstream receives (docs/routing.md#upstream-request-headers): Host is $best_http_host unless
  // upstream-vhost says otherwise; the values are expanded only for the locations that have the annotations.
  const sent = extra === null ? null : (upstreamName: string): SentHeaders => sentHeaders(extra, loc, {
      request: {
        scheme: url.scheme, method: request.method ?? 'GET', requestUri, uri: target.uri, args: target.query, hostHeader, host: host.host,
        serverName: server.serverName, serverPort: serverPortOf(compiled.environment, url.scheme, request.serverPort), headers,
      },
      bestHttpHost: httpHost,
      upstreamName,
      captures,
    })
  if (entry.plainProxy && !trace.on) {
    // The hot path: one Service with endpoints, nothing to say (one object, no spread, without the annotations).
    if (sent === null) {
      return trace.finish({
        status: 200, host: host.host, service: entry.service, port: entry.port, namespace: entry.namespace,
        ingress: entry.ingressName, upstream: entry.upstreamName, upstreamUri, rewrittenPath, upstreamHost: httpHost,
      })
    }
    return trace.finish({
      status: 200, host: host.host, service: entry.service, port: entry.port, namespace: entry.namespace,
      ingress: entry.ingressName, upstream: entry.upstreamName, upstreamUri, rewrittenPath, ...sent(entry.upstreamName),
    })
  }
  // The Cookie header is read at most once, and only when a canary or session affinity asks for it.
  let cookieJar: ReadonlyMap<string, string> | undefined
  const cookies = (): ReadonlyMap<string, string> => (cookieJar ??= collectCookies(request, headers))
  const pick = chooseUpstream(compiled, loc, primary, index.upstreams, trace, cookies, headers, options)
  if (pick.kind === '503') {
    return trace.finish(
      { status: 503, host: host.host, service: entry.service, port: entry.port, namespace: entry.namespace, ingress: entry.ingressName, unavailable: pick.unavailable },
      trace.on ? msg('backend-trace-answer-503', { upstream: primary.name }) : undefined,
    )
  }
  // `pick.upstream` is the upstream whose balancer serves this request (primary, canary, or the custom default
  // backend): session affinity, when added, picks the pod inside it here.
  const { upstream: chosen } = pick
  // Session affinity (docs/routing.md#session-affinity): the pod inside the chosen upstream, and the cookie.
  const affinity = chosen.affinity && !pick.unavailable
    ? routeAffinity(chosen, {
      cookies: cookies(), host: host.host, serverIsCatchAll: server.hostname === '_',
      locationPath: loc.ingressPath ?? '/', https: url.scheme === 'https', userAgent: headers.get('user_agent') ?? null,
    }, options.random ?? createRandom(1), trace.on ? (step) => trace.addMessage(step) : null)
    : undefined
  const answer: Answer = {
    status: 200,
    host: host.host,
    service: pick.service,
    port: pick.port,
    namespace: chosen.backend?.namespace ?? entry.namespace,
    ingress: (pick.canary ? chosen.ingress : loc.ingress)?.name ?? null,
    upstream: pick.name,
    upstreamUri,
    rewrittenPath,
    canary: pick.canary,
    unavailable: pick.unavailable,
    affinity,
    // $proxy_upstream_name is the location's upstream (the custom default backend's when the controller pointed it there).
    upstreamHost: httpHost,
    ...(sent === null ? undefined : sent(pick.canary ? primary.name : pick.name)),
  }
  if (!trace.on) return trace.finish(answer)
  if (extra !== null) traceSentHeaders(trace, loc, extra, answer, hostHeader)
  return trace.finish(answer, pick.unavailable
    ? msg('backend-trace-answer-custom', { service: pick.service ?? '', port: pick.port ?? msg('backend-port-first-unknown'), uri: upstreamUri })
    : msg('trace-answer-proxied', { service: String(pick.service), port: String(pick.port), uri: upstreamUri }))
}

type Unavailable = NonNullable<RouteResult['unavailable']>

/** The upstream the balancer serves a request from, or the 503 of an upstream without endpoints. */
type UpstreamChoice =
  | { readonly kind: '503'; readonly unavailable: Unavailable }
  | {
    readonly kind: 'proxy'
    /** The compiled upstream whose Service answers (the primary for a custom default backend: its copy keeps the canary). */
    readonly upstream: CompiledUpstream
    /** The upstream name nginx proxies to (`custom-default-backend-…` for the annotation's Service). */
    readonly name: string
    readonly service: string | null
    readonly port: number | string | null
    readonly canary: boolean
    readonly unavailable: Unavailable | undefined
  }

/**
 * balancer.lua: the location's upstream needs a balancer (endpoints), else 503 — unless the controller pointed the
 * location at the default-backend annotation's Service (a copy of the upstream, canary included). The canary is
 * used only when its own upstream has endpoints ("no alternative balancer" keeps the primary), then by its rules.
 */
function chooseUpstream(
  compiled: CompiledRoutes,
  loc: CompiledLocation,
  primary: CompiledUpstream,
  upstreams: ReadonlyMap<string, CompiledUpstream>,
  trace: RouteTrace,
  cookies: () => ReadonlyMap<string, string>,
  headers: ReadonlyMap<string, string>,
  options: RouteOptions,
): UpstreamChoice {
  const availability = primary.availability
  let unavailable: Unavailable | undefined
  let name = primary.name
  let service = primary.backend?.service ?? null
  let port: number | string | null = primary.backend?.port ?? null
  if (!availability.endpoints) {
    const answer = noEndpointsAnswer(compiled, loc)
    const ingress = ingressParam(loc.ingress)
    if (trace.on) trace.add(answer.kind === '503' ? 'backend-trace-no-endpoints' : 'backend-trace-no-endpoints-custom', { upstream: primary.name, why: availability.text })
    if (answer.kind === '503') {
      if (trace.on && answer.annotation) trace.add('backend-trace-custom-unusable', { ingress, why: answer.annotation.text })
      return { kind: '503', unavailable: { upstream: primary.name, reason: availability.reason, customDefaultBackend: null } }
    }
    const annotation = answer.annotation
    if (trace.on) trace.add('backend-trace-custom', { ingress, why: annotation.text, upstream: annotation.upstream })
    unavailable = { upstream: primary.name, reason: availability.reason, customDefaultBackend: annotation.upstream }
    name = annotation.upstream
    service = annotation.service
    port = annotation.port
  } else if (trace.on) {
    trace.add(availability.assumed ? 'backend-trace-assumed' : 'backend-trace-endpoints', { upstream: primary.name, why: availability.text })
  }
  const first = primary.alternatives[0]
  const alternative = first === undefined ? undefined : upstreams.get(first)
  if (alternative && !alternative.availability.endpoints) {
    if (trace.on) trace.add('backend-trace-canary-no-endpoints', { upstream: alternative.name, why: alternative.availability.text })
  } else if (first !== undefined) {
    // Session affinity first (balancer.lua): a cookie naming the primary or the canary upstream keeps it there.
    const sticky = alternative ? stickyCanary(primary, alternative, cookies(), trace.on ? (step) => trace.addMessage(step) : null) : null
    if (sticky === 'primary') return { kind: 'proxy', upstream: primary, name, service, port, canary: false, unavailable }
    if (alternative && sticky === 'canary') {
      // The canary's own Service answers: the primary's missing endpoints (and its custom default backend) do not apply.
      return { kind: 'proxy', upstream: alternative, name: alternative.name, service: alternative.backend?.service ?? null, port: alternative.backend?.port ?? null, canary: true, unavailable: undefined }
    }
    const decision = decideCanary(primary, upstreams, headers, cookies(), options.random ?? createRandom(1))
    if (trace.on && decision.reason) trace.add('trace-canary', { reason: decision.reason })
    const canary = decision.canary
    if (canary) {
      return { kind: 'proxy', upstream: canary, name: canary.name, service: canary.backend?.service ?? null, port: canary.backend?.port ?? null, canary: true, unavailable: undefined }
    }
  }
  return { kind: 'proxy', upstream: primary, name, service, port, canary: false, unavailable }
}

/** Why absolute_redirect is off in `loc`: its Ingress's relative-redirects annotation, else the ConfigMap. */
function relativeWhy(compiled: CompiledRoutes, loc: CompiledLocation): Message {
  return loc.relativeRedirects === true
    ? msg('trace-relative-by-annotation', { ingress: ingressParam(loc.ingress) })
    : msg('trace-relative-by-configmap')
}

/** The trace steps of the redirect annotations: variables, then how nginx forms the Location (or the body). */
function traceRedirect(trace: RouteTrace, compiled: CompiledRoutes, loc: CompiledLocation, answer: RedirectAnswer, value: string, scheme: string): void {
  const annotation = ANNOTATION_PREFIX + (loc.redirect?.annotation ?? 'permanent-redirect')
  if (answer.expanded !== null) {
    trace.add('trace-redirect-variables', { validation: validationSetting(compiled.environment), url: value, expanded: answer.expanded })
  }
  const said = { annotation, ingress: ingressParam(loc.ingress), code: answer.status, url: answer.expanded ?? value }
  if (answer.form === 'body') trace.add('trace-redirect-body', said)
  else if (answer.form === 'absolute') trace.add('trace-redirect-absolute', said)
  else if (answer.form === 'kept-relative') trace.add('trace-redirect-kept-relative', { ...said, why: relativeWhy(compiled, loc) })
  else trace.add('trace-redirect-made-absolute', { ...said, scheme, location: answer.location ?? '' })
}

/** The upstream request's headers that `RouteResult` reports. */
type SentHeaders = Pick<Answer, 'upstreamHost' | 'upstreamHeaders'>

/** Host (upstream-vhost or $best_http_host) and X-Forwarded-Prefix as nginx expands them; an empty value sends none. */
function sentHeaders(extra: LocationHeaders, loc: CompiledLocation, context: Parameters<typeof expandHeaderValue>[2]): SentHeaders {
  const upstreamHost = extra.upstreamVhost === null ? context.bestHttpHost : expandHeaderValue(extra.upstreamVhost, loc, context)
  const prefix = extra.xForwardedPrefix === null ? '' : expandHeaderValue(extra.xForwardedPrefix, loc, context)
  return {
    upstreamHost,
    ...(prefix === '' ? {} : { upstreamHeaders: { 'X-Forwarded-Prefix': prefix } }),
  }
}

/** The trace steps of the headers a proxied request gets from annotations, and of custom-headers' response headers. */
function traceSentHeaders(trace: RouteTrace, loc: CompiledLocation, extra: LocationHeaders, answer: Answer, hostHeader: string): void {
  const ingress = ingressParam(loc.ingress)
  if (extra.upstreamVhost !== null) {
    trace.add('trace-upstream-vhost', { ingress, host: answer.upstreamHost ?? '', value: extra.upstreamVhost, requestHost: hostHeader })
  }
  const prefix = answer.upstreamHeaders?.['X-Forwarded-Prefix']
  if (prefix !== undefined) trace.add('trace-x-forwarded-prefix', { ingress, prefix })
  if (extra.xForwardedPrefixUnused !== null) trace.add('trace-x-forwarded-prefix-unused', { ingress })
  const custom = loc.customHeaders
  if (custom?.kind === 'headers') {
    const headers = Object.entries(custom.headers).map(([name, value]) => `${name}: ${value}`).join(', ')
    trace.add('trace-custom-headers', { ingress, headers, configMap: custom.configMap })
  }
}

/** The clause saying why custom-headers denied a location. */
const DENIED_WHY = {
  'configmap-missing': 'trace-location-denied-configmap-missing',
  'invalid-name': 'trace-location-denied-invalid-name',
  'invalid-value': 'trace-location-denied-invalid-value',
  'not-allowed': 'trace-location-denied-not-allowed',
} as const satisfies Readonly<Record<Extract<CustomHeaders, { kind: 'denied' }>['reason'], string>>
