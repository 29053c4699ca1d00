/**
 * The route table's Gateway API rows: one row per match of every HTTPRoute rule (a rule's matches are ORed, so
 * each is a way in), with the same columns as the Ingress rows — the hostnames the route answers through its
 * listeners, the match, the backends with their weights, the route and rule it is written in, and notes: why a
 * parentRef was not accepted, why a backendRef was refused, the filters the rule applies. Everything here is read
 * from `compileGateways`; the words of a note are the compile stage's condition messages or the UI's own labels
 * for data (a filter's type), never a fact worked out again (docs/gateway-api.md#studio-views).
 */
import type { Message } from '../messages/message'
import type { FieldPath, HTTPPathMatchType, HTTPRouteFilter, HTTPRouteMatch, SourceRef } from '../model/types'
import type { CompiledBackend, CompiledGateways, CompiledHTTPRoute, CompiledRule } from './types'

/** A backendRef as the table shows it: `name:port` (`namespace/name:port` from another namespace) and its share. */
export interface GatewayTableBackend {
  /** `web:80`, `other/web:80`, `Kind name` for another kind. */
  readonly text: string
  readonly weight: number
  /** The weight's share of the rule's total in percent (one decimal), null when the rule has one backend. */
  readonly percent: number | null
  readonly valid: boolean
  /** The refusal's reason (`RefNotPermitted`, `BackendNotFound`, `InvalidKind`, …), null when valid. */
  readonly refusal: string | null
}

/**
 * What the notes column says about a row, as data the page words: a condition as the compile stage wrote it
 * (reason and message), a filter by type with its data, or a rule the implementation cannot serve.
 */
export type GatewayTableNote =
  /** A parentRef whose `Accepted` condition is False: `gateway` is `namespace/name` or null when none of the input. */
  | { readonly kind: 'parent-refused'; readonly gateway: string | null; readonly reason: string; readonly message: Message }
  /** A parentRef accepted: the listeners it attached to. */
  | { readonly kind: 'attached'; readonly gateway: string; readonly listeners: readonly string[] }
  /** A backendRef refused (ResolvedRefs False for it). */
  | { readonly kind: 'backend-refused'; readonly backend: string; readonly reason: string; readonly message: Message }
  /** A filter of the rule: its type and a short value (a redirect's code and target, a rewrite, header names). */
  | { readonly kind: 'filter'; readonly type: HTTPRouteFilter['type']; readonly text: string }
  /** A filter the implementation cannot apply (a matched request answers 500). */
  | { readonly kind: 'unsupported-filter'; readonly type: string; readonly message: Message }

export interface GatewayTableRow {
  /** The hostnames requests carry to reach the route through its listeners (attachments' intersections), ', '-joined; '' for any host. */
  readonly host: string
  /** The same, as a list; null when some listener takes any host; empty when the route attached nowhere. */
  readonly hosts: readonly string[] | null
  /** The path match's value. */
  readonly path: string
  readonly pathType: HTTPPathMatchType
  /** Method, headers and query parameters the match also asks for, each in its own syntax: `GET`, `x-env: canary`, `?v=2`. */
  readonly conditions: readonly string[]
  /** The backends ', '-joined with their shares (`web:80 90%, web-v2:80 10%`); '' when the rule has none. */
  readonly backend: string
  readonly backends: readonly GatewayTableBackend[]
  /** `namespace/name` of the HTTPRoute. */
  readonly route: string
  readonly routeRef: { readonly namespace: string; readonly name: string; readonly index: number }
  /** The rule's index in the route's `rules`, and the match's in the rule's `matches`. */
  readonly rule: number
  readonly match: number
  /** True when the route is attached to no listener (every parentRef refused): requests never reach the row. */
  readonly detached: boolean
  readonly source: SourceRef
  /** The field path of the match (of the rule when `matches` was defaulted). */
  readonly at: FieldPath
  readonly notes: readonly GatewayTableNote[]
}

/** `name`, or `namespace/name` outside the route's namespace. */
function nameFrom(namespace: string, name: string, home: string): string {
  return namespace === home ? name : `${namespace}/${name}`
}

/** A backendRef's text: `web:80` for a Service, `Kind name` for any other kind. */
export function backendText(backend: CompiledBackend, home: string): string {
  const name = nameFrom(backend.namespace, backend.name, home)
  if (backend.kind !== 'Service' || backend.group !== '') return `${backend.kind} ${name}`
  return backend.port === null ? name : `${name}:${backend.port}`
}

/** The weight's share in percent with one decimal, null for a single backend. */
export function backendShare(backend: CompiledBackend, rule: CompiledRule): number | null {
  if (rule.backends.length < 2) return null
  const total = rule.backends.reduce((sum, b) => sum + b.weight, 0)
  return total === 0 ? 0 : Math.round((backend.weight / total) * 1000) / 10
}

/** The match's other conditions, each in its own syntax (data, the same in every language). */
export function matchConditions(match: HTTPRouteMatch): string[] {
  const parts: string[] = []
  if (match.method) parts.push(match.method)
  for (const header of match.headers) parts.push(`${header.name}${header.type === 'RegularExpression' ? ' ~' : ':'} ${header.value}`)
  for (const query of match.queryParams) parts.push(`?${query.name}${query.type === 'RegularExpression' ? '~' : '='}${query.value}`)
  return parts
}

