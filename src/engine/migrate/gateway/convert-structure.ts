/**
 * The structure of the Ingress → Gateway API conversion (docs/migration.md#conversion): which Ingresses are
 * converted (those ingress-nginx serves, canaries merged into their primaries), the Gateway and its listeners,
 * one HTTPRoute per Ingress and host with its parentRefs, the http → https redirect split, ReferenceGrants for
 * references across namespaces, and the findings. What annotations make of a rule comes from the annotation
 * mapping, passed in (`AnnotationMapping`), so this module is tested on its own.
 */
import { formatMessage } from '../../messages/render'
import { msg } from '../../messages/message'
import type { ClusterModel, Ingress } from '../../model/types'
import { readAnnotations, type IngressAnnotations } from '../../route/annotations'
import type { RouteEnvironment } from '../../route/environment'
import { hasCertificate, indexRoutes } from '../../route/route-index'
import type { CompiledRoutes } from '../../route/types'
import type { Locator } from '../../source/locate'
import type { ParsedSources } from '../../source/parse-sources'
import { dnsName, hostPart, NameScope, routeNameFor } from './conversion-names'
import { convertHost, indexCompiled, type HostContext } from './convert-host'
import type { DraftRule, IngressAnnotationOutput, PathAnnotationInput, PathAnnotationOutput } from './draft'
import { coverage, existingPlan, writtenListeners, writtenPlan, type GatewayPlan, type OrderedIngress } from './plan-gateway'
import { commentReader } from './read-comments'
import { findingMaker, type FindingMaker } from './structure-findings'
import type { ConversionFinding, IngressKey } from './types'

/** What the annotation mapping (`map-annotations.ts`) contributes; the entry point wires the real one. */
export interface AnnotationMapping {
  readonly mapPath: (input: PathAnnotationInput) => PathAnnotationOutput
  readonly mapIngress: (ingress: Ingress, annotations: IngressAnnotations, environment: RouteEnvironment, routes: CompiledRoutes) => IngressAnnotationOutput
  readonly unconverted: (ingress: Ingress, annotations: IngressAnnotations) => readonly ConversionFinding[]
}

/** The input as the engine's stages read it. */
export interface ReadInput {
  readonly parsed: ParsedSources
  readonly model: ClusterModel
  readonly locate: Locator
  readonly compiled: CompiledRoutes
}

export interface DraftParentRef {
  readonly name: string
  readonly namespace?: string
  readonly sectionName: string
}

/** One HTTPRoute to write. */
export interface DraftRoute {
  readonly name: string
  readonly namespace: string
  readonly from: IngressKey
  /** Comment lines above the document (without `#`). */
  readonly comment: string
  readonly parentRefs: readonly DraftParentRef[]
  readonly hostnames: readonly string[]
  readonly rules: readonly DraftRule[]
}

export interface DraftReferenceGrant {
  readonly name: string
  readonly namespace: string
  readonly fromKind: 'Gateway' | 'HTTPRoute'
  readonly fromNamespace: string
  readonly toKind: 'Secret' | 'Service'
  readonly toNames: readonly string[]
}

/** Everything the conversion writes, before YAML. */
export interface ConversionDraft {
  readonly gateway: GatewayPlan & { readonly gatewayClass: string }
  readonly routes: readonly DraftRoute[]
  readonly grants: readonly DraftReferenceGrant[]
  readonly findings: readonly ConversionFinding[]
  /** The Ingresses whose TLS Secrets the written Gateway's listeners use (for `ConvertedObject.from`). */
  readonly gatewayFrom: readonly IngressKey[]
}

export interface StructureOptions {
  readonly gatewayNamespace: string | null
  readonly gatewayName: string
  readonly gatewayClass: string
}

/** `spec.rules` maxItems of the HTTPRoute CRD (v1.6.1). */
const MAX_RULES = 16

