/**
 * The parity check itself (docs/migration.md#parity), once the Gateway API side is known: one model from the
 * Ingress files and the Gateway API text, the ingress-nginx routes and the Gateway's routes compiled from it, the
 * generated requests plus the user's own through both routers, and every request whose answer differs,
 * classified. `checkParity` (check-parity.ts) decides the Gateway API side and calls this.
 *
 * Each request goes through both routers untraced with the draw fixed at the lowest and at the top quantile; when
 * either router's two answers differ, it has a weighted choice, and the shares of both sides are compared
 * (`weighted-shares.ts`). Only differing requests are routed again with their traces.
 */
import { analyze, type SourceFile } from '../analyze'
import { compileGateways } from '../gateway/compile-gateways'
import { gatewayRequestOf } from '../gateway/gateway-request'
import { pickGateway } from '../gateway/pick-gateway'
import { routeGatewayRequest } from '../gateway/route-gateway-request'
import type { CompiledGateways, GatewayRouteResult } from '../gateway/types'
import type { Message } from '../messages/message'
import type { ConversionFinding } from '../migrate/gateway/types'
import type { ClusterModel } from '../model/types'
import type { SourceOptions } from '../source/parse-sources'
import { compileRoutes } from '../route/compile-routes'
import { routeRequest } from '../route/route-request'
import type { CompiledRoutes, RouteRequest, RouteResult } from '../route/types'
import { PARITY_CAUSES } from './causes'
import { classifyDifference } from './classify-difference'
import { answerKey, differingFields, gatewayAnswer, ingressAnswer, requestFacts, type ParityAnswer, type RequestFacts } from './compare-answers'
import { generateParityRequests, PARITY_REQUEST_LIMIT } from './generate-requests'
import type { GeneratedRequest, ParityDifference, ParityField, ParityGroup, ParityReport, ParityRequest, ParityShare } from './types'
import { gatewayBreakpoints, ingressBreakpoints, quantile, sameShares, serviceShares, sharesOf, TOP_QUANTILE, type Share } from './weighted-shares'

/** What the check runs on: the files of both sides, and the conversion's findings when it converted. */
export interface ParityInput {
  readonly files: readonly SourceFile[]
  /** The Gateway API objects (the conversion's text or the `against` files). */
  readonly gatewayFiles: readonly SourceFile[]
  /** `namespace/name` of the Gateway to route through, when decided (options or the conversion). */
  readonly gateway: string | null
  readonly findings: readonly ConversionFinding[] | null
  readonly requests: readonly ParityRequest[]
}

/** Everything both routers read, compiled once. */
export interface ParitySides {
  readonly model: ClusterModel
  readonly routes: CompiledRoutes
  readonly gateways: CompiledGateways
  readonly gateway: string
}

/** One model from both sides' files; the Gateway chosen. */
export function compileSides(files: readonly SourceFile[], gatewayFiles: readonly SourceFile[], gateway: string | null, source: SourceOptions = {}): ParitySides | { problem: Message } {
  const { model } = analyze([...files, ...gatewayFiles], { ...source, checks: false })
  const routes = compileRoutes(model)
  const gateways = compileGateways(model)
  // The Ingresses are the other side here, so the choice is among the Gateways alone.
  const picked = pickGateway(gateways, 0, gateway ?? undefined)
  if ('problem' in picked) return picked
  return { model, routes, gateways, gateway: picked.gateway }
}

function routeIngress(sides: ParitySides, request: RouteRequest, q: number, trace: boolean): RouteResult {
  return routeRequest(sides.routes, request, { random: quantile(q), trace })
}

function routeGateway(sides: ParitySides, request: RouteRequest, q: number, trace: boolean): GatewayRouteResult {
  return routeGatewayRequest(sides.gateways, sides.gateway, gatewayRequestOf(request), { random: quantile(q), trace })
}

function describeShares(shares: Map<string | null, number>): string {
  return [...shares.entries()]
    .sort((a, b) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1))
    .map(([service, share]) => `${service ?? '-'} ${Math.round(share * 1000) / 10}%`)
    .join(', ')
}

function sameServiceShares(a: Map<string | null, number>, b: Map<string | null, number>): boolean {
  if (a.size !== b.size) return false
  for (const [service, share] of a) if (Math.abs((b.get(service) ?? -1) - share) >= 1e-6) return false
  return true
}

function toParityShares(shares: readonly Share[]): ParityShare[] {
  return shares.map((s) => ({ service: s.answer.service, status: s.answer.status, share: s.share }))
}

