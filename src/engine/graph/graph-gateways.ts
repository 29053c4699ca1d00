/**
 * The Gateway API half of the route graph: GatewayClass → Gateway → listeners (port, protocol, hostname, TLS
 * lock) → HTTPRoutes → rules → the Services their backendRefs name, the same Service nodes the Ingresses use
 * (graph-backends.ts draws what lies behind them). Everything is read from `compileGateways`: a route whose
 * parentRefs were all refused is drawn faded, hung from the Gateway it names, with each condition's reason and
 * message; a refused backendRef is a red edge with its reason (docs/gateway-api.md#studio-views).
 *
 * Node ids name what a node stands for: a Gateway by namespace and name, a listener by its Gateway and its name,
 * a rule by its route and field path, so an edit of a path, a port or a hostname keeps every id.
 */
import { attachedHosts, backendShare, filterText, isAttached, matchConditions } from '../gateway/gateway-route-table'
import type { CompiledBackend, CompiledGateway, CompiledGateways, CompiledHTTPRoute, CompiledListener, CompiledRule, GatewayCondition } from '../gateway/types'
import type { FieldPath, SourceRef } from '../model/types'
import { ensureServiceNode } from './graph-backends'
import { addBadge, addProblem, addSpan, type DraftNode } from './graph-draft'
import { qualifiedName, toSourceSpan, type GraphContext } from './graph-context'
import type { GatewayLookup, GraphProblem } from './types'

export const gatewayClassId = (name: string): string => `gwclass:${name}`
export const gatewayId = (key: string): string => `gw:${key}`
export const listenerId = (gateway: string, name: string): string => `listener:${gateway}|${name}`
export const httpRouteId = (key: string): string => `httproute:${key}`
/** A rule by its route and field path: editing its matches or backends keeps the id. */
export const routeRuleId = (route: string, at: FieldPath): string => `rule:${route}|${at.join('.')}`

/** The keys of `GatewayLookup`, from the names a `GatewayRouteResult` carries. */
export const gatewayLookupKey = {
  listener: (gateway: string, listener: string): string => `${gateway}|${listener}`,
  rule: (route: string, rule: number): string => `${route}|${rule}`,
  backend: (route: string, rule: number, backend: number): string => `${route}|${rule}|${backend}`,
}

export type MutableGatewayLookup = { -readonly [K in keyof GatewayLookup]: Record<string, string> }

export function emptyGatewayLookup(): MutableGatewayLookup {
  return { gateways: {}, classes: {}, listeners: {}, routes: {}, rules: {}, backends: {} }
}

/** What the graph's facets need of each rule node (graph-facets.ts). */
export type GatewayRuleFacts = Map<string, { readonly route: { readonly namespace: string; readonly name: string }; readonly hosts: readonly string[] | null }>

/** Conditions that say something is wrong: a positive condition not True, or `Conflicted` True. */
function troubles(conditions: readonly GatewayCondition[]): GatewayCondition[] {
  const seen = new Set<string>()
  return conditions.filter((condition) => {
    const bad = condition.type === 'Conflicted' ? condition.status === 'True' : condition.status !== 'True'
    // Programmed False follows from Accepted False with the same cause: say each reason once.
    if (!bad || seen.has(condition.reason)) return false
    seen.add(condition.reason)
    return true
  })
}

const conditionProblem = (code: 'gateway-condition' | 'listener-condition', condition: GatewayCondition): GraphProblem =>
  ({ code, subject: condition.reason, detail: condition.type, reason: condition.message })

function spanOf(ctx: GraphContext, source: SourceRef, at: FieldPath | null): ReturnType<typeof toSourceSpan> {
  return at === null ? toSourceSpan(source, source.span) : ctx.span(source, at)
}

/** The GatewayClass node of `name`: the class of the input, or one the input lacks (assumed to exist, and said so). */
function ensureClass(ctx: GraphContext, compiled: CompiledGateways, name: string): DraftNode {
  const id = gatewayClassId(name)
  const existing = ctx.draft.nodes.get(id)
  if (existing) return existing
  const written = compiled.gatewayClasses.find((c) => c.ref.name === name)
  const node = ctx.draft.node({ id, kind: 'gatewayClass', label: name, sub: written?.controllerName ?? null })
  if (written) addSpan(node, toSourceSpan(written.ref.source, written.ref.source.span))
  else addBadge(node, { kind: 'class-assumed', text: '' })
  return node
}

