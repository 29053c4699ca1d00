/**
 * The suite's shared names and its status helpers as data (kubernetes-sigs/gateway-api v1.6.1):
 * conformance/utils/suite/consts.go (namespaces, backend names), conformance/base/manifests.yaml (Gateways) and
 * the wrappers of conformance/utils/kubernetes/helpers.go that every test calls.
 */
import type { ExpectedCondition, ObjectKeyText, StatusCheck } from '../scenario-types'

export const INFRA_NS = 'gateway-conformance-infra'
export const APP_NS = 'gateway-conformance-app-backend'
export const WEB_NS = 'gateway-conformance-web-backend'

/** consts.go `InfraBackendServiceNameV1..V3`. */
export const V1 = 'infra-backend-v1'
export const V2 = 'infra-backend-v2'
export const V3 = 'infra-backend-v3'

/** The base manifests' Gateways, all in gateway-conformance-infra. */
export const SAME_NAMESPACE = `${INFRA_NS}/same-namespace`
export const SAME_NAMESPACE_HTTPS = `${INFRA_NS}/same-namespace-with-https-listener`
export const ALL_NAMESPACES = `${INFRA_NS}/all-namespaces`
export const BACKEND_NAMESPACES = `${INFRA_NS}/backend-namespaces`

/** `namespace/name` of an object in gateway-conformance-infra. */
export const infra = (name: string): ObjectKeyText => `${INFRA_NS}/${name}`

export const ACCEPTED_TRUE: ExpectedCondition = { type: 'Accepted', status: 'True', reason: 'Accepted' }
export const RESOLVED_REFS_TRUE: ExpectedCondition = { type: 'ResolvedRefs', status: 'True', reason: 'ResolvedRefs' }

/** `GatewayAndHTTPRoutesMustBeAccepted(gw, routes...)`. */
export function gatewayAndRoutesAccepted(gateway: ObjectKeyText, ...routes: ObjectKeyText[]): StatusCheck {
  return { kind: 'gateway-and-routes-accepted', gateway, routes }
}

/** `NamespacesMustBeReady([gateway-conformance-infra])`, as the tests that add a Gateway call it. */
export const INFRA_READY: StatusCheck = { kind: 'namespaces-ready', namespaces: [INFRA_NS] }

/** `HTTPRouteMustHaveResolvedRefsConditionsTrue(route, gw)`. */
export function resolvedRefsTrue(route: ObjectKeyText, gateway: ObjectKeyText): StatusCheck {
  return { kind: 'route-condition', route, gateway, condition: RESOLVED_REFS_TRUE }
}

/** `HTTPRouteMustHaveCondition(route, gw, condition)`. */
export function routeCondition(route: ObjectKeyText, gateway: ObjectKeyText, condition: ExpectedCondition): StatusCheck {
  return { kind: 'route-condition', route, gateway, condition }
}

/** The usual opening of an HTTPRoute test: the Gateway and routes accepted, each route's references resolved. */
export function acceptedAndResolved(gateway: ObjectKeyText, ...routes: ObjectKeyText[]): StatusCheck[] {
  return [gatewayAndRoutesAccepted(gateway, ...routes), ...routes.map((route) => resolvedRefsTrue(route, gateway))]
}

/** A listener supporting HTTPRoute with Accepted and ResolvedRefs True (any reason), as most listener checks read. */
export function readyListener(name: string, attachedRoutes: number): {
  name: string; supportedKinds: string[]; attachedRoutes: number; conditions: ExpectedCondition[]
} {
  return {
    name,
    supportedKinds: ['HTTPRoute'],
    attachedRoutes,
    conditions: [{ type: 'Accepted', status: 'True' }, { type: 'ResolvedRefs', status: 'True' }],
  }
}
