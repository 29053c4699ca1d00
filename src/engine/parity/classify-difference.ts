/**
 * One differing request → its cause and fix (docs/migration.md#parity). Read from structured facts only: the
 * nginx server and location that answered (modifier, path as written, path type, use-regex, rewrite-target,
 * redirect, ssl-redirect, the canary of its upstream), the route, rule and match that answered on the Gateway
 * (match type and value, filters, backendRefs), how each side reaches the host, the Gateway's outcome, and the
 * conversion's findings for the answering Ingress. Never from the words of a trace. The first cause in
 * `PARITY_CAUSES` order whose facts hold wins.
 */
import { msg, type Message, type MessageParams } from '../messages/message'
import type { ClusterModel, HTTPRequestRedirect } from '../model/types'
import type { CompiledGateways, GatewayRouteResult } from '../gateway/types'
import type { CompiledLocation, CompiledRoutes, CompiledServer, RouteResult } from '../route/types'
import type { ConversionFinding } from '../migrate/gateway/types'
import { causeExplanation, FIX_KINDS, type ParityCause } from './causes'
import type { ParityAnswer, RequestFacts } from './compare-answers'
import { canaryOf, gatewayCounterpart, routeServing, gatewayReach, hasCaptures, ingressCounterpart, ingressReach, locationOf, matchOf, pathRelation, sameBarePath, serverOf, type GatewayMatchFacts } from './facts'
import type { ParityField, ParityFix, ParityRequest } from './types'

export interface ClassifyContext {
  readonly model: ClusterModel
  readonly routes: CompiledRoutes
  readonly gateways: CompiledGateways
  readonly gateway: string
  /** The conversion's findings (null when the Gateway API side was given). */
  readonly findings: readonly ConversionFinding[] | null
}

export interface DifferenceInput {
  readonly request: ParityRequest
  readonly facts: RequestFacts
  readonly ingress: RouteResult
  readonly gatewayResult: GatewayRouteResult
  readonly ingressAnswer: ParityAnswer
  readonly gatewayAnswer: ParityAnswer
  readonly fields: readonly ParityField[]
  /** The backends' shares differ (weights); null when neither side had a choice. */
  readonly shares: { readonly ingress: string; readonly gateway: string; readonly ingressWeighted: boolean } | null
}

export interface Classified {
  readonly cause: ParityCause
  readonly explanation: Message
  readonly fix: ParityFix
}

const isRedirect = (status: number): boolean => status >= 300 && status < 400

/** An Ingress path of type Exact (the `= /foo` twin of a Prefix path is still a prefix). */
const isExact = (location: CompiledLocation): boolean => location.pathType === 'Exact' && location.origin !== 'exact-copy'

/** An answer in a few tokens for the fix's words: `200 ns/svc:80 /path`, `308 → https://…`, `404`. */
export function describeAnswer(a: ParityAnswer): string {
  if (a.location !== null) return `${a.status} → ${a.location}`
  if (a.service === null) return String(a.status)
  return `${a.status} ${a.service}${a.port === null ? '' : `:${a.port}`}${a.rewrittenPath === null ? '' : ` ${a.rewrittenPath}`}`
}

function redirectOf(match: GatewayMatchFacts | null): HTTPRequestRedirect | null {
  const filter = match?.rule.filters.find((f) => f.type === 'RequestRedirect')
  return filter?.type === 'RequestRedirect' ? filter.requestRedirect : null
}

function tlsSecretFor(model: ClusterModel, server: CompiledServer | null, host: string): string {
  const from = server?.tlsFrom
  if (!from) return ''
  const ingress = model.ingresses[from.index]
  const entry = ingress?.tls.find((t) => t.hosts.includes(host) || t.hosts.includes(server.hostname)) ?? ingress?.tls[0]
  return entry?.secretName ? `${from.namespace}/${entry.secretName}` : ''
}

