/**
 * Test support for the annotation mapping: a minimal stand-in for the structure (one HTTPRoute per Ingress and
 * host, one rule per path, the canaries merged by host, path and type) so the mapping's rules can be routed through
 * both routers before and beside `convertToGatewayApi`. Only tests import it.
 */
import { compileGateways } from '../gateway/compile-gateways'
import { gatewayRequestOf } from '../gateway/gateway-request'
import { routeGatewayRequest } from '../gateway/route-gateway-request'
import type { CompiledGateways, GatewayRouteResult } from '../gateway/types'
import type { ClusterModel, Ingress } from '../model/types'
import { readAnnotations, type IngressAnnotations } from '../route/annotations'
import { compileRoutes } from '../route/compile-routes'
import { routeRequest } from '../route/route-request'
import type { CompiledRoutes, RouteRequest, RouteResult } from '../route/types'
import { modelOf } from './models'
import type { DraftBackend, DraftCanary, DraftPath, DraftRule } from '../migrate/gateway/draft'
import { mapIngressAnnotations, mapPathAnnotations } from '../migrate/gateway/map-annotations'
import type { ConversionFinding } from '../migrate/gateway/types'

export interface HarnessConversion {
  readonly model: ClusterModel
  readonly routes: CompiledRoutes
  /** The Gateway `default/gw` (one HTTP listener on 80) and the HTTPRoutes, as JSON documents. */
  readonly text: string
  readonly rules: ReadonlyMap<string, readonly DraftRule[]>
  readonly findings: readonly ConversionFinding[]
}

function backendOf(ingress: Ingress, backend: Ingress['rules'][number]['paths'][number]['backend']): DraftBackend | null {
  if (backend.type !== 'service' || !('number' in backend.port)) return null
  return { name: backend.service, port: backend.port.number }
}

function annotationsOf(ingress: Ingress, model: ClusterModel, routes: CompiledRoutes): IngressAnnotations {
  return readAnnotations(ingress, routes.environment, [], model.configMaps)
}

/** Converts the Ingresses of `text` (Services and ConfigMaps beside them) with the annotation mapping. */
export function convertWithMapping(text: string): HarnessConversion {
  const model = modelOf(text)
  const routes = compileRoutes(model)
  const served = routes.ingresses.filter((status) => status.served).map((status) => model.ingresses[status.ref.index] as Ingress)
  const canaries = served.filter((ingress) => annotationsOf(ingress, model, routes).canary !== null)
  const findings: ConversionFinding[] = []
  const documents: unknown[] = [{
    apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'gw', namespace: 'default' },
    spec: { gatewayClassName: 'nginx', listeners: [{ name: 'http', port: 80, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'All' } } }] },
  }]
  const rulesByRoute = new Map<string, DraftRule[]>()
  for (const ingress of served) {
    const annotations = annotationsOf(ingress, model, routes)
    if (annotations.canary !== null) continue
    const added = mapIngressAnnotations(ingress, annotations, routes.environment, routes)
    findings.push(...added.findings)
    for (const rule of ingress.rules) {
      const rules: DraftRule[] = [...added.extraRules]
      for (const path of rule.paths) {
        const backend = backendOf(ingress, path.backend)
        if (!backend) continue
        const written = path.path === '' ? '/' : path.path
        const draft: DraftPath = {
          ingress, host: rule.host, pathType: path.pathType, ingressPath: path.path,
          rule: { matches: [{ path: { type: path.pathType === 'Exact' ? 'Exact' : 'PathPrefix', value: written } }], backendRefs: [backend] },
        }
        const merged: DraftCanary[] = []
        for (const canary of canaries) {
          const policy = annotationsOf(canary, model, routes).canary
          const same = canary.rules.flatMap((r) => (r.host === rule.host ? r.paths : [])).find((p) => p.path === path.path && p.pathType === path.pathType)
          const canaryBackend = same ? backendOf(canary, same.backend) : null
          if (policy && canaryBackend) merged.push({ ingress: canary, policy, backend: canaryBackend, annotations: annotationsOf(canary, model, routes) })
        }
        const mapped = mapPathAnnotations({ path: draft, annotations, environment: routes.environment, canaries: merged })
        findings.push(...mapped.findings)
        rules.push(...mapped.rules)
      }
      const name = `${ingress.meta.name}-${rule.host === '' ? 'any' : rule.host}`
      rulesByRoute.set(name, rules)
      documents.push({
        apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name, namespace: ingress.meta.namespace },
        spec: {
          parentRefs: [{ name: 'gw', namespace: 'default' }],
          ...(rule.host !== '' ? { hostnames: [rule.host, ...(added.aliasesByHost?.[rule.host] ?? [])] } : {}),
          rules: rules.map((r) => ({ matches: r.matches, ...(r.filters ? { filters: r.filters } : {}), backendRefs: r.backendRefs })),
        },
      })
      for (const redirect of added.hostRedirects ?? []) {
        documents.push({
          apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: `${name}-www`, namespace: ingress.meta.namespace },
          spec: { parentRefs: [{ name: 'gw', namespace: 'default' }], hostnames: [redirect.from], rules: [{ matches: redirect.rule.matches, filters: redirect.rule.filters, backendRefs: [] }] },
        })
      }
    }
  }
  const others = text.split(/^---\n/m).filter((doc) => !/^kind: Ingress$/m.test(doc))
  const gatewayText = [...others, ...documents.map((doc) => JSON.stringify(doc))].join('\n---\n')
  return { model, routes, text: gatewayText, rules: rulesByRoute, findings }
}

const compiledGateways = new WeakMap<HarnessConversion, CompiledGateways>()

/** One request through ingress-nginx (the Ingresses) and through the converted routes. */
export function bothRouters(conversion: HarnessConversion, request: RouteRequest): { readonly nginx: RouteResult; readonly gateway: GatewayRouteResult } {
  const nginx = routeRequest(conversion.routes, request, { trace: false })
  let gateways = compiledGateways.get(conversion)
  if (!gateways) compiledGateways.set(conversion, (gateways = compileGateways(modelOf(conversion.text))))
  const gateway = routeGatewayRequest(gateways, 'default/gw', gatewayRequestOf(request), { trace: false })
  return { nginx, gateway }
}

/** What a request comes to, comparable across routers: status, Service, the path sent upstream, the Location. */
export function answerOf(result: RouteResult | GatewayRouteResult, url: string): string {
  const path = new URL(url).pathname
  if (result.status === 200) return `${result.status} ${result.service} ${result.rewrittenPath ?? path}`
  if (result.location !== null) return `${result.status} ${result.location}`
  return String(result.status)
}