function addListener(ctx: GraphContext, lookup: MutableGatewayLookup, gateway: CompiledGateway, listener: CompiledListener): void {
  const id = listenerId(gateway.ref.key, listener.name)
  // A listener that carries no HTTPRoute, or takes no traffic (not Programmed), is drawn faded.
  const idle = !listener.servesHttpRoutes || !listener.programmed
  const node = ctx.draft.node({ id, kind: 'listener', label: listener.name, sub: `${listener.protocol} :${listener.port}`, dim: idle })
  addSpan(node, spanOf(ctx, gateway.ref.source, listener.at))
  addBadge(node, listener.hostname === null ? { kind: 'catch-all', text: '' } : { kind: 'hostname', text: listener.hostname })
  for (const certificate of listener.certificates) addBadge(node, { kind: 'tls', text: certificate.key.slice(certificate.key.indexOf('/') + 1) })
  for (const condition of troubles(listener.conditions)) addProblem(node, conditionProblem('listener-condition', condition))
  ctx.draft.edge(gatewayId(gateway.ref.key), id, 'listener', null, null, idle)
  lookup.listeners[gatewayLookupKey.listener(gateway.ref.key, listener.name)] = id
}

function addGateway(ctx: GraphContext, lookup: MutableGatewayLookup, compiled: CompiledGateways, gateway: CompiledGateway): void {
  const cls = ensureClass(ctx, compiled, gateway.gatewayClassName)
  const id = gatewayId(gateway.ref.key)
  const node = ctx.draft.node({ id, kind: 'gateway', label: qualifiedName(gateway.ref.namespace, gateway.ref.name), sub: gateway.addresses.join(', ') || null })
  addSpan(node, toSourceSpan(gateway.ref.source, gateway.ref.source.span))
  ctx.objects.set(id, { namespace: gateway.ref.namespace, name: gateway.ref.name })
  for (const condition of troubles(gateway.conditions)) addProblem(node, conditionProblem('gateway-condition', condition))
  ctx.draft.edge(cls.id, id, 'gateway')
  lookup.gateways[gateway.ref.key] = id
  lookup.classes[id] = cls.id
  for (const listener of gateway.listeners) addListener(ctx, lookup, gateway, listener)
}

/** The node a backendRef names: the Service's (shared with the Ingresses), or a resource node for another kind. */
function backendTarget(ctx: GraphContext, backend: CompiledBackend): DraftNode {
  if (backend.kind === 'Service' && backend.group === '') return ensureServiceNode(ctx, backend.namespace, backend.name)
  const id = `res:${backend.namespace}/${backend.kind}/${backend.name}`
  const node = ctx.draft.node({ id, kind: 'resource', label: qualifiedName(backend.namespace, backend.name), sub: backend.kind })
  ctx.objects.set(id, { namespace: backend.namespace, name: backend.name })
  return node
}

/**
 * The port (`:80`), or the share (`90%`) when the rule splits its traffic: the gap between two columns holds one
 * short label (the port is on the Service's card and in the route table).
 */
function backendLabel(backend: CompiledBackend, rule: CompiledRule): string | null {
  const share = backendShare(backend, rule)
  if (share !== null) return `${share}%`
  return backend.port === null ? null : `:${backend.port}`
}

function addRuleBadges(node: DraftNode, rule: CompiledRule): void {
  const first = rule.matches[0]
  if (first) {
    addBadge(node, { kind: 'match', text: first.path.type })
    const conditions = matchConditions(first)
    if (conditions.length > 0) addBadge(node, { kind: 'conditions', text: conditions.join(' · ') })
  }
  if (rule.matches.length > 1) addBadge(node, { kind: 'more-matches', text: String(rule.matches.length - 1) })
  for (const filter of rule.filters) {
    if (filter.type === 'RequestRedirect') addBadge(node, { kind: 'redirect', text: filterText(filter) })
    else if (filter.type === 'URLRewrite') addBadge(node, { kind: 'rewrite', text: filterText(filter) })
    else if (filter.type === 'RequestHeaderModifier' || filter.type === 'ResponseHeaderModifier') addBadge(node, { kind: 'header-filter', text: filterText(filter) })
    else if (filter.type === 'RequestMirror') addBadge(node, { kind: 'mirror', text: filterText(filter) })
  }
}

