/**
 * `route`'s Gateway API mode (README.md, "Command line"; docs/gateway-api.md#command-line): which way the
 * requests go (ingress-nginx or a Gateway of the input, chosen by the engine's `pickGateway`) and the JSON line
 * of one request routed by `routeGatewayRequest`. Routing and the choice of the Gateway are the engine's; this
 * module only decides when to ask and prints the answer.
 */
import { compileGateways, formatMessage, pickGateway, routeGatewayRequest, type ClusterModel, type GatewayRequest, type GatewayRouteResult, type Message, type MessageLanguage, type RandomSource } from '../../engine'

/** Where `route` sends the requests. */
export type RouteTarget =
  | { readonly kind: 'ingress' }
  | { readonly kind: 'gateway'; readonly gateway: string; readonly route: (request: GatewayRequest) => GatewayRouteResult }
  | { readonly kind: 'problem'; readonly problem: Message }

/**
 * The input's Gateways are asked only when `--gateway` names one, or when the input has Gateways and no Ingress
 * (then the engine takes its only Gateway, or says why it cannot). Without Gateways, or with Ingresses and no
 * `--gateway`, the answer is ingress-nginx's, as before Gateway API.
 */
export function chooseTarget(model: ClusterModel, requested: string | undefined, random: RandomSource): RouteTarget {
  if (requested === undefined && (model.gateways.length === 0 || model.ingresses.length > 0)) return { kind: 'ingress' }
  const compiled = compileGateways(model)
  const picked = pickGateway(compiled, model.ingresses.length, requested)
  if ('problem' in picked) return { kind: 'problem', problem: picked.problem }
  const { gateway } = picked
  return { kind: 'gateway', gateway, route: (request) => routeGatewayRequest(compiled, gateway, request, { random }) }
}

/** The answer `route` prints for a request through a Gateway, as a plain object: every field present, in the contract's order. */
export function toGatewayAnswer(result: GatewayRouteResult, language: MessageLanguage = 'en'): Record<string, unknown> {
  const { status, service, port, namespace, rewrittenPath, rewrittenHost, location, requestHeaders, responseHeaders } = result
  const route = result.route && { kind: result.route.kind, name: result.route.name, namespace: result.route.namespace, rule: result.route.rule }
  const trace = result.trace.map((step) => formatMessage(step, language))
  return { status, service, port, namespace, route, rewrittenPath, rewrittenHost, location, requestHeaders, responseHeaders, trace }
}
