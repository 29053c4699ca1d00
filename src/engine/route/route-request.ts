/**
 * `routeRequest`: where one request goes under ingress-nginx, and why. Server by Host, URI normalisation,
 * app-root, nginx's location choice, then inside the location: redirect annotations, rewrite-target, the
 * https redirect, the canary decision and the proxy — each step written into the trace.
 */
import { applyRewrite } from './apply-rewrite'
import { DEFAULT_UPSTREAM } from './compile-servers'
import { decideCanary, headerKey } from './decide-canary'
import { describeLocation, describeServerChoice, ingressName } from './describe'
import { decideHttpsRedirect } from './https-redirect'
import { normalizeHost } from './normalize-host'
import { escapeUri, parseTarget } from './normalize-uri'
import { createRandom } from './random'
import { findServer, hasCertificate, indexRoutes } from './route-index'
import { RouteTrace, type Answer } from './route-trace'
import { selectLocation } from './select-location'
import type { CompiledRoutes, CompiledUpstream, RouteOptions, RouteRequest, RouteResult } from './types'

/** Splits `scheme://authority/target` without normalising anything (unlike `new URL`). */
export function splitUrl(url: string): { scheme: string; authority: string; target: string } | null {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)(.*)$/s.exec(url)
  if (!match) return null
  const target = match[3] as string
  return {
    scheme: (match[1] as string).toLowerCase(),
    authority: (match[2] as string).replace(/^[^@]*@/, ''),
    target: target === '' ? '/' : target.startsWith('/') ? target : '/' + target,
  }
}

function collectHeaders(request: RouteRequest): Map<string, string> {
  const headers = new Map<string, string>()
  for (const [name, value] of Object.entries(request.headers ?? {})) headers.set(headerKey(name), value)
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
    return trace.finish({ status: 400, host: '' }, `"${request.url}" is not an http:// or https:// URL.`)
  }
  const headers = collectHeaders(request)
  const hostHeader = headers.get('host') ?? url.authority
  const host = normalizeHost(hostHeader)
  if (host.kind === 'bad') return trace.finish({ status: 400, host: '' }, `nginx rejects the request with 400: ${host.reason}.`)
  const target = parseTarget(url.target)
  if (target.kind === 'bad') return trace.finish({ status: 400, host: host.host }, `nginx rejects the request with 400: ${target.reason}.`)
  trace.begin(url.scheme, host.host, target)

  const index = indexRoutes(compiled)
  const found = findServer(index, host.host)
  const server = found.server.server
  trace.server(server)
  if (trace.on) trace.add(describeServerChoice(server, found.how, host.host))
  if (trace.on) trace.noteServer(found.how, host.host, target.uri)

  const appRoot = found.server.appRoot
  if (appRoot && target.uri === '/') {
    const location = `${url.scheme}://${hostHeader}${appRoot.appRoot}`
    if (trace.on) trace.add(`app-root of Ingress ${ingressName(appRoot.ingress)}: the path is exactly /, so the server answers 302 before choosing a location.`)
    return trace.finish({ status: 302, host: host.host, location, ingress: appRoot.ingress }, `Answer: 302 to ${location}.`)
  }

  const match = selectLocation(found.server, target.uri)
  if (trace.on) trace.locations(found.server, target.uri, match)
  if (match.kind === 'none') return trace.finish({ status: 404, host: host.host }, 'No location matches; nginx answers 404 itself.')
  const loc = match.location
  trace.location(loc)
  if (match.kind === 'auto-redirect') {
    const authority = compiled.environment.relativeRedirects ? '' : `${url.scheme}://${host.host}`
    const location = authority + escapeUri(loc.path) + (target.query ? '?' + target.query : '')
    if (trace.on) trace.autoRedirect(loc, location)
    return trace.finish({ status: 301, host: host.host, location, ingress: loc.ingress }, `Answer: 301 to ${location}.`)
  }
  if (loc.fixedStatus !== null) {
    return trace.finish({ status: loc.fixedStatus, host: host.host }, `Answer: ${loc.fixedStatus} from ${describeLocation(loc)}.`)
  }
  if (loc.redirect) {
    const { code, url: location } = loc.redirect
    if (trace.on) trace.add(`The location returns ${code} (permanent-redirect/temporal-redirect of Ingress ${ingressName(loc.ingress)}); the request path is not appended.`)
    return trace.finish({ status: code, host: host.host, location, ingress: loc.ingress }, `Answer: ${code} to ${location}.`)
  }

  const requestUri = target.rawPath + (target.query === null ? '' : '?' + target.query)
  let upstreamUri = requestUri
  let rewrittenPath: string | null = null
  if (loc.rewriteTarget !== null) {
    const outcome = applyRewrite(loc.path, loc.rewriteTarget, target.uri, target.query, target, index.rewriteRegexes)
    if (outcome.kind === 'redirect') {
      if (trace.on) trace.add(`rewrite-target ${loc.rewriteTarget} is an absolute URL, so nginx's rewrite answers 302.`)
      return trace.finish({ status: 302, host: host.host, location: outcome.location, ingress: loc.ingress }, `Answer: 302 to ${outcome.location}.`)
    }
    if (outcome.kind === 'rewritten') {
      upstreamUri = outcome.upstreamUri
      rewrittenPath = escapeUri(outcome.path)
    }
    if (trace.on) trace.rewrite(loc, outcome)
  }

  const scheme = compiled.environment.useForwardedHeaders ? headers.get('x_forwarded_proto') ?? url.scheme : url.scheme
  const httpHost = compiled.environment.useForwardedHeaders
    ? (headers.get('x_forwarded_host')?.split(',')[0] ?? hostHeader)
    : hostHeader
  const https = decideHttpsRedirect(compiled.environment, hasCertificate(index, host.host), loc, scheme, httpHost, requestUri)
  if (https) {
    if (trace.on) trace.httpsRedirect(loc, https)
    return trace.finish({ status: https.code, host: host.host, location: https.location, ingress: loc.ingress }, `Answer: ${https.code} to ${https.location}.`)
  }

  if (loc.upstream === DEFAULT_UPSTREAM || loc.backend === null) {
    return trace.finish({ status: 404, host: host.host }, "Answer: 404 from the controller's default backend.")
  }
  const primary = index.upstreams.get(loc.upstream) as CompiledUpstream
  const decision = decideCanary(primary, index.upstreams, headers, collectCookies(request, headers), options.random ?? createRandom(1))
  const chosen = decision.canary ?? primary
  if (trace.on && decision.reason) trace.add(`Canary: ${decision.reason}.`)
  const answer: Answer = {
    status: 200,
    host: host.host,
    ingress: decision.canary ? decision.canary.ingress : loc.ingress,
    backend: chosen.backend,
    upstream: chosen.name,
    upstreamUri,
    rewrittenPath,
    canary: decision.canary !== null,
  }
  return trace.finish(answer, `Answer: proxied to ${chosen.backend?.service}:${chosen.backend?.port} as ${upstreamUri}.`)
}
