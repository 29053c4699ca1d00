/**
 * A redirect URL as nginx writes it into a Location (docs/routing.md#permanent-redirect-and-temporal-redirect),
 * read into a RequestRedirect filter (docs/gateway-api.md#filters): scheme, hostname, port and the path as
 * ReplaceFullPath. What a RequestRedirect cannot say is named, so the caller can report it.
 */
import type { DraftFilter } from './draft'

/** The status codes the HTTPRoute CRD allows a RequestRedirect (httproute_types.go, `statusCode`). */
export const REDIRECT_CODES = [301, 302, 303, 307, 308] as const
export type RedirectCode = (typeof REDIRECT_CODES)[number]

export function isRedirectCode(code: number): code is RedirectCode {
  return (REDIRECT_CODES as readonly number[]).includes(code)
}

export type RedirectTarget =
  | {
      readonly kind: 'ok'
      readonly filter: DraftFilter
      /** The URL's query or fragment, which a RequestRedirect cannot write (the request's query follows instead). */
      readonly dropped: string | null
      /** The URL has no path: nginx's Location ends at the host, the Gateway's with `/`. */
      readonly noPath: boolean
      /** `$request_uri` ends the URL: the request's path and query follow, as a RequestRedirect without path does. */
      readonly requestUri: boolean
    }
  /** nginx variables other than a final `$request_uri`. */
  | { readonly kind: 'variables' }
  /** Not `http(s)://host…` nor an absolute path. */
  | { readonly kind: 'not-url' }
  | { readonly kind: 'code' }

// scheme, host, port, path, then the query or fragment.
const ABSOLUTE = /^(https?):\/\/([^/?#:$]+)(?::(\d{1,5}))?(\$request_uri$|[^?#]*)([?#].*)?$/i
const PATH = /^(\/[^?#]*)([?#].*)?$/

export function redirectFilterOf(url: string, code: number): RedirectTarget {
  if (!isRedirectCode(code)) return { kind: 'code' }
  const absolute = ABSOLUTE.exec(url)
  const relative = absolute ? null : PATH.exec(url)
  const path = absolute ? (absolute[4] as string) : relative ? (relative[1] as string) : null
  if (path === null) return url.includes('$') ? { kind: 'variables' } : { kind: 'not-url' }
  const requestUri = path === '$request_uri'
  if (!requestUri && url.includes('$')) return { kind: 'variables' }
  const port = absolute?.[3] === undefined ? undefined : Number(absolute[3])
  if (port !== undefined && (port < 1 || port > 65535)) return { kind: 'not-url' }
  const dropped = (absolute ? absolute[5] : relative?.[2]) ?? null
  const filter: DraftFilter = {
    type: 'RequestRedirect',
    requestRedirect: {
      ...(absolute ? { scheme: (absolute[1] as string).toLowerCase() as 'http' | 'https', hostname: (absolute[2] as string).toLowerCase() } : {}),
      ...(requestUri ? {} : { path: { type: 'ReplaceFullPath', replaceFullPath: path === '' ? '/' : path } }),
      ...(port !== undefined ? { port } : {}),
      statusCode: code,
    },
  }
  return { kind: 'ok', filter, dropped, noPath: path === '', requestUri }
}
