/**
 * Small facts of the Gateway API request stage that other layers read as values (a leaf module: it imports
 * nothing, so the page may import it without the engine; eslint.config.js `engineLeafModules`).
 */

/** The method of a request that names none (`GatewayRequest.method`). Methods are compared as sent (RFC 9110 §9.1: case-sensitive). */
export const DEFAULT_METHOD = 'GET'

/** The default port of each scheme: a URL without a port, a redirect's port defaults, a Location's omitted port (RFC 9110 §4.2). */
export const WELL_KNOWN_PORTS: Readonly<Record<string, number>> = Object.freeze({ http: 80, https: 443 })

/**
 * Why `routeGatewayRequest` answered as it did (`GatewayRouteResult.outcome`), decided where the status is, so no
 * view infers the reason from the status code (docs/gateway-api.md#routing-a-request):
 * `bad-url` 400; `no-gateway` 0; `no-listener` 0 (nothing listens on that port and protocol);
 * `no-listener-host` 404; `misdirected` 421; `tls-no-certificate` 0; `no-rule` 404; `unsupported-filter` 500 (on the
 * rule or the chosen backendRef); `redirect` 3xx; `no-backends` 500 (none, or every weight 0); `invalid-backend` 500;
 * `no-endpoints` 503; `proxied` 200.
 */
export const GATEWAY_OUTCOMES = [
  'bad-url', 'no-gateway', 'no-listener', 'no-listener-host', 'misdirected', 'tls-no-certificate', 'no-rule',
  'unsupported-filter', 'redirect', 'no-backends', 'invalid-backend', 'no-endpoints', 'proxied',
] as const

export type GatewayOutcome = (typeof GATEWAY_OUTCOMES)[number]
