/**
 * HTTPRoute filters, in the order written: the rule's filters, then the chosen backendRef's
 * (docs/gateway-api.md#filters; httproute_types.go, HTTPRouteRule.filters and HTTPBackendRef.filters).
 * RequestHeaderModifier and ResponseHeaderModifier (set overwrites, add appends with a comma, remove drops),
 * URLRewrite (hostname, ReplaceFullPath, ReplacePrefixMatch), RequestRedirect (scheme, hostname, port, path,
 * status code with the spec's port defaults) and RequestMirror. ExtensionRef and unknown types never get here:
 * a rule with `unsupportedFilters` answers 500 first.
 */
import { msg, type Message } from '../messages/message'
import type { HTTPHeaderModifier, HTTPPathModifier, HTTPRequestMirror, HTTPRequestRedirect, HTTPRouteFilter } from '../model/types'
import { WELL_KNOWN_PORTS } from './gateway-outcome'
import { PATH_EXACT, PATH_PREFIX, prefixKey, type CompiledMatch } from './match-request'
import type { MirrorRefusal, ResolvedMirror } from './types'

/** What the filters have done so far to one request. */
export interface FilterState {
  /** Request headers (lower-case names), copied before the first change. */
  headers: Map<string, string>
  headersCopied: boolean
  /** The ResponseHeaderModifier filters met, in order (applied to the answer's headers when it is made). */
  response: HTTPHeaderModifier[] | null
  path: string
  pathRewritten: boolean
  host: string | null
  redirect: { readonly status: number; readonly location: string } | null
  mirrors: { readonly service: string; readonly namespace: string; readonly port: number | null }[] | null
}

/** What the filters read about the request and where it came in. */
export interface FilterContext {
  readonly scheme: string
  /** The Host without its port. */
  readonly host: string
  readonly query: string | null
  readonly listenerPort: number
  readonly match: CompiledMatch
  /** The route's namespace (a mirror's backendRef defaults to it). */
  readonly namespace: string
  readonly random: { next(): number }
  readonly trace: Message[] | null
}

export function newFilterState(headers: Map<string, string>, path: string): FilterState {
  return { headers, headersCopied: false, response: null, path, pathRewritten: false, host: null, redirect: null, mirrors: null }
}

/**
 * A path modifier applied to `path` (httproute_types.go, HTTPPathModifier): ReplaceFullPath replaces it;
 * ReplacePrefixMatch replaces the matched PathPrefix element by element, a trailing `/` of either side ignored
 * (`/foo/bar` with prefix `/foo` and `/xyz` → `/xyz/bar`; `/foo` with `` or `/` → `/`). Null when the rule's match
 * is a RegularExpression (the CRD allows ReplacePrefixMatch only with one PathPrefix match).
 */
export function modifyPath(modifier: HTTPPathModifier, path: string, match: CompiledMatch): string | null {
  if (modifier.type === 'ReplaceFullPath') return modifier.replaceFullPath
  let rest: string
  if (match.pathKind === PATH_PREFIX) rest = path.slice(prefixKey(match.pathValue).length)
  else if (match.pathKind === PATH_EXACT) rest = ''
  else return null
  const replaced = prefixKey(modifier.replacePrefixMatch) + rest
  return replaced === '' ? '/' : replaced.startsWith('/') ? replaced : '/' + replaced
}

function changeRequestHeaders(state: FilterState, modifier: HTTPHeaderModifier, trace: Message[] | null): void {
  if (!state.headersCopied) {
    state.headers = new Map(state.headers)
    state.headersCopied = true
  }
  const changes = trace ? ([] as Message[]) : null
  for (const { name, value } of modifier.set) {
    state.headers.set(name.toLowerCase(), value)
    changes?.push(msg('gateway-trace-header-set', { name, value }))
  }
  for (const { name, value } of modifier.add) {
    const key = name.toLowerCase()
    const before = state.headers.get(key)
    const after = before === undefined ? value : `${before},${value}`
    state.headers.set(key, after)
    changes?.push(before === undefined ? msg('gateway-trace-header-add-new', { name, value }) : msg('gateway-trace-header-add', { name, value, result: after }))
  }
  for (const name of modifier.remove) {
    const removed = state.headers.delete(name.toLowerCase())
    changes?.push(msg(removed ? 'gateway-trace-header-remove' : 'gateway-trace-header-remove-absent', { name }))
  }
  if (trace && changes) trace.push(msg('gateway-trace-filter-request-headers', { changes: joinMessages(changes) }))
}

