/**
 * From draft locations to the locations nginx.conf lists (controller.go sort, location.go
 * updateServerLocations, template.go enforceRegexModifier/buildLocation): sort by path descending then by
 * length descending, expand plain Prefix `/foo` into `/foo/` plus `= /foo`, and render every location of a
 * host as `~* "^path"` when any of them uses use-regex or an effective rewrite-target.
 */
import { msg } from '../messages/message'
import { CATCH_ALL, type DraftLocation, type DraftServer } from './compile-servers'
import { toByteString } from './normalize-uri'
import { translatePcre, unescapeNginxToken } from './pcre'
import type { CompiledLocation, CompiledServer, IngressRef, RouteIssue } from './types'

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

function compareBytes(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1
}

/**
 * Stable sort by path (byte order) descending, then stable sort by byte length descending, as Go does — done as
 * one stable sort by (length descending, bytes descending), which orders alike.
 */
export function sortLocations(locations: readonly DraftLocation[]): DraftLocation[] {
  const keyed = locations.map((loc) => ({ loc, bytes: toByteString(loc.path) }))
  keyed.sort(byLengthThenBytesDescending)
  return keyed.map((entry) => entry.loc)
}

function byLengthThenBytesDescending(a: { readonly bytes: string }, b: { readonly bytes: string }): number {
  return b.bytes.length - a.bytes.length || compareBytes(b.bytes, a.bytes)
}

function needsRewrite(loc: DraftLocation): boolean {
  const target = loc.annotations?.rewriteTarget ?? ''
  return target !== '' && target !== loc.path
}

/** updateServerLocations: Prefix `/foo` becomes `/foo/` plus an exact `/foo` unless an Exact `/foo` exists. */
export function expandLocations(sorted: readonly DraftLocation[]): DraftLocation[] {
  const exactPaths = new Set(sorted.filter((loc) => loc.pathType === 'Exact').map((loc) => loc.path))
  const out: DraftLocation[] = []
  for (const loc of sorted) {
    if (loc.path === '/' || loc.pathType !== 'Prefix' || needsRewrite(loc) || loc.annotations?.useRegex) {
      out.push(loc)
      continue
    }
    const normalized = loc.path.endsWith('/') ? loc.path : loc.path + '/'
    out.push({ ...loc, path: normalized })
    if (!exactPaths.has(loc.path)) out.push({ ...loc, pathType: 'Exact', origin: 'exact-copy' })
  }
  return out
}

function controllerLocation(hostname: string, index: number, path: string, origin: 'healthz' | 'nginx-status', status: number): CompiledLocation {
  return {
    id: `${hostname}#${index}`, index, path, modifier: '', origin, ingressPath: null, pathType: null,
    upstream: '', backend: null, ingress: null, at: null, rewriteTarget: null, redirect: null, appRoot: null,
    useRegex: false, sslRedirect: false, forceSslRedirect: false, preserveTrailingSlash: false,
    usePortInRedirects: false, fixedStatus: status, jsRegex: null, conflicts: [],
  }
}

/** The rendered `server_name` (template.go buildServerName): wildcards become a one-label regex. */
export function buildServerName(hostname: string): string {
  if (!hostname.startsWith('*')) return hostname
  const rest = hostname.replace('*.', '')
  return '~^(?<subdomain>[\\w-]+)\\.' + rest.split('.').join('\\.') + '$'
}

/**
 * Prefix `/foo` and Prefix `/foo/` both expand to `location /foo/`; nginx refuses a configuration with a
 * duplicate static location, so ingress-nginx could not load it. The later one is dropped (and reported) so
 * the compiled model stays loadable.
 */
function dropDuplicates(hostname: string, locations: readonly DraftLocation[], issues: RouteIssue[]): DraftLocation[] {
  const enforced = locations.some((loc) => needsRewrite(loc) || loc.annotations?.useRegex === true)
  if (enforced) return [...locations]
  const seen = new Map<string, DraftLocation>()
  const out: DraftLocation[] = []
  for (const loc of locations) {
    const key = (loc.pathType === 'Exact' ? '= ' : '') + unescapeNginxToken(loc.path)
    const first = seen.get(key)
    if (!first) {
      seen.set(key, loc)
      out.push(loc)
      continue
    }
    if (loc.ingress && loc.at) {
      const where = { location: key, host: hostname }
      issues.push({
        code: 'route-conflict',
        severity: 'error',
        text: first.ingress
          ? msg('location-duplicate', { ...where, ingress: `${first.ingress.ref.namespace}/${first.ingress.ref.name}` })
          : msg('location-duplicate-of-controller', where),
        source: loc.ingress.ingress.source,
        at: [...loc.at, 'path'],
      })
    }
  }
  return out
}

function refOf(loc: DraftLocation): IngressRef | null {
  return loc.ingress ? loc.ingress.ref : null
}