/** The comparison of one request; null when both sides answer alike. */
export function compareRequest(sides: ParitySides, request: ParityRequest, findings: readonly ConversionFinding[] | null): ParityDifference | null {
  const facts = requestFacts(request)
  const i0 = routeIngress(sides, request, 0, false)
  const g0 = routeGateway(sides, request, 0, false)
  const ia0 = ingressAnswer(sides.model, facts, i0)
  const ga0 = gatewayAnswer(facts, g0)
  const i1 = routeIngress(sides, request, TOP_QUANTILE, false)
  const g1 = routeGateway(sides, request, TOP_QUANTILE, false)
  const ingressWeighted = answerKey(ia0) !== answerKey(ingressAnswer(sides.model, facts, i1))
  const weighted = ingressWeighted || answerKey(ga0) !== answerKey(gatewayAnswer(facts, g1))
  if (!weighted) {
    const fields = differingFields(ia0, ga0)
    if (fields.length === 0) return null
    return difference(sides, request, facts, 0, fields, null, findings)
  }
  const ingressShares = sharesOf((q) => ingressAnswer(sides.model, facts, routeIngress(sides, request, q, false)), ingressBreakpoints(sides.routes, i0))
  const gatewayShares = sharesOf((q) => gatewayAnswer(facts, routeGateway(sides, request, q, false)), gatewayBreakpoints(sides.gateways, g0))
  if (sameShares(ingressShares, gatewayShares)) return null
  // A quantile where the two answers differ shows the difference with real answers and traces.
  const points = [...new Set([0, TOP_QUANTILE, ...ingressBreakpoints(sides.routes, i0), ...gatewayBreakpoints(sides.gateways, g0)].flatMap((p) => [p, Math.max(0, p - 1e-9)]))].sort((a, b) => a - b)
  let at = 0
  let fields: ParityField[] = []
  for (const q of [...points, ...Array.from({ length: 16 }, (_, i) => (i + 0.5) / 16)]) {
    fields = differingFields(ingressAnswer(sides.model, facts, routeIngress(sides, request, q, false)), gatewayAnswer(facts, routeGateway(sides, request, q, false)))
    if (fields.length > 0) {
      at = q
      break
    }
  }
  const ingressByService = serviceShares(ingressShares)
  const gatewayByService = serviceShares(gatewayShares)
  // A weight difference when both sides send some of these requests to one same backend; when they share none, the
  // requests go elsewhere altogether (a path, a host) and the one draw below is classified like any other.
  const shared = [...ingressByService.keys()].some((service) => service !== null && gatewayByService.has(service))
  const byWeight = shared && !sameServiceShares(ingressByService, gatewayByService)
  if (fields.length === 0) fields = ['service']
  const shares = byWeight ? { ingress: describeShares(ingressByService), gateway: describeShares(gatewayByService), ingressWeighted } : null
  const found = difference(sides, request, facts, at, fields, shares, findings)
  return { ...found, shares: { ingressNginx: toParityShares(ingressShares), gatewayApi: toParityShares(gatewayShares) } }
}

function difference(
  sides: ParitySides, request: ParityRequest, facts: RequestFacts, q: number, fields: readonly ParityField[],
  shares: { ingress: string; gateway: string; ingressWeighted: boolean } | null, findings: readonly ConversionFinding[] | null,
): ParityDifference {
  const ingressNginx = routeIngress(sides, request, q, true)
  const gatewayApi = routeGateway(sides, request, q, true)
  const ia: ParityAnswer = ingressAnswer(sides.model, facts, ingressNginx)
  const ga: ParityAnswer = gatewayAnswer(facts, gatewayApi)
  const classified = classifyDifference(
    { request, facts, ingress: ingressNginx, gatewayResult: gatewayApi, ingressAnswer: ia, gatewayAnswer: ga, fields, shares },
    { model: sides.model, routes: sides.routes, gateways: sides.gateways, gateway: sides.gateway, findings },
  )
  return { request, ingressNginx, gatewayApi, fields, ...classified }
}

/** One group per cause: count descending, then the cause's place in `PARITY_CAUSES`. */
export function groupDifferences(differences: readonly ParityDifference[]): ParityGroup[] {
  const groups = new Map<string, ParityGroup>()
  for (const d of differences) {
    const group = groups.get(d.cause)
    groups.set(d.cause, { cause: d.cause, explanation: d.explanation, count: (group?.count ?? 0) + 1 })
  }
  const order = (cause: string): number => (PARITY_CAUSES as readonly string[]).indexOf(cause)
  return [...groups.values()].sort((a, b) => b.count - a.count || order(a.cause) - order(b.cause))
}

/** The user's request as a plain ParityRequest (method and maps filled in). */
function normaliseRequest(request: ParityRequest): ParityRequest {
  return { url: request.url, method: request.method || 'GET', headers: request.headers ?? {}, cookies: request.cookies ?? {} }
}

/** The report for compiled sides: the generated requests, then the user's own. */
export function runParity(sides: ParitySides, requests: readonly ParityRequest[], findings: readonly ConversionFinding[] | null): ParityReport {
  const generated: (ParityRequest | GeneratedRequest)[] = generateParityRequests(sides.routes, sides.gateways, sides.gateway)
  const all = [...generated, ...requests.map(normaliseRequest)]
  const differences: ParityDifference[] = []
  for (const request of all) {
    const found = compareRequest(sides, request, findings)
    if (found) differences.push('why' in request ? { ...found, why: (request as GeneratedRequest).why } : found)
  }
  const limited = generated.length >= PARITY_REQUEST_LIMIT
  return { equivalent: differences.length === 0, requests: all.length, gateway: sides.gateway, differences, groups: groupDifferences(differences), ...(limited ? { limited } : {}) }
}
