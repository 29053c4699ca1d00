/**
 * The two answers to one request put in one shape, then compared field by field (docs/migration.md#parity).
 * Normalised exactly once, here:
 * - `service` is `namespace/name`; `port` a number (an Ingress port name resolved through the model's Service;
 *   left as written when the Service or the name is unknown, which then differs from any number);
 * - the upstream's path and Host exist only when a backend received the request (ingress-nginx: `upstreamUri`
 *   set; Gateway: outcome `proxied`). Each router reports a rewritten path or Host and null when nothing was
 *   rewritten, so both go through `rewrittenOr` with the request's own path (as sent, without query) and Host;
 * - a controller 404 and a Gateway 404 are the same answer (only the status is compared when nothing is proxied);
 * - a Location is compared as the exact string, but for one spelling: `https://host` and `https://host/` are the
 *   same URL (an empty path of an http(s) URL is `/`, RFC 3986 §6.2.3), and ingress-nginx's https redirect of `/`
 *   writes the first.
 */
import { splitUrl } from '../route/route-request'
import type { ClusterModel } from '../model/types'
import type { RouteResult } from '../route/types'
import type { GatewayRouteResult } from '../gateway/types'
import { PARITY_FIELDS, type ParityField, type ParityRequest } from './types'

/** One router's answer in the compared shape. */
export interface ParityAnswer {
  readonly status: number
  readonly service: string | null
  readonly port: number | string | null
  readonly rewrittenPath: string | null
  readonly host: string | null
  readonly location: string | null
}

/** The request's path as sent (no query, no fragment) and its Host header (else the URL's authority). */
export interface RequestFacts {
  readonly scheme: string
  readonly path: string
  readonly host: string
}

export function requestFacts(request: ParityRequest): RequestFacts {
  const url = splitUrl(request.url)
  const target = url?.target ?? '/'
  const cut = target.search(/[?#]/)
  const hostHeader = Object.entries(request.headers).find(([name]) => name.toLowerCase() === 'host')?.[1]
  return { scheme: url?.scheme ?? '', path: cut === -1 ? target : target.slice(0, cut), host: hostHeader ?? url?.authority ?? '' }
}

/** `scheme://authority` without a path gets the path `/` (RFC 3986 §6.2.3); anything else is kept as written. */
export function normaliseLocation(location: string | null): string | null {
  if (location === null) return null
  const match = /^(https?:\/\/[^/?#]+)([?#].*)?$/i.exec(location)
  return match ? `${match[1]}/${match[2] ?? ''}` : location
}

/** The value the upstream receives: the router's rewritten one, else the request's own. */
function rewrittenOr(rewritten: string | null, own: string): string {
  return rewritten ?? own
}

/** An Ingress backend port as the Service's port number. */
export function resolvePort(model: ClusterModel, namespace: string | null, service: string | null, port: number | string | null): number | string | null {
  if (typeof port !== 'string' || service === null) return port
  const found = model.services.find((s) => s.meta.name === service && s.meta.namespace === namespace)
  return found?.ports.find((p) => p.name === port)?.port ?? port
}

export function ingressAnswer(model: ClusterModel, request: RequestFacts, result: RouteResult): ParityAnswer {
  const proxied = result.upstreamUri !== null
  // The Host the upstream receives (upstream-vhost, else the request's); older results without the field: the request's.
  const upstreamHost = (result as { readonly upstreamHost?: string | null }).upstreamHost ?? null
  return {
    status: result.status,
    service: result.service === null ? null : `${result.namespace ?? ''}/${result.service}`,
    port: resolvePort(model, result.namespace, result.service, result.port),
    rewrittenPath: proxied ? rewrittenOr(result.rewrittenPath, request.path) : null,
    host: proxied ? rewrittenOr(upstreamHost, request.host) : null,
    location: normaliseLocation(result.location),
  }
}

export function gatewayAnswer(request: RequestFacts, result: GatewayRouteResult): ParityAnswer {
  const proxied = result.outcome === 'proxied'
  return {
    status: result.status,
    service: result.service === null ? null : `${result.namespace ?? ''}/${result.service}`,
    port: result.port,
    rewrittenPath: proxied ? rewrittenOr(result.rewrittenPath, request.path) : null,
    host: proxied ? rewrittenOr(result.rewrittenHost, request.host) : null,
    location: normaliseLocation(result.location),
  }
}

/**
 * The fields that differ, in `PARITY_FIELDS` order. Two error answers of the same status are the same answer
 * (a controller 404 and a Gateway 404; a 500 and a 500), unless both name a backend and they differ (a 503 for a
 * Service without endpoints names it).
 */
export function differingFields(a: ParityAnswer, b: ParityAnswer): ParityField[] {
  if (a.status === b.status && a.status >= 400) {
    return a.service !== null && b.service !== null && (a.service !== b.service || a.port !== b.port) ? PARITY_FIELDS.filter((f) => f === 'service' || f === 'port').filter((f) => a[f] !== b[f]) : []
  }
  return PARITY_FIELDS.filter((field) => a[field] !== b[field])
}

/** A stable key of an answer (for shares and deduplication). */
export function answerKey(a: ParityAnswer): string {
  return `${a.status} ${a.service ?? '-'} ${a.port ?? '-'} ${a.rewrittenPath ?? '-'} ${a.host ?? '-'} ${a.location ?? '-'}`
}