/** A filter's short value: what a reader checks first (the redirect's target, the rewrite, the header names). */
export function filterText(filter: HTTPRouteFilter): string {
  const path = (modifier: { type: string; replaceFullPath?: string; replacePrefixMatch?: string } | undefined): string =>
    modifier === undefined ? '' : modifier.type === 'ReplaceFullPath' ? (modifier.replaceFullPath ?? '') : `${modifier.replacePrefixMatch ?? ''}*`
  switch (filter.type) {
    case 'RequestRedirect': {
      const r = filter.requestRedirect
      const target = [r.scheme ? `${r.scheme}://` : '', r.hostname ?? '', r.port !== undefined ? `:${r.port}` : '', path(r.path)].join('')
      return `${r.statusCode}${target ? ` ${target}` : ''}`
    }
    case 'URLRewrite':
      return [filter.urlRewrite.hostname ?? '', path(filter.urlRewrite.path)].filter(Boolean).join(' ')
    case 'RequestHeaderModifier':
    case 'ResponseHeaderModifier': {
      const m = filter.type === 'RequestHeaderModifier' ? filter.requestHeaderModifier : filter.responseHeaderModifier
      return [...m.set.map((h) => `${h.name}=`), ...m.add.map((h) => `+${h.name}`), ...m.remove.map((name) => `-${name}`)].join(' ')
    }
    case 'RequestMirror': {
      const ref = filter.requestMirror.backendRef
      return `${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}${ref.port !== undefined ? `:${ref.port}` : ''}${filter.requestMirror.percent !== undefined ? ` ${filter.requestMirror.percent}%` : ''}`
    }
    case 'ExtensionRef':
      return `${filter.extensionRef.kind} ${filter.extensionRef.name}`
    case 'Unknown':
      return filter.written
  }
}

/** The hostnames of every attachment of route `index` (null: some listener takes any host). */
export function attachedHosts(compiled: CompiledGateways, index: number): readonly string[] | null {
  const hosts = new Set<string>()
  for (const gateway of compiled.gateways) {
    for (const listener of gateway.listeners) {
      for (const attachment of listener.attachments) {
        if (attachment.routeIndex !== index) continue
        if (attachment.hostnames === null) return null
        for (const host of attachment.hostnames) hosts.add(host)
      }
    }
  }
  return [...hosts].sort()
}

/** The route-wide notes: each parentRef's attachment, or why it was not accepted. */
function parentNotes(route: CompiledHTTPRoute): GatewayTableNote[] {
  const notes: GatewayTableNote[] = []
  for (const parent of route.parents) {
    const refused = parent.conditions.find((c) => c.type === 'Accepted' && c.status !== 'True')
    if (refused) notes.push({ kind: 'parent-refused', gateway: parent.gateway, reason: refused.reason, message: refused.message })
    else if (parent.gateway !== null && parent.listeners.length > 0) notes.push({ kind: 'attached', gateway: parent.gateway, listeners: parent.listeners })
  }
  return notes
}

function ruleNotes(rule: CompiledRule, home: string): GatewayTableNote[] {
  const notes: GatewayTableNote[] = []
  for (const filter of rule.filters) notes.push({ kind: 'filter', type: filter.type, text: filterText(filter) })
  for (const unsupported of rule.unsupportedFilters) notes.push({ kind: 'unsupported-filter', type: unsupported.type, message: unsupported.message })
  for (const backend of rule.backends) {
    if (backend.refusal) notes.push({ kind: 'backend-refused', backend: backendText(backend, home), reason: backend.refusal.reason, message: backend.refusal.message })
    for (const unsupported of backend.unsupportedFilters) notes.push({ kind: 'unsupported-filter', type: unsupported.type, message: unsupported.message })
  }
  return notes
}

/**
 * Whether the route attached to at least one listener (a route attached but not Accepted for a filter of an
 * unknown type still takes requests and answers 500 for that rule: its parent keeps its listeners).
 */
export function isAttached(route: CompiledHTTPRoute): boolean {
  return route.parents.some((parent) => parent.listeners.length > 0)
}

/** The Gateway API rows of the route table, route by route in input order, rule by rule, match by match. */
export function buildGatewayRouteTable(compiled: CompiledGateways): GatewayTableRow[] {
  const rows: GatewayTableRow[] = []
  compiled.routes.forEach((route, index) => {
    const home = route.ref.namespace
    const hosts = attachedHosts(compiled, index)
    const detached = !isAttached(route)
    const parents = parentNotes(route)
    for (const rule of route.rules) {
      const backends = rule.backends.map((backend): GatewayTableBackend => ({
        text: backendText(backend, home),
        weight: backend.weight,
        percent: backendShare(backend, rule),
        valid: backend.valid,
        refusal: backend.refusal?.reason ?? null,
      }))
      const backend = backends.map((b) => (b.percent === null ? b.text : `${b.text} ${b.percent}%`)).join(', ')
      const notes = [...parents, ...ruleNotes(rule, home)]
      rule.matches.forEach((match, m) => {
        rows.push({
          host: hosts === null ? '' : hosts.join(', '),
          hosts: detached ? [] : hosts,
          path: match.path.value,
          pathType: match.path.type,
          conditions: matchConditions(match),
          backend,
          backends,
          route: route.ref.key,
          routeRef: { namespace: route.ref.namespace, name: route.ref.name, index },
          rule: rule.index,
          match: m,
          detached,
          source: route.ref.source,
          at: match.at.length > 0 ? match.at : rule.at,
          notes,
        })
      })
    }
  })
  return rows
}
