/**
 * What each ingress-nginx annotation becomes in the Ingress → Gateway API conversion (docs/migration.md#annotations).
 * The structure (`convert-to-gateway.ts`) converts the spec and calls these three:
 * - `mapPathAnnotations`: the rules of one Ingress path in order (canary header and cookie rules before the
 *   weighted rule), with the path's match (use-regex, rewrite captures), filters (rewrite-target, upstream-vhost,
 *   x-forwarded-prefix, custom-headers) or its redirect (permanent-redirect, temporal-redirect, a rewrite to a URL);
 * - `mapIngressAnnotations`: what an Ingress adds to its routes (app-root's rule, server-alias hostnames, the
 *   from-to-www-redirect routes) and the findings about the Ingress as a whole (use-regex, the host-wide regex switch);
 * - `unconvertedAnnotationFindings`: every annotation without an equivalent, with what the route does instead.
 * Annotation values are read once, by the route stage (route/annotations.ts `readAnnotations`), and the host-wide
 * facts come from its compiled servers; nothing here parses them again.
 */
import { msg } from '../../messages/message'
import type { Ingress } from '../../model/types'
import { ANNOTATION_PREFIX, type IngressAnnotations } from '../../route/annotations'
import { enforcerMessage, ingressParam } from '../../route/describe'
import type { RouteEnvironment } from '../../route/environment'
import type { CompiledLocation, CompiledRoutes, CompiledServer } from '../../route/types'
import { annotationFinding } from './annotation-finding'
import type { DraftFilter, DraftHostRedirect, DraftRule, IngressAnnotationOutput, PathAnnotationInput, PathAnnotationOutput } from './draft'
import { canaryRules } from './map-canary'
import { customHeadersFilter, forwardedPrefixFilter, upstreamHostname } from './map-headers'
import { hasTopLevelAlternation, mapRewrite, strippedPrefix } from './map-rewrite'
import { isRedirectCode, redirectFilterOf } from './redirect-url'
import type { ConversionFinding } from './types'

export { ANNOTATION_CONVERSION_CODES } from './annotation-finding'
export { unconvertedAnnotationFindings } from './unconverted-annotations'

/** permanent-redirect / temporal-redirect as the rule's RequestRedirect; null when there is none or it cannot be said. */
function annotationRedirect(input: PathAnnotationInput, findings: ConversionFinding[]): DraftFilter | null {
  const { redirect, relativeRedirects } = input.annotations
  if (redirect === null) return null
  const ingress = input.path.ingress
  const params = { annotation: redirect.annotation, url: redirect.url, code: redirect.code }
  const target = redirectFilterOf(redirect.url, redirect.code)
  if (target.kind !== 'ok') {
    const id = target.kind === 'code' ? 'ma-redirect-code' : target.kind === 'variables' ? 'ma-redirect-variables' : 'ma-redirect-not-url'
    findings.push(annotationFinding('annotation-not-converted', ingress, target.kind === 'code' ? `${redirect.annotation}-code` : redirect.annotation, msg(id, params)))
    return null
  }
  const differs = (id: Parameters<typeof msg>[0], extra: Record<string, string> = {}): void => {
    findings.push(annotationFinding('annotation-partly-converted', ingress, redirect.annotation, msg(id, { ...params, ...extra })))
  }
  if (target.dropped !== null) differs('ma-redirect-target-query', { dropped: target.dropped })
  else if (target.requestUri) findings.push(annotationFinding('annotation-converted', ingress, redirect.annotation, msg('ma-redirect-request-uri', params)))
  else differs('ma-redirect-query')
  if (target.noPath) differs('ma-redirect-no-path')
  if (relativeRedirects && redirect.url.startsWith('/')) differs('ma-redirect-relative')
  return target.filter
}

/**
 * The rules of one Ingress path, in order, and what differs. A redirect (annotation, or a rewrite to a URL) makes
 * one rule without backends, as nginx's `return` answers before the rewrite and the canary; otherwise the canary's
 * header and cookie rules come first, then the rule with the (weighted) backends, all with the path's filters.
 */
