/**
 * ingress-nginx's http→https redirect, done in Lua at the end of the location's rewrite phase
 * (lua_ingress.lua redirect_to_https): force-ssl-redirect, or ssl-redirect on a host with a certificate.
 * The Location is `https://<Host without port><request_uri>` with one trailing `/` removed unless
 * preserve-trailing-slash is on.
 */
import type { RouteEnvironment } from './environment'
import { hostWithoutPort } from './normalize-host'
import { hasCertificate, type RouterIndex, type ServerIndex } from './route-index'
import type { CompiledLocation } from './types'

export interface HttpsRedirect {
  readonly code: number
  readonly location: string
  /** True when the redirect happened only because the host has a certificate (D8). */
  readonly byCertificate: boolean
  /** True when a trailing slash was removed (D9). */
  readonly strippedSlash: boolean
}

/**
 * The redirect for a request to `host` answered by `location` of the server `found`, or null. Whether the
 * host has a certificate is asked only when it matters (the Lua looks up the host, then `*.` + its parent); `scheme` is the request's (or
 * X-Forwarded-Proto with use-forwarded-headers), `httpHost` the Host header (or X-Forwarded-Host),
 * `requestUri` the raw path and query, `host` the normalised request host.
 */
export function decideHttpsRedirect(
  env: RouteEnvironment,
  found: ServerIndex,
  index: RouterIndex,
  host: string,
  location: Pick<CompiledLocation, 'path' | 'fixedStatus' | 'sslRedirect' | 'forceSslRedirect' | 'preserveTrailingSlash' | 'usePortInRedirects'>,
  scheme: string,
  httpHost: string,
  requestUri: string,
): HttpsRedirect | null {
  if (location.fixedStatus !== null || scheme !== 'http') return null
  const byCertificate = !location.forceSslRedirect
  if (byCertificate && !(location.sslRedirect && (host === found.hostname ? found.certificate : hasCertificate(index, host)))) return null
  if (env.noTlsRedirectLocations.some((prefix) => location.path.startsWith(prefix))) return null
  let uri = requestUri
  let strippedSlash = false
  if (!location.preserveTrailingSlash && uri.endsWith('/')) {
    uri = uri.slice(0, -1)
    strippedSlash = true
  }
  const port = location.usePortInRedirects ? `:${env.httpsPort}` : ''
  return { code: env.httpRedirectCode, location: `https://${hostWithoutPort(httpHost)}${port}${uri}`, byCertificate, strippedSlash }
}
