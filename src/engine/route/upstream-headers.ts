/**
 * The request headers the upstream receives that annotations change, and the location a custom-headers problem
 * denies (docs/routing.md#upstream-request-headers). nginx.tmpl writes in every proxied location
 * `proxy_set_header Host $best_http_host` — or `proxy_set_header Host "<upstream-vhost>"` — and, beside an
 * effective rewrite-target's `rewrite … break` (template.go buildProxyPass), `proxy_set_header X-Forwarded-Prefix
 * "<x-forwarded-prefix>"`. nginx expands the variables and captures of both values when it builds the upstream
 * request; an empty value sends no header at all.
 *
 * Built once per location (`location-entry.ts`), null for the locations without any of the three annotations, so
 * the hot path pays one null check for them.
 */
import { parseNginxTemplate, variableValue, type NginxCaptures, type NginxVariableRequest } from './nginx-variables'
import type { CompiledLocation, CustomHeaders } from './types'

/** What a location's upstream-vhost, x-forwarded-prefix and custom-headers change. */
export interface LocationHeaders {
  /** upstream-vhost as written (trimmed), null without. */
  readonly upstreamVhost: string | null
  /** x-forwarded-prefix as written, null without or when the location has no effective rewrite (nginx.tmpl writes none). */
  readonly xForwardedPrefix: string | null
  /** x-forwarded-prefix set on a location without an effective rewrite: nothing is sent (the trace says so). */
  readonly xForwardedPrefixUnused: string | null
  /** custom-headers made the controller deny the location (nginx.tmpl: `return 503`), null otherwise. */
  readonly denied: Extract<CustomHeaders, { kind: 'denied' }> | null
}

/** The headers `location` changes, or null when it has none of the annotations. */
export function locationHeadersOf(location: CompiledLocation): LocationHeaders | null {
  const { upstreamVhost, xForwardedPrefix, customHeaders } = location
  if (upstreamVhost === undefined && xForwardedPrefix === undefined && customHeaders === undefined) return null
  const rewrites = location.rewriteTarget !== null
  return {
    upstreamVhost: upstreamVhost ?? null,
    xForwardedPrefix: rewrites ? (xForwardedPrefix ?? null) : null,
    xForwardedPrefixUnused: rewrites ? null : (xForwardedPrefix ?? null),
    denied: customHeaders?.kind === 'denied' ? customHeaders : null,
  }
}

/** The request facts the values read: nginx's variables, `$best_http_host`, the location's `set` variables. */
export interface HeaderContext {
  readonly request: NginxVariableRequest
  /** `$best_http_host` after ingress-nginx's Lua: the Host header as sent (or X-Forwarded-Host's first with use-forwarded-headers). */
  readonly bestHttpHost: string
  /** `$proxy_upstream_name` (and `$proxy_host`): the location's upstream. */
  readonly upstreamName: string
  /** The captures of the last regex nginx ran (the rewrite's), absent when none. */
  readonly captures?: NginxCaptures
}

/**
 * nginx's expansion of a `proxy_set_header` value: text as it is, `$1`–`$9` from the last regex, variables by name —
 * ingress-nginx's own (`$best_http_host`, `$namespace`, `$ingress_name`, `$service_name`, `$service_port`,
 * `$location_path`, `$proxy_upstream_name`, `$proxy_host`) from the location, the rest as `nginx-variables.ts` knows
 * them ('' for what a request cannot tell, such as addresses). An unparsable value stays as written (nginx -t refuses it,
 * so the Ingress is rejected before this runs).
 */
export function expandHeaderValue(value: string, location: CompiledLocation, context: HeaderContext): string {
  if (!value.includes('$')) return value
  const parsed = parseNginxTemplate(value, 'value')
  if (parsed.kind === 'invalid') return value
  let out = ''
  for (const part of parsed.parts) {
    if (part.kind === 'text') out += part.text
    else if (part.kind === 'capture') out += context.captures?.groups[part.group] ?? ''
    else if (part.kind === 'variable') out += locationVariable(part.name, location, context) ?? variableValue(part.name, context.request, context.captures) ?? ''
  }
  return out
}

/** The variables nginx.tmpl `set`s in every location (and `$best_http_host`, which its Lua sets). */
function locationVariable(name: string, location: CompiledLocation, context: HeaderContext): string | null {
  switch (name) {
    case 'best_http_host': return context.bestHttpHost
    case 'namespace': return location.ingress?.namespace ?? ''
    case 'ingress_name': return location.ingress?.name ?? ''
    case 'service_name': return location.backend?.service ?? ''
    case 'service_port': return location.backend ? String(location.backend.port) : ''
    case 'location_path': return location.ingressPath ?? ''
    case 'proxy_upstream_name': case 'proxy_host': return context.upstreamName
  }
  return null
}