export function mapPathAnnotations(input: PathAnnotationInput): PathAnnotationOutput {
  const { path, annotations } = input
  const findings: ConversionFinding[] = []
  const base = path.rule
  const original = base.matches[0]?.path ?? { type: 'PathPrefix', value: '/' }
  const rewrite = mapRewrite(path, original, annotations, findings)
  const matches = base.matches.map((match) => ({ ...match, path: rewrite.path }))
  const redirectFindings: ConversionFinding[] = []
  const returned = annotationRedirect(input, redirectFindings)
  if (returned !== null) {
    // nginx's `return` answers before the rewrite runs: what the rewrite would have done does not matter.
    const kept = findings.filter((finding) => finding.annotation !== ANNOTATION_PREFIX + 'rewrite-target')
    return { rules: [{ ...base, matches, filters: [...(base.filters ?? []), returned], backendRefs: [] }], findings: [...kept, ...redirectFindings] }
  }
  findings.push(...redirectFindings)
  const redirect = rewrite.redirect
  if (redirect !== null) {
    return { rules: [{ ...base, matches, filters: [...(base.filters ?? []), redirect], backendRefs: [] }], findings }
  }
  const filters: DraftFilter[] = [...(base.filters ?? [])]
  const ingress = path.ingress
  const hostname = upstreamHostname(ingress, annotations, findings)
  if (hostname !== null || rewrite.rewrite !== null) {
    filters.push({ type: 'URLRewrite', urlRewrite: { ...(hostname !== null ? { hostname } : {}), ...(rewrite.rewrite !== null ? { path: rewrite.rewrite } : {}) } })
  }
  const prefix = forwardedPrefixFilter(ingress, annotations, rewrite.rewrite !== null, findings)
  if (prefix) filters.push(prefix)
  const headers = customHeadersFilter(ingress, annotations, findings)
  if (headers) filters.push(headers)
  const rule: DraftRule = { ...base, matches, ...(filters.length > 0 ? { filters } : {}) }
  return { rules: canaryRules(rule, input.canaries, findings), findings }
}

const serverIndexes = new WeakMap<CompiledRoutes, ReadonlyMap<string, CompiledServer>>()

/** The route stage's server for `host` (`_` for rules without host). */
function serverOf(routes: CompiledRoutes, host: string): CompiledServer | undefined {
  let index = serverIndexes.get(routes)
  if (!index) serverIndexes.set(routes, (index = new Map(routes.servers.map((server) => [server.hostname, server]))))
  return index.get(host)
}

/** The hosts `ingress` names in its rules, `_` for a rule without host (as the route stage names servers). */
function hostsOf(ingress: Ingress): string[] {
  return [...new Set(ingress.rules.map((rule) => (rule.host === '' ? '_' : rule.host)))]
}

function sameIngress(ref: { readonly namespace: string; readonly name: string } | null | undefined, ingress: Ingress): boolean {
  return ref !== null && ref !== undefined && ref.namespace === ingress.meta.namespace && ref.name === ingress.meta.name
}