function changeResponseHeaders(state: FilterState, modifier: HTTPHeaderModifier, trace: Message[] | null): void {
  state.response ??= []
  state.response.push(modifier)
  if (!trace) return
  const changes: Message[] = []
  for (const { name, value } of modifier.set) changes.push(msg('gateway-trace-header-set', { name, value }))
  for (const { name, value } of modifier.add) changes.push(msg('gateway-trace-response-header-add', { name, value }))
  for (const name of modifier.remove) changes.push(msg('gateway-trace-response-header-remove', { name }))
  trace.push(msg('gateway-trace-filter-response-headers', { changes: joinMessages(changes) }))
}

/**
 * The answer's headers: the backend's (when the caller knows them) after the ResponseHeaderModifier filters in
 * order — set overwrites, add appends with a comma, remove drops (httproute_types.go, HTTPHeaderFilter).
 */
export function responseHeadersOf(backend: Readonly<Record<string, string>> | null, modifiers: readonly HTTPHeaderModifier[] | null): Map<string, string> | null {
  if (backend === null && modifiers === null) return null
  const headers = new Map<string, string>()
  if (backend) for (const name in backend) headers.set(name.toLowerCase(), backend[name] as string)
  for (const modifier of modifiers ?? []) {
    for (const { name, value } of modifier.set) headers.set(name.toLowerCase(), value)
    for (const { name, value } of modifier.add) {
      const key = name.toLowerCase()
      const before = headers.get(key)
      headers.set(key, before === undefined ? value : `${before},${value}`)
    }
    for (const name of modifier.remove) headers.delete(name.toLowerCase())
  }
  return headers
}

/**
 * The Location of a RequestRedirect (httproute_types.go, HTTPRequestRedirectFilter): scheme and hostname default
 * to the request's; the port is the one written, else the well-known port of a written scheme, else the
 * listener's port; it is left out when it is the scheme's well-known port. The path as modified (or as sent), and
 * the request's query.
 */
function redirect(state: FilterState, filter: HTTPRequestRedirect, context: FilterContext): void {
  const scheme = filter.scheme ?? context.scheme
  const hostname = filter.hostname ?? context.host
  const port = filter.port ?? (filter.scheme !== undefined ? (WELL_KNOWN_PORTS[filter.scheme] ?? context.listenerPort) : context.listenerPort)
  const omitted = WELL_KNOWN_PORTS[scheme] === port
  let path = state.path
  let unchanged = false
  if (filter.path) {
    const modified = modifyPath(filter.path, state.path, context.match)
    if (modified === null) unchanged = true
    else path = modified
  }
  const location = `${scheme}://${hostname}${omitted ? '' : `:${port}`}${path}${context.query !== null ? `?${context.query}` : ''}`
  state.redirect = { status: filter.statusCode, location }
  const trace = context.trace
  if (trace) {
    const why = filter.port !== undefined
      ? msg('gateway-trace-redirect-port-written', { port })
      : filter.scheme !== undefined
        ? msg(WELL_KNOWN_PORTS[filter.scheme] !== undefined ? 'gateway-trace-redirect-port-scheme' : 'gateway-trace-redirect-port-listener', { port, scheme: filter.scheme })
        : msg('gateway-trace-redirect-port-listener', { port, scheme })
    if (unchanged) trace.push(msg('gateway-trace-prefix-needs-prefix', { path: context.match.pathValue }))
    trace.push(msg(omitted ? 'gateway-trace-filter-redirect-omitted' : 'gateway-trace-filter-redirect', { status: filter.statusCode, location, port: why, scheme }))
  }
}