/** The cause of one difference, with its explanation and fix. */
export function classifyDifference(input: DifferenceInput, context: ClassifyContext): Classified {
  const { routes, gateways } = context
  const { facts, ingress, gatewayResult: g, ingressAnswer: ia, gatewayAnswer: ga } = input
  const found = locationOf(routes, ingress)
  const server = found?.server ?? serverOf(routes, ingress)
  const loc = found?.location ?? null
  const match = matchOf(gateways, g)
  const routeName = match ? match.route.ref.key : ''
  const ruleIndex = match ? match.rule.index : ''
  const ingressName = ingress.ingress === null ? '' : `${ingress.namespace ?? ''}/${ingress.ingress}`
  const host = g.host || ingress.host
  const base = { request: `${input.request.method} ${input.request.url}`, ingressAnswer: describeAnswer(ia), gatewayAnswer: describeAnswer(ga) }
  const done = (cause: ParityCause, params: MessageParams = {}): Classified => ({
    cause,
    explanation: causeExplanation(cause),
    fix: { kind: FIX_KINDS[cause], text: msg(`parity-fix-${cause}`, { ...base, ...params, ...placeParams(params) }) },
  })
  // The route and rule a fix names: the one that answered (or carries the path), else the route serving the host and
  // a new rule, else a new route.
  const placeParams = (params: MessageParams): MessageParams => {
    const route = typeof params.route === 'string' && params.route !== '-' && params.route !== '' ? params.route : (routeName || routeServing(gateways, context.gateway, host))
    const rule = typeof params.rule === 'number' && route === params.route ? params.rule : typeof ruleIndex === 'number' && route === routeName ? ruleIndex : null
    return {
      route: route ? msg('parity-route', { route }) : msg('parity-route-new'),
      rule: rule === null ? msg('parity-rule-new') : msg('parity-rule', { rule }),
    }
  }

  // The listeners: nothing takes the connection, or no certificate for it.
  const httpsNoListener = facts.scheme === 'https' && g.outcome === 'no-listener-host'
  if (g.outcome === 'no-listener' || g.outcome === 'tls-no-certificate' || g.outcome === 'misdirected' || httpsNoListener) {
    if (facts.scheme === 'https') return done('tls-listener', { host, gateway: context.gateway, secret: tlsSecretFor(context.model, server, host) || '-' })
    return done('http-listener', { host, gateway: context.gateway })
  }

  // ssl-redirect: one side sends http to https, the other does not.
  const ingressSsl = facts.scheme === 'http' && isRedirect(ia.status) && loc !== null && loc.redirect === null && (loc.sslRedirect || loc.forceSslRedirect) && (ia.location ?? '').startsWith('https://')
  const gatewayRedirect = redirectOf(match)
  const gatewaySsl = facts.scheme === 'http' && isRedirect(ga.status) && gatewayRedirect?.scheme === 'https' && gatewayRedirect.hostname === undefined && gatewayRedirect.path === undefined
  if (ingressSsl !== gatewaySsl) return done('ssl-redirect', { host, code: ingressSsl ? ia.status : ga.status, route: routeName || '-' })

  // Canary by header or cookie: the request carries what the canary, or the route's header match, looks for.
  const policy = canaryOf(routes, loc)
  const headerNames = Object.keys(input.request.headers).map((n) => n.toLowerCase())
  const carriesHeader = (policy?.header != null && headerNames.includes(policy.header.toLowerCase())) || (match?.match?.headers.length ?? 0) > 0
  const carriesCookie = policy?.cookie != null && Object.prototype.hasOwnProperty.call(input.request.cookies, policy.cookie)
  if ((input.shares === null || !input.shares.ingressWeighted) && (ia.service !== ga.service || ia.status !== ga.status)) {
    if (carriesHeader && headerNames.length > 0) return done('canary-header', { header: policy?.header ?? match?.match?.headers[0]?.name ?? '', route: routeName || '-', ingress: ingressName || '-' })
    if (carriesCookie) return done('canary-cookie', { cookie: policy?.cookie ?? '', route: routeName || '-', ingress: ingressName || '-' })
  }
  if (input.shares !== null) return done('canary-weight', { ingressShares: input.shares.ingress, gatewayShares: input.shares.gateway, route: routeName || '-' })

  // Where the request went (a status or backend differs): the host first, then the path.
  if (ia.status !== ga.status || ia.service !== ga.service) {
    // The host: each side reaches it by an exact name, a wildcard, or only its catch-all.
    const ingressHost = ingressReach(server)
    const gatewayHost = gatewayReach(gateways, context.gateway, host)
    const specific = (reach: string): boolean => reach === 'exact' || reach === 'wildcard'
    if (specific(ingressHost) !== specific(gatewayHost)) {
      if (ingressHost === 'wildcard' || gatewayHost === 'wildcard') return done('wildcard-host', { host, gateway: context.gateway })
      return done('host-not-served', { host, gateway: context.gateway })
    }
    const ingressDefault = loc !== null && (loc.origin === 'catch-all-backend' || (loc.origin === 'server-root' && loc.backend !== null))
    const gatewayCatchAll = match !== null && match.route.hostnames.length === 0 && (match.match?.path.type ?? 'PathPrefix') === 'PathPrefix' && (match.match?.path.value ?? '/') === '/'
    if ((ingressHost === 'any' && gatewayHost === 'any') || ingressDefault !== gatewayCatchAll) {
      if (ingressDefault || gatewayCatchAll || ingressHost === 'any') return done('default-backend', { host, route: routeName || '-', ingress: ingressName || '-' })
    }

    // The path: how the request path relates to the path each side answered with.
    const path = facts.path
    const ingressRule = loc !== null && (loc.origin === 'rule' || loc.origin === 'exact-copy') ? loc : null
    const written = ingressRule?.ingressPath ?? null
    const ingressRelation = written === null ? 'none' : pathRelation(written, path)
    const gatewayPath = match?.match?.path ?? null
    const gatewayRelation = gatewayPath === null || gatewayPath.type === 'RegularExpression' ? 'none' : pathRelation(gatewayPath.value, path)
    // Without a Gateway match, the fix names the rule that carries the same path (when one does).
    const counterpart = match === null && written !== null ? gatewayCounterpart(gateways, context.gateway, host, written) : null
    const pathParams = {
      path: written ?? gatewayPath?.value ?? path, route: (counterpart?.route.ref.key ?? routeName) || '-', rule: counterpart?.rule.index ?? ruleIndex, ingress: ingressName || '-',
    }
    // Both sides answered from the same path written the same way: the path is not why they differ.
    const samePath = ingressRule !== null && ingressRule.modifier !== '~*' && gatewayPath !== null && gatewayPath.type !== 'RegularExpression' &&
      written !== null && sameBarePath(written, gatewayPath.value) && isExact(ingressRule) === (gatewayPath.type === 'Exact')
    // nginx's own 301 to the path with a slash (a location ending in `/` asked without it).
    if (loc !== null && loc.redirect === null && ia.status === 301 && loc.path === path + '/') return done('trailing-slash', pathParams)
    if (!samePath) {
      if (ingressRule !== null && ingressRule.modifier === '~*' && ingressRelation === 'case') return done('case-sensitivity', pathParams)
      // A use-regex path without a regex metacharacter is still matched as `^path`: a character prefix, below.
      const ingressRegex = ingressRule?.useRegex === true && written !== null && /[\\^$.|?*+()[\]{}]/.test(written)
      if (ingressRegex || gatewayPath?.type === 'RegularExpression') {
        return done('regex-semantics', { ...pathParams, regex: ingressRegex ? (written ?? '') : (gatewayPath?.value ?? '') })
      }
      // A host ingress-nginx matches by regex (use-regex or rewrite-target on one of its paths): every path is `^path`,
      // a case-insensitive character prefix, Exact paths too (docs/routing.md#use-regex).
      if (ingressRule?.modifier === '~*' && !ingressRegex && (ingressRelation === 'segment' || ingressRelation === 'character' || ingressRelation === 'slash')) {
        return done('prefix-boundary', pathParams)
      }
      // The same path written on both sides with another type (Exact against a prefix): the path that answered on
      // one side and the same path on the other, whichever answered there.
      const pairs: [CompiledLocation | null, GatewayMatchFacts | null][] = []
      if (ingressRule !== null && written !== null) {
        pairs.push([ingressRule, gatewayPath !== null && match !== null && sameBarePath(written, gatewayPath.value) ? match : gatewayCounterpart(gateways, context.gateway, host, written)])
      }
      if (gatewayPath !== null && match !== null) {
        pairs.push([ingressRule !== null && written !== null && sameBarePath(written, gatewayPath.value) ? ingressRule : ingressCounterpart(server, gatewayPath.value), match])
      }
      for (const [ingressSpec, gatewaySpec] of pairs) {
        const gatewaySpecPath = gatewaySpec?.match?.path
        if (!ingressSpec?.ingressPath || !gatewaySpec || !gatewaySpecPath || !sameBarePath(ingressSpec.ingressPath, gatewaySpecPath.value)) continue
        if (isExact(ingressSpec) !== (gatewaySpecPath.type === 'Exact')) {
          return done('path-type', {
            ...pathParams, path: ingressSpec.ingressPath, route: gatewaySpec.route.ref.key, rule: gatewaySpec.rule.index,
            ingress: ingressSpec.ingress ? `${ingressSpec.ingress.namespace}/${ingressSpec.ingress.name}` : '-', type: ingressSpec.pathType ?? 'Prefix',
          })
        }
      }
      if (ingressRelation === 'slash' || gatewayRelation === 'slash') return done('trailing-slash', pathParams)
      if (ingressRelation === 'character') return done('prefix-boundary', pathParams)
      if (ingressRule !== null && gatewayPath !== null && written !== gatewayPath.value) {
        return done('path-precedence', { ...pathParams, gatewayPath: gatewayPath.value })
      }
    }
  }

  // Redirects on both sides.
  if (isRedirect(ia.status) && isRedirect(ga.status)) {
    // ingress-nginx's https redirect drops one trailing slash (unless preserve-trailing-slash), a redirect filter keeps it.
    if (ia.location !== null && ga.location !== null && ia.location !== ga.location && sameBarePath(ia.location.replace(/[?#].*$/, ''), ga.location.replace(/[?#].*$/, '')) && ia.location.replace(/^[^?#]*/, '') === ga.location.replace(/^[^?#]*/, '')) {
      return done('trailing-slash', { path: facts.path, route: routeName || '-', rule: ruleIndex, ingress: ingressName || '-' })
    }
    if (ia.location !== ga.location) return done('redirect-location', { route: routeName || '-', rule: ruleIndex, location: ia.location ?? '' })
    return done('redirect-status', { route: routeName || '-', rule: ruleIndex, code: ia.status })
  }
  if (isRedirect(ia.status) !== isRedirect(ga.status) && (loc?.redirect != null || redirectOf(match) !== null || (isRedirect(ia.status) && loc === null))) {
    return done('redirect-location', { route: routeName || '-', rule: ruleIndex, location: ia.location ?? '-' })
  }

  // The same backend, another path or Host upstream.
  if (ia.status === ga.status && ia.service === ga.service && ia.rewrittenPath !== ga.rewrittenPath) {
    if (loc?.rewriteTarget != null && hasCaptures(loc.rewriteTarget)) return done('rewrite-captures', { ingress: ingressName || '-', target: loc.rewriteTarget, expected: ia.rewrittenPath ?? '' })
    return done('rewrite-target', { route: routeName || '-', rule: ruleIndex, expected: ia.rewrittenPath ?? '', received: ga.rewrittenPath ?? '' })
  }
  if (ia.status === ga.status && ia.service === ga.service && ia.host !== ga.host) return done('upstream-host', { route: routeName || '-', rule: ruleIndex, expected: ia.host ?? '' })

  if (g.outcome === 'unsupported-filter') return done('unsupported-filter', { route: routeName || '-', rule: ruleIndex })
  const finding = context.findings?.find((f) => f.severity === 'warning' && f.annotation !== null && `${f.ingress.namespace}/${f.ingress.name}` === ingressName)
  if (finding) return done('unsupported-annotation', { ingress: ingressName, annotation: finding.annotation ?? '', what: finding.text })
  if (ia.service !== ga.service || ia.port !== ga.port) return done('backend-differs', { route: routeName || '-', rule: ruleIndex, service: ia.service ?? '-', port: ia.port ?? '-' })
  return done('other')
}
