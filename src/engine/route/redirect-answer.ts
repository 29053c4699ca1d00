/**
 * nginx's answer to a location's `return <code> <url>;` from permanent-redirect or temporal-redirect
 * (docs/routing.md#redirects): the value's variables expanded (only reachable with annotation validation off),
 * then — for 301, 302, 303, 307 and 308 (ngx_http_send_response) — a Location header, which nginx's header filter
 * makes absolute when it starts with `/` and absolute_redirect is on (ngx_http_header_filter_module.c: `http` or
 * `https` by the connection, `://`, the Host header as validated — lower case, without port or trailing dot —
 * and no port, since ingress-nginx renders `port_in_redirect off` and a controller listening on 80/443 would drop
 * the default port anyway); for every other code the text is the response body and there is no Location.
 */
import { expandValue, type NginxVariableRequest } from './nginx-variables'

/** The codes nginx sends a `return` text as the Location for (ngx_http_send_response, nginx 1.22.1). */
export const LOCATION_CODES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308])

export interface RedirectAnswer {
  readonly status: number
  /** The Location header, null for a code that takes the text as its body. */
  readonly location: string | null
  /** The response body nginx writes (codes other than LOCATION_CODES), else null. */
  readonly body: string | null
  /** The value after nginx expanded its variables; null when it has none. */
  readonly expanded: string | null
  /** How the Location was formed: as written (absolute URL), made absolute by nginx, or kept relative (absolute_redirect off). */
  readonly form: 'absolute' | 'made-absolute' | 'kept-relative' | 'body'
}

/**
 * The answer for `return code url` to a request with `scheme` and validated `host`; `absoluteRedirect` is the
 * location's absolute_redirect (off with relative-redirects, by annotation or ConfigMap). `request` is consulted
 * only when the value has a `$`.
 */
export function answerRedirect(code: number, url: string, scheme: string, host: string, absoluteRedirect: boolean, request: () => NginxVariableRequest): RedirectAnswer {
  const expanded = url.includes('$') ? expandValue(url, request()) : null
  const text = expanded ?? url
  // 304 is header-only (ngx_http_header_filter_module.c): no body is sent.
  if (!LOCATION_CODES.has(code)) return { status: code, location: null, body: code === 304 ? '' : text, expanded, form: 'body' }
  if (!text.startsWith('/')) return { status: code, location: text, body: null, expanded, form: 'absolute' }
  if (!absoluteRedirect) return { status: code, location: text, body: null, expanded, form: 'kept-relative' }
  return { status: code, location: `${scheme}://${host}${text}`, body: null, expanded, form: 'made-absolute' }
}