/** Freezes one draft server into its compiled form; regex and D2 problems go to `issues`. */
export function finishServer(draft: DraftServer, issues: RouteIssue[]): CompiledServer {
  const expanded = dropDuplicates(draft.hostname, expandLocations(sortLocations(draft.locations)), issues)
  const enforcer = expanded.findIndex((loc) => needsRewrite(loc) || loc.annotations?.useRegex === true)
  const enforced = enforcer !== -1
  const hostname = draft.hostname
  const locations: CompiledLocation[] = expanded.map((loc, index) => {
    const annotations = loc.annotations
    const target = annotations?.rewriteTarget ?? ''
    const modifier = enforced ? '~*' : loc.pathType === 'Exact' ? '=' : ''
    let jsRegex: string | null = null
    if (modifier === '~*') {
      const translated = translatePcre(toByteString(unescapeNginxToken('^' + loc.path)), true)
      if (translated.kind === 'ok') jsRegex = translated.source
      else if (loc.ingress && loc.at) {
        issues.push({
          code: 'regex-unsupported',
          severity: 'warning',
          text: msg('location-regex-unsupported', { path: loc.path, reason: translated.reason }),
          source: loc.ingress.ingress.source,
          at: [...loc.at, 'path'],
        })
      }
    }
    const compiled: CompiledLocation = {
      id: `${hostname}#${index}`,
      index,
      path: loc.path,
      modifier,
      origin: loc.origin,
      ingressPath: loc.ingressPath,
      pathType: loc.writtenPathType,
      upstream: loc.upstream,
      backend: loc.backend,
      ingress: refOf(loc),
      at: loc.at,
      rewriteTarget: target !== '' && target !== loc.path ? target : null,
      redirect: annotations?.redirect ?? null,
      relativeRedirects: annotations?.relativeRedirects ?? false,
      appRoot: annotations && annotations.appRoot !== '' ? annotations.appRoot : null,
      useRegex: annotations?.useRegex ?? false,
      sslRedirect: annotations?.sslRedirect ?? false,
      forceSslRedirect: annotations?.forceSslRedirect ?? false,
      preserveTrailingSlash: annotations?.preserveTrailingSlash ?? false,
      usePortInRedirects: annotations?.usePortInRedirects ?? false,
      fixedStatus: null,
      jsRegex,
      conflicts: loc.conflicts.length === 0 ? [] : loc.conflicts.map((conflict) => ({ ingress: conflict.ingress.ref, at: conflict.at })),
    }
    // Request and response headers (docs/routing.md#upstream-request-headers): only when the Ingress sets them
    // (assigned, not spread: most locations have none, and keep one object shape).
    if (annotations && (annotations.upstreamVhost || annotations.xForwardedPrefix || annotations.customHeaders)) {
      const headers = compiled as Mutable<Pick<CompiledLocation, 'upstreamVhost' | 'xForwardedPrefix' | 'customHeaders'>>
      if (annotations.upstreamVhost) headers.upstreamVhost = annotations.upstreamVhost
      if (annotations.xForwardedPrefix) headers.xForwardedPrefix = annotations.xForwardedPrefix
      if (annotations.customHeaders) headers.customHeaders = annotations.customHeaders
    }
    return compiled
  })
  if (hostname === CATCH_ALL) {
    // nginx.tmpl adds these two to the catch-all server after the Ingress locations.
    locations.push(controllerLocation(hostname, locations.length, '/healthz', 'healthz', 200))
    locations.push(controllerLocation(hostname, locations.length, '/nginx_status', 'nginx-status', 403))
  }
  if (enforced) reportEnforcement(hostname, expanded, enforcer, issues)
  return {
    hostname,
    kind: hostname === CATCH_ALL ? 'catch-all' : hostname.startsWith('*.') ? 'wildcard' : 'exact',
    serverName: buildServerName(hostname),
    createdBy: draft.createdBy ? draft.createdBy.ref : null,
    regexEnforced: enforced,
    regexEnforcedBy: enforced ? `${hostname}#${enforcer}` : null,
    tlsFrom: draft.tlsFrom ? draft.tlsFrom.ref : null,
    locations,
  }
}

/** One D2 note per other Ingress whose typed paths lose their semantics on this host. */
function reportEnforcement(hostname: string, expanded: readonly DraftLocation[], enforcer: number, issues: RouteIssue[]): void {
  const cause = expanded[enforcer] as DraftLocation
  // The enforcing location has annotations, so it comes from an Ingress.
  const causeName = cause.ingress ? `${cause.ingress.ref.namespace}/${cause.ingress.ref.name}` : ''
  const annotation = cause.annotations?.useRegex ? 'use-regex' : 'rewrite-target'
  const seen = new Set<unknown>()
  for (const loc of expanded) {
    if (!loc.ingress || !loc.at || loc.origin !== 'rule' || seen.has(loc.ingress)) continue
    if (loc.ingress === cause.ingress || loc.annotations?.useRegex) continue
    seen.add(loc.ingress)
    issues.push({
      code: 'regex-enforced',
      severity: 'info',
      text: msg('host-regex-enforced', { annotation, ingress: causeName, host: hostname }),
      source: loc.ingress.ingress.source,
      at: [...loc.at, 'path'],
    })
  }
}
