/**
 * `routeRequest`: where one request goes under ingress-nginx, and why. Server by Host, URI normalisation,
 * app-root, nginx's location choice, then inside the location: redirect annotations, rewrite-target, the
 * https redirect, the canary decision and the proxy — each step written into the trace.
 */
import { applyRewrite } from './apply-rewrite'
import { decideCanary, headerKey } from './decide-canary'
import { msg } from '../messages/message'
import { describeLocation, describeServerChoice, ingressParam } from './describe'
import { decideHttpsRedirect } from './https-redirect'
import { normalizeHost } from './normalize-host'
import { escapeUri, parseTarget } from './normalize-uri'
import { createRandom } from './random'
import { findServer, indexRoutes } from './route-index'
import { answeredBy, RouteTrace, type Answer } from './route-trace'
import { selectLocation } from './select-location'
import type { CompiledRoutes, CompiledUpstream, RouteOptions, RouteRequest, RouteResult } from './types'

/** Splits `scheme://authority/target` without normalising anything (unlike `new URL`). */
export function splitUrl(url: string): { scheme: string; authority: string; target: string } | null {
  const colon = url.indexOf('://')
  if (colon <= 0 || !/^[A-Za-z][A-Za-z0-9+.-]*$/.test(url.slice(0, colon))) return null
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
    scheme: url.slice(0, colon).toLowerCase(),
    authority: at === -1 ? authority : authority.slice(at + 1),
    target: target === '' ? '/' : target.charCodeAt(0) === 47 ? target : '/' + target,
  }
}

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
  const found = findServer(index, host.host)
  const server = found.server
  trace.server(server, found.hostname)
  if (trace.on) trace.addMessage(describeServerChoice(server, found.how, host.host))
  if (trace.on) trace.noteServer(found.how, host.host, target.uri)

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
  trace.location(loc, entry.id)
  if (match.kind === 'auto-redirect') {
    const authority = compiled.environment.relativeRedirects ? '' : `${url.scheme}://${host.host}`
    const location = authority + escapeUri(entry.path) + (target.query ? '?' + target.query : '')
    if (trace.on) trace.autoRedirect(loc, location)
    return trace.finish({ status: 301, host: host.host, location, ...answeredBy(loc.ingress) }, msg('trace-answer-redirect', { status: 301, location }))
  }
  if (entry.fixedStatus !== null) {
    return trace.finish({ status: entry.fixedStatus, host: host.host }, trace.on ? msg('trace-answer-fixed', { status: entry.fixedStatus, location: describeLocation(loc) }) : undefined)
  }
  if (entry.redirect) {
    const { code, url: location } = entry.redirect
    if (trace.on) trace.add('trace-fixed-redirect', { code, ingress: ingressParam(loc.ingress) })
    return trace.finish({ status: code, host: host.host, location, ...answeredBy(loc.ingress) }, msg('trace-answer-redirect', { status: code, location }))
  }

  const requestUri = target.query === null ? target.rawPath : target.rawPath + '?' + target.query
  let upstreamUri = requestUri
  let rewrittenPath: string | null = null
  if (entry.rewriteTarget !== null) {
    const outcome = applyRewrite(entry.rewriteMatcher, entry.rewriteTarget, {
      scheme: url.scheme, method: request.method ?? 'GET', requestUri, uri: target.uri, args: target.query,
      hostHeader, host: host.host, serverName: server.serverName,
      serverPort: String(url.scheme === 'https' ? compiled.environment.httpsPort : 80), headers,
      quoted: target.quoted, plus: target.plus,
    })
    if (outcome.kind === 'redirect') {
      if (trace.on) trace.add(entry.rewriteTarget.startsWith('$scheme') ? 'trace-rewrite-scheme-redirect' : 'trace-rewrite-absolute', { target: entry.rewriteTarget })
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

  if (entry.toDefaultBackend) {
    return trace.finish({ status: 404, host: host.host }, msg('trace-answer-default-backend'))
  }
  if (!entry.hasCanary) {
    const answer: Answer = {
      status: 200, host: host.host, service: entry.service, port: entry.port, namespace: entry.namespace,
      ingress: entry.ingressName, upstream: entry.upstreamName, upstreamUri, rewrittenPath,
    }
    return trace.finish(answer, trace.on ? msg('trace-answer-proxied', { service: entry.service ?? '', port: entry.port ?? '', uri: upstreamUri }) : undefined)
  }
  const primary = entry.upstream as CompiledUpstream
  const decision = decideCanary(primary, index.upstreams, headers, collectCookies(request, headers), options.random ?? createRandom(1))
  const chosen = decision.canary ?? primary
  if (trace.on && decision.reason) trace.add('trace-canary', { reason: decision.reason })
  const by = decision.canary ? decision.canary.ingress : loc.ingress
  const answer: Answer = {
    status: 200,
    host: host.host,
    service: chosen.backend?.service ?? null,
    port: chosen.backend?.port ?? null,
    namespace: chosen.backend?.namespace ?? null,
    ingress: by?.name ?? null,
    upstream: chosen.name,
    upstreamUri,
    rewrittenPath,
    canary: decision.canary !== null,
  }
  return trace.finish(answer, trace.on ? msg('trace-answer-proxied', { service: String(chosen.backend?.service), port: String(chosen.backend?.port), uri: upstreamUri }) : undefined)
}
