/**
 * What each side answered for one compared field of a parity difference (docs/migration.md#parity), as the short
 * text a row shows: `status 200 → 404`. Pure; the engine decided which fields differ.
 */
import type { GatewayRouteResult, ParityField, RouteResult } from '../../engine'

/** No value on that side (nothing proxied, no redirect). */
export const NONE = '—'

function service(namespace: string | null, name: string | null): string {
  return name === null ? NONE : namespace ? `${namespace}/${name}` : name
}

/** The value of `field` in ingress-nginx's answer. */
export function ingressValue(result: RouteResult, field: ParityField): string {
  switch (field) {
    case 'status': return String(result.status)
    case 'service': return service(result.namespace, result.service)
    case 'port': return result.port === null ? NONE : String(result.port)
    case 'rewrittenPath': return result.rewrittenPath ?? NONE
    case 'host': {
      // The Host the upstream receives, once the route stage reports it; the request's until then.
      const upstream = (result as RouteResult & { readonly upstreamHost?: string | null }).upstreamHost
      return upstream === undefined ? result.host : (upstream ?? NONE)
    }
    case 'location': return result.location ?? NONE
  }
}

/** The value of `field` in the Gateway's answer. */
export function gatewayValue(result: GatewayRouteResult, field: ParityField): string {
  switch (field) {
    case 'status': return String(result.status)
    case 'service': return service(result.namespace, result.service)
    case 'port': return result.port === null ? NONE : String(result.port)
    case 'rewrittenPath': return result.rewrittenPath ?? NONE
    case 'host': return result.service === null ? NONE : (result.rewrittenHost ?? result.host)
    case 'location': return result.location ?? NONE
  }
}