function addRule(ctx: GraphContext, lookup: MutableGatewayLookup, facts: GatewayRuleFacts, route: CompiledHTTPRoute, routeNode: DraftNode, rule: CompiledRule, hosts: readonly string[] | null): void {
  const key = route.ref.key
  const id = routeRuleId(key, rule.at)
  const first = rule.matches[0]
  const node = ctx.draft.node({ id, kind: 'routeRule', label: first?.path.value ?? '/', sub: `rules[${rule.index}]${rule.name ? ` · ${rule.name}` : ''}`, dim: routeNode.dim })
  addSpan(node, spanOf(ctx, route.ref.source, rule.at))
  addRuleBadges(node, rule)
  for (const unsupported of rule.unsupportedFilters) {
    addProblem(node, { code: 'unsupported-filter', subject: unsupported.type, detail: unsupported.type, reason: unsupported.message })
  }
  ctx.draft.edge(routeNode.id, id, 'rule', null, null, routeNode.dim)
  lookup.rules[gatewayLookupKey.rule(key, rule.index)] = id
  facts.set(id, { route: { namespace: route.ref.namespace, name: route.ref.name }, hosts })

  for (const backend of rule.backends) {
    const target = backendTarget(ctx, backend)
    lookup.backends[gatewayLookupKey.backend(key, rule.index, backend.index)] = target.id
    let problem: GraphProblem | null = null
    if (backend.refusal) {
      problem = { code: 'backend-refused', subject: backend.refusal.reason, detail: `${qualifiedName(backend.namespace, backend.name)}${backend.port === null ? '' : `:${backend.port}`}`, reason: backend.refusal.message }
      addProblem(node, problem)
    }
    for (const unsupported of backend.unsupportedFilters) {
      addProblem(node, { code: 'unsupported-filter', subject: unsupported.type, detail: unsupported.type, reason: unsupported.message })
    }
    ctx.draft.edge(id, target.id, 'backend', backendLabel(backend, rule), problem, routeNode.dim || backend.weight === 0)
  }
  for (const filter of rule.filters) {
    if (filter.type !== 'RequestMirror') continue
    const ref = filter.requestMirror.backendRef
    if (ref.kind !== 'Service' || ref.group !== '') continue
    const mirror = ensureServiceNode(ctx, ref.namespace ?? route.ref.namespace, ref.name)
    ctx.draft.edge(id, mirror.id, 'mirror', filter.requestMirror.percent === undefined ? null : `${filter.requestMirror.percent}%`, null, routeNode.dim)
  }
}

function addRoute(ctx: GraphContext, lookup: MutableGatewayLookup, facts: GatewayRuleFacts, compiled: CompiledGateways, route: CompiledHTTPRoute, index: number): void {
  const id = httpRouteId(route.ref.key)
  const attached = isAttached(route)
  const node = ctx.draft.node({ id, kind: 'httpRoute', label: qualifiedName(route.ref.namespace, route.ref.name), dim: !attached })
  if (route.hostnames.length > 0) addBadge(node, { kind: 'hostname', text: route.hostnames.join(', ') })
  addSpan(node, toSourceSpan(route.ref.source, route.ref.source.span))
  ctx.objects.set(id, { namespace: route.ref.namespace, name: route.ref.name })
  lookup.routes[route.ref.key] = id
  for (const parent of route.parents) {
    const refused = parent.conditions.find((c) => c.type === 'Accepted' && c.status !== 'True')
    if (!refused) continue
    const written = ctx.model.httpRoutes.find((r) => r.meta.namespace === route.ref.namespace && r.meta.name === route.ref.name)?.parentRefs[parent.parentRefIndex]
    addProblem(node, { code: 'parent-refused', subject: refused.reason, detail: parent.gateway ?? written?.name ?? '', reason: refused.message })
    const gateway = parent.gateway === null ? undefined : lookup.gateways[parent.gateway]
    // The Gateway the refused parentRef names, by a faded edge: where the route meant to attach.
    if (gateway) ctx.draft.edge(gateway, id, 'attach', parent.sectionName, null, true)
  }
  const hosts = attachedHosts(compiled, index)
  for (const rule of route.rules) addRule(ctx, lookup, facts, route, node, rule, hosts)
}

/**
 * Adds the Gateway API nodes and edges of `compiled` (before `addWorkloads`, which draws what lies behind the
 * Services) and fills `lookup`; returns the rule facts the graph's facets read.
 */
export function addGateways(ctx: GraphContext, compiled: CompiledGateways, lookup: MutableGatewayLookup): GatewayRuleFacts {
  const facts: GatewayRuleFacts = new Map()
  for (const gateway of compiled.gateways) addGateway(ctx, lookup, compiled, gateway)
  for (const gatewayClass of compiled.gatewayClasses) ensureClass(ctx, compiled, gatewayClass.ref.name)
  compiled.routes.forEach((route, index) => addRoute(ctx, lookup, facts, compiled, route, index))
  // Attachments after the routes exist, so an edge never points at a node that is not there.
  for (const gateway of compiled.gateways) {
    for (const listener of gateway.listeners) {
      const from = listenerId(gateway.ref.key, listener.name)
      for (const attachment of listener.attachments) {
        const to = lookup.routes[attachment.route]
        if (to) ctx.draft.edge(from, to, 'attach')
      }
    }
  }
  return facts
}