const keyOf = (ingress: Ingress): IngressKey => ({ namespace: ingress.meta.namespace, name: ingress.meta.name })
const named = (ingress: Ingress | { namespace: string; name: string }): string =>
  'meta' in ingress ? `${ingress.meta.namespace}/${ingress.meta.name}` : `${ingress.namespace}/${ingress.name}`

function parentRef(plan: GatewayPlan, namespace: string, sectionName: string): DraftParentRef {
  return plan.namespace === namespace ? { name: plan.name, sectionName } : { name: plan.name, namespace: plan.namespace, sectionName }
}

/** The hosts of an Ingress's rules, in the order written, each once (`''` for rules without host). */
function hostsOf(ingress: Ingress): string[] {
  return [...new Set(ingress.rules.map((rule) => rule.host))]
}

/** A redirect rule (one the annotations made, e.g. app-root or permanent-redirect) answers before the https redirect. */
function redirects(rule: DraftRule): boolean {
  return (rule.filters ?? []).some((filter) => filter.type === 'RequestRedirect')
}

/** Converts the served Ingresses of `input` (see the module comment). */
export function convertStructure(input: ReadInput, options: StructureOptions, mapping: AnnotationMapping): ConversionDraft {
  const { model, compiled } = input
  const environment = compiled.environment
  const finding = findingMaker(input.locate)
  const findings: ConversionFinding[] = []
  const annotationCache = new Map<number, IngressAnnotations>()
  const annotationsOf = (index: number): IngressAnnotations => {
    let read = annotationCache.get(index)
    if (!read) {
      read = readAnnotations(model.ingresses[index] as Ingress, environment, [], model.configMaps)
      annotationCache.set(index, read)
    }
    return read
  }

  // Which Ingresses: served, not canaries (a canary is merged into its primary's rules).
  const primaries: OrderedIngress[] = []
  const primaryIndexes: number[] = []
  for (const status of compiled.ingresses) {
    const ingress = model.ingresses[status.ref.index] as Ingress
    if (!status.served) {
      findings.push(finding('ingress-not-served', 'warning', ingress, [], msg('mg-ingress-not-served', { reason: status.reason })))
      continue
    }
    if (status.canary) continue
    primaries.push({ ingress, rank: status.rank })
    primaryIndexes.push(status.ref.index)
  }
  findings.push(...unmergedCanaries(input, finding))

  // The Gateway.
  const routeNamespaces = new Set(primaries.map(({ ingress }) => ingress.meta.namespace))
  const common = routeNamespaces.size === 1 ? ([...routeNamespaces][0] as string) : 'default'
  const gatewayNamespace = options.gatewayNamespace ?? common
  const existing = model.gateways.find((gateway) => gateway.meta.namespace === gatewayNamespace && gateway.meta.name === options.gatewayName) ?? null
  let plan: GatewayPlan
  const gatewayFrom: IngressKey[] = []
  if (existing) {
    plan = existingPlan(existing)
  } else {
    const written = writtenListeners(primaries, gatewayNamespace, routeNamespaces, finding)
    findings.push(...written.findings)
    plan = writtenPlan(gatewayNamespace, options.gatewayName, written.listeners, written.overLimit)
    gatewayFrom.push(...written.from)
  }

  // The routes.
  const ctx: HostContext = {
    model, environment, compiled: indexCompiled(compiled.servers, compiled.upstreams), annotationsOf, comments: commentReader(input.parsed), finding,
    mapPath: mapping.mapPath,
  }
  const routerIndex = indexRoutes(compiled)
  const scopes = new Map<string, NameScope>()
  const scopeOf = (namespace: string): NameScope => {
    let scope = scopes.get(namespace)
    if (!scope) scopes.set(namespace, (scope = new NameScope()))
    return scope
  }
  const routes: DraftRoute[] = []
  // An HTTPRoute holds at most 16 rules (the CRD's maxItems): more go to `<name>-2`, `<name>-3`, … with the same
  // parents and hostnames. Gateway API ranks rules across routes the same way, so the split changes no answer.
  const pushSplit = (route: DraftRoute): void => {
    for (let start = 0; start < Math.max(route.rules.length, 1); start += MAX_RULES) {
      const name = start === 0 ? route.name : scopeOf(route.namespace).claim(route.name)
      routes.push({ ...route, name, rules: route.rules.slice(start, start + MAX_RULES) })
    }
  }
  let hostnameRoutes = 0
  const catchAllRoutes: Ingress[] = []
  primaryIndexes.forEach((index) => {
    const ingress = model.ingresses[index] as Ingress
    const annotations = annotationsOf(index)
    const namespace = ingress.meta.namespace
    const ingressLevel = mapping.mapIngress(ingress, annotations, environment, compiled)
    findings.push(...ingressLevel.findings, ...mapping.unconverted(ingress, annotations))
    const hosts = hostsOf(ingress)
    if (hosts.length === 0 && ctx.compiled.roots.has(`${index}|_`)) hosts.push('')
    const objectComment = ctx.comments.objectComment(ingress.source)
    let usedDefault = false
    for (const host of hosts) {
      const converted = convertHost(ctx, ingress, index, host)
      findings.push(...converted.findings)
      if (converted.paths.includes(null) && ctx.compiled.roots.has(`${index}|${host === '' ? '_' : host}`)) usedDefault = true
      const rules = [...ingressLevel.extraRules, ...converted.rules]
      if (rules.length === 0) continue
      const hostIndex = ingress.rules.findIndex((rule) => rule.host === host)
      if (host.startsWith('*.')) {
        findings.push(finding('wildcard-host-depth', 'warning', ingress, ['spec', 'rules', hostIndex, 'host'], msg('mg-wildcard-host-depth', { host })))
      }
      const hostnames = host === '' ? [] : [host, ...(ingressLevel.aliasesByHost?.[host] ?? []).filter((name) => name !== host)]
      if (host === '') catchAllRoutes.push(ingress)
      else hostnameRoutes++
      const name = scopeOf(namespace).claim(routeNameFor(ingress.meta.name, host, hosts.length))
      const header = [' ' + formatMessage(msg('mg-converted-by', { ingress: named(ingress) }), 'en'), ...(objectComment ? [objectComment] : [])].join('\n')
      const base = { namespace, from: keyOf(ingress), hostnames, comment: header }
      const hostAt = hostIndex === -1 ? ['spec', 'defaultBackend'] : ['spec', 'rules', hostIndex, 'host']

      const http = plan.httpSection(host)
      const https = plan.httpsSection(host)
      const servedOverTls = host !== '' && hasCertificate(routerIndex, host)
      const redirect = annotations.forceSslRedirect || (annotations.sslRedirect && servedOverTls)
      if ((servedOverTls || redirect) && !https && !plan.overLimit.has(host)) {
        findings.push(finding(plan.existing ? 'gateway-listener-missing' : 'https-listener-missing', 'warning', ingress, hostAt,
          msg(plan.existing ? 'mg-gateway-https-missing' : 'mg-https-listener-missing', { host: host || '*', gateway: `${plan.namespace}/${plan.name}` })))
      }
      if (!http) {
        findings.push(finding('gateway-listener-missing', 'warning', ingress, hostAt, msg('mg-gateway-http-missing', { host: host || '*', gateway: `${plan.namespace}/${plan.name}` })))
      }
      for (const section of [http, https]) {
        if (section && !plan.admits(section, namespace)) {
          findings.push(finding('gateway-routes-not-allowed', 'warning', ingress, [], msg('mg-gateway-routes-not-allowed', { listener: section, gateway: `${plan.namespace}/${plan.name}`, namespace })))
        }
      }
      if (redirect && https) {
        pushSplit({ ...base, name, parentRefs: [parentRef(plan, namespace, https)], rules })
        if (http) {
          const code = environment.httpRedirectCode as 301 | 302 | 303 | 307 | 308
          const exempt = (path: string | null): boolean => path !== null && environment.noTlsRedirectLocations.some((prefix) => (path || '/').startsWith(prefix))
          const toHttps = [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: code } }] as const
          const redirectRules = rules.map((rule, i): DraftRule => {
            const path = i < ingressLevel.extraRules.length ? null : (converted.paths[i - ingressLevel.extraRules.length] ?? null)
            if (redirects(rule) || exempt(path)) return rule
            return { matches: rule.matches, filters: toHttps, backendRefs: [], ...(rule.comment ? { comment: rule.comment } : {}) }
          })
          // The host's root location (the controller's 404) carries this Ingress's annotations: ingress-nginx
          // redirects every other path of the host too, before its 404 (docs/routing.md#ssl-redirect).
          if (ctx.compiled.bareRoots.has(`${index}|${host === '' ? '_' : host}`)) {
            const comment = ' ' + formatMessage(msg('mg-comment-root-redirect'), 'en')
            redirectRules.push({ matches: [{ path: { type: 'PathPrefix', value: '/' } }], filters: toHttps, backendRefs: [], comment })
          }
          const redirectName = scopeOf(namespace).claim(dnsName(`${name}-https-redirect`))
          const redirectHeader = header + '\n ' + formatMessage(msg('mg-comment-https-redirect', { code }), 'en')
          pushSplit({ ...base, comment: redirectHeader, name: redirectName, parentRefs: [parentRef(plan, namespace, http)], rules: redirectRules })
          if (!annotations.preserveTrailingSlash) {
            findings.push(finding('https-redirect-trailing-slash', 'warning', ingress, hostAt, msg('mg-https-redirect-trailing-slash', { host })))
          }
        }
      } else {
        const sections = [http, servedOverTls ? https : null].filter((section): section is string => section !== null)
        pushSplit({ ...base, name, parentRefs: sections.map((section) => parentRef(plan, namespace, section)), rules })
      }
    }
    // from-to-www-redirect: a route of its own for the redirect server's name, attached like the Ingress's routes.
    for (const redirect of ingressLevel.hostRedirects ?? []) {
      const sections = [plan.httpSection(redirect.from), hasCertificate(routerIndex, redirect.from) ? plan.httpsSection(redirect.from) : null]
      const parentRefs = sections.filter((section): section is string => section !== null).map((section) => parentRef(plan, namespace, section))
      if (parentRefs.length === 0) continue
      routes.push({
        name: scopeOf(namespace).claim(dnsName(`${ingress.meta.name}-${hostPart(redirect.from)}`)),
        namespace,
        from: keyOf(ingress),
        comment: ' ' + formatMessage(msg('mg-converted-by', { ingress: named(ingress) }), 'en'),
        parentRefs,
        hostnames: [redirect.from],
        rules: [redirect.rule],
      })
    }
    if (ingress.defaultBackend && !usedDefault) {
      findings.push(finding('default-backend-unused', 'info', ingress, ['spec', 'defaultBackend'], msg('mg-default-backend-unused')))
    }
  })
  findings.push(...fallThroughs(routes, ctx, finding))
  if (hostnameRoutes > 0) {
    for (const ingress of catchAllRoutes) findings.push(finding('catch-all-route', 'warning', ingress, [], msg('mg-catch-all-route')))
  }

  return {
    gateway: { ...plan, gatewayClass: options.gatewayClass },
    routes,
    grants: referenceGrants(plan, routes),
    findings: distinctFindings(findings),
    gatewayFrom,
  }
}

