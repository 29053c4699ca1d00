/**
 * Which listeners an HTTPRoute attaches to through one parentRef, and the parentRef's Accepted condition
 * (shared_types.go `ParentReference` and its Accepted reasons, gateway_types.go `AllowedRoutes`,
 * httproute_types.go `Hostnames`; docs/gateway-api.md#attachment):
 *
 * 1. the parentRef must name a Gateway (group `gateway.networking.k8s.io`, kind `Gateway`) of the input;
 * 2. `sectionName` and `port` narrow the Gateway's listeners (both must match when both are set), else
 *    `NoMatchingParent`;
 * 3. of those, the listeners whose allowedRoutes admit an HTTPRoute of the route's namespace, else
 *    `NotAllowedByListeners`;
 * 4. of those, the listeners whose hostname intersects the route's hostnames, else `NoMatchingListenerHostname`.
 *
 * The route is Accepted on the parentRef when at least one listener is left (ParentReference.SectionName: "an
 * attachment is considered successful if at least one section in the parent resource accepts it").
 */
import { msg, type Message } from '../messages/message'
import { GATEWAY_API_GROUP } from '../model/gateway-types'
import type { Gateway, HTTPRoute, ParentReference } from '../model/types'
import { admittedByAutomaticLabel, refusal, type NamespaceLabels } from './allowed-routes'
import { intersectHostnames } from './hostname-intersection'
import type { ListenerStatus } from './listener-conditions'

/** A Gateway of the input with its listeners' status, as attachment reads it. */
export interface AttachableGateway {
  readonly gateway: Gateway
  readonly key: string
  readonly listeners: readonly ListenerStatus[]
}

export interface ParentAttachment {
  /** The Gateway, or null when the parentRef names none of the input. */
  readonly gateway: AttachableGateway | null
  readonly accepted: boolean
  readonly reason: 'Accepted' | 'NoMatchingParent' | 'NotAllowedByListeners' | 'NoMatchingListenerHostname'
  readonly message: Message
  /** The listeners attached to, with the hostnames requests must carry through each (null: any). */
  readonly listeners: readonly { readonly index: number; readonly hostnames: readonly string[] | null }[]
}

/** Where `parentRef` of `route` attaches (nothing when it is not accepted). */
export function attachParent(
  route: HTTPRoute,
  parentRef: ParentReference,
  gatewayByKey: ReadonlyMap<string, AttachableGateway>,
  namespaceLabels: (namespace: string) => NamespaceLabels,
): ParentAttachment {
  const namespace = parentRef.namespace ?? route.meta.namespace
  const key = `${namespace}/${parentRef.name}`
  const detached = (gateway: AttachableGateway | null, reason: ParentAttachment['reason'], message: Message): ParentAttachment =>
    ({ gateway, accepted: false, reason, message, listeners: [] })
  if (parentRef.group !== GATEWAY_API_GROUP || parentRef.kind !== 'Gateway') {
    return detached(null, 'NoMatchingParent', msg('gw-route-parent-not-gateway', { kind: parentRef.kind, group: parentRef.group }))
  }
  const gateway = gatewayByKey.get(key)
  if (!gateway) return detached(null, 'NoMatchingParent', msg('gw-route-gateway-missing', { gateway: key }))

  const candidates = gateway.listeners.filter((s) =>
    (parentRef.sectionName === undefined || s.listener.name === parentRef.sectionName) && (parentRef.port === undefined || s.listener.port === parentRef.port))
  if (candidates.length === 0) {
    const wanted = parentRef.sectionName !== undefined && parentRef.port !== undefined
      ? msg('gw-wanted-section-port', { section: parentRef.sectionName, port: parentRef.port })
      : parentRef.sectionName !== undefined ? msg('gw-wanted-section', { section: parentRef.sectionName }) : msg('gw-wanted-port', { port: parentRef.port ?? 0 })
    const listeners = gateway.listeners.map((s) => `${s.listener.name} (${s.listener.port})`).join(', ') || msg('lint-none')
    return detached(gateway, 'NoMatchingParent', msg('gw-route-no-matching-section', { gateway: key, wanted, listeners }))
  }

  const routeNamespace = route.meta.namespace
  let firstRefusal: Message | null = null
  const allowed = candidates.filter((s) => {
    const refused = refusal(s.listener, s.kinds, gateway.gateway.meta.namespace, routeNamespace, namespaceLabels)
    if (refused) firstRefusal ??= refused.why
    return refused === null
  })
  if (allowed.length === 0) {
    return detached(gateway, 'NotAllowedByListeners', msg('gw-route-not-allowed', { gateway: key, why: firstRefusal ?? msg('lint-none') }))
  }

  const attached: { index: number; hostnames: readonly string[] | null }[] = []
  for (const s of allowed) {
    const hostnames = intersectHostnames(s.listener.hostname ?? null, route.hostnames)
    if (hostnames === null || hostnames.length > 0) attached.push({ index: s.index, hostnames })
  }
  if (attached.length === 0) {
    // Only listeners with a hostname can miss: one without takes every route hostname.
    const listeners = allowed.map((s) => `${s.listener.name} (${s.listener.hostname ?? ''})`).join(', ')
    return detached(gateway, 'NoMatchingListenerHostname', msg('gw-route-no-matching-hostname', { hostnames: route.hostnames.join(', '), gateway: key, listeners }))
  }
  const names = attached.map((a) => gateway.listeners[a.index]?.listener.name ?? '').join(', ')
  const automatic = attached.some((a) => {
    const listener = gateway.listeners[a.index]?.listener
    return listener !== undefined && admittedByAutomaticLabel(listener, routeNamespace, namespaceLabels)
  })
  const message = automatic
    ? msg('gw-route-accepted-automatic-label', { listeners: names, gateway: key, namespace: routeNamespace })
    : msg('gw-route-accepted', { listeners: names, gateway: key })
  return { gateway, accepted: true, reason: 'Accepted', message, listeners: attached }
}
