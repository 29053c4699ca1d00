/**
 * Which routes a listener admits (gateway_types.go `AllowedRoutes`, `RouteNamespaces`, `RouteGroupKind`,
 * `ListenerStatus.SupportedKinds`; docs/gateway-api.md#allowedroutes): the route kinds its protocol can carry,
 * narrowed by `allowedRoutes.kinds`, and the namespaces `From` Same, All or a label Selector.
 */
import { msg, type Message } from '../messages/message'
import { GATEWAY_API_GROUP } from '../model/gateway-types'
import type { ClusterModel, GatewayListener, LabelSelector } from '../model/types'
import { matchesSelector } from '../model/read-selector'

export interface GroupKind {
  readonly group: string
  readonly kind: string
}

/** The label every namespace carries since Kubernetes 1.22: its own name. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name'

/** The core protocols (gateway_types.go `ProtocolType`) and the route kinds each can carry. */
const ROUTE_KINDS_OF_PROTOCOL: Readonly<Record<string, readonly string[]>> = {
  HTTP: ['HTTPRoute', 'GRPCRoute'],
  HTTPS: ['HTTPRoute', 'GRPCRoute'],
  TLS: ['TLSRoute'],
  TCP: ['TCPRoute'],
  UDP: ['UDPRoute'],
}

/** Whether the studio implements `protocol` (the core ones; anything else is `UnsupportedProtocol`). */
export function isSupportedProtocol(protocol: string): boolean {
  return Object.prototype.hasOwnProperty.call(ROUTE_KINDS_OF_PROTOCOL, protocol)
}

/** What a listener's kinds come to: the supported ones (its status's `supportedKinds`) and those it refuses. */
export interface ListenerKinds {
  readonly supported: readonly GroupKind[]
  /** Kinds written in `allowedRoutes.kinds` that the protocol cannot carry (`InvalidRouteKinds`). */
  readonly invalid: readonly GroupKind[]
}

/** `supportedKinds` of a listener: the written kinds its protocol can carry, or all of them when none is written. */
export function listenerKinds(listener: GatewayListener): ListenerKinds {
  const compatible = ROUTE_KINDS_OF_PROTOCOL[listener.protocol]
  if (!compatible) return { supported: [], invalid: [] }
  if (listener.allowedRoutes.kinds.length === 0) return { supported: compatible.map((kind) => ({ group: GATEWAY_API_GROUP, kind })), invalid: [] }
  const supported: GroupKind[] = []
  const invalid: GroupKind[] = []
  for (const { group, kind } of listener.allowedRoutes.kinds) {
    const ok = group === GATEWAY_API_GROUP && compatible.includes(kind)
    const list = ok ? supported : invalid
    if (!list.some((k) => k.group === group && k.kind === kind)) list.push({ group, kind })
  }
  return { supported, invalid }
}

/** `group/kind` as the messages list kinds (`HTTPRoute` for the Gateway API group). */
export function describeKinds(kinds: readonly GroupKind[]): string {
  return kinds.map((k) => (k.group === GATEWAY_API_GROUP ? k.kind : `${k.group || 'core'}/${k.kind}`)).join(', ')
}

/** The labels of a namespace, and whether the input holds its Namespace object. */
export interface NamespaceLabels {
  readonly labels: Readonly<Record<string, string>>
  readonly found: boolean
}

/** Namespace labels from the `kind: Namespace` objects of the input (kept unmodelled), plus the automatic name label. */
export function indexNamespaceLabels(model: ClusterModel): (namespace: string) => NamespaceLabels {
  const found = new Map<string, Readonly<Record<string, string>>>()
  for (const object of model.unknown) {
    if (object.kind !== 'Namespace' || found.has(object.meta.name)) continue
    found.set(object.meta.name, { ...object.meta.labels, [NAMESPACE_NAME_LABEL]: object.meta.name })
  }
  return (namespace) => {
    const labels = found.get(namespace)
    return labels ? { labels, found: true } : { labels: { [NAMESPACE_NAME_LABEL]: namespace }, found: false }
  }
}

/** `a=b, c in (d, e)`: a label selector as the messages show it. */
export function describeSelector(selector: LabelSelector | undefined): string {
  if (!selector) return '{}'
  const parts = Object.entries(selector.matchLabels).map(([k, v]) => `${k}=${v}`)
  for (const { key, operator, values } of selector.matchExpressions) {
    if (operator === 'Exists') parts.push(key)
    else if (operator === 'DoesNotExist') parts.push(`!${key}`)
    else parts.push(`${key} ${operator === 'In' ? 'in' : 'notin'} (${values.join(', ')})`)
  }
  return parts.length === 0 ? '{}' : parts.join(', ')
}

/** Why a listener refuses an HTTPRoute of `routeNamespace`, or null when it admits it (kind first, then namespace). */
export function refusal(
  listener: GatewayListener,
  kinds: ListenerKinds,
  gatewayNamespace: string,
  routeNamespace: string,
  namespaceLabels: (namespace: string) => NamespaceLabels,
): { readonly why: Message; readonly automaticLabelOnly: boolean } | null {
  if (!kinds.supported.some((k) => k.group === GATEWAY_API_GROUP && k.kind === 'HTTPRoute')) {
    const why = kinds.supported.length === 0
      ? msg('gw-refused-no-kinds', { listener: listener.name })
      : msg('gw-refused-kind', { listener: listener.name, kinds: describeKinds(kinds.supported) })
    return { why, automaticLabelOnly: false }
  }
  const { from, selector } = listener.allowedRoutes
  if (from === 'All') return null
  if (from === 'Same') {
    return routeNamespace === gatewayNamespace ? null : { why: msg('gw-refused-namespace-same', { listener: listener.name, namespace: gatewayNamespace }), automaticLabelOnly: false }
  }
  // Selector: without a selector nothing is selected (the CRD's CEL rule requires one; a missing one admits nothing).
  const labels = namespaceLabels(routeNamespace)
  if (selector && matchesSelector(selector, labels.labels)) return null
  const said = { listener: listener.name, selector: describeSelector(selector), namespace: routeNamespace }
  return labels.found
    ? { why: msg('gw-refused-namespace-selector', said), automaticLabelOnly: false }
    : { why: msg('gw-refused-namespace-selector-automatic', said), automaticLabelOnly: true }
}

/** Whether a Selector listener admitted `routeNamespace` by its automatic label alone (no Namespace object). */
export function admittedByAutomaticLabel(listener: GatewayListener, routeNamespace: string, namespaceLabels: (namespace: string) => NamespaceLabels): boolean {
  return listener.allowedRoutes.from === 'Selector' && !namespaceLabels(routeNamespace).found
}
