/**
 * One request, two routers: the ingress router's `RouteRequest` (cookies apart from headers, as ingress-nginx's
 * `$cookie_*` reads them) as a Gateway reads it. A Gateway API implementation sees cookies only as the `Cookie`
 * header a browser sends, so the cookies become that one header (`name=value; …`) unless a Cookie header is
 * written. The CLI and the URL tester both send requests through a Gateway this way.
 */
import type { RouteRequest } from '../route/types'
import { DEFAULT_METHOD } from './gateway-outcome'
import type { GatewayRequest } from './types'

export function gatewayRequestOf(request: RouteRequest): GatewayRequest {
  const headers: Record<string, string> = { ...request.headers }
  const cookies = Object.entries(request.cookies ?? {})
  const written = Object.keys(headers).some((name) => name.toLowerCase() === 'cookie')
  if (cookies.length > 0 && !written) headers.Cookie = cookies.map(([name, value]) => `${name}=${value}`).join('; ')
  return { url: request.url, method: request.method ?? DEFAULT_METHOD, ...(Object.keys(headers).length > 0 ? { headers } : {}) }
}