/** The literal start of a regex path: every path it matches begins with it (letter case aside). */
function literalLead(pattern: string): string {
  if (hasTopLevelAlternation(pattern)) return '/'
  const meta = pattern.search(/[\\^$.|?*+()[\]{}]/)
  const lead = meta === -1 ? pattern : pattern.slice(0, meta)
  // A quantifier binds the character before it, which is then not certain.
  return meta !== -1 && /[?*{]/.test(pattern[meta] as string) ? lead.slice(0, -1) : lead
}

/**
 * The PathPrefix paths that match every path the regex `pattern` matches, longest first: `/` and each whole-segment
 * prefix of its literal start (docs/gateway-api.md#precedence), the start itself when a segment ends there.
 */
function coveringPrefixes(pattern: string): string[] {
  const lead = literalLead(pattern)
  const out = ['/']
  for (let i = lead.indexOf('/', 1); i !== -1; i = lead.indexOf('/', i + 1)) out.push(lead.slice(0, i), lead.slice(0, i + 1))
  const next = pattern.slice(lead.length)
  if (lead === pattern || next.startsWith('/') || next.startsWith('$') || next.startsWith('(/')) out.push(lead)
  return [...new Set(out)].sort((a, b) => b.length - a.length)
}

/** A server's use-regex rule locations by their Ingress (`namespace/name`). */
const regexIndexes = new WeakMap<CompiledServer, ReadonlyMap<string, readonly CompiledLocation[]>>()

function regexLocationsOf(server: CompiledServer, ingress: Ingress): readonly CompiledLocation[] {
  let index = regexIndexes.get(server)
  if (!index) {
    const built = new Map<string, CompiledLocation[]>()
    for (const loc of server.locations) {
      if (!loc.useRegex || loc.origin !== 'rule' || loc.ingress === null || loc.ingressPath === null) continue
      const key = `${loc.ingress.namespace}/${loc.ingress.name}`
      const list = built.get(key)
      if (list) list.push(loc)
      else built.set(key, [loc])
    }
    regexIndexes.set(server, (index = built))
  }
  return index.get(`${ingress.meta.namespace}/${ingress.meta.name}`) ?? []
}

/** A server's proxying PathPrefix locations (not regex, not Exact) by the path the route writes. */
const prefixIndexes = new WeakMap<CompiledServer, ReadonlyMap<string, readonly CompiledLocation[]>>()

function prefixIndexOf(server: CompiledServer): ReadonlyMap<string, readonly CompiledLocation[]> {
  let index = prefixIndexes.get(server)
  if (!index) {
    const built = new Map<string, CompiledLocation[]>()
    for (const loc of server.locations) {
      if (loc.useRegex || loc.backend === null || loc.pathType === 'Exact') continue
      const path = loc.ingressPath === null || loc.ingressPath === '' ? '/' : loc.ingressPath
      const list = built.get(path)
      if (list) list.push(loc)
      else built.set(path, [loc])
    }
    prefixIndexes.set(server, (index = built))
  }
  return index
}

/**
 * use-regex beside literal paths: the Gateway ranks every PathPrefix above any RegularExpression, while ingress-nginx
 * tried the regex first when it comes first in nginx.conf (a regex host tries every location in that order). One
 * finding per regex path and shadowing PathPrefix that covers the regex's literal start.
 */
function shadowedRegexes(ingress: Ingress, routes: CompiledRoutes): ConversionFinding[] {
  const out: ConversionFinding[] = []
  const said = new Set<string>()
  for (const host of hostsOf(ingress)) {
    const server = serverOf(routes, host)
    if (!server) continue
    const prefixes = prefixIndexOf(server)
    for (const regex of regexLocationsOf(server, ingress)) {
      if (regex.ingressPath === null) continue
      // Converted to PathPrefix (the rewrite's prefix pattern, or `/`): ranked by its length like the others.
      if (regex.ingressPath === '/' || regex.ingressPath === '/.*' || (regex.rewriteTarget !== null && strippedPrefix(regex.ingressPath, regex.rewriteTarget) !== null)) continue
      for (const prefix of coveringPrefixes(regex.ingressPath)) {
        for (const literal of prefixes.get(prefix) ?? []) {
          const key = `${host}|${regex.ingressPath}|${prefix}`
          if (literal.index < regex.index || said.has(key)) continue
          said.add(key)
          out.push(annotationFinding('annotation-partly-converted', ingress, 'use-regex', msg('ma-regex-shadowed', {
            host: host === '_' ? '*' : host, path: regex.ingressPath, prefix, ingress: ingressParam(literal.ingress),
          })))
        }
      }
    }
  }
  return out
}

const aliasOwners = new WeakMap<CompiledRoutes, ReadonlyMap<string, string>>()

/** Each alias name (lower case) → the hostname of the first server in nginx.conf order that names it. */
function aliasOwnersOf(routes: CompiledRoutes): ReadonlyMap<string, string> {
  let owners = aliasOwners.get(routes)
  if (!owners) {
    const built = new Map<string, string>()
    for (const server of routes.servers) {
      for (const alias of server.aliases ?? []) if (!built.has(alias.name.toLowerCase())) built.set(alias.name.toLowerCase(), server.hostname)
    }
    aliasOwners.set(routes, (owners = built))
  }
  return owners
}

/**
 * server-alias names as Gateway hostnames, per rule host of `ingress`: the aliases of the host's server (the first
 * Ingress with aliases for it gave them; nginx serves an alias with every Ingress's paths on the host). Exact names and
 * `*.x` as they are, `.x` as `x` and `*.x`; a regex or trailing wildcard is reported, by the Ingress that wrote it.
 */
function aliasHostnames(ingress: Ingress, routes: CompiledRoutes, findings: ConversionFinding[]): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  const owners = aliasOwnersOf(routes)
  for (const host of hostsOf(ingress)) {
    const server = serverOf(routes, host)
    if (!server || !server.aliases || server.aliases.length === 0) continue
    const own = sameIngress(server.aliasesFrom, ingress)
    const names: string[] = []
    for (const alias of server.aliases) {
      const name = alias.name.toLowerCase()
      // A name two servers give: nginx keeps it on the first in nginx.conf ("conflicting server name … ignored").
      if (owners.get(name) !== server.hostname) continue
      if (alias.form === 'exact') names.push(name)
      else if (alias.form === 'wildcard-head' && name.startsWith('*.')) names.push(name)
      else if (alias.form === 'wildcard-head') names.push(name.slice(1), '*' + name)
      else if (own) findings.push(annotationFinding('annotation-not-converted', ingress, 'server-alias', msg('ma-alias-not-hostname', { alias: alias.name, host })))
    }
    if (names.length > 0) out[host === '_' ? '' : host] = [...new Set(names)]
  }
  return out
}