function rewrite(state: FilterState, hostname: string | undefined, modifier: HTTPPathModifier | undefined, context: FilterContext): void {
  const trace = context.trace
  if (hostname !== undefined) {
    state.host = hostname
    trace?.push(msg('gateway-trace-filter-rewrite-host', { host: hostname }))
  }
  if (modifier) {
    const before = state.path
    const after = modifyPath(modifier, before, context.match)
    if (after === null) {
      trace?.push(msg('gateway-trace-prefix-needs-prefix', { path: context.match.pathValue }))
      return
    }
    state.path = after
    state.pathRewritten = true
    if (trace) {
      trace.push(modifier.type === 'ReplaceFullPath'
        ? msg('gateway-trace-filter-rewrite-full', { from: before, to: after })
        : msg('gateway-trace-filter-rewrite-prefix', { from: before, to: after, prefix: context.match.pathValue, replacement: modifier.replacePrefixMatch }))
    }
  }
}

function mirror(state: FilterState, filter: HTTPRequestMirror, namespace: string, context: FilterContext): void {
  const ref = filter.backendRef
  const target = { service: ref.name, namespace, port: ref.port ?? null }
  const percent = filter.percent ?? 100
  if (percent >= 100) {
    (state.mirrors ??= []).push(target)
    context.trace?.push(msg('gateway-trace-filter-mirror', { service: `${target.namespace}/${target.service}`, port: target.port ?? '' }))
    return
  }
  const draw = context.random.next() * 100
  const taken = draw < percent
  if (taken) (state.mirrors ??= []).push(target)
  context.trace?.push(msg(taken ? 'gateway-trace-filter-mirror-percent' : 'gateway-trace-filter-mirror-skipped', {
    service: `${target.namespace}/${target.service}`, port: target.port ?? '', percent, draw: draw.toFixed(2),
  }))
}

/**
 * Applies `filters` in order; stops after a RequestRedirect (the Gateway answers it). A RequestMirror whose
 * backendRef the compile stage refused (`refused`, by index) is not configured, so nothing is mirrored.
 */
export function applyFilters(
  filters: readonly HTTPRouteFilter[], state: FilterState, context: FilterContext, refused: readonly MirrorRefusal[], mirrors: readonly ResolvedMirror[],
): void {
  for (let index = 0; index < filters.length; index++) {
    const filter = filters[index] as HTTPRouteFilter
    switch (filter.type) {
      case 'RequestHeaderModifier':
        changeRequestHeaders(state, filter.requestHeaderModifier, context.trace)
        break
      case 'ResponseHeaderModifier':
        changeResponseHeaders(state, filter.responseHeaderModifier, context.trace)
        break
      case 'URLRewrite':
        rewrite(state, filter.urlRewrite.hostname, filter.urlRewrite.path, context)
        break
      case 'RequestRedirect':
        redirect(state, filter.requestRedirect, context)
        return
      case 'RequestMirror': {
        // The namespace compile resolved the backendRef to (every RequestMirror filter has one).
        const namespace = mirrors.find((m) => m.index === index)?.namespace
        if (namespace === undefined) break
        const refusal = refused.length > 0 ? refused.find((r) => r.index === index) : undefined
        if (refusal) {
          context.trace?.push(msg('gateway-trace-filter-mirror-refused', { service: `${namespace}/${filter.requestMirror.backendRef.name}`, reason: refusal.reason, message: refusal.message }))
        } else mirror(state, filter.requestMirror, namespace, context)
        break
      }
      default:
        // ExtensionRef and unknown types are the rule's `unsupportedFilters`: answered 500 before filters run.
        break
    }
  }
}

/** `a; b; c` as one nested message. */
export function joinMessages(parts: readonly Message[]): Message | string {
  if (parts.length === 0) return ''
  let joined: Message = parts[parts.length - 1] as Message
  for (let i = parts.length - 2; i >= 0; i--) joined = msg('gateway-trace-list', { first: parts[i] as Message, rest: joined })
  return joined
}