/** A finding made once per path of an Ingress (a canary's cookie match, say) is said once: same code, place and text. */
function distinctFindings(findings: readonly ConversionFinding[]): ConversionFinding[] {
  const seen = new Set<string>()
  return findings.filter((finding) => {
    const key = JSON.stringify([finding.code, finding.source.file, finding.source.span.start, finding.source.span.end, finding.annotation, finding.text])
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * A host whose root is the controller's 404 in ingress-nginx, covered by another route's wildcard hostname: in
 * Gateway API its unmatched requests go on to the wildcard route (docs/gateway-api.md#precedence), where
 * ingress-nginx answers them from the host's own server.
 */
function fallThroughs(routes: readonly DraftRoute[], ctx: HostContext, finding: FindingMaker): ConversionFinding[] {
  const wildcards = [...new Set(routes.flatMap((route) => route.hostnames.filter((name) => name.startsWith('*.'))))]
  const out: ConversionFinding[] = []
  const seen = new Set<string>()
  ctx.model.ingresses.forEach((ingress, index) => {
    ingress.rules.forEach((rule, ruleIndex) => {
      const host = rule.host
      if (host === '' || host.startsWith('*.') || seen.has(`${index}|${host}`) || !ctx.compiled.bareRoots.has(`${index}|${host}`)) return
      const wildcard = wildcards.find((name) => coverage(name, host) > 0)
      if (wildcard === undefined) return
      if (!routes.some((route) => route.from.namespace === ingress.meta.namespace && route.from.name === ingress.meta.name && route.hostnames[0] === host)) return
      seen.add(`${index}|${host}`)
      out.push(finding('host-falls-through', 'warning', ingress, ['spec', 'rules', ruleIndex, 'host'], msg('mg-host-falls-through', { host, wildcard })))
    })
  })
  return out
}

/** Canary Ingresses ingress-nginx serves but merged into no primary: no route, as ingress-nginx gives them no traffic. */
function unmergedCanaries(input: ReadInput, finding: FindingMaker): ConversionFinding[] {
  const merged = new Set<number>()
  const byName = new Map(input.compiled.upstreams.map((upstream) => [upstream.name, upstream]))
  for (const upstream of input.compiled.upstreams) {
    const first = upstream.alternatives[0]
    const canary = first === undefined ? undefined : byName.get(first)
    if (canary?.ingress) merged.add(canary.ingress.index)
  }
  const out: ConversionFinding[] = []
  for (const status of input.compiled.ingresses) {
    if (!status.served || !status.canary || merged.has(status.ref.index)) continue
    out.push(finding('canary-not-merged', 'info', input.model.ingresses[status.ref.index] as Ingress, ['metadata', 'annotations'], msg('mg-canary-not-merged')))
  }
  return out
}

/**
 * ReferenceGrants for what crosses a namespace: a written Gateway's certificate Secrets in another namespace
 * (from Gateway), and backendRefs to a Service in another namespace (from HTTPRoute; a canary Ingress of another
 * namespace). One grant per target namespace and kind, naming each object.
 */
function referenceGrants(plan: GatewayPlan, routes: readonly DraftRoute[]): DraftReferenceGrant[] {
  const grants = new Map<string, { namespace: string; fromKind: 'Gateway' | 'HTTPRoute'; fromNamespace: string; toKind: 'Secret' | 'Service'; names: Set<string> }>()
  const add = (namespace: string, fromKind: 'Gateway' | 'HTTPRoute', fromNamespace: string, toKind: 'Secret' | 'Service', name: string): void => {
    const key = `${namespace}|${fromKind}|${fromNamespace}`
    let grant = grants.get(key)
    if (!grant) grants.set(key, (grant = { namespace, fromKind, fromNamespace, toKind, names: new Set() }))
    grant.names.add(name)
  }
  for (const listener of plan.listeners) {
    for (const ref of listener.certificateRefs ?? []) if (ref.namespace !== undefined) add(ref.namespace, 'Gateway', plan.namespace, 'Secret', ref.name)
  }
  for (const route of routes) {
    for (const rule of route.rules) {
      for (const backend of rule.backendRefs) if (backend.namespace !== undefined && backend.namespace !== route.namespace) add(backend.namespace, 'HTTPRoute', route.namespace, 'Service', backend.name)
    }
  }
  return [...grants.values()].map((grant) => ({
    name: dnsName(grant.fromKind === 'Gateway' ? `${plan.name}-certificates` : `${grant.fromNamespace}-routes-to-services`),
    namespace: grant.namespace,
    fromKind: grant.fromKind,
    fromNamespace: grant.fromNamespace,
    toKind: grant.toKind,
    toNames: [...grant.names].sort(),
  }))
}