/** from-to-www-redirect: one redirect route per redirect server this Ingress made (route/host-aliases.ts). */
function hostRedirects(ingress: Ingress, routes: CompiledRoutes, environment: RouteEnvironment, findings: ConversionFinding[]): DraftHostRedirect[] {
  const out: DraftHostRedirect[] = []
  const code = environment.httpRedirectCode
  for (const server of routes.redirectServers ?? []) {
    if (!sameIngress(server.ingress, ingress)) continue
    if (!isRedirectCode(code)) continue
    const rule: DraftRule = {
      matches: [{ path: { type: 'PathPrefix', value: '/' } }],
      filters: [{ type: 'RequestRedirect', requestRedirect: { hostname: server.to, statusCode: code } }],
      backendRefs: [],
      comment: `from-to-www-redirect: ${server.from} → ${server.to}`,
    }
    out.push({ from: server.from, to: server.to, rule })
    findings.push(annotationFinding('annotation-partly-converted', ingress, 'from-to-www-redirect', msg('ma-www-redirect', { from: server.from, to: server.to, code })))
  }
  return out
}

/**
 * What `ingress`'s annotations add to its routes, and the findings about the Ingress as a whole. `routes` is the
 * route stage's compilation of the same input (compileRoutes): which server took the aliases, which redirect
 * servers exist, which hosts are regex-matched and why.
 */
export function mapIngressAnnotations(ingress: Ingress, annotations: IngressAnnotations, environment: RouteEnvironment, routes: CompiledRoutes): IngressAnnotationOutput {
  const findings: ConversionFinding[] = []
  const extraRules: DraftRule[] = []
  if (annotations.canary !== null) return { extraRules, findings }
  if (annotations.appRoot !== '') {
    // nginx.tmpl: `if ($uri = /) { return 302 $scheme://$http_host<app-root>; }` at server level.
    extraRules.push({
      matches: [{ path: { type: 'Exact', value: '/' } }],
      filters: [{ type: 'RequestRedirect', requestRedirect: { path: { type: 'ReplaceFullPath', replaceFullPath: annotations.appRoot }, statusCode: 302 } }],
      backendRefs: [],
      comment: `app-root: ${annotations.appRoot}`,
    })
    findings.push(annotationFinding('annotation-partly-converted', ingress, 'app-root', msg('ma-app-root', { path: annotations.appRoot })))
  }
  if (annotations.useRegex && ingress.rules.some((rule) => rule.paths.length > 0)) {
    findings.push(annotationFinding('annotation-implementation-specific', ingress, 'use-regex', msg('ma-regex-path')))
    findings.push(...shadowedRegexes(ingress, routes))
  }
  for (const host of hostsOf(ingress)) {
    const server = serverOf(routes, host)
    if (!server?.regexEnforced || annotations.useRegex) continue
    const cause = server.locations.find((loc) => loc.id === server.regexEnforcedBy)
    const annotation = cause?.rewriteTarget != null ? 'rewrite-target' : 'use-regex'
    findings.push(annotationFinding('regex-host', ingress, annotation, msg('ma-regex-host', { host: host === '_' ? '*' : host, cause: enforcerMessage(server) })))
  }
  const aliasesByHost = aliasHostnames(ingress, routes, findings)
  const redirects = hostRedirects(ingress, routes, environment, findings)
  return {
    extraRules, findings,
    ...(Object.keys(aliasesByHost).length > 0 ? { aliasesByHost } : {}),
    ...(redirects.length > 0 ? { hostRedirects: redirects } : {}),
  }
}
